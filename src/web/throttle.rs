//! The throttle as handlers use it: pass a gate or learn how long to wait.

use chrono::{DateTime, Utc};

use crate::error::AppResult;
use crate::i18n::I18n;
use crate::store::throttle;

pub use crate::app::throttle::{Gate, pass};

/// "30 s", "4 min": how long until `until`, rounded up.
pub fn wait_words(i18n: &I18n, now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let secs = (until - now).num_seconds().max(1);
    if secs < 60 {
        i18n.t1("wait-seconds", "n", &secs.to_string())
    } else {
        i18n.t1("wait-minutes", "n", &((secs + 59) / 60).to_string())
    }
}

/// Checks the signed-in user's current password (before a password change,
/// turning two-factor on or off), counted like sign-ins: `Err` carries the
/// message to show (wrong, or wait).
pub async fn current_password(
    state: &crate::web::state::AppState,
    p: &crate::web::access::Principal,
    password: &str,
) -> AppResult<Result<(), String>> {
    let now = state.clock.now();
    let key = format!("reauth:{}", p.account.id);
    let rule = state.settings.throttle.user;
    if let Gate::Wait(until) = pass(&state.db, &key, &rule, now).await? {
        let wait = wait_words(&p.i18n, now, until);
        return Ok(Err(p.i18n.t1("password-throttled", "wait", &wait)));
    }
    let hash = crate::store::users::credentials_by_email(&state.db, &p.account.email)
        .await?
        .map(|c| c.password_hash);
    let ok = crate::auth::verify(hash, crate::config::Secret::new(password.to_owned())).await?;
    if !ok {
        return Ok(Err(p.i18n.t("password-current-wrong")));
    }
    throttle::clear(&state.db, &key).await?;
    Ok(Ok(()))
}
