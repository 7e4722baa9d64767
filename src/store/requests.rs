//! Service requests, their attachments, and approving or rejecting a
//! cancellation: each decision is one transaction guarded by the request's
//! status, so a second approve changes nothing.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{
    BindSome, Conn, StoreError, StoreResult, Tx, execute, fetch_all, fetch_optional, numbered,
};
use crate::domain::service_request::{Impact, ProblemType, RequestStatus};
use crate::domain::subscription::SubscriptionStatus;

pub struct NewRequest<'a> {
    pub number: &'a str,
    pub partner_id: Uuid,
    pub filed_by: Uuid,
    pub idempotency_key: Uuid,
    pub problem_type: ProblemType,
    pub impact: Impact,
    pub title: &'a str,
    pub description: &'a str,
    pub customer_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub refund_reason: Option<&'a str>,
    pub requested_minor: Option<i64>,
    pub currency: Option<&'a str>,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
}

pub struct NewAttachment {
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_name: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    New(Uuid),
    /// The same form was submitted before.
    AlreadyFiled(Uuid),
    /// The purchase is no longer active (another request got there first).
    PurchaseNotActive,
}

pub async fn by_idempotency_key<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    key: Uuid,
) -> StoreResult<Option<Uuid>> {
    fetch_optional!(
        c,
        sqlx::query_scalar(
            "SELECT id FROM service_requests WHERE idempotency_key = $1 AND partner_id = $2"
        )
        .bind(key)
        .bind(partner_id)
    )
}

/// What writing a request in a transaction came to.
pub enum Inserted {
    /// Written, not yet committed.
    Done(Uuid),
    /// The idempotency key or the purchase's open request exists already:
    /// roll back and look.
    Duplicate,
    /// The purchase is no longer active: roll back.
    PurchaseNotActive,
}

/// Writes a request with its attachments in `tx`; a refund also marks the
/// purchase "cancellation requested" (only if it is still active).
pub async fn insert(
    tx: &mut Tx,
    now: DateTime<Utc>,
    r: &NewRequest<'_>,
    attachments: &[NewAttachment],
) -> StoreResult<Inserted> {
    let id = Uuid::new_v4();
    let inserted = execute!(&mut *tx, sqlx::query(
        "INSERT INTO service_requests (id, number, partner_id, filed_by, filed_at, idempotency_key, problem_type, \
           impact, title, description, customer_id, subscription_id, refund_reason, requested_minor, currency, \
           contact_name, contact_email, contact_phone, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
    )
    .bind(id)
    .bind(r.number)
    .bind(r.partner_id)
    .bind(r.filed_by)
    .bind(now)
    .bind(r.idempotency_key)
    .bind(r.problem_type)
    .bind(r.impact)
    .bind(r.title)
    .bind(r.description)
    .bind(r.customer_id)
    .bind(r.subscription_id)
    .bind(r.refund_reason)
    .bind(r.requested_minor)
    .bind(r.currency)
    .bind(r.contact_name)
    .bind(r.contact_email)
    .bind(r.contact_phone)
    .bind(RequestStatus::Submitted));
    match inserted {
        Ok(_) => {}
        Err(StoreError::Duplicate(_)) => return Ok(Inserted::Duplicate),
        Err(e) => return Err(e),
    }
    for a in attachments {
        execute!(&mut *tx, sqlx::query(
            "INSERT INTO attachments (id, service_request_id, original_name, content_type, size_bytes, storage_name, sha256) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)"
        )
        .bind(Uuid::new_v4())
        .bind(id)
        .bind(&a.original_name)
        .bind(&a.content_type)
        .bind(a.size_bytes)
        .bind(&a.storage_name)
        .bind(&a.sha256))?;
    }
    if let Some(sub) = r.subscription_id {
        let n = execute!(
            &mut *tx,
            sqlx::query("UPDATE subscriptions SET status = $2 WHERE id = $1 AND status = $3")
                .bind(sub)
                .bind(SubscriptionStatus::CancellationRequested)
                .bind(SubscriptionStatus::Active)
        )?;
        if n != 1 {
            return Ok(Inserted::PurchaseNotActive);
        }
    }
    Ok(Inserted::Done(id))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: Uuid,
    pub number: String,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub filed_by_name: Option<String>,
    pub filed_at: DateTime<Utc>,
    pub problem_type: ProblemType,
    pub impact: Impact,
    pub title: String,
    pub description: String,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
    pub subscription_id: Option<Uuid>,
    pub refund_reason: Option<String>,
    pub requested_minor: Option<i64>,
    pub currency: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub status: RequestStatus,
    pub decided_at: Option<DateTime<Utc>>,
    pub reply: Option<String>,
}

const COLUMNS: &str = "r.id, r.number, r.partner_id, p.name AS partner_name, u.display_name AS filed_by_name, \
     r.filed_at, r.problem_type, r.impact, r.title, r.description, r.customer_id, c.name AS customer_name, \
     r.subscription_id, r.refund_reason, r.requested_minor, r.currency, r.contact_name, r.contact_email, \
     r.contact_phone, r.status, r.decided_at, r.reply";
const FROM: &str = "FROM service_requests r JOIN organisations p ON p.id = r.partner_id \
     LEFT JOIN organisations c ON c.id = r.customer_id LEFT JOIN users u ON u.id = r.filed_by";

/// One request, if `partner` (None: the vendor) may see it.
pub async fn one<'c>(
    c: impl Into<Conn<'c>>,
    partner: Option<Uuid>,
    id: Uuid,
) -> StoreResult<Option<RequestRow>> {
    let sql = numbered(&[
        "SELECT ",
        COLUMNS,
        " ",
        FROM,
        " WHERE r.id = ?",
        if partner.is_some() {
            " AND r.partner_id = ?"
        } else {
            ""
        },
    ]);
    fetch_optional!(
        c,
        sqlx::query_as::<_, RequestRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(id)
            .bind_some(partner)
    )
}

/// A partner's requests, newest first.
pub async fn for_partner<'c>(
    c: impl Into<Conn<'c>>,
    partner: Uuid,
    limit: i64,
) -> StoreResult<Vec<RequestRow>> {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE r.partner_id = $1 ORDER BY r.filed_at DESC, r.id DESC LIMIT $2"
    );
    fetch_all!(
        c,
        sqlx::query_as::<_, RequestRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(partner)
            .bind(limit)
    )
}

/// The operators' queue, oldest first, optionally filtered.
pub async fn queue<'c>(
    c: impl Into<Conn<'c>>,
    status: Option<RequestStatus>,
    problem_type: Option<ProblemType>,
    limit: i64,
) -> StoreResult<Vec<RequestRow>> {
    let sql = numbered(&[
        "SELECT ",
        COLUMNS,
        " ",
        FROM,
        " WHERE TRUE",
        if status.is_some() {
            " AND r.status = ?"
        } else {
            ""
        },
        if problem_type.is_some() {
            " AND r.problem_type = ?"
        } else {
            ""
        },
        " ORDER BY r.filed_at, r.id LIMIT ?",
    ]);
    fetch_all!(
        c,
        sqlx::query_as::<_, RequestRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind_some(status)
            .bind_some(problem_type)
            .bind(limit)
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRow {
    pub id: Uuid,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_name: String,
    pub sha256: String,
}

pub async fn attachments<'c>(
    c: impl Into<Conn<'c>>,
    request_id: Uuid,
) -> StoreResult<Vec<AttachmentRow>> {
    fetch_all!(c, sqlx::query_as::<_, AttachmentRow>(
        "SELECT id, original_name, content_type, size_bytes, storage_name, sha256 FROM attachments \
         WHERE service_request_id = $1 ORDER BY original_name, id"
    )
    .bind(request_id))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
    /// Closes a request that is not a cancellation.
    Close,
}

/// Records a decision on `r` in `tx`; `false` if the request was already
/// decided (nothing changes then). Approving cancels the purchase, revokes
/// its key and every link, and issues a 100% credit note.
pub async fn decide(
    tx: &mut Tx,
    now: DateTime<Utc>,
    r: &RequestRow,
    operator: Uuid,
    decision: &Decision,
    reply: &str,
) -> StoreResult<bool> {
    let status = match decision {
        Decision::Approve => RequestStatus::Approved,
        Decision::Reject => RequestStatus::Rejected,
        Decision::Close => RequestStatus::Closed,
    };
    let n =
        execute!(&mut *tx, sqlx::query(
        "UPDATE service_requests SET status = $1, decided_by = $2, decided_at = $3, reply = $4 \
         WHERE id = $5 AND status IN ($6, $7)"
    )
    .bind(status)
    .bind(operator)
    .bind(now)
    .bind(reply)
    .bind(r.id)
    .bind(RequestStatus::Submitted)
    .bind(RequestStatus::InProgress))?;
    if n != 1 {
        return Ok(false);
    }
    if let (Some(sub), true) = (r.subscription_id, r.problem_type.is_refund()) {
        match decision {
            Decision::Approve => approve_cancellation(&mut *tx, now, r, sub).await?,
            Decision::Reject | Decision::Close => {
                execute!(
                    &mut *tx,
                    sqlx::query(
                        "UPDATE subscriptions SET status = $2 WHERE id = $1 AND status = $3"
                    )
                    .bind(sub)
                    .bind(SubscriptionStatus::Active)
                    .bind(SubscriptionStatus::CancellationRequested)
                )?;
            }
        }
    }
    Ok(true)
}

async fn approve_cancellation<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    r: &RequestRow,
    sub: Uuid,
) -> StoreResult<()> {
    let mut c: Conn<'_> = c.into();
    let line: Option<(Uuid, Uuid, i64, i64, String)> = fetch_optional!(&mut c, sqlx::query_as(
        "SELECT partner_id, customer_id, unit_price_minor, quantity, currency FROM subscriptions \
         WHERE id = $1 AND status = $2"
    )
    .bind(sub)
    .bind(SubscriptionStatus::CancellationRequested))?;
    let Some((partner_id, customer_id, unit, qty, currency)) = line else {
        return Err(StoreError::Other(sqlx::Error::RowNotFound));
    };
    execute!(
        &mut c,
        sqlx::query("UPDATE subscriptions SET status = $2 WHERE id = $1")
            .bind(sub)
            .bind(SubscriptionStatus::Cancelled)
    )?;
    // The key stays tied to this purchase (never reassigned) but is never shown again.
    execute!(&mut c, sqlx::query(
        "UPDATE product_keys SET revoked_at = $1 WHERE subscription_id = $2 AND revoked_at IS NULL"
    )
    .bind(now)
    .bind(sub))?;
    execute!(&mut c, sqlx::query("UPDATE download_links SET revoked_at = $1 WHERE subscription_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(sub))?;
    execute!(&mut c, sqlx::query(
        "INSERT INTO credit_notes (id, subscription_id, service_request_id, partner_id, customer_id, amount_minor, currency, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(Uuid::new_v4())
    .bind(sub)
    .bind(r.id)
    .bind(partner_id)
    .bind(customer_id)
    .bind(unit.saturating_mul(qty))
    .bind(&currency)
    .bind(now))?;
    Ok(())
}

/// The credit issued for a purchase, if any: (amount, currency).
pub async fn credit_for<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
) -> StoreResult<Option<(i64, String)>> {
    fetch_optional!(
        c,
        sqlx::query_as::<_, (i64, String)>(
            "SELECT amount_minor, currency FROM credit_notes WHERE subscription_id = $1"
        )
        .bind(subscription_id)
    )
}
