//! Failed sign-ins counted per key (an account, an address) in fixed windows.
//! Kept in the database so that every instance sees the same counts.

use chrono::{DateTime, Duration, Utc};

use super::{Db, StoreResult, on_pool};

/// How many failures `key` has in the window that is open at `now`.
pub async fn failures(
    db: &Db,
    key: &str,
    now: DateTime<Utc>,
    window: Duration,
) -> StoreResult<i64> {
    let since = now - window;
    let n: Option<i64> = on_pool!(db, |p| sqlx::query_scalar(
        "SELECT count FROM sign_in_failures WHERE key = $1 AND window_start > $2"
    )
    .bind(key)
    .bind(since)
    .fetch_optional(p)
    .await)?;
    Ok(n.unwrap_or(0))
}

/// Counts one more failure; a window that has closed starts over.
pub async fn add_failure(
    db: &Db,
    key: &str,
    now: DateTime<Utc>,
    window: Duration,
) -> StoreResult<()> {
    let since = now - window;
    on_pool!(db, |p| {
        sqlx::query(
        "INSERT INTO sign_in_failures (key, window_start, count) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           count = CASE WHEN sign_in_failures.window_start <= $3 THEN 1 ELSE sign_in_failures.count + 1 END, \
           window_start = CASE WHEN sign_in_failures.window_start <= $3 THEN $2 ELSE sign_in_failures.window_start END"
    )
    .bind(key)
    .bind(now)
    .bind(since)
    .execute(p)
    .await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// When the window of `key` closes, if it is open.
pub async fn window_end(
    db: &Db,
    key: &str,
    now: DateTime<Utc>,
    window: Duration,
) -> StoreResult<Option<DateTime<Utc>>> {
    let start: Option<DateTime<Utc>> = on_pool!(db, |p| sqlx::query_scalar(
        "SELECT window_start FROM sign_in_failures WHERE key = $1 AND window_start > $2"
    )
    .bind(key)
    .bind(now - window)
    .fetch_optional(p)
    .await)?;
    Ok(start.map(|s| s + window))
}

pub async fn clear(db: &Db, key: &str) -> StoreResult<()> {
    on_pool!(db, |p| sqlx::query(
        "DELETE FROM sign_in_failures WHERE key = $1"
    )
    .bind(key)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}
