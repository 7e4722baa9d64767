//! Second-factor state of users and organisations.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, Tx, execute, fetch_one};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TwoFactor {
    pub ciphertext: Option<Vec<u8>>,
    pub nonce: Option<Vec<u8>>,
    pub enabled: bool,
    pub last_step: Option<i64>,
    pub required: bool,
}

pub async fn state<'c>(c: impl Into<Conn<'c>>, user: Uuid) -> StoreResult<TwoFactor> {
    const SQL: &str = "SELECT u.totp_ciphertext AS ciphertext, u.totp_nonce AS nonce, \
        (u.totp_enabled_at IS NOT NULL) AS enabled, u.totp_last_step AS last_step, o.require_2fa AS required \
        FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1";
    fetch_one!(c, sqlx::query_as::<_, TwoFactor>(SQL).bind(user))
}

/// Stores a new (not yet enabled) secret.
pub async fn set_pending<'c>(
    c: impl Into<Conn<'c>>,
    user: Uuid,
    ciphertext: &[u8],
    nonce: &[u8],
) -> StoreResult<()> {
    const SQL: &str = "UPDATE users SET totp_ciphertext = $1, totp_nonce = $2, totp_enabled_at = NULL WHERE id = $3";
    execute!(c, sqlx::query(SQL).bind(ciphertext).bind(nonce).bind(user))?;
    Ok(())
}

/// Turns the second factor on with its recovery codes (hashed), in one go.
pub async fn enable(
    tx: &mut Tx,
    now: DateTime<Utc>,
    user: Uuid,
    step: i64,
    code_hashes: &[String],
) -> StoreResult<()> {
    const SQL: &str = "UPDATE users SET totp_enabled_at = $1, totp_last_step = $2 WHERE id = $3";
    execute!(&mut *tx, sqlx::query(SQL).bind(now).bind(step).bind(user))?;
    execute!(
        &mut *tx,
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user)
    )?;
    for h in code_hashes {
        execute!(
            &mut *tx,
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user)
                .bind(h)
        )?;
    }
    Ok(())
}

pub async fn disable(tx: &mut Tx, user: Uuid) -> StoreResult<()> {
    const SQL: &str = "UPDATE users SET totp_ciphertext = NULL, totp_nonce = NULL, totp_enabled_at = NULL, \
        totp_last_step = NULL WHERE id = $1";
    execute!(&mut *tx, sqlx::query(SQL).bind(user))?;
    execute!(
        &mut *tx,
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user)
    )?;
    Ok(())
}

/// Accepts a time step only if it is later than the last one accepted, so a
/// code cannot be replayed (one conditional UPDATE).
pub async fn accept_step<'c>(c: impl Into<Conn<'c>>, user: Uuid, step: i64) -> StoreResult<bool> {
    const SQL: &str = "UPDATE users SET totp_last_step = $1 WHERE id = $2 \
        AND (totp_last_step IS NULL OR totp_last_step < $1)";
    let n = execute!(c, sqlx::query(SQL).bind(step).bind(user))?;
    Ok(n == 1)
}

/// Uses a recovery code once.
pub async fn use_recovery_code<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    user: Uuid,
    code_hash: &str,
) -> StoreResult<bool> {
    const SQL: &str = "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL";
    let n = execute!(c, sqlx::query(SQL).bind(now).bind(user).bind(code_hash))?;
    Ok(n == 1)
}

pub async fn set_required<'c>(
    c: impl Into<Conn<'c>>,
    org: Uuid,
    required: bool,
) -> StoreResult<()> {
    const SQL: &str = "UPDATE organisations SET require_2fa = $1 WHERE id = $2";
    execute!(c, sqlx::query(SQL).bind(required).bind(org))?;
    Ok(())
}

pub async fn required<'c>(c: impl Into<Conn<'c>>, org: Uuid) -> StoreResult<bool> {
    fetch_one!(
        c,
        sqlx::query_scalar("SELECT require_2fa FROM organisations WHERE id = $1").bind(org)
    )
}
