//! People: a partner's users and roles, invitations (partner staff,
//! customers' global admins, a new partner's first admin), password change
//! and reset. Mail goes through `crate::mail`.

pub mod account;
pub mod invitation;
pub mod invite;
pub mod two_factor;
pub mod users;

use crate::web::state::AppState;

pub use crate::app::invitations::INVITATION_DAYS;

/// The portal's configured public address, for links in mail: never the
/// Host or forwarded headers of the request, which the sender chooses.
pub fn base_url(req: &actix_web::HttpRequest) -> String {
    req.app_data::<actix_web::web::Data<AppState>>()
        .map(|s| s.public_url.origin().to_owned())
        .unwrap_or_default()
}
