//! The server's signing keys live beside the services (`crate::site_keys`).

pub use crate::site_keys::SiteKeys;
