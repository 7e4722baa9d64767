//! Passwords: argon2id with OWASP's parameters, always off the async workers.

pub mod hasher;
pub mod policy;
pub mod totp;

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::PasswordHasher;
use secrecy::{ExposeSecret, SecretString};

use crate::error::AppError;

/// Hashes a password (argon2's defaults are OWASP's m=19456 KiB, t=2, p=1).
pub fn hash_blocking(password: &SecretString) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.expose_secret().as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

/// Hashes a password in the server (bounded, reusing memory: see `hasher`).
pub async fn hash(password: SecretString) -> Result<String, AppError> {
    hasher::hash(password).await
}

/// A hash of nothing anyone knows, so that an unknown address costs the same
/// time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_blocking(&SecretString::from(uuid::Uuid::new_v4().to_string())).unwrap_or_default()
    })
}

/// Checks `password` against `hash`, or against a dummy when there is no user.
pub async fn verify(hash: Option<String>, password: SecretString) -> Result<bool, AppError> {
    let known = hash.is_some();
    let h = hash.unwrap_or_else(|| dummy_hash().to_owned());
    Ok(hasher::verify(h, password).await? && known)
}
