//! Choosing the language: the switch at the foot of every page (a form,
//! so it works without JavaScript), the `lang` cookie it leaves for a
//! visitor not signed in, and where it may send the browser back to.

use actix_web::cookie::{Cookie, SameSite, time::Duration};

use crate::i18n::SUPPORTED;
use crate::request_scope;
use crate::web::csrf;

/// The cookie holding a visitor's choice (a supported tag, nothing else).
pub const COOKIE: &str = "lang";

/// Each language by its own name, as a switch offers it: a reader who does
/// not understand the page's language still finds theirs.
pub fn choices() -> [(&'static str, &'static str); 5] {
    let names = ["English", "Русский", "简体中文", "Polski", "Čeština"];
    let mut out = [("", ""); 5];
    for ((slot, tag), name) in out.iter_mut().zip(SUPPORTED).zip(names) {
        *slot = (tag, name);
    }
    out
}

/// What the switch's form carries: this request's CSRF token and where to
/// come back to.
pub struct Switch {
    pub csrf: String,
    pub next: String,
}

/// The switch for the page being rendered.
pub fn switch() -> Switch {
    Switch {
        csrf: csrf::token(),
        next: request_scope::path(),
    }
}

/// `next` if it is a path of this site (`/...`), else `/`: never another
/// origin (`//evil.example`, `/\evil.example`, `https://...`), and nothing
/// a header could not carry.
pub fn safe_next(next: &str) -> &str {
    let same_site = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.bytes().all(|b| (0x21..0x7f).contains(&b));
    if same_site { next } else { "/" }
}

/// The cookie remembering `tag` for a year.
pub fn cookie(tag: &str, https: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, tag.to_owned())
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(365))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_come_back() {
        for good in ["/", "/customers?q=a%20b", "/sign-in?next=%2Fusers"] {
            assert_eq!(safe_next(good), good);
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "evil.example",
            "",
            "/a b",
            "/\r\nSet-Cookie: x=1",
            "javascript:alert(1)",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }

    #[test]
    fn every_supported_language_is_offered_by_its_own_name() {
        let tags: Vec<&str> = choices().iter().map(|(t, _)| *t).collect();
        assert_eq!(tags, SUPPORTED);
        assert!(choices().iter().all(|(_, n)| !n.is_empty()));
    }
}
