//! Personal API tokens: made (shown once) and revoked on the user's
//! settings page, each an audit event.
//!
//! A token is `csp_` and 256 random bits (base64url): the prefix lets
//! secret scanners and people recognise one. Only its SHA-256 is stored. A
//! slow password hash (argon2) guards low-entropy secrets against guessing;
//! nobody can guess 256 random bits, so the fast hash is as safe here and
//! costs nothing on every API request.

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::crypto;
use crate::domain::FieldError;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::store::api_tokens::{self, NewToken};
use crate::store::audit;

/// What every token begins with.
pub const PREFIX: &str = "csp_";

/// A name longer than this is refused.
pub const NAME_MAX: usize = 100;

/// A token just made: its id and the token, to be shown once.
pub struct Made {
    pub id: Uuid,
    pub token: SecretString,
}

/// The SHA-256 under which `token` is stored.
pub fn hash(token: &str) -> String {
    crypto::token_hash(token)
}

/// Checks a new token's name and expiry (which must lie after `now`).
pub fn check(
    name: &str,
    expires_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", "error-required"));
    } else if name.chars().count() > NAME_MAX {
        errors.push(FieldError::too_long("name", NAME_MAX));
    }
    if expires_at.is_some_and(|e| e <= now) {
        errors.push(FieldError::new("expires_at", "error-token-expiry-past"));
    }
    if errors.is_empty() {
        Ok(name.to_owned())
    } else {
        Err(errors)
    }
}

/// Makes a token for the acting user, audited.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    name: &str,
    expires_at: Option<DateTime<Utc>>,
) -> AppResult<Result<Made, Vec<FieldError>>> {
    let now = state.clock.now();
    let name = match check(name, expires_at, now) {
        Ok(n) => n,
        Err(e) => return Ok(Err(e)),
    };
    let (random, _) = crypto::new_token();
    let token = SecretString::from(format!("{PREFIX}{}", random.expose_secret()));
    let id = Uuid::new_v4();
    let mut tx = state.db.begin().await?;
    api_tokens::insert(
        &mut tx,
        now,
        &NewToken {
            id,
            user_id: actor.user_id,
            name: &name,
            token_hash: &hash(token.expose_secret()),
            expires_at,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::ApiTokenCreated,
            On::subject("api_token", id),
            json!({ "name": name, "expires_at": expires_at }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(Made { id, token }))
}

/// Revokes the acting user's token `id`; another user's token is not found.
pub async fn revoke(state: &AppState, actor: &Actor, id: Uuid) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !api_tokens::revoke(&mut tx, now, actor.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::ApiTokenRevoked,
            On::subject("api_token", id),
            json!({}),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
