//! The session's contents, typed, with every key in one place: the signed-in
//! user, the second factor still to give (user and where to go next), the
//! one-time flash message and the CSRF salt. Only this module names the keys.
//!
//! The store indexes sessions by the user (to end them all at deactivation),
//! so `USER_KEY` is the store's and is re-exported here.

use std::future::{Ready, ready};

use actix_session::{Session, SessionExt, SessionGetError, SessionInsertError};
use actix_web::{FromRequest, HttpRequest};
use uuid::Uuid;

use crate::error::AppError;

pub use crate::store::sessions::USER_KEY;
/// The user who gave the right password and owes a second factor.
pub const PENDING_KEY: &str = "pending_2fa_user";
/// Where that user goes once the second factor is given.
pub const NEXT_KEY: &str = "pending_2fa_next";
/// A message (already translated) for the next page shown.
pub const FLASH_KEY: &str = "flash";
/// The session's CSRF binding: a salt, not the token.
pub const CSRF_SALT_KEY: &str = "csrf_salt";

/// A sign-in waiting for its second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub user: Uuid,
    /// The local path to go to afterwards, if any.
    pub next: Option<String>,
}

/// The actix session, read and written only through typed methods.
#[derive(Clone)]
pub struct PortalSession(Session);

impl PortalSession {
    pub fn new(session: Session) -> PortalSession {
        PortalSession(session)
    }

    /// The signed-in user, if any.
    pub fn user_id(&self) -> Option<Uuid> {
        self.0.get::<Uuid>(USER_KEY).ok().flatten()
    }

    pub fn set_user_id(&self, user: Uuid) -> Result<(), SessionInsertError> {
        self.0.insert(USER_KEY, user)
    }

    /// The sign-in waiting for its second factor, if any.
    pub fn pending(&self) -> Option<Pending> {
        let user = self.0.get::<Uuid>(PENDING_KEY).ok().flatten()?;
        let next = self
            .0
            .get::<String>(NEXT_KEY)
            .ok()
            .flatten()
            .filter(|n| !n.is_empty());
        Some(Pending { user, next })
    }

    pub fn set_pending(&self, pending: &Pending) -> Result<(), SessionInsertError> {
        self.0.insert(PENDING_KEY, pending.user)?;
        self.0
            .insert(NEXT_KEY, pending.next.clone().unwrap_or_default())
    }

    pub fn clear_pending(&self) {
        self.0.remove(PENDING_KEY);
        self.0.remove(NEXT_KEY);
    }

    /// Leaves a message (already translated) for the next page shown.
    pub fn set_flash(&self, message: String) -> Result<(), SessionInsertError> {
        self.0.insert(FLASH_KEY, message)
    }

    /// The flash message, removed as it is read. Only a session holding one
    /// changes (and is written back).
    pub fn take_flash(&self) -> Option<String> {
        self.0.get::<String>(FLASH_KEY).ok().flatten()?;
        self.0.remove_as::<String>(FLASH_KEY).and_then(Result::ok)
    }

    pub fn csrf_salt(&self) -> Result<Option<String>, SessionGetError> {
        self.0.get::<String>(CSRF_SALT_KEY)
    }

    pub fn set_csrf_salt(&self, salt: &str) -> Result<(), SessionInsertError> {
        self.0.insert(CSRF_SALT_KEY, salt)
    }

    /// Whether the session holds anything at all.
    pub fn is_empty(&self) -> bool {
        self.0.entries().is_empty()
    }

    /// A new session id, keeping the state (at sign-in).
    pub fn renew(&self) {
        self.0.renew();
    }

    /// Ends the session: its state and its row.
    pub fn purge(&self) {
        self.0.purge();
    }

    /// The actix session underneath.
    pub fn inner(&self) -> &Session {
        &self.0
    }
}

impl From<Session> for PortalSession {
    fn from(session: Session) -> Self {
        PortalSession(session)
    }
}

impl FromRequest for PortalSession {
    type Error = AppError;
    type Future = Ready<Result<PortalSession, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(Ok(PortalSession(req.get_session())))
    }
}
