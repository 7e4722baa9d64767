//! The throttle as handlers use it: pass a gate or learn how long to wait.

use chrono::{DateTime, Utc};

use crate::app::passwords::Current;
use crate::error::AppResult;
use crate::i18n::I18n;

pub use crate::app::throttle::{Gate, pass};

/// "30 s", "4 min": how long until `until`, rounded up.
pub fn wait_words(i18n: &I18n, now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let secs = (until - now).num_seconds().max(1);
    if secs < 60 {
        i18n.t_count("wait-seconds", "n", secs)
    } else {
        i18n.t_count("wait-minutes", "n", (secs + 59) / 60)
    }
}

/// Checks the signed-in user's current password (see
/// `app::passwords::check_current`): `Err` carries the message to show.
pub async fn current_password(
    state: &crate::web::state::AppState,
    p: &crate::web::access::Principal,
    password: &str,
) -> AppResult<Result<(), String>> {
    let check = crate::app::passwords::check_current(
        state,
        p.account.id,
        &p.account.email,
        secrecy::SecretString::from(password.to_owned()),
    )
    .await?;
    Ok(match check {
        Current::Right => Ok(()),
        Current::Wrong => Err(p.i18n.t("password-current-wrong")),
        Current::Wait(until) => {
            let wait = wait_words(&p.i18n, state.clock.now(), until);
            Err(p.i18n.t1("password-throttled", "wait", &wait))
        }
    })
}
