//! What the page layout (`templates/layout.html`) shows around every page:
//! language, CSRF token for the sign-out form, the signed-in user, the
//! navigation and a one-time flash message. Plain data, so that error pages
//! (`error.rs`) use the same layout as the rest; `web::page` adds the
//! constructors that read the session and the signed-in user.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::i18n::I18n;

pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub active: bool,
}

pub struct Page {
    pub i18n: I18n,
    pub csrf: String,
    pub user_name: Option<String>,
    pub org_name: Option<String>,
    pub nav: Vec<NavLink>,
    pub flash: Option<String>,
}

/// How pages write a date (`2026-03-01`).
pub const DATE: &str = "%Y-%m-%d";
/// How pages write a moment (`2026-03-01 09:00 UTC`).
pub const DATE_TIME: &str = "%Y-%m-%d %H:%M UTC";

/// A date as pages show it.
pub fn date(at: &DateTime<Utc>) -> String {
    at.format(DATE).to_string()
}

/// A date and time as pages show it.
pub fn date_time(at: &DateTime<Utc>) -> String {
    at.format(DATE_TIME).to_string()
}

impl Page {
    /// A page with no one signed in and nothing to show in the header.
    pub fn bare(i18n: I18n) -> Page {
        Page {
            i18n,
            csrf: String::new(),
            user_name: None,
            org_name: None,
            nav: Vec::new(),
            flash: None,
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.i18n.t1(id, name, value)
    }

    /// A product's cancellation and link policy, in words.
    pub fn t_policy(&self, cancel_days: &i64, link_days: &i64, cap: &i64) -> String {
        self.i18n.t_args(
            "catalog-policy-value",
            &[
                ("cancel", &cancel_days.to_string()),
                ("days", &link_days.to_string()),
                ("cap", &cap.to_string()),
            ],
        )
    }

    /// A date, the one way templates write it: `{{ page.date(x.created_at) }}`.
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        date(at)
    }

    /// A date and time, the one way templates write it.
    pub fn date_time(&self, at: &DateTime<Utc>) -> String {
        date_time(at)
    }

    /// An id as lists show it: its first eight characters, as unique among
    /// one customer's rows as a reader needs (the full id goes in a title
    /// and behind a copy button).
    pub fn short_id(&self, id: &Uuid) -> String {
        id.simple().to_string().chars().take(8).collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn dates_read_the_same_everywhere() {
        let at = Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 5, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(date(&at), "2026-03-01");
        assert_eq!(date_time(&at), "2026-03-01 09:05 UTC");
    }
}
