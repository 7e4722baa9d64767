//! Clearing what can no longer be used, on the jobs' schedule: ended
//! sessions and throttle counts nobody has touched for a day.

use chrono::{DateTime, Duration, Utc};

use crate::store::{Db, StoreResult, sessions, throttle};

/// One pass at `now`; returns (sessions, throttle counts) removed.
pub async fn run(db: &Db, now: DateTime<Utc>) -> StoreResult<(u64, u64)> {
    let ended = sessions::purge_expired(db, now).await?;
    let quiet = throttle::purge(db, now, Duration::days(2)).await?;
    Ok((ended, quiet))
}
