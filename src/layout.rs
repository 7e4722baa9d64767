//! What the page layout (`templates/layout.html`) shows around every page:
//! language, CSRF token for the sign-out form, the signed-in user, the
//! navigation and a one-time flash message. Plain data, so that error pages
//! (`error.rs`) use the same layout as the rest; `web::page` adds the
//! constructors that read the session and the signed-in user.

use chrono::{DateTime, Utc};

use crate::i18n::{Arg, I18n};
use crate::web::html::{Escaped, Id, ShortId};

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

/// A date as pages show it, in the request's language and time zone
/// (`crate::format`).
pub fn date(at: &DateTime<Utc>) -> String {
    crate::format::date(at)
}

/// A date and time as pages show it (the page's foot says in which zone).
pub fn date_time(at: &DateTime<Utc>) -> String {
    crate::format::date_time(at)
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
        self.i18n.t_with(
            "catalog-policy-value",
            &[
                ("cancel", (*cancel_days).into()),
                ("days", (*link_days).into()),
                ("cap", (*cap).into()),
            ],
        )
    }

    /// A date, the one way templates write it: `{{ page.date(x.created_at) }}`.
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        self.i18n.date(at)
    }

    /// A date and time, the one way templates write it.
    pub fn date_time(&self, at: &DateTime<Utc>) -> String {
        self.i18n.date_time(at)
    }

    /// A number as the page's language groups it.
    pub fn number(&self, n: &i64) -> String {
        self.i18n.number(*n)
    }

    /// The message `id` with the number `n` (an `i64` or a `usize`) as
    /// `name`: passed as a number, so the message picks its plural form.
    pub fn t_count<'a>(&self, id: &str, name: &'static str, n: impl Into<Arg<'a>>) -> String {
        self.i18n.t_with(id, &[(name, n.into())])
    }

    /// An id as lists show it: its first eight characters, as unique among
    /// one customer's rows as a reader needs (the full id goes in a title
    /// and behind a copy button).
    pub fn short_id(&self, id: impl Into<Id>) -> ShortId {
        id.into().short()
    }

    /// The message `id`, escaped once for a template that writes it on
    /// every row of a list.
    pub fn label(&self, id: &str) -> Escaped {
        Escaped::new(&self.t(id))
    }
}
