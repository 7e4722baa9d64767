//! Signing in and out.

pub mod form;
pub mod second_factor;
pub mod sign_out;
pub mod submit;

/// A return path is only ever a path on this site (never `//host` or a URL).
pub fn safe_next(next: Option<&str>) -> Option<String> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(
            safe_next(Some("/customers?q=a")).as_deref(),
            Some("/customers?q=a")
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "customers",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad}");
        }
    }
}
