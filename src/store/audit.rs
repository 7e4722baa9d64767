//! The append-only audit log (SPEC 3.6). Details never hold a secret.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{BindSome, Conn, StoreResult, execute, fetch_all, numbered};
use crate::domain::audit_action::Action;

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub organisation_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub action: Action,
    pub subject_type: Option<&'static str>,
    pub subject_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub ip: Option<String>,
    pub detail: serde_json::Value,
}

impl NewEvent {
    /// An event of `action` and nothing else yet.
    pub fn of(action: Action) -> NewEvent {
        NewEvent {
            organisation_id: None,
            actor_user_id: None,
            action,
            subject_type: None,
            subject_id: None,
            customer_id: None,
            ip: None,
            detail: serde_json::Value::Null,
        }
    }
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
    pub action: Action,
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
    pub action: Option<Action>,
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
    pub action: Action,
    pub subject_type: Option<String>,
    pub subject_id: Option<Uuid>,
    pub customer: Option<String>,
    pub ip: Option<String>,
    pub detail: String,
}

/// A page of the log, newest first, after (at, id) when given. Each filter
/// that is set adds a fixed condition (see `store::numbered`); the indexes
/// `audit_events(organisation_id, at, id)`, `(at, id)`,
/// `(customer_id, at, id)`, `(actor_user_id, at, id)` and
/// `(organisation_id, action, at, id)`, read backwards, serve them in the
/// log's order, so no page sorts and a later page costs what the first does.
pub async fn search<'c>(
    c: impl Into<Conn<'c>>,
    f: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<LogRow>> {
    fn when(on: bool, sql: &'static str) -> &'static str {
        if on { sql } else { "" }
    }
    let sql = numbered(&[
        "SELECT e.id, e.at, o.name AS organisation, u.email AS user_email, e.action, e.subject_type, \
           e.subject_id, c.name AS customer, e.ip, e.detail \
         FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id \
           LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations c ON c.id = e.customer_id \
         WHERE TRUE",
        when(f.organisation_id.is_some(), " AND e.organisation_id = ?"),
        when(
            f.user_email.is_some(),
            " AND e.actor_user_id = (SELECT id FROM users WHERE email = ?)",
        ),
        when(f.action.is_some(), " AND e.action = ?"),
        when(f.customer_id.is_some(), " AND e.customer_id = ?"),
        when(f.from.is_some(), " AND e.at >= ?"),
        when(f.until.is_some(), " AND e.at < ?"),
        when(after.is_some(), " AND (e.at, e.id) < (?, ?)"),
        " ORDER BY e.at DESC, e.id DESC LIMIT ?",
    ]);
    fetch_all!(
        c,
        sqlx::query_as::<_, LogRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind_some(f.organisation_id)
            .bind_some(f.user_email.as_deref())
            .bind_some(f.action)
            .bind_some(f.customer_id)
            .bind_some(f.from)
            .bind_some(f.until)
            .bind_some(after.map(|a| a.0))
            .bind_some(after.map(|a| a.1))
            .bind(limit)
    )
}
