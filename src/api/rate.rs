//! Requests per API token per minute, counted in the store
//! (`store::rate_limits`), told in the `RateLimit-Policy` and `RateLimit`
//! headers (draft-ietf-httpapi-ratelimit-headers) on every answer, and with
//! `Retry-After` on a 429. Per token only: nobody without the token can
//! spend its allowance, so no one can lock a user out by tripping it.

use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use chrono::{DateTime, Duration, TimeZone, Utc};
use uuid::Uuid;

use super::problem::{ApiError, ApiResult};
use crate::store::rate_limits;
use crate::web::state::AppState;

const WINDOW_SECONDS: i64 = 60;

/// Where a token stands in its window, for the headers.
#[derive(Debug, Clone, Copy)]
pub struct RateState {
    pub limit: i64,
    pub remaining: i64,
    /// Seconds until the window resets.
    pub reset: i64,
}

fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let secs = now.timestamp().div_euclid(WINDOW_SECONDS) * WINDOW_SECONDS;
    Utc.timestamp_opt(secs, 0).single().unwrap_or(now)
}

/// Counts a request of `token`; past the limit, the 429 to answer.
pub async fn take(state: &AppState, token: Uuid) -> ApiResult<RateState> {
    let now = state.clock.now();
    let start = window_start(now);
    let limit = state.settings.api_rate_per_minute;
    let used = rate_limits::hit(&state.db, &token.to_string(), start).await?;
    let until_reset = (start + Duration::seconds(WINDOW_SECONDS) - now).num_milliseconds();
    // Whole seconds, rounded up: retrying after it always lands in the next window.
    let reset = ((until_reset + 999) / 1000).max(1);
    if used > limit {
        return Err(ApiError::RateLimited {
            limit,
            retry_after: reset,
        });
    }
    Ok(RateState {
        limit,
        remaining: limit - used,
        reset,
    })
}

/// The `RateLimit-Policy` and `RateLimit` headers.
pub fn set_headers(headers: &mut HeaderMap, limit: i64, remaining: i64, reset: i64) {
    let policy = format!("\"per-token\";q={limit};w={WINDOW_SECONDS}");
    let now = format!("\"per-token\";r={remaining};t={reset}");
    for (name, value) in [("ratelimit-policy", policy), ("ratelimit", now)] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), v);
        }
    }
}
