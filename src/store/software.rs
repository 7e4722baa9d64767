//! A customer's software (subscriptions) and what can be downloaded for it.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::by_position::Columns;
use super::keyset::{self, Counted, Counting, Cursor, Order};
use super::organisations::escape_like;
use super::{
    BindSome, Conn, StoreError, StoreResult, fetch_all, fetch_one, fetch_optional, numbered,
    on_conn,
};
use crate::domain::scope::Scope;
use crate::domain::subscription::{StatusFilter, SubscriptionStatus};

super::by_position::by_position! {
    /// One purchase as its own page and its actions read it ([`COLUMNS`], in
    /// that order).
    #[derive(Debug, Clone)]
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
}

/// The last rejected cancellation request of `s`, one column of it: a
/// scalar subquery per row of the page. Written as a LEFT JOIN on a
/// subquery, PostgreSQL hash-joined it and so read and sorted every row
/// ahead of the page before its LIMIT (18.8 ms for a page 9,500 rows deep of
/// a customer holding 100,000, against 0.15 ms like this).
macro_rules! last_rejected {
    ($col:literal, $name:literal) => {
        concat!(
            "(SELECT r.",
            $col,
            " FROM service_requests r WHERE r.subscription_id = s.id AND r.status = 'rejected' \
             ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) AS ",
            $name
        )
    };
}

const COLUMNS: &str = concat!(
    "s.id, s.order_id, s.customer_id, s.product_id, p.name AS product_name, p.key_format, \
     p.has_keys, p.has_downloads, s.quantity, s.purchased_at, s.cancel_until, s.term_ends_at, s.status, \
     p.link_lifetime_days, p.link_download_cap, s.unit_price_minor, s.currency, cn.amount_minor AS credit_minor, \
     cn.id AS credit_note_id, cn.number AS credit_note_number, ",
    last_rejected!("id", "rejected_request_id"),
    ", ",
    last_rejected!("number", "rejected_request_number"),
    ", ",
    last_rejected!("decided_at", "rejected_at")
);

/// A subscription `s` with its product and its credit note.
const FROM: &str = " FROM subscriptions s JOIN products p ON p.id = s.product_id \
     LEFT JOIN credit_notes cn ON cn.subscription_id = s.id";

super::by_position::by_position! {
    /// A purchase as the software list shows it (a row of the page, an item of
    /// the API's list): what [`SoftwareRow`] says without what only one
    /// purchase's page needs (its last rejected request, its credit note's
    /// number, its product's key and link settings), which cost three
    /// subqueries and ten more columns for each of the page's 50 rows.
    #[derive(Debug, Clone)]
    pub struct ListedPurchase {
        pub id: Uuid,
        pub order_id: Uuid,
        pub product_id: Uuid,
        pub product_name: String,
        pub has_keys: bool,
        pub has_downloads: bool,
        pub quantity: i64,
        pub purchased_at: DateTime<Utc>,
        pub cancel_until: DateTime<Utc>,
        pub status: SubscriptionStatus,
        pub currency: String,
        /// The credit issued when a cancellation was approved.
        pub credit_minor: Option<i64>,
    }
}

/// [`ListedPurchase`]'s columns over `subscriptions s` and its product `sp`
/// ([`list_from`]), the credit note read by its unique key only for a
/// cancelled purchase: a credit note is issued only with an approved
/// cancellation (`app::support::decide`), and a list is mostly active
/// purchases, whose lookup found nothing at the price of an index probe
/// each (on PostgreSQL 0.24-0.30 ms for a page's statement against
/// 0.29-0.42 with a probe per row, `bench/RESULTS.md`).
const LIST_COLUMNS: &str = "s.id, s.order_id, s.product_id, \
     sp.name AS product_name, sp.has_keys, sp.has_downloads, \
     s.quantity, s.purchased_at, s.cancel_until, s.status, s.currency, \
     CASE WHEN s.status = 'cancelled' THEN \
     (SELECT cn.amount_minor FROM credit_notes cn WHERE cn.subscription_id = s.id) END AS credit_minor";

/// Each row's product, one lookup per row read in the list's index order
/// (three scalar subqueries made three: a sixth of the statement's time on
/// SQLite, 0.19 against 0.10 ms on PostgreSQL). SQLite reads the join in
/// that order. PostgreSQL's generic plan (which takes every customer to
/// hold two purchases) hashed a plain join and sorted: for a customer
/// holding 1,000 it read all 1,000 and took 5.6 ms, against 0.8 ms reading
/// 51 in index order. A lateral subquery with `OFFSET 0` cannot be pulled
/// up into a join, so the only plan left is the index read in order.
fn list_from(pg: bool) -> &'static str {
    if pg {
        " FROM subscriptions s CROSS JOIN LATERAL (SELECT p.name, p.has_keys, p.has_downloads \
         FROM products p WHERE p.id = s.product_id OFFSET 0) sp"
    } else {
        " FROM subscriptions s JOIN products sp ON sp.id = s.product_id"
    }
}

/// The total of a customer's unfiltered list in `scope`, from the counts
/// `purchase_counts` keeps (migrations 0024, 0034), with the values [`bind_list`]
/// binds first: the customer, then the scope's id.
fn kept_total(scope: Scope) -> &'static str {
    scope.pick(
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM purchase_counts pc \
         WHERE pc.customer_id = ?)",
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM purchase_counts pc \
         WHERE pc.customer_id = ? AND pc.partner_id = ?)",
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM purchase_counts pc \
         WHERE pc.customer_id = ? AND pc.customer_id = ?)",
    )
}

/// The total of a product search in `scope`, from the counts
/// `purchase_counts` keeps per product (migration 0034): a row per matching
/// product, exact at any size, where a count read the matching purchases up
/// to its cap. Bound as [`searched_count`] is: the pattern, the customer,
/// then the scope's id.
fn kept_searched_total(scope: Scope) -> &'static str {
    scope.pick(
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM products m \
         JOIN purchase_counts pc ON pc.product_id = m.id \
         WHERE lower(m.name) LIKE ? ESCAPE '\\' AND pc.customer_id = ?)",
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM products m \
         JOIN purchase_counts pc ON pc.product_id = m.id \
         WHERE lower(m.name) LIKE ? ESCAPE '\\' AND pc.customer_id = ? AND pc.partner_id = ?)",
        "(SELECT CAST(COALESCE(SUM(pc.purchases), 0) AS BIGINT) FROM products m \
         JOIN purchase_counts pc ON pc.product_id = m.id \
         WHERE lower(m.name) LIKE ? ESCAPE '\\' AND pc.customer_id = ? AND pc.customer_id = ?)",
    )
}

/// A row of the software list, where a page starts or ends: its (purchased_at, id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub purchased_at: DateTime<Utc>,
    pub id: Uuid,
}

/// Which of a customer's purchases the software list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    /// Part of the product's name, in any case.
    pub product: Option<&'a str>,
    pub status: Option<StatusFilter>,
    /// The clock's now: "cancellable now" is inside the window at it.
    pub now: DateTime<Utc>,
}

/// The scope's condition on a subscription `s`.
fn in_scope(scope: Scope) -> &'static str {
    scope.pick("", " AND s.partner_id = ?", " AND s.customer_id = ?")
}

/// A product search: the products whose name matches (bound first, before
/// the customer), each of whose purchases is read in the list's order from
/// `subscriptions (customer_id, product_id, purchased_at, id)` (migration
/// 0032), at most a page from each, and the page taken from those. Read in
/// date order and filtered by product, a search passed over every purchase
/// the customer holds that was not of a matching product: all of them for a
/// product never bought (100,000 on the 1M data set, 127 ms on SQLite). Now
/// a search reads at most a page per matching product, whatever the
/// customer holds, and sorts those rows (a top-N sort of at most that
/// many). PostgreSQL reads them with a `LATERAL` subquery, whose `LIMIT`
/// keeps it a loop over the matching products; SQLite, which has no
/// `LATERAL`, with a correlated `rowid IN (...)` run once per product.
fn searched_from(pg: bool) -> &'static str {
    if pg {
        " FROM (SELECT p.id, p.name, p.has_keys, p.has_downloads FROM products p \
         WHERE lower(p.name) LIKE ? ESCAPE '\\') sp \
         CROSS JOIN LATERAL (SELECT s.* FROM subscriptions s \
         WHERE s.customer_id = ? AND s.product_id = sp.id"
    } else {
        " FROM products sp JOIN subscriptions s ON lower(sp.name) LIKE ? ESCAPE '\\' \
         AND s.rowid IN (SELECT s.rowid FROM subscriptions s \
         WHERE s.customer_id = ? AND s.product_id = sp.id"
    }
}

/// The end of [`searched_from`]'s subquery.
fn searched_end(pg: bool) -> &'static str {
    if pg { ") s" } else { ")" }
}

/// What a count of a searched list reads: each matching product's
/// purchases by the same index, up to the count's cap, the pattern bound
/// first as in [`searched_from`]; [`searched_count_end`] follows the
/// cursor's condition. On SQLite the products come first (`CROSS JOIN`
/// keeps it from reading the customer's purchases by date and looking up
/// the product of each). PostgreSQL's generic plan of that join, or of
/// `product_id = ANY (ARRAY(...))`, read the customer's purchases in the
/// index and kept the matching product's (39,849 passed over to count
/// 1,001 of one product on the 1M set, 6.5 ms); a `LATERAL` subquery with a
/// `LIMIT` reads each product's own range, to the cap at most.
fn searched_count(pg: bool) -> &'static str {
    if pg {
        " FROM (SELECT p.id FROM products p WHERE lower(p.name) LIKE ? ESCAPE '\\') m \
         CROSS JOIN LATERAL (SELECT 1 FROM subscriptions s \
         WHERE s.customer_id = ? AND s.product_id = m.id"
    } else {
        " FROM products m CROSS JOIN subscriptions s \
         WHERE lower(m.name) LIKE ? ESCAPE '\\' AND s.product_id = m.id AND s.customer_id = ?"
    }
}

/// The end of [`searched_count`]'s subquery on PostgreSQL: no product
/// needs more rows than the largest count (`keyset::counts`) stops at.
fn searched_count_end(pg: bool, page: i64) -> String {
    if pg {
        format!(" LIMIT {}) s", keyset::COUNT_CAP + 1 + page)
    } else {
        String::new()
    }
}

/// The status is written into the statement, not bound, so that each is a
/// statement of its own whose generic plan PostgreSQL makes knowing the
/// value: bound, one plan served every status, estimated at the share of
/// the average status, and where nearly every purchase is active it read
/// the customer's purchases by date and kept the few of a rarer status, to
/// the last purchase when there were none (all 1,004 of Contoso's for
/// `cancelled` on the 1k set, 5.3 ms; written, the status's index finds
/// none in 0.09 ms). The texts are the `SubscriptionStatus` values (a unit
/// test compares them).
///
/// In a product search "cancellable now" keeps either engine from seeking on
/// the status (SQLite's unary `+`, a test PostgreSQL cannot seek on): nearly
/// every purchase is active, so the index by status narrows nothing, and
/// given it both read each matching product's purchases from it rather than
/// from the index by product ([`searched_from`]). Its reads are bounded by
/// [`window_bound`] instead.
fn status_condition(status: Option<StatusFilter>, searched: bool, pg: bool) -> &'static str {
    match status {
        None => "",
        Some(StatusFilter::Active) => " AND s.status = 'active'",
        Some(StatusFilter::CancellationRequested) => " AND s.status = 'cancellation_requested'",
        Some(StatusFilter::Cancelled) => " AND s.status = 'cancelled'",
        Some(StatusFilter::CancellableNow) if searched && pg => {
            " AND (s.status = 'active') IS TRUE AND s.cancel_until > ?"
        }
        Some(StatusFilter::CancellableNow) if searched => {
            " AND +s.status = 'active' AND s.cancel_until > ?"
        }
        Some(StatusFilter::CancellableNow) => " AND s.status = 'active' AND s.cancel_until > ?",
    }
}

/// "Cancellable now" reads only the purchases made since the longest window
/// any purchase was given began (`products.longest_cancel_window_days`, kept
/// by triggers, migration 0033): the windows are per product and were
/// shortened over the years, so no purchase made before that is still in its
/// window. Without it the list oldest first, and the count, read the
/// customer's active purchases from the oldest and kept those in their
/// window (83,730 passed over to find 16,274 on the 1M data set, 35-45 ms).
/// The bound is a seek in the index the read takes (by date, by status, or
/// a product search's by product). SQLite's is written to the second as
/// text, as the times are stored, and so a little early: it only ever
/// reads a few more.
///
/// It follows the cursor's condition: where that is a lower bound too (a
/// page newer than its cursor, or the count of the rows newer than it),
/// SQLite seeks on the first of two such conditions, and the cursor's is the
/// one that starts at the page (the plan test checks every shape).
/// PostgreSQL starts at the later of the two.
fn window_bound(status: Option<StatusFilter>, pg: bool) -> &'static str {
    match status {
        Some(StatusFilter::CancellableNow) if pg => {
            " AND s.purchased_at > ?::timestamptz - interval '24 hours' \
             * (SELECT coalesce(max(w.longest_cancel_window_days), 0) FROM products w)"
        }
        Some(StatusFilter::CancellableNow) => {
            " AND s.purchased_at > strftime('%Y-%m-%dT%H:%M:%S', ?, '-' \
             || (SELECT coalesce(max(w.longest_cancel_window_days), 0) FROM products w) || ' days')"
        }
        _ => "",
    }
}

const KEY: &str = "(s.purchased_at, s.id)";

/// Binds a product search's pattern, the customer, the scope, "cancellable now"'s
/// instant, the cursor's key when there is one, and the instant again for
/// [`window_bound`]: the values of a list statement,
/// or of a count of the rows ahead of a cursor (`None`: of the total).
fn bind_list<'q, DB: sqlx::Database, Q: BindSome<'q, DB>>(
    q: Q,
    scope: Scope,
    customer_id: Uuid,
    f: &Filter<'_>,
    key: Option<Key>,
) -> Q
where
    Uuid: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    let pattern = f
        .product
        .map(|p| format!("%{}%", escape_like(&p.to_lowercase())));
    let cancellable = f.status == Some(StatusFilter::CancellableNow);
    q.bind_some(pattern)
        .bind_value(customer_id)
        .bind_some(scope.id())
        .bind_some(cancellable.then_some(f.now))
        .bind_some(key.map(|k| k.purchased_at))
        .bind_some(key.map(|k| k.id))
        .bind_some(cancellable.then_some(f.now))
}

/// The statement of a page of the list, with the counts of
/// [`keyset::counts`] in its select list when `counted`.
fn list_sql(
    scope: Scope,
    filter: &Filter<'_>,
    order: Order,
    cursor: Cursor<Key>,
    limit: i64,
    counted: Option<Cursor<()>>,
    pg: bool,
) -> String {
    let searched = filter.product.is_some();
    let status = status_condition(filter.status, searched, pg);
    let bound = window_bound(filter.status, pg);
    let count_body = [
        if searched {
            searched_count(pg)
        } else {
            " FROM subscriptions s WHERE s.customer_id = ?"
        },
        in_scope(scope),
        status,
    ];
    let count_end = if searched {
        format!("{bound}{}", searched_count_end(pg, limit))
    } else {
        bound.to_owned()
    };
    let counts = if let Some(ahead_of) = counted {
        let kept = match (searched, filter.status) {
            (false, None) => Some(kept_total(scope)),
            (true, None) => Some(kept_searched_total(scope)),
            (_, Some(_)) => None,
        };
        keyset::counts(&count_body, &count_end, kept, KEY, ahead_of, order, limit)
    } else {
        String::new()
    };
    let limit = super::limit(limit + 1);
    let order_by = cursor.order_by("s.purchased_at", "s.id", order);
    let rows = [
        &[in_scope(scope), status][..],
        &cursor.condition(KEY, order),
        &[bound],
        &order_by,
        &[limit.as_str()],
    ]
    .concat();
    let select = ["SELECT ", LIST_COLUMNS, counts.as_str()];
    if searched {
        numbered(
            &[
                &select[..],
                &[searched_from(pg)],
                &rows,
                &[searched_end(pg)],
                &order_by,
                &[limit.as_str()],
            ]
            .concat(),
        )
    } else {
        numbered(
            &[
                &select[..],
                &[list_from(pg), " WHERE s.customer_id = ?"],
                &rows,
            ]
            .concat(),
        )
    }
}

/// A page of a customer's software in `order` by purchase date, narrowed by
/// `filter`, and whether more rows lie beyond it in the reading direction.
/// Served by `subscriptions(customer_id, purchased_at, id)`, or with a
/// status by `subscriptions(customer_id, status, purchased_at, id)`, read
/// either way: the keyset condition (a row comparison, which both engines
/// seek on) and the order match the index, so a page costs the same at row
/// 10 as at row 100,000. A product search filters the rows read in order.
pub async fn list<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    filter: &Filter<'_>,
    order: Order,
    cursor: Cursor<Key>,
    limit: i64,
) -> StoreResult<(Vec<ListedPurchase>, bool)> {
    let c = c.into();
    let sql = list_sql(scope, filter, order, cursor, limit, None, c.is_pg());
    let rows = fetch_all!(
        c,
        bind_list(
            sqlx::query_as::<_, ListedPurchase>(sqlx::AssertSqlSafe(sql.as_str())),
            scope,
            customer_id,
            filter,
            cursor.key()
        )
    )?;
    Ok(cursor.finish(rows, limit))
}

/// [`list`] with, on each row, how many purchases `filter` keeps and how
/// many lie ahead of the cursor (unless `page` says it is known): the "Showing 51–100 of 230" of the page,
/// in the same statement (each count reads at most `COUNT_CAP + 1` rows of
/// the index range the list reads).
pub async fn counted_list<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    filter: &Filter<'_>,
    order: Order,
    page: Counting<Key>,
    limit: i64,
) -> StoreResult<(Vec<Counted<ListedPurchase>>, bool)> {
    let c = c.into();
    let cursor = page.cursor;
    let sql = counted_list_statement(c.is_pg(), scope, filter, order, page, limit);
    let rows = fetch_all!(
        c,
        page.bind(
            sqlx::query_as::<_, Counted<ListedPurchase>>(sqlx::AssertSqlSafe(sql.as_str())),
            |q, k| bind_list(q, scope, customer_id, filter, k)
        )
    )?;
    Ok(cursor.finish(rows, limit))
}

/// [`counted_list`]'s statement for this page, as it runs on a PostgreSQL
/// store (`pg`) or an SQLite one; public for a look at its plan (`Tx::plan`).
pub fn counted_list_statement(
    pg: bool,
    scope: Scope,
    filter: &Filter<'_>,
    order: Order,
    page: Counting<Key>,
    limit: i64,
) -> String {
    list_sql(
        scope,
        filter,
        order,
        page.cursor,
        limit,
        Some(page.ahead_of()),
        pg,
    )
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

/// [`one`] and every download file of its product ([`files_of_product`]),
/// in one statement: its own page needs both, and on PostgreSQL a statement
/// more is a round trip and an executor start more (bench/RESULTS.md).
/// The purchase is read once, in a subquery (`LIMIT 1` keeps either engine
/// from merging it into the join and so running its three scalar
/// subqueries once per file), and each file is a row of the join.
pub async fn one_with_files<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<(SoftwareRow, Vec<DownloadFile>)>> {
    let sql = numbered(&[
        "SELECT s.*, ",
        FILE_COLUMNS,
        " FROM (SELECT ",
        COLUMNS,
        FROM,
        " WHERE s.id = ? AND s.customer_id = ?",
        in_scope(scope),
        " LIMIT 1) s LEFT JOIN variants v ON v.product_id = s.product_id \
         LEFT JOIN download_files f ON f.variant_id = v.id",
        FILE_ORDER,
    ]);
    on_conn!(c, |conn| {
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(id)
            .bind(customer_id)
            .bind_some(scope.id())
            .fetch_all(conn)
            .await
            .and_then(|rows: Vec<_>| purchase_and_files(&rows))
    })
    .map_err(StoreError::from)
}

/// The rows of [`one_with_files`]: the purchase from the first, a file from
/// each row that has one (a product without files, or a variant without,
/// gives a row whose file columns are NULL). The joins are flat: SQLite
/// read a parenthesised `variants JOIN download_files` whole for every
/// purchase (the page 21% slower than two statements).
fn purchase_and_files<'r, R>(
    rows: &'r [R],
) -> Result<Option<(SoftwareRow, Vec<DownloadFile>)>, sqlx::Error>
where
    R: sqlx::Row,
    usize: sqlx::ColumnIndex<R>,
    SoftwareRow: Columns<'r, R>,
    DownloadFile: Columns<'r, R>,
    Option<Uuid>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let sub = SoftwareRow::from_columns(first, 0)?;
    let at = <SoftwareRow as Columns<'r, R>>::COLUMNS;
    let mut files = Vec::with_capacity(rows.len());
    for row in rows {
        if row.try_get::<Option<Uuid>, _>(at)?.is_some() {
            files.push(DownloadFile::from_columns(row, at)?);
        }
    }
    Ok(Some((sub, files)))
}

super::by_position::by_position! {
    /// A download file with its variant ([`FILE_COLUMNS`], in that order).
    #[derive(Debug, Clone)]
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
}

const FILE_COLUMNS: &str = "f.id, v.version, v.language, v.bitness, v.file_type, v.os, f.file_name, \
     f.size_bytes, f.sha256, f.storage_name";

/// The order the selectors and the file list show a product's files in.
const FILE_ORDER: &str =
    " ORDER BY v.version DESC, v.language, v.bitness, v.file_type, v.os, f.file_name";

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
    let sql = [
        "SELECT ",
        FILE_COLUMNS,
        " FROM download_files f JOIN variants v ON v.id = f.variant_id WHERE v.product_id = $1",
        FILE_ORDER,
    ]
    .concat();
    fetch_all!(
        c,
        sqlx::query_as::<_, DownloadFile>(sqlx::AssertSqlSafe(sql.as_str())).bind(product_id)
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    /// One purchase's page names its last rejected request (`ORDER BY
    /// decided_at DESC, id DESC LIMIT 1`): the index serves that order, so
    /// SQLite sorts nothing per row (it did, before migration 0023).
    #[tokio::test]
    async fn the_last_rejected_request_is_read_in_index_order() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}/plan.db", dir.path().display()))
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let Db::Sqlite(pool) = &db else {
            panic!("an SQLite url opens an SQLite store")
        };
        let sql = numbered(&[
            "EXPLAIN QUERY PLAN SELECT ",
            COLUMNS,
            FROM,
            " WHERE s.id = ? AND s.customer_id = ?",
            in_scope(Scope::Partner(Uuid::nil())),
        ]);
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(Uuid::nil())
            .bind(Uuid::nil())
            .bind(Uuid::nil())
            .fetch_all(pool)
            .await
            .unwrap();
        let steps: Vec<&str> = plan.iter().map(|p| p.3.as_str()).collect();
        assert!(
            steps
                .iter()
                .any(|s| s.contains("service_requests_subscription")),
            "{steps:?}"
        );
        assert!(
            !steps.iter().any(|s| s.contains("TEMP B-TREE")),
            "{steps:?}"
        );
    }

    /// The statuses written into the list's statement are the stored ones.
    #[test]
    fn each_status_condition_names_the_status_it_keeps() {
        for f in StatusFilter::ALL {
            for (searched, pg) in [(false, false), (false, true), (true, false), (true, true)] {
                let written = status_condition(Some(f), searched, pg)
                    .replace("+s.", "s.")
                    .replace("(s.status", "s.status")
                    .replace("') IS TRUE", "'");
                let status = format!(" AND s.status = '{}'", f.status().as_str());
                assert!(written.starts_with(&status), "{f:?}");
            }
        }
    }
}
