//! Signing in: the password (throttled without lockouts) and the second
//! factor. The web layer turns outcomes into pages and the session.
//!
//! Attempts are counted before the password is checked (see
//! `store::throttle`): per account and per client address, or, from a
//! device that signed in to the account before, per device instead, so that
//! nobody can lock the owner out. Past a few free attempts each next one
//! waits longer.

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use uuid::Uuid;

use crate::app::state::AppState;
use crate::app::throttle::{Gate, pass};
use crate::auth::{self, totp};
use crate::domain::audit_action::Action;
use crate::domain::email::Email;
use crate::error::AppResult;
use crate::store::{audit, throttle, two_factor, users};

pub struct Attempt {
    pub email: String,
    pub password: SecretString,
    /// The user named by a valid device cookie, and the device's nonce.
    pub device: Option<(Uuid, String)>,
    pub ip: Option<String>,
}

pub enum Outcome {
    /// Refused before any check; the next attempt may be made at this time.
    Wait(DateTime<Utc>),
    /// Wrong address or password, or a deactivated account: one answer.
    Failed,
    SignedIn(SignedIn),
}

pub struct SignedIn {
    pub user: Uuid,
    pub org: Uuid,
    /// The code comes next; nothing is recorded as signed in yet.
    pub needs_code: bool,
    /// Attempts others made on the account since its last sign-in.
    pub tried: i64,
    /// The attempt came from a device the account knows.
    pub known_device: bool,
}

fn failed_event(
    creds: Option<&users::Credentials>,
    email: &str,
    ip: &Option<String>,
    reason: &'static str,
) -> audit::NewEvent {
    audit::NewEvent {
        organisation_id: creds.map(|c| c.organisation_id),
        actor_user_id: creds.map(|c| c.id),
        action: Action::SignInFailed,
        ip: ip.clone(),
        detail: json!({ "email": email, "reason": reason }),
        ..audit::NewEvent::of(Action::SignInFailed)
    }
}

/// Checks a password attempt; records the outcome in the audit log.
pub async fn password(state: &AppState, a: Attempt) -> AppResult<Outcome> {
    let now = state.clock.now();
    let typed = a.email.trim();
    let normalised = Email::parse(typed)
        .map(|e| e.to_string())
        .unwrap_or_else(|| typed.to_lowercase());
    let creds = users::credentials_by_email(&state.db, &normalised).await?;
    let device = a
        .device
        .filter(|(user, _)| creds.as_ref().is_some_and(|c| c.id == *user));
    let policy = state.settings.throttle;
    let account_key = format!("account:{normalised}");
    let address_key = format!("address:{}", a.ip.as_deref().unwrap_or("unknown"));
    let device_key = device.as_ref().map(|(_, nonce)| format!("device:{nonce}"));
    let gate = match &device_key {
        Some(k) => pass(&state.db, k, &policy.device, now).await?,
        None => match pass(&state.db, &account_key, &policy.account, now).await? {
            Gate::Open => {
                let by_address = pass(&state.db, &address_key, &policy.address, now).await?;
                if matches!(by_address, Gate::Wait(_)) {
                    // No password was checked: that attempt does not count.
                    throttle::forgive_one(&state.db, &account_key, &policy.account, now).await?;
                }
                by_address
            }
            wait => wait,
        },
    };
    if let Gate::Wait(until) = gate {
        let e = failed_event(creds.as_ref(), &normalised, &a.ip, "throttled");
        audit::record(&state.db, now, &e).await?;
        return Ok(Outcome::Wait(until));
    }

    let ok = auth::verify(creds.as_ref().map(|c| c.password_hash.clone()), a.password).await?;
    let active = creds.as_ref().is_some_and(|c| c.active);
    let (Some(creds), true, true) = (creds.as_ref(), ok, active) else {
        let reason = if ok { "deactivated" } else { "bad_credentials" };
        let e = failed_event(creds.as_ref(), &normalised, &a.ip, reason);
        audit::record(&state.db, now, &e).await?;
        return Ok(Outcome::Failed);
    };

    // What others tried on the account since its last sign-in, to tell the
    // owner; the current attempt was counted there too unless from a device.
    let tried =
        throttle::attempts(&state.db, &account_key).await? - i64::from(device_key.is_none());
    match &device_key {
        Some(k) => throttle::clear(&state.db, k).await?,
        None => {
            throttle::clear(&state.db, &account_key).await?;
            throttle::forgive_one(&state.db, &address_key, &policy.address, now).await?;
        }
    }
    let needs_code = two_factor::state(&state.db, creds.id).await?.enabled;
    if !needs_code {
        audit::record(
            &state.db,
            now,
            &audit::NewEvent {
                organisation_id: Some(creds.organisation_id),
                actor_user_id: Some(creds.id),
                action: Action::SignIn,
                ip: a.ip,
                ..audit::NewEvent::of(Action::SignIn)
            },
        )
        .await?;
    }
    Ok(Outcome::SignedIn(SignedIn {
        user: creds.id,
        org: creds.organisation_id,
        needs_code,
        tried: tried.max(0),
        known_device: device_key.is_some(),
    }))
}

pub enum CodeOutcome {
    Wait(DateTime<Utc>),
    Wrong,
    /// The user is no longer active: start over.
    Gone,
    SignedIn,
}

/// Checks the second factor of `user`: a code from the authenticator app
/// (each accepted once) or a recovery code (each usable once).
pub async fn code(
    state: &AppState,
    user: Uuid,
    code: &str,
    ip: Option<String>,
) -> AppResult<CodeOutcome> {
    let now = state.clock.now();
    let Some(account) = users::active_account(&state.db, user).await? else {
        return Ok(CodeOutcome::Gone);
    };
    let key = format!("code:{user}");
    if let Gate::Wait(until) = pass(&state.db, &key, &state.settings.throttle.user, now).await? {
        return Ok(CodeOutcome::Wait(until));
    }
    let tf = two_factor::state(&state.db, user).await?;
    let secret = match (&tf.ciphertext, &tf.nonce) {
        (Some(c), Some(n)) => Some(
            state
                .cipher
                .decrypt(c, n)
                .map_err(crate::error::AppError::Internal)?,
        ),
        _ => None,
    };
    let by_code = match &secret {
        Some(s) => match totp::check(
            &totp::secret_from_text(s.expose_secret()),
            &account.email,
            code,
            now,
        ) {
            Some(step) => two_factor::accept_step(&state.db, user, step).await?,
            None => false,
        },
        None => false,
    };
    let by_recovery = !by_code
        && code.trim().len() >= 8
        && two_factor::use_recovery_code(&state.db, now, user, &totp::recovery_hash(code)).await?;
    let event = |action: Action, detail: serde_json::Value| audit::NewEvent {
        organisation_id: Some(account.org_id),
        actor_user_id: Some(user),
        action,
        ip: ip.clone(),
        detail,
        ..audit::NewEvent::of(action)
    };
    if !(by_code || by_recovery) {
        let detail = json!({ "email": account.email, "reason": "second_factor" });
        audit::record(&state.db, now, &event(Action::SignInFailed, detail)).await?;
        return Ok(CodeOutcome::Wrong);
    }
    throttle::clear(&state.db, &key).await?;
    let detail = json!({ "second_factor": if by_code { "totp" } else { "recovery_code" } });
    audit::record(&state.db, now, &event(Action::SignIn, detail)).await?;
    Ok(CodeOutcome::SignedIn)
}
