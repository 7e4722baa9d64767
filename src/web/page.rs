//! What the portal layout needs on every page: language, CSRF token, the
//! signed-in user, role-aware navigation and a one-time flash message.

use actix_session::Session;

use crate::domain::role::Role;
use crate::error::AppError;
use crate::request_scope;
use crate::web::access::{
    FileRequests, ManageUsers, OperatePortal, Policy, Principal, SeeActivity, SeeCustomers,
    SeeHome, SeeOwnSoftware,
};
use crate::web::csrf;
use crate::web::session::PortalSession;

pub use crate::layout::{NavLink, Page};

/// Navigation entries: (section, path, message id, roles that see it). The
/// roles are those of the policy guarding the pages behind each entry.
const NAV: &[(&str, &str, &str, &[Role])] = &[
    ("home", "/", "nav-home", SeeHome::ROLES),
    (
        "customers",
        "/customers",
        "nav-customers",
        SeeCustomers::ROLES,
    ),
    (
        "partners",
        "/operator/partners",
        "nav-partners",
        OperatePortal::ROLES,
    ),
    (
        "catalog",
        "/operator/catalog",
        "nav-catalog",
        OperatePortal::ROLES,
    ),
    (
        "my-software",
        "/my/software",
        "nav-my-software",
        SeeOwnSoftware::ROLES,
    ),
    ("support", "/support", "nav-support", FileRequests::ROLES),
    (
        "requests",
        "/operator/requests",
        "nav-requests",
        OperatePortal::ROLES,
    ),
    ("users", "/users", "nav-users", ManageUsers::ROLES),
    ("activity", "/activity", "nav-activity", SeeActivity::ROLES),
];

// `Page` is plain data in `crate::layout`; these constructors read the
// session and the signed-in user.
impl Page {
    /// The page for a signed-in user; `section` marks the active navigation entry.
    pub fn for_user(session: &Session, p: &Principal, section: &str) -> Result<Page, AppError> {
        Ok(Page {
            flash: take_flash(session),
            ..Page::signed_in(p, section)
        })
    }

    /// The signed-in user's layout without the flash (which stays for the
    /// next page): what an error page shows around itself.
    pub fn signed_in(p: &Principal, section: &str) -> Page {
        let nav = NAV
            .iter()
            .filter(|(_, _, _, roles)| p.has_any(roles))
            .map(|(s, href, label, _)| NavLink {
                href,
                label: p.i18n.t(label),
                active: *s == section,
            })
            .collect();
        Page {
            i18n: p.i18n.clone(),
            csrf: csrf::token(),
            user_name: Some(p.account.display_name.clone()),
            org_name: Some(p.account.org_name.clone()),
            nav,
            flash: None,
        }
    }

    /// The page for someone not signed in (the sign-in form).
    pub fn anonymous(session: &Session) -> Result<Page, AppError> {
        Ok(Page {
            i18n: request_scope::i18n(),
            csrf: csrf::token(),
            user_name: None,
            org_name: None,
            nav: Vec::new(),
            flash: take_flash(session),
        })
    }
}

/// Leaves a message (already translated) for the next page shown.
pub fn flash(session: &Session, message: String) -> Result<(), AppError> {
    PortalSession::new(session.clone()).set_flash(message)?;
    Ok(())
}

fn take_flash(session: &Session) -> Option<String> {
    PortalSession::new(session.clone()).take_flash()
}
