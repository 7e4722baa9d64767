//! Device cookies (OWASP's defence against lockout): a browser that has
//! signed in to an account before carries a signed cookie naming that
//! account, and its sign-ins are counted on their own. Someone guessing
//! passwords from elsewhere slows down only the devices the account does
//! not know, never its owner's.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use base64::Engine;
use rand::RngCore;
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::web::site_keys::SiteKeys;

/// A device known to an account, by a nonce of its own.
pub struct Device {
    pub user_id: Uuid,
    pub nonce: String,
}

fn name(https: bool) -> &'static str {
    if https {
        "__Host-device"
    } else {
        "portal_device"
    }
}

/// The device cookie of the request, if its signature holds.
pub fn read(req: &HttpRequest, keys: &SiteKeys, https: bool) -> Option<Device> {
    let c = req.cookie(name(https))?;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(c.value())
        .ok()?;
    if raw.len() != 64 {
        return None;
    }
    let (payload, mac) = raw.split_at(32);
    if !bool::from(keys.device_mac(payload).ct_eq(mac)) {
        return None;
    }
    let (user_id, nonce) = payload.split_at_checked(16)?;
    let user_id = Uuid::from_slice(user_id).ok()?;
    let nonce = hex::encode(nonce);
    Some(Device { user_id, nonce })
}

/// A new device cookie for `user_id`, kept for a year.
pub fn issue(keys: &SiteKeys, https: bool, user_id: Uuid) -> Cookie<'static> {
    let mut payload = [0u8; 32];
    payload[..16].copy_from_slice(user_id.as_bytes());
    rand::rngs::OsRng.fill_bytes(&mut payload[16..]);
    let mut raw = payload.to_vec();
    raw.extend_from_slice(&keys.device_mac(&payload));
    Cookie::build(
        name(https),
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw),
    )
    .path("/")
    .http_only(true)
    .secure(https)
    .same_site(SameSite::Lax)
    .max_age(CookieDuration::days(365))
    .finish()
}

/// Adds a new device cookie for `user_id` to `res`.
pub fn remember(
    res: &mut actix_web::HttpResponse,
    keys: &SiteKeys,
    https: bool,
    user_id: Uuid,
) -> Result<(), crate::error::AppError> {
    res.add_cookie(&issue(keys, https, user_id))
        .map_err(|e| crate::error::AppError::Internal(anyhow::anyhow!("device cookie: {e}")))
}
