//! Clearing what can no longer be used, on the jobs' schedule: ended
//! sessions, throttle counts nobody has touched for a day, and API rate
//! windows that have closed.

use chrono::{DateTime, Duration, Utc};

use crate::store::{Db, StoreResult, rate_limits, sessions, throttle};

/// One pass at `now`; returns (sessions, throttle counts) removed.
pub async fn run(db: &Db, now: DateTime<Utc>) -> StoreResult<(u64, u64)> {
    let ended = sessions::purge_expired(db, now).await?;
    let quiet = throttle::purge(db, now, Duration::days(2)).await?;
    // Windows are a minute long; an hour keeps any instance's clock skew.
    rate_limits::purge(db, now - Duration::hours(1)).await?;
    Ok((ended, quiet))
}
