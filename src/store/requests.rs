//! Service requests, their attachments, the operators' queue (paged by
//! keyset, counted per status), taking a request, and approving or rejecting
//! a cancellation: each decision is one transaction guarded by the request's
//! status, so a second approve changes nothing.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::credit_notes::NewCreditNote;
use super::keyset::{self, COUNT_CAP};
use super::{
    BindSome, Conn, StoreError, StoreResult, Tx, execute, fetch_all, fetch_one, fetch_optional,
    numbered,
};
use crate::domain::service_request::{Impact, ProblemType, QueueView, RequestStatus};
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
    pub decided_by_name: Option<String>,
    pub reply: Option<String>,
    /// The operator who took it (status "in progress"), and when.
    pub taken_by: Option<Uuid>,
    pub taken_by_name: Option<String>,
    pub taken_at: Option<DateTime<Utc>>,
    /// The purchase a cancellation is about.
    pub order_id: Option<Uuid>,
    pub product_name: Option<String>,
    pub quantity: Option<i64>,
    pub purchased_at: Option<DateTime<Utc>>,
    pub cancel_until: Option<DateTime<Utc>>,
    /// The credit note its approval issued.
    pub credit_note_id: Option<Uuid>,
    pub credit_note_number: Option<i64>,
}

const COLUMNS: &str = "r.id, r.number, r.partner_id, p.name AS partner_name, u.display_name AS filed_by_name, \
     r.filed_at, r.problem_type, r.impact, r.title, r.description, r.customer_id, c.name AS customer_name, \
     r.subscription_id, r.refund_reason, r.requested_minor, r.currency, r.contact_name, r.contact_email, \
     r.contact_phone, r.status, r.decided_at, d.display_name AS decided_by_name, r.reply, r.taken_by, \
     t.display_name AS taken_by_name, r.taken_at, s.order_id, pr.name AS product_name, s.quantity, \
     s.purchased_at, s.cancel_until, cn.id AS credit_note_id, cn.number AS credit_note_number";
const FROM: &str = "FROM service_requests r JOIN organisations p ON p.id = r.partner_id \
     LEFT JOIN organisations c ON c.id = r.customer_id LEFT JOIN users u ON u.id = r.filed_by \
     LEFT JOIN users d ON d.id = r.decided_by LEFT JOIN users t ON t.id = r.taken_by \
     LEFT JOIN subscriptions s ON s.id = r.subscription_id LEFT JOIN products pr ON pr.id = s.product_id \
     LEFT JOIN credit_notes cn ON cn.service_request_id = r.id";

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

/// Where a page of requests starts: after this (filed_at, id) in the list's order.
#[derive(Debug, Clone, Copy)]
pub struct After {
    pub filed_at: DateTime<Utc>,
    pub id: Uuid,
}

/// Reads one row past `limit`: whether there is a next page.
fn split_page(mut rows: Vec<RequestRow>, limit: i64) -> (Vec<RequestRow>, bool) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    (rows, more)
}

/// A page of a partner's requests, newest first: the index
/// `service_requests(partner_id, filed_at, id)` read backwards.
pub async fn for_partner<'c>(
    c: impl Into<Conn<'c>>,
    partner: Uuid,
    after: Option<After>,
    limit: i64,
) -> StoreResult<(Vec<RequestRow>, bool)> {
    let sql = numbered(&[
        "SELECT ",
        COLUMNS,
        " ",
        FROM,
        " WHERE r.partner_id = ?",
        if after.is_some() {
            " AND (r.filed_at, r.id) < (?, ?)"
        } else {
            ""
        },
        " ORDER BY r.filed_at DESC, r.id DESC",
        &super::limit(limit + 1),
    ]);
    let rows = fetch_all!(
        c,
        sqlx::query_as::<_, RequestRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(partner)
            .bind_some(after.map(|a| a.filed_at))
            .bind_some(after.map(|a| a.id))
    )?;
    Ok(split_page(rows, limit))
}

/// [`keyset::capped_count`] stopped at `COUNT_CAP + 1`: past it a page says
/// "of more than 1000" or "Further than the first 1000"
/// (`routes::support::list::showing`) rather than read every entry of the
/// index up to the page on each view.
fn capped_count(body: &str) -> String {
    keyset::capped_count(body, COUNT_CAP + 1)
}

/// How many requests the partner has, and how many of them come before the
/// page that starts after `after` (newest first), each up to `COUNT_CAP + 1`.
pub async fn partner_position<'c>(
    c: impl Into<Conn<'c>>,
    partner: Uuid,
    after: Option<After>,
) -> StoreResult<(i64, i64)> {
    let before = if after.is_some() {
        capped_count(
            " FROM service_requests r WHERE r.partner_id = ? AND (r.filed_at, r.id) >= (?, ?)",
        )
    } else {
        // A literal is an INT4 on PostgreSQL; the count is read as i64.
        "CAST(0 AS BIGINT)".to_owned()
    };
    let sql = numbered(&[
        "SELECT ",
        &capped_count(" FROM service_requests r WHERE r.partner_id = ?"),
        ", ",
        &before,
    ]);
    fetch_one!(
        c,
        sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(partner)
            .bind_some(after.map(|_| partner))
            .bind_some(after.map(|a| a.filed_at))
            .bind_some(after.map(|a| a.id))
    )
}

/// The queue's condition for `view`. The statuses are written into the
/// statement, not bound: the open requests (and on SQLite the decided ones)
/// are read from partial indexes whose `WHERE` is the first term here
/// (migration 0028), and neither engine uses such an index unless the
/// statement's condition, as written, holds that term. On SQLite a view of
/// one open status reads the open requests' index and keeps that status's
/// as it goes; PostgreSQL seeks it in its index of every status.
fn status_condition(view: QueueView) -> &'static str {
    macro_rules! open {
        () => {
            " AND r.status IN ('submitted', 'in_progress')"
        };
    }
    macro_rules! decided {
        () => {
            " AND r.status NOT IN ('submitted', 'in_progress')"
        };
    }
    match view {
        QueueView::Open => open!(),
        QueueView::Only(RequestStatus::Submitted) => {
            concat!(open!(), " AND r.status = 'submitted'")
        }
        QueueView::Only(RequestStatus::InProgress) => {
            concat!(open!(), " AND r.status = 'in_progress'")
        }
        QueueView::Only(RequestStatus::Approved) => {
            concat!(decided!(), " AND r.status = 'approved'")
        }
        QueueView::Only(RequestStatus::Rejected) => {
            concat!(decided!(), " AND r.status = 'rejected'")
        }
        QueueView::Only(RequestStatus::Closed) => concat!(decided!(), " AND r.status = 'closed'"),
        QueueView::All => "",
    }
}

fn type_condition(problem_type: Option<ProblemType>) -> &'static str {
    if problem_type.is_some() {
        " AND r.problem_type = ?"
    } else {
        ""
    }
}

/// The statement of a page of the queue ([`queue`]), its placeholders
/// numbered: the problem type if given, then the cursor's two values.
pub fn queue_statement(
    view: QueueView,
    problem_type: Option<ProblemType>,
    after: bool,
    limit: i64,
) -> String {
    let oldest_first = view.oldest_first();
    numbered(&[
        "SELECT ",
        COLUMNS,
        " ",
        FROM,
        " WHERE TRUE",
        status_condition(view),
        type_condition(problem_type),
        match (after, oldest_first) {
            (false, _) => "",
            (true, true) => " AND (r.filed_at, r.id) > (?, ?)",
            (true, false) => " AND (r.filed_at, r.id) < (?, ?)",
        },
        if oldest_first {
            " ORDER BY r.filed_at, r.id"
        } else {
            " ORDER BY r.filed_at DESC, r.id DESC"
        },
        &super::limit(limit + 1),
    ])
}

/// A page of the operators' queue in `view`'s order (open requests oldest
/// first, decided ones newest first), optionally of one problem type: each
/// view and type read from an index in the page's order, from the cursor on.
pub async fn queue<'c>(
    c: impl Into<Conn<'c>>,
    view: QueueView,
    problem_type: Option<ProblemType>,
    after: Option<After>,
    limit: i64,
) -> StoreResult<(Vec<RequestRow>, bool)> {
    let sql = queue_statement(view, problem_type, after.is_some(), limit);
    let rows = fetch_all!(
        c,
        sqlx::query_as::<_, RequestRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind_some(problem_type)
            .bind_some(after.map(|a| a.filed_at))
            .bind_some(after.map(|a| a.id))
    )?;
    Ok(split_page(rows, limit))
}

/// The statement of [`queue_position`], its placeholders numbered.
pub fn queue_position_statement(view: QueueView, problem_type: Option<ProblemType>) -> String {
    let body = [
        " FROM service_requests r WHERE TRUE",
        status_condition(view),
        type_condition(problem_type),
        if view.oldest_first() {
            " AND (r.filed_at, r.id) <= (?, ?)"
        } else {
            " AND (r.filed_at, r.id) >= (?, ?)"
        },
    ]
    .concat();
    numbered(&["SELECT ", &capped_count(&body)])
}

/// How many requests of `view` come before the page that starts after
/// `after`, up to `COUNT_CAP + 1`.
pub async fn queue_position<'c>(
    c: impl Into<Conn<'c>>,
    view: QueueView,
    problem_type: Option<ProblemType>,
    after: After,
) -> StoreResult<i64> {
    let sql = queue_position_statement(view, problem_type);
    fetch_one!(
        c,
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind_some(problem_type)
            .bind(after.filed_at)
            .bind(after.id)
    )
}

/// How many requests there are in each status (of one problem type, if
/// given): the counts the store keeps (`request_counts`, migration 0028).
pub async fn counts<'c>(
    c: impl Into<Conn<'c>>,
    problem_type: Option<ProblemType>,
) -> StoreResult<Vec<(RequestStatus, i64)>> {
    let sql = numbered(&[
        // SUM of BIGINT is NUMERIC on PostgreSQL; the count is read as i64.
        "SELECT status, CAST(SUM(requests) AS BIGINT) FROM request_counts",
        if problem_type.is_some() {
            " WHERE problem_type = ?"
        } else {
            ""
        },
        " GROUP BY status",
    ]);
    fetch_all!(
        c,
        sqlx::query_as::<_, (RequestStatus, i64)>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind_some(problem_type)
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

/// What recording a decision came to.
#[derive(Debug, Clone)]
pub enum Decided {
    /// It was decided before: nothing changed.
    Already,
    /// Recorded (a rejection puts the purchase back to active).
    Done,
    /// An approved cancellation: the purchase is cancelled, its key and links
    /// revoked; this is the credit the caller issues in the same transaction.
    Cancelled(NewCreditNote),
}

/// Records a decision on `r` in `tx`, guarded by the request's status (a
/// second decision changes nothing). Approving cancels the purchase,
/// revokes its key and every link, and says what to credit.
pub async fn decide(
    tx: &mut Tx,
    now: DateTime<Utc>,
    r: &RequestRow,
    operator: Uuid,
    decision: &Decision,
    reply: &str,
) -> StoreResult<Decided> {
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
        return Ok(Decided::Already);
    }
    if let (Some(sub), true) = (r.subscription_id, r.problem_type.is_refund()) {
        match decision {
            Decision::Approve => {
                return Ok(Decided::Cancelled(
                    cancel_purchase(&mut *tx, now, r, sub).await?,
                ));
            }
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
    Ok(Decided::Done)
}

/// Cancels the purchase, revokes its key and links; what to credit for it.
async fn cancel_purchase<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    r: &RequestRow,
    sub: Uuid,
) -> StoreResult<NewCreditNote> {
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
    Ok(NewCreditNote {
        subscription_id: sub,
        service_request_id: r.id,
        partner_id,
        customer_id,
        amount_minor: unit.saturating_mul(qty),
        currency,
    })
}

/// Marks an open request "in progress", taken by `operator` (from whoever
/// had it); `false` if it is decided, or already this operator's.
pub async fn take(tx: &mut Tx, now: DateTime<Utc>, id: Uuid, operator: Uuid) -> StoreResult<bool> {
    let n = execute!(
        &mut *tx,
        sqlx::query(
            "UPDATE service_requests SET status = $1, taken_by = $2, taken_at = $3 \
         WHERE id = $4 AND status IN ($5, $1) AND (taken_by IS NULL OR taken_by <> $2)"
        )
        .bind(RequestStatus::InProgress)
        .bind(operator)
        .bind(now)
        .bind(id)
        .bind(RequestStatus::Submitted)
    )?;
    Ok(n == 1)
}

/// What approving a cancellation would revoke now: (keys, live links).
pub async fn approval_effects<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<(i64, i64)> {
    fetch_one!(c, sqlx::query_as::<_, (i64, i64)>(
        "SELECT (SELECT COUNT(*) FROM product_keys WHERE subscription_id = $1 AND revoked_at IS NULL), \
           (SELECT COUNT(*) FROM download_links WHERE subscription_id = $1 AND revoked_at IS NULL \
              AND expires_at > $2 AND downloads_used < download_cap)"
    )
    .bind(subscription_id)
    .bind(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The written condition keeps exactly the view's statuses, and starts
    /// with the term of the partial index that holds them: a status added
    /// to a view and not here would silently drop its requests from the page.
    #[test]
    fn each_views_written_condition_names_exactly_its_statuses() {
        const OPEN: &str = " AND r.status IN ('submitted', 'in_progress')";
        const DECIDED: &str = " AND r.status NOT IN ('submitted', 'in_progress')";
        for view in QueueView::all() {
            let written = status_condition(view);
            let statuses = view.statuses();
            match statuses {
                [] => assert_eq!(written, "", "{view:?}"),
                [s] => {
                    let index = if s.is_open() { OPEN } else { DECIDED };
                    let one = format!(" AND r.status = '{}'", s.as_str());
                    assert_eq!(written, format!("{index}{one}"), "{view:?}");
                }
                _ => {
                    assert!(statuses.iter().all(|s| s.is_open()), "{view:?}");
                    assert_eq!(
                        statuses.len(),
                        RequestStatus::ALL.iter().filter(|s| s.is_open()).count()
                    );
                    assert_eq!(written, OPEN, "{view:?}");
                }
            }
        }
    }
}
