//! The append-only audit log (SPEC 3.6). Details never hold a secret.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_all};

#[derive(Debug, Clone, Default)]
pub struct NewEvent {
    pub organisation_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub action: &'static str,
    pub subject_type: Option<&'static str>,
    pub subject_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub ip: Option<String>,
    pub detail: serde_json::Value,
}

/// Appends an event. Inside the caller's transaction (`&mut tx`) it lands with
/// the change it describes or not at all; on the pool (`&db`) it stands alone,
/// for things that change nothing else.
pub async fn record<'c>(
    c: impl Into<Conn<'c>>,
    at: DateTime<Utc>,
    ev: &NewEvent,
) -> StoreResult<()> {
    let detail = if ev.detail.is_null() {
        "{}".to_owned()
    } else {
        ev.detail.to_string()
    };
    execute!(c, sqlx::query(
        "INSERT INTO audit_events (id, at, organisation_id, actor_user_id, action, subject_type, \
         subject_id, customer_id, ip, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )
    .bind(Uuid::new_v4())
    .bind(at)
    .bind(ev.organisation_id)
    .bind(ev.actor_user_id)
    .bind(ev.action)
    .bind(ev.subject_type)
    .bind(ev.subject_id)
    .bind(ev.customer_id)
    .bind(ev.ip.as_deref())
    .bind(detail))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub at: DateTime<Utc>,
    pub action: String,
    pub actor_user_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    pub subject_id: Option<Uuid>,
    pub detail: String,
}

/// The newest events of an organisation, newest first (tests and the log page).
pub async fn recent_for_org<'c>(
    c: impl Into<Conn<'c>>,
    org: Uuid,
    limit: i64,
) -> StoreResult<Vec<EventRow>> {
    fetch_all!(c, sqlx::query_as::<_, EventRow>(
        "SELECT at, action, actor_user_id, organisation_id, subject_id, detail FROM audit_events \
         WHERE organisation_id = $1 ORDER BY at DESC, id DESC LIMIT $2"
    )
    .bind(org)
    .bind(limit))
}

/// What the activity log is filtered by; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this organisation's events (None: the vendor sees all).
    pub organisation_id: Option<Uuid>,
    pub user_email: Option<String>,
    pub action: Option<String>,
    pub customer_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive upper bound.
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogRow {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub organisation: Option<String>,
    pub user_email: Option<String>,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<Uuid>,
    pub customer: Option<String>,
    pub ip: Option<String>,
    pub detail: String,
}

/// A page of the log, newest first, after (at, id) when given. Served by
/// `audit_events(organisation_id, at DESC, id)` for a partner and
/// `audit_events(at DESC, id)` for operators.
pub async fn search<'c>(
    c: impl Into<Conn<'c>>,
    f: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<LogRow>> {
    fetch_all!(c, sqlx::query_as::<_, LogRow>(
        "SELECT e.id, e.at, o.name AS organisation, u.email AS user_email, e.action, e.subject_type, e.subject_id, \
           c.name AS customer, e.ip, e.detail \
         FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id \
           LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations c ON c.id = e.customer_id \
         WHERE ($1 IS NULL OR e.organisation_id = $1) AND ($2 IS NULL OR u.email = $2) \
           AND ($3 IS NULL OR e.action = $3) AND ($4 IS NULL OR e.customer_id = $4) \
           AND ($5 IS NULL OR e.at >= $5) AND ($6 IS NULL OR e.at < $6) \
           AND ($7 IS NULL OR e.at < $7 OR (e.at = $7 AND e.id < $8)) \
         ORDER BY e.at DESC, e.id DESC LIMIT $9"
    )
    .bind(f.organisation_id)
    .bind(f.user_email.as_deref())
    .bind(f.action.as_deref())
    .bind(f.customer_id)
    .bind(f.from)
    .bind(f.until)
    .bind(after.map(|a| a.0))
    .bind(after.map(|a| a.1))
    .bind(limit))
}

/// The actions recorded so far, for the filter's list.
pub async fn actions<'c>(
    c: impl Into<Conn<'c>>,
    organisation_id: Option<Uuid>,
) -> StoreResult<Vec<String>> {
    fetch_all!(c, sqlx::query_scalar(
        "SELECT DISTINCT action FROM audit_events WHERE ($1 IS NULL OR organisation_id = $1) ORDER BY action"
    )
    .bind(organisation_id))
}
