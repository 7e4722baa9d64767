//! Credit notes: issued in the approving transaction with the partner's next
//! number, and read back as a document.
//!
//! Numbers run 1, 2, 3... per partner without gaps. The next one is taken by
//! bumping the partner's row of `credit_note_counters` in the same
//! transaction that writes the note: a rollback gives the number back, and
//! a second approval for the same partner waits on the row (PostgreSQL's row
//! lock; SQLite's write lock, taken at `BEGIN IMMEDIATE`) until the first
//! commits or rolls back, then reads the number it left.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{BindSome, Conn, StoreResult, Tx, execute, fetch_one, fetch_optional, numbered};
use crate::domain::scope::Scope;

/// What the approval of a cancellation credits.
#[derive(Debug, Clone)]
pub struct NewCreditNote {
    pub subscription_id: Uuid,
    pub service_request_id: Uuid,
    pub partner_id: Uuid,
    pub customer_id: Uuid,
    pub amount_minor: i64,
    pub currency: String,
}

/// A credit note just written (not yet committed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Issued {
    pub id: Uuid,
    pub number: i64,
}

/// Takes `partner`'s next number in `tx`: one upsert, so the first note of a
/// partner needs no row made beforehand.
async fn next_number(tx: &mut Tx, partner: Uuid) -> StoreResult<i64> {
    fetch_one!(
        &mut *tx,
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO credit_note_counters (partner_id, last_number) VALUES ($1, 1) \
             ON CONFLICT (partner_id) DO UPDATE SET last_number = credit_note_counters.last_number + 1 \
             RETURNING last_number"
        )
        .bind(partner)
    )
}

/// Writes the credit note with the partner's next number, in `tx`.
pub async fn issue(tx: &mut Tx, now: DateTime<Utc>, n: &NewCreditNote) -> StoreResult<Issued> {
    let number = next_number(tx, n.partner_id).await?;
    let id = Uuid::new_v4();
    execute!(&mut *tx, sqlx::query(
        "INSERT INTO credit_notes (id, number, subscription_id, service_request_id, partner_id, customer_id, \
           amount_minor, currency, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(id)
    .bind(number)
    .bind(n.subscription_id)
    .bind(n.service_request_id)
    .bind(n.partner_id)
    .bind(n.customer_id)
    .bind(n.amount_minor)
    .bind(&n.currency)
    .bind(now))?;
    Ok(Issued { id, number })
}

/// A credit note with what its page shows: who issued it to whom, for which
/// purchase of which customer, and the request it settles.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CreditNoteRow {
    pub id: Uuid,
    pub number: i64,
    pub issued_at: DateTime<Utc>,
    pub amount_minor: i64,
    pub currency: String,
    pub issuer_name: Option<String>,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub tenant_guid: Option<Uuid>,
    pub primary_domain: Option<String>,
    pub subscription_id: Uuid,
    pub order_id: Uuid,
    pub product_name: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub purchased_at: DateTime<Utc>,
    pub service_request_id: Uuid,
    pub request_number: String,
    pub refund_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// One credit note, if `scope` may see it (a partner its own; the vendor all).
pub async fn one<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    id: Uuid,
) -> StoreResult<Option<CreditNoteRow>> {
    let sql = numbered(&[
        "SELECT cn.id, cn.number, cn.issued_at, cn.amount_minor, cn.currency, \
           (SELECT v.name FROM organisations v WHERE v.kind = 'vendor' ORDER BY v.created_at, v.id LIMIT 1) \
             AS issuer_name, \
           cn.partner_id, p.name AS partner_name, cn.customer_id, c.name AS customer_name, c.tenant_guid, \
           c.primary_domain, cn.subscription_id, s.order_id, pr.name AS product_name, s.quantity, \
           s.unit_price_minor, s.purchased_at, cn.service_request_id, r.number AS request_number, \
           r.refund_reason, r.decided_at \
         FROM credit_notes cn JOIN organisations p ON p.id = cn.partner_id \
         JOIN organisations c ON c.id = cn.customer_id JOIN subscriptions s ON s.id = cn.subscription_id \
         JOIN products pr ON pr.id = s.product_id JOIN service_requests r ON r.id = cn.service_request_id \
         WHERE cn.id = ?",
        scope.pick("", " AND cn.partner_id = ?", " AND cn.customer_id = ?"),
    ]);
    fetch_optional!(
        c,
        sqlx::query_as::<_, CreditNoteRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(id)
            .bind_some(scope.id())
    )
}

/// The credit note of a purchase, if one was issued: (id, number, amount, currency).
#[cfg(any(test, feature = "test-helpers"))]
pub async fn for_subscription<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
) -> StoreResult<Option<(Uuid, i64, i64, String)>> {
    fetch_optional!(
        c,
        sqlx::query_as::<_, (Uuid, i64, i64, String)>(
            "SELECT id, number, amount_minor, currency FROM credit_notes WHERE subscription_id = $1"
        )
        .bind(subscription_id)
    )
}

/// Every number issued to `partner`, in order (tests check there is no gap).
#[cfg(any(test, feature = "test-helpers"))]
pub async fn numbers_of<'c>(c: impl Into<Conn<'c>>, partner: Uuid) -> StoreResult<Vec<i64>> {
    super::fetch_all!(
        c,
        sqlx::query_scalar::<_, i64>(
            "SELECT number FROM credit_notes WHERE partner_id = $1 ORDER BY number"
        )
        .bind(partner)
    )
}
