//! Personal API tokens: stored as the SHA-256 of the token, never the token.
//! A token names its user only; the user's organisation and roles are read
//! afresh on every request (`users::active_account`).

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_all, fetch_optional};

/// A token as its owner's settings page lists it (never the token itself).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl TokenRow {
    /// Neither revoked nor past its expiry at `now`.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|e| e > now)
    }
}

const COLUMNS: &str = "id, user_id, name, created_at, expires_at, last_used_at, revoked_at";

pub struct NewToken<'a> {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub expires_at: Option<DateTime<Utc>>,
}

pub async fn insert<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    t: &NewToken<'_>,
) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(t.id)
        .bind(t.user_id)
        .bind(t.name)
        .bind(t.token_hash)
        .bind(now)
        .bind(t.expires_at)
    )?;
    Ok(())
}

/// The user's tokens, newest first (revoked ones too: the page says so).
pub async fn of_user<'c>(c: impl Into<Conn<'c>>, user_id: Uuid) -> StoreResult<Vec<TokenRow>> {
    fetch_all!(
        c,
        sqlx::query_as::<_, TokenRow>(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id"
        )))
        .bind(user_id)
    )
}

/// The token whose hash this is, whatever its state.
pub async fn by_hash<'c>(c: impl Into<Conn<'c>>, hash: &str) -> StoreResult<Option<TokenRow>> {
    fetch_optional!(
        c,
        sqlx::query_as::<_, TokenRow>(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1"
        )))
        .bind(hash)
    )
}

/// Revokes the user's live token `id`; false when it is not theirs, was
/// revoked or has expired (nothing is left to revoke: the list shows it
/// expired, and the audit log gets no event for it).
pub async fn revoke<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    user_id: Uuid,
    id: Uuid,
) -> StoreResult<bool> {
    let n = execute!(
        c,
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 \
             WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL \
             AND (expires_at IS NULL OR expires_at > $1)"
        )
        .bind(now)
        .bind(id)
        .bind(user_id)
    )?;
    Ok(n > 0)
}

/// Marks the token used at `now`, unless it was marked within the last
/// minute: a busy token costs one write a minute, not one a request.
pub async fn touch<'c>(c: impl Into<Conn<'c>>, now: DateTime<Utc>, id: Uuid) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 \
             WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)"
        )
        .bind(now)
        .bind(id)
        .bind(now - Duration::minutes(1))
    )?;
    Ok(())
}
