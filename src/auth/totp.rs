//! Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s, one step of
//! skew) and recovery codes. Time comes from the caller's clock.

use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use rand::seq::SliceRandom;
use totp_rs::{Builder, Totp};

const ISSUER: &str = "CSP Software Portal";

/// The stored form of a secret (hex text, so it is encrypted like product
/// keys) back to its 20 bytes.
pub fn secret_from_text(text: &str) -> Vec<u8> {
    hex::decode(text).unwrap_or_default()
}

pub fn new_secret() -> Vec<u8> {
    let mut s = vec![0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut s);
    s
}

fn totp(secret: &[u8], email: &str) -> anyhow::Result<Totp> {
    Builder::new()
        .with_secret(secret.to_vec())
        .with_account_name(email.to_owned())
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| anyhow::anyhow!("TOTP setup failed: {e}"))
}

/// The time step a 6-digit code matches at `now`, if any.
pub fn check(secret: &[u8], email: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret, email).ok()?;
    let secs = u64::try_from(now.timestamp()).ok()?;
    t.check(&code, secs)
        .and_then(|step| i64::try_from(step).ok())
}

/// The current code (tests and nothing else need this).
pub fn code_at(secret: &[u8], email: &str, now: DateTime<Utc>) -> Option<String> {
    let t = totp(secret, email).ok()?;
    Some(t.generate(u64::try_from(now.timestamp()).ok()?).to_string())
}

/// The secret in base32 (typed by hand) and the enrolment QR code as an
/// SVG data URL for an <img>.
pub fn enrolment(secret: &[u8], email: &str) -> anyhow::Result<(String, String)> {
    let t = totp(secret, email)?;
    let url = t
        .to_url()
        .map_err(|e| anyhow::anyhow!("otpauth URL: {e}"))?;
    let svg = qrcode::QrCode::new(url.as_bytes())?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .build();
    let data = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    );
    Ok((t.secret().to_base32(), data))
}

/// Ten one-time recovery codes, `xxxx-xxxx`, and their hashes to store.
pub fn recovery_codes() -> Vec<(String, String)> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rngs::OsRng;
    (0..10)
        .map(|_| {
            let mut four = || -> String {
                (0..4)
                    .filter_map(|_| ALPHABET.choose(&mut rng).map(|&b| char::from(b)))
                    .collect()
            };
            let code = format!("{}-{}", four(), four());
            let hash = recovery_hash(&code);
            (code, hash)
        })
        .collect()
}

pub fn recovery_hash(code: &str) -> String {
    let normal: String = code
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    crate::crypto::token_hash(&normal)
}
