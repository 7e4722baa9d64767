//! Product keys at rest: ChaCha20-Poly1305 with the data key, plus a keyed
//! fingerprint (HMAC-SHA256) so duplicates are found without decrypting.
//! Download-link tokens are derived from the data key too (never stored).

use anyhow::Context;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, OsRng};
use chacha20poly1305::{AeadCore, ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use uuid::Uuid;

use crate::config::{SecretKey, Settings, secret_key};

#[derive(Clone)]
pub struct KeyCipher {
    aead: ChaCha20Poly1305,
    fingerprint_key: SecretKey,
    link_key: SecretKey,
}

impl std::fmt::Debug for KeyCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyCipher([redacted])")
    }
}

/// A product key in clear text: wiped on drop, never printed.
pub type PlainKey = SecretString;

impl KeyCipher {
    pub fn new(data_key: &[u8; 32]) -> KeyCipher {
        // A separate key for fingerprints, derived so one secret is enough.
        let mut mac = hmac_sha256(data_key);
        mac.update(b"csp-portal product-key fingerprint v1");
        let fingerprint_key: [u8; 32] = mac.finalize().into_bytes().into();
        let mut mac = hmac_sha256(data_key);
        mac.update(b"csp-portal download-link token v1");
        let link_key: [u8; 32] = mac.finalize().into_bytes().into();
        KeyCipher {
            aead: ChaCha20Poly1305::new(Key::from_slice(data_key)),
            fingerprint_key: secret_key(fingerprint_key),
            link_key: secret_key(link_key),
        }
    }

    /// The cipher for these settings: their data key (`PORTAL_DATA_KEY`),
    /// else `data.key` in the data directory, made on first use.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<KeyCipher> {
        if let Some(key) = &settings.data_key {
            return Ok(KeyCipher::new(&key.expose_secret().0));
        }
        let path = settings.data_dir.join("data.key");
        if let Ok(bytes) = std::fs::read(&path) {
            let key: [u8; 32] = bytes
                .try_into()
                .map_err(|_| anyhow::anyhow!("{} must hold 32 bytes", path.display()))?;
            return Ok(KeyCipher::new(&key));
        }
        std::fs::create_dir_all(&settings.data_dir)?;
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        crate::fsutil::write_private(&path, &key)
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(KeyCipher::new(&key))
    }

    /// (ciphertext, nonce)
    pub fn encrypt(&self, key: &PlainKey) -> anyhow::Result<(Vec<u8>, Vec<u8>)> {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let ct = self
            .aead
            .encrypt(&nonce, key.expose_secret().as_bytes())
            .map_err(|_| anyhow::anyhow!("encryption failed"))?;
        Ok((ct, nonce.to_vec()))
    }

    pub fn decrypt(&self, ciphertext: &[u8], nonce: &[u8]) -> anyhow::Result<PlainKey> {
        anyhow::ensure!(nonce.len() == 12, "bad nonce length");
        let pt = self
            .aead
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .map_err(|_| anyhow::anyhow!("a product key failed to decrypt (wrong data key?)"))?;
        Ok(SecretString::from(
            String::from_utf8(pt).context("key is not text")?,
        ))
    }

    /// Equal keys give equal fingerprints; the fingerprint reveals nothing
    /// without the data key.
    pub fn fingerprint(&self, normalised_key: &str) -> String {
        let mut mac = hmac_sha256(&self.fingerprint_key.expose_secret().0);
        mac.update(normalised_key.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The token of download link `id` (256 bits, base64url). Derived rather
    /// than random so the store keeps only its hash, as for any token, and
    /// the portal can still give a live link's address again when it is
    /// renewed (docs/links.md); without the data key the store alone yields
    /// no working link.
    pub fn link_token(&self, id: Uuid) -> SecretString {
        let mut mac = hmac_sha256(&self.link_key.expose_secret().0);
        mac.update(id.as_bytes());
        SecretString::from(
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()),
        )
    }
}

/// HMAC-SHA256 keyed with `key`.
#[allow(
    clippy::panic,
    reason = "HMAC takes keys of any length: new_from_slice never fails"
)]
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => panic!("HMAC accepts keys of any length"),
    }
}

/// A new random token (256 bits, base64url) and the SHA-256 hex under which
/// it is stored; the token itself is never stored.
pub fn new_token() -> (SecretString, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = token_hash(&token);
    (SecretString::from(token), hash)
}

pub fn token_hash(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_fingerprints_are_stable() {
        let c = KeyCipher::new(&[7u8; 32]);
        let k = SecretString::from("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".to_owned());
        let (ct, nonce) = c.encrypt(&k).unwrap_or_default();
        assert!(
            !ct.windows(8).any(|w| w == b"ABCDEFGH"),
            "ciphertext hides the key"
        );
        assert_eq!(
            c.decrypt(&ct, &nonce)
                .ok()
                .map(|k| k.expose_secret().to_owned()),
            Some(k.expose_secret().to_owned())
        );
        assert_eq!(c.fingerprint("A"), c.fingerprint("A"));
        assert_ne!(
            c.fingerprint("A"),
            KeyCipher::new(&[8u8; 32]).fingerprint("A")
        );
        let shown = format!("{k:?}");
        assert!(shown.contains("REDACTED") && !shown.contains("ABCDEFGH"));
    }

    #[test]
    fn link_tokens_are_stable_per_link_and_depend_on_the_data_key() {
        let c = KeyCipher::new(&[7u8; 32]);
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let token = |c: &KeyCipher, id| c.link_token(id).expose_secret().to_owned();
        assert_eq!(token(&c, a), token(&c, a));
        assert_ne!(token(&c, a), token(&c, b));
        assert_ne!(token(&c, a), token(&KeyCipher::new(&[8u8; 32]), a));
        assert_eq!(token(&c, a).len(), 43, "256 bits in base64url");
    }
}
