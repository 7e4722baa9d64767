//! Signing in and out.

pub mod form;
pub mod second_factor;
pub mod sign_out;
pub mod submit;

/// A return path is only ever a path on this site. Browsers drop tabs and
/// newlines and read `\\` as `/` before resolving, so `/\t/evil.example`
/// would leave the site: anything with a control character, a backslash or
/// a leading `//` is refused, and what is left must resolve to this origin.
pub fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?;
    if next.len() > 2048
        || !next.starts_with('/')
        || next.starts_with("//")
        || next.chars().any(|c| c.is_control() || c == '\\')
    {
        return None;
    }
    let base = url::Url::parse("http://portal.invalid/").ok()?;
    let joined = base.join(next).ok()?;
    if joined.origin() != base.origin() {
        return None;
    }
    let mut path = joined.path().to_owned();
    if let Some(q) = joined.query() {
        path.push('?');
        path.push_str(q);
    }
    Some(path)
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
        assert_eq!(safe_next(Some("/a/../users")).as_deref(), Some("/users"));
        assert_eq!(
            safe_next(Some("/%2F%2Fevil")).as_deref(),
            Some("/%2F%2Fevil")
        );
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "customers",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: a=b",
            "/%09/evil.example\u{7f}",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad}");
        }
    }
}
