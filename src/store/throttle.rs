//! Attempts counted per key (an account, an address, a device, a mailbox)
//! with growing delays: the first `free` attempts pass at once, then each
//! one waits twice as long as the last, up to `max`. There is no lockout
//! that outlasts the delay. Kept in the database so every instance sees the
//! same counts.
//!
//! An attempt is counted *before* the password is checked, in one
//! statement that also decides whether it may go ahead, so that parallel
//! requests cannot slip past the count (a check-then-increment would let
//! every request in flight through).

use chrono::{DateTime, Utc};

use super::{Conn, StoreResult, execute, fetch_optional};
use crate::config::Rule;

fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// Counts an attempt on `key` if one is allowed at `now`: `Some(n)` (the
/// n-th attempt of the run) or `None` (wait until `retry_at`).
pub async fn take<'c>(
    c: impl Into<Conn<'c>>,
    key: &str,
    rule: &Rule,
    now: DateTime<Utc>,
) -> StoreResult<Option<i64>> {
    let base = rule.base.num_milliseconds();
    let max = rule.max.num_milliseconds();
    let forget_before = ms(now) - rule.forget.num_milliseconds();
    let first_delay = if rule.free <= 1 { base } else { 0 };
    // The row's old values are what every expression of the SET sees, on
    // both stores. `stale`: quiet for longer than `forget`, start over.
    let stale = "throttle.last_at_ms < $3";
    let new_delay = format!(
        "(CASE WHEN {stale} OR throttle.attempts + 1 < $4 THEN 0 \
               WHEN throttle.delay_ms * 2 > $6 THEN $6 \
               WHEN throttle.delay_ms * 2 < $5 THEN $5 \
               ELSE throttle.delay_ms * 2 END)"
    );
    let sql = format!(
        "INSERT INTO throttle (key, attempts, delay_ms, next_at_ms, last_at_ms) \
         VALUES ($1, 1, $7, $2 + $7, $2) \
         ON CONFLICT (key) DO UPDATE SET \
           attempts = CASE WHEN {stale} THEN 1 ELSE throttle.attempts + 1 END, \
           delay_ms = {new_delay}, \
           next_at_ms = $2 + {new_delay}, \
           last_at_ms = $2 \
         WHERE {stale} OR throttle.attempts < $4 OR throttle.next_at_ms <= $2 \
         RETURNING attempts"
    );
    let n: Option<i64> = fetch_optional!(
        c,
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
            .bind(key)
            .bind(ms(now))
            .bind(forget_before)
            .bind(rule.free)
            .bind(base)
            .bind(max)
            .bind(first_delay)
    )?;
    Ok(n)
}

/// When the next attempt on `key` may be made, if it has to wait.
pub async fn retry_at<'c>(
    c: impl Into<Conn<'c>>,
    key: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<DateTime<Utc>>> {
    let next: Option<i64> = fetch_optional!(
        c,
        sqlx::query_scalar("SELECT next_at_ms FROM throttle WHERE key = $1 AND next_at_ms > $2")
            .bind(key)
            .bind(ms(now))
    )?;
    Ok(next.and_then(DateTime::from_timestamp_millis))
}

/// How many attempts `key` has counted in its current run.
pub async fn attempts<'c>(c: impl Into<Conn<'c>>, key: &str) -> StoreResult<i64> {
    let n: Option<i64> = fetch_optional!(
        c,
        sqlx::query_scalar("SELECT attempts FROM throttle WHERE key = $1").bind(key)
    )?;
    Ok(n.unwrap_or(0))
}

/// Takes back one attempt that turned out to be a success (for keys shared
/// by many people, such as an address: their sign-ins must not add up to a
/// delay, while an attacker's own successes only cancel themselves).
pub async fn forgive_one<'c>(
    c: impl Into<Conn<'c>>,
    key: &str,
    rule: &Rule,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    execute!(c, sqlx::query(
        "UPDATE throttle SET \
           attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, \
           delay_ms = CASE WHEN attempts - 1 < $2 THEN 0 ELSE delay_ms END, \
           next_at_ms = CASE WHEN attempts - 1 < $2 AND next_at_ms > $3 THEN $3 ELSE next_at_ms END \
         WHERE key = $1"
    )
    .bind(key)
    .bind(rule.free)
    .bind(ms(now)))?;
    Ok(())
}

/// Forgets `key` (its owner proved who they are).
pub async fn clear<'c>(c: impl Into<Conn<'c>>, key: &str) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query("DELETE FROM throttle WHERE key = $1").bind(key)
    )?;
    Ok(())
}

/// Drops counts nobody has touched for `older_than` (the housekeeping job).
pub async fn purge<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    older_than: chrono::Duration,
) -> StoreResult<u64> {
    execute!(
        c,
        sqlx::query("DELETE FROM throttle WHERE last_at_ms < $1")
            .bind(ms(now) - older_than.num_milliseconds())
    )
}
