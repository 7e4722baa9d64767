//! The append-only audit log (SPEC 3.6). Details never hold a secret.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Db, StoreResult, Tx, on_tx};

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

/// Appends an event inside the caller's transaction, so it lands with the
/// change it describes or not at all.
pub async fn record(tx: &mut Tx, at: DateTime<Utc>, ev: &NewEvent) -> StoreResult<()> {
    let detail = if ev.detail.is_null() {
        "{}".to_owned()
    } else {
        ev.detail.to_string()
    };
    on_tx!(tx, |c| sqlx::query(
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
    .bind(detail)
    .execute(&mut **c)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Appends an event on its own (for things that change nothing else).
pub async fn record_alone(db: &Db, at: DateTime<Utc>, ev: &NewEvent) -> StoreResult<()> {
    let mut tx = db.begin().await?;
    record(&mut tx, at, ev).await?;
    tx.commit().await
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
pub async fn recent_for_org(db: &Db, org: Uuid, limit: i64) -> StoreResult<Vec<EventRow>> {
    Ok(super::on_pool!(db, |p| sqlx::query_as::<_, EventRow>(
        "SELECT at, action, actor_user_id, organisation_id, subject_id, detail FROM audit_events \
         WHERE organisation_id = $1 ORDER BY at DESC, id DESC LIMIT $2"
    )
    .bind(org)
    .bind(limit)
    .fetch_all(p)
    .await)?)
}
