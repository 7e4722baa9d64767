//! People: a partner's users and roles, invitations (partner staff,
//! customers' global admins, a new partner's first admin), password change
//! and reset. Mail goes through `crate::mail`.

pub mod account;
pub mod api_tokens;
pub mod invitation;
pub mod invite;
pub mod preferences;
pub mod two_factor;
pub mod users;
