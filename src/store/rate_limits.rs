//! Requests counted per key (an API token) in fixed windows, in the store,
//! so a limit holds however many instances serve: one upsert counts the
//! request and answers the count so far, so parallel requests cannot slip
//! past it.

use chrono::{DateTime, Utc};

use super::{Conn, StoreResult, execute, fetch_one};

/// Counts one request on `key` in the window starting at `window_start`;
/// the window's count including this one.
pub async fn hit<'c>(
    c: impl Into<Conn<'c>>,
    key: &str,
    window_start: DateTime<Utc>,
) -> StoreResult<i64> {
    fetch_one!(
        c,
        sqlx::query_scalar(
            "INSERT INTO api_rate_windows (token_id, window_start_ms, requests) VALUES ($1, $2, 1) \
             ON CONFLICT (token_id, window_start_ms) \
             DO UPDATE SET requests = api_rate_windows.requests + 1 RETURNING requests"
        )
        .bind(key)
        .bind(window_start.timestamp_millis())
    )
}

/// Forgets windows that started before `before`.
pub async fn purge<'c>(c: impl Into<Conn<'c>>, before: DateTime<Utc>) -> StoreResult<u64> {
    execute!(
        c,
        sqlx::query("DELETE FROM api_rate_windows WHERE window_start_ms < $1")
            .bind(before.timestamp_millis())
    )
}
