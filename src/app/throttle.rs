//! The throttle as use cases use it: pass a gate or learn when to retry.

use chrono::{DateTime, Utc};

use crate::config::Rule;
use crate::error::AppResult;
use crate::store::{Db, throttle};

pub enum Gate {
    Open,
    /// Refused; the next attempt may be made at this time.
    Wait(DateTime<Utc>),
}

/// Counts an attempt on `key`, or says when one will be allowed.
pub async fn pass(db: &Db, key: &str, rule: &Rule, now: DateTime<Utc>) -> AppResult<Gate> {
    if throttle::take(db, key, rule, now).await?.is_some() {
        return Ok(Gate::Open);
    }
    let at = throttle::retry_at(db, key, now).await?;
    Ok(Gate::Wait(at.unwrap_or(now + rule.base)))
}
