//! Password rules of OWASP ASVS 2.1: at least 12 characters, at most 128, no
//! composition rules, and not a common password. The list is Django's
//! `common-passwords.txt` (20,000 passwords from breaches, BSD licence),
//! lower-cased.

use std::collections::HashSet;
use std::sync::OnceLock;

const COMMON: &str = include_str!("common_passwords.txt");
pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.lines().filter(|l| !l.is_empty()).collect())
}

/// `Err(message id)` when the password breaks a rule.
pub fn check(password: &str, email: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err("password-too-short");
    }
    if n > MAX_CHARS {
        return Err("password-too-long");
    }
    let lower = password.to_lowercase();
    // "password1234!" is "password" with a suffix: common all the same.
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    if common().contains(lower.as_str()) || (stem.chars().count() >= 4 && common().contains(stem)) {
        return Err("password-common");
    }
    let mut chars = lower.chars();
    if let Some(first) = chars.next()
        && chars.all(|c| c == first)
    {
        return Err("password-common");
    }
    let local = email.split('@').next().unwrap_or_default().to_lowercase();
    if local.chars().count() >= 4 && lower.contains(&local) {
        return Err("password-contains-email");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn length_and_common_passwords() {
        assert_eq!(check("short-pass", "a@b.c"), Err("password-too-short"));
        assert_eq!(check("qwertyuiop[]", "a@b.c"), Err("password-common"));
        assert_eq!(check("Password123456!", "a@b.c"), Err("password-common"));
        assert_eq!(check("aaaaaaaaaaaaaaaa", "a@b.c"), Err("password-common"));
        assert_eq!(
            check("olivia-is-here-2026", "olivia@northwind.example"),
            Err("password-contains-email")
        );
        assert_eq!(check("correct horse battery staple", "a@b.c"), Ok(()));
        assert_eq!(check(&"x".repeat(129), "a@b.c"), Err("password-too-long"));
    }
}
