//! A customer's software (subscriptions) and what can be downloaded for it.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{BindSome, Conn, StoreResult, fetch_all, fetch_one, fetch_optional, numbered};
use crate::domain::scope::Scope;
use crate::domain::subscription::SubscriptionStatus;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SoftwareRow {
    pub id: Uuid,
    pub order_id: Uuid,
    pub customer_id: Uuid,
    pub product_id: Uuid,
    pub product_name: String,
    pub key_format: String,
    pub has_keys: bool,
    pub has_downloads: bool,
    pub quantity: i64,
    pub purchased_at: DateTime<Utc>,
    pub cancel_until: DateTime<Utc>,
    pub term_ends_at: Option<DateTime<Utc>>,
    pub status: SubscriptionStatus,
    pub link_lifetime_days: i64,
    pub link_download_cap: i64,
    pub unit_price_minor: i64,
    pub currency: String,
    /// The credit issued when a cancellation was approved, and its note.
    pub credit_minor: Option<i64>,
    pub credit_note_id: Option<Uuid>,
    pub credit_note_number: Option<i64>,
    /// The last cancellation request rejected, whose reply says why.
    pub rejected_request_id: Option<Uuid>,
    pub rejected_request_number: Option<String>,
    pub rejected_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "s.id, s.order_id, s.customer_id, s.product_id, p.name AS product_name, p.key_format, \
     p.has_keys, p.has_downloads, s.quantity, s.purchased_at, s.cancel_until, s.term_ends_at, s.status, \
     p.link_lifetime_days, p.link_download_cap, s.unit_price_minor, s.currency, cn.amount_minor AS credit_minor, \
     cn.id AS credit_note_id, cn.number AS credit_note_number, rr.id AS rejected_request_id, \
     rr.number AS rejected_request_number, rr.decided_at AS rejected_at";

/// A subscription `s` with its product, its credit note and its last rejected request.
const FROM: &str = " FROM subscriptions s JOIN products p ON p.id = s.product_id \
     LEFT JOIN credit_notes cn ON cn.subscription_id = s.id \
     LEFT JOIN service_requests rr ON rr.id = (SELECT r.id FROM service_requests r \
       WHERE r.subscription_id = s.id AND r.status = 'rejected' ORDER BY r.decided_at DESC LIMIT 1)";

/// Where a page of the software list starts: after this (purchased_at, id).
#[derive(Debug, Clone, Copy)]
pub struct After {
    pub purchased_at: DateTime<Utc>,
    pub id: Uuid,
}

/// The scope's condition on a subscription `s`.
fn in_scope(scope: Scope) -> &'static str {
    scope.pick("", " AND s.partner_id = ?", " AND s.customer_id = ?")
}

/// A page of a customer's software, newest purchase first. Served by the
/// index `subscriptions(customer_id, purchased_at, id)` read backwards: the
/// keyset condition (a row comparison, which both engines seek on) and the
/// order match it, so a page costs the same at row 10 as at row 100,000.
pub async fn list<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    after: Option<After>,
    limit: i64,
) -> StoreResult<(Vec<SoftwareRow>, bool)> {
    let sql = numbered(&[
        "SELECT ",
        COLUMNS,
        FROM,
        " WHERE s.customer_id = ?",
        in_scope(scope),
        if after.is_some() {
            " AND (s.purchased_at, s.id) < (?, ?)"
        } else {
            ""
        },
        " ORDER BY s.purchased_at DESC, s.id DESC LIMIT ?",
    ]);
    let mut rows = fetch_all!(
        c,
        sqlx::query_as::<_, SoftwareRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(customer_id)
            .bind_some(scope.id())
            .bind_some(after.map(|a| a.purchased_at))
            .bind_some(after.map(|a| a.id))
            .bind(limit + 1)
    )?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// One subscription of the customer, if `scope` may see it.
pub async fn one<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<SoftwareRow>> {
    let sql = numbered(&[
        "SELECT ",
        COLUMNS,
        FROM,
        " WHERE s.id = ? AND s.customer_id = ?",
        in_scope(scope),
    ]);
    fetch_optional!(
        c,
        sqlx::query_as::<_, SoftwareRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(id)
            .bind(customer_id)
            .bind_some(scope.id())
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DownloadFile {
    pub id: Uuid,
    pub version: String,
    pub language: String,
    pub bitness: String,
    pub file_type: String,
    pub os: String,
    pub file_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_name: String,
}

impl DownloadFile {
    /// "64-bit", or "ISO · Windows" for the older file-type flow.
    pub fn platform(&self) -> String {
        if self.bitness.is_empty() {
            format!("{} · {}", self.file_type, self.os)
        } else {
            self.bitness.clone()
        }
    }
}

/// Every download file of a product, for the selectors and the file list.
pub async fn files_of_product<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
) -> StoreResult<Vec<DownloadFile>> {
    fetch_all!(c, sqlx::query_as::<_, DownloadFile>(
        "SELECT f.id, v.version, v.language, v.bitness, v.file_type, v.os, f.file_name, f.size_bytes, f.sha256, \
           f.storage_name FROM download_files f JOIN variants v ON v.id = f.variant_id \
         WHERE v.product_id = $1 ORDER BY v.version DESC, v.language, v.bitness, v.file_type, v.os, f.file_name"
    )
    .bind(product_id))
}

/// One download file of a product (a file of another product finds nothing).
pub async fn file<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
    file_id: Uuid,
) -> StoreResult<Option<DownloadFile>> {
    fetch_optional!(c, sqlx::query_as::<_, DownloadFile>(
        "SELECT f.id, v.version, v.language, v.bitness, v.file_type, v.os, f.file_name, f.size_bytes, f.sha256, \
           f.storage_name FROM download_files f JOIN variants v ON v.id = f.variant_id \
         WHERE v.product_id = $1 AND f.id = $2"
    )
    .bind(product_id)
    .bind(file_id))
}

/// A download file by id, for a link that names it.
pub async fn file_by_id<'c>(
    c: impl Into<Conn<'c>>,
    file_id: Uuid,
) -> StoreResult<Option<DownloadFile>> {
    fetch_optional!(c, sqlx::query_as::<_, DownloadFile>(
        "SELECT f.id, v.version, v.language, v.bitness, v.file_type, v.os, f.file_name, f.size_bytes, f.sha256, \
           f.storage_name FROM download_files f JOIN variants v ON v.id = f.variant_id WHERE f.id = $1"
    )
    .bind(file_id))
}

/// What was paid for a purchase: (unit price x quantity, currency).
pub async fn paid<'c>(c: impl Into<Conn<'c>>, subscription_id: Uuid) -> StoreResult<(i64, String)> {
    let (unit, qty, currency): (i64, i64, String) = fetch_one!(
        c,
        sqlx::query_as(
            "SELECT unit_price_minor, quantity, currency FROM subscriptions WHERE id = $1"
        )
        .bind(subscription_id)
    )?;
    Ok((unit.saturating_mul(qty), currency))
}

/// The purchases (lines) of an order of this customer.
pub async fn of_order<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    customer_id: Uuid,
    order_id: Uuid,
) -> StoreResult<Vec<Uuid>> {
    fetch_all!(c, sqlx::query_scalar(
        "SELECT id FROM subscriptions WHERE order_id = $1 AND customer_id = $2 AND partner_id = $3 ORDER BY line_no"
    )
    .bind(order_id)
    .bind(customer_id)
    .bind(partner_id))
}
