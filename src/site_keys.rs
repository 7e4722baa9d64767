//! Keys for what the server signs (CSRF tokens, device cookies), derived
//! from the cookie key so that every instance sharing it agrees, and each
//! purpose has a key of its own.

use base64::Engine;
use hmac::Mac;
use secrecy::ExposeSecret;

use crate::config::{SecretKey, secret_key};

#[derive(Clone)]
pub struct SiteKeys {
    csrf: SecretKey,
    device: SecretKey,
}

fn derive(root: &[u8], purpose: &str) -> SecretKey {
    secret_key(mac_raw(root, &[purpose.as_bytes()]))
}

fn mac_raw(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut m = crate::crypto::hmac_sha256(key);
    for p in parts {
        // Length-prefixed, so ("ab","c") and ("a","bc") differ.
        m.update(&(p.len() as u64).to_be_bytes());
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

impl SiteKeys {
    pub fn derive(cookie_key: &[u8]) -> SiteKeys {
        SiteKeys {
            csrf: derive(cookie_key, "csrf-token-v1"),
            device: derive(cookie_key, "device-cookie-v1"),
        }
    }

    /// The CSRF token for a binding (a session's salt or a pre-session cookie).
    pub fn csrf_token(&self, binding: &str) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(mac_raw(&self.csrf.expose_secret().0, &[binding.as_bytes()]))
    }

    /// The signature of a device cookie's payload.
    pub fn device_mac(&self, payload: &[u8]) -> [u8; 32] {
        mac_raw(&self.device.expose_secret().0, &[payload])
    }
}
