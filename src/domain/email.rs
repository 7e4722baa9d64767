//! E-mail addresses, kept lower-case so that sign-in and uniqueness ignore case.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// A pragmatic check (one `@`, a dotted domain, no spaces, at most 254
    /// characters): delivery is the real test, this only catches typos.
    pub fn parse(input: &str) -> Option<Email> {
        let s = input.trim().to_lowercase();
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let (local, domain) = s.split_once('@')?;
        if local.is_empty() || local.len() > 64 || domain.contains('@') {
            return None;
        }
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
            return None;
        }
        Some(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse(" Admin@Northwind.Example ").map(|e| e.to_string()),
            Some("admin@northwind.example".to_owned())
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in ["", "a", "a@", "@b.c", "a@b", "a@b..c", "a b@c.d", "a@b@c.d"] {
            assert!(Email::parse(bad).is_none(), "{bad}");
        }
    }
}
