//! What the portal layout needs on every page: language, CSRF token, the
//! signed-in user, role-aware navigation and a one-time flash message.

use actix_session::Session;

use crate::domain::role::Role;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::web::access::Principal;
use crate::web::{csrf, request_ctx};

const FLASH_KEY: &str = "flash";

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

/// Navigation entries: (section, path, message id, roles that see it).
const NAV: &[(&str, &str, &str, &[Role])] = &[
    (
        "home",
        "/",
        "nav-home",
        &[Role::PartnerGlobalAdmin, Role::CustomerUser, Role::Operator],
    ),
    (
        "customers",
        "/customers",
        "nav-customers",
        &[Role::AdminAgent, Role::SalesAgent, Role::HelpdeskAgent],
    ),
    (
        "partners",
        "/operator/partners",
        "nav-partners",
        &[Role::Operator],
    ),
    (
        "catalog",
        "/operator/catalog",
        "nav-catalog",
        &[Role::Operator],
    ),
    (
        "my-software",
        "/my/software",
        "nav-my-software",
        &[Role::CustomerGlobalAdmin],
    ),
    (
        "support",
        "/support",
        "nav-support",
        &[Role::AdminAgent, Role::SalesAgent, Role::HelpdeskAgent],
    ),
    (
        "requests",
        "/operator/requests",
        "nav-requests",
        &[Role::Operator],
    ),
    ("users", "/users", "nav-users", &[Role::PartnerGlobalAdmin]),
    (
        "activity",
        "/activity",
        "nav-activity",
        &[Role::AdminAgent, Role::PartnerGlobalAdmin, Role::Operator],
    ),
];

impl Page {
    /// The page for a signed-in user; `section` marks the active navigation entry.
    pub fn for_user(session: &Session, p: &Principal, section: &str) -> Result<Page, AppError> {
        let nav = NAV
            .iter()
            .filter(|(_, _, _, roles)| p.has_any(roles))
            .map(|(s, href, label, _)| NavLink {
                href,
                label: p.i18n.t(label),
                active: *s == section,
            })
            .collect();
        Ok(Page {
            i18n: p.i18n.clone(),
            csrf: csrf::token(),
            user_name: Some(p.account.display_name.clone()),
            org_name: Some(p.account.org_name.clone()),
            nav,
            flash: take_flash(session),
        })
    }

    /// The page for someone not signed in (the sign-in form).
    pub fn anonymous(session: &Session) -> Result<Page, AppError> {
        Ok(Page {
            i18n: request_ctx::i18n(),
            csrf: csrf::token(),
            user_name: None,
            org_name: None,
            nav: Vec::new(),
            flash: take_flash(session),
        })
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    pub fn t1(&self, id: &str, name: &'static str, value: &str) -> String {
        self.i18n.t1(id, name, value)
    }

    /// How long a new link works, in words.
    pub fn t_args_link(&self, days: &i64, cap: &i64) -> String {
        self.i18n.t_args(
            "link-limits",
            &[("days", &days.to_string()), ("cap", &cap.to_string())],
        )
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
}

/// Leaves a message (already translated) for the next page shown.
pub fn flash(session: &Session, message: String) -> Result<(), AppError> {
    session.insert(FLASH_KEY, message)?;
    Ok(())
}

fn take_flash(session: &Session) -> Option<String> {
    // Only a session holding a flash changes (and is written back).
    session.get::<String>(FLASH_KEY).ok().flatten()?;
    session.remove_as::<String>(FLASH_KEY).and_then(Result::ok)
}
