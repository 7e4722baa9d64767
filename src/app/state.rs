//! What every handler can reach: the store, the clock and the settings.

use crate::clock::SharedClock;
use crate::config::{PublicUrl, Settings};
use crate::crypto::KeyCipher;
use crate::files::FileStore;
use crate::store::Db;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Settings,
    /// Where every absolute link points (configured, else the bound address).
    pub public_url: PublicUrl,
    pub cipher: KeyCipher,
    pub files: FileStore,
    /// Service-request attachments, apart from the download files.
    pub attachments: FileStore,
    pub mailer: crate::mail::Mailer,
    /// What the server signs with (CSRF tokens, device cookies).
    pub site_keys: crate::site_keys::SiteKeys,
}

/// The reminder job can run on the web state too (tests do).
impl crate::reminders::Deps for AppState {
    fn db(&self) -> &Db {
        &self.db
    }
    fn mailer(&self) -> &crate::mail::Mailer {
        &self.mailer
    }
}
