//! Orders and their subscriptions (one per line). Placing an order is one
//! transaction: order, subscriptions, keys and the audit event, or nothing.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::catalog::ProductRow;
use super::keyset::{self, Counted, Counting, Cursor, Order};
use super::{
    BindSome, Conn, StoreError, StoreResult, Tx, execute, fetch_all, fetch_optional, keys,
    numbered, on_conn,
};
use crate::domain::order::OrderStatus;
use crate::domain::product::term_end;
use crate::domain::scope::Scope;
use crate::domain::subscription::SubscriptionStatus;

pub struct PlaceLine<'a> {
    pub product: &'a ProductRow,
    pub quantity: i64,
}

pub struct PlaceOrder<'a> {
    pub customer_id: Uuid,
    pub partner_id: Uuid,
    pub placed_by: Option<Uuid>,
    pub idempotency_key: Uuid,
    pub lines: &'a [PlaceLine<'a>],
    pub currency: &'a str,
    pub total_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placed {
    New(Uuid),
    /// The same form was submitted before: this is the order it made.
    AlreadyPlaced(Uuid),
    /// No key left for this product: nothing was written.
    OutOfKeys(String),
}

/// The order this partner already placed for this customer with this key.
/// Keys are unique per partner and customer (as the index is), so another
/// partner's key is a fresh one here.
pub async fn by_idempotency_key<'c>(
    c: impl Into<Conn<'c>>,
    o: &PlaceOrder<'_>,
) -> StoreResult<Option<Uuid>> {
    fetch_optional!(c, sqlx::query_scalar(
        "SELECT id FROM orders WHERE idempotency_key = $1 AND partner_id = $2 AND customer_id = $3"
    )
    .bind(o.idempotency_key)
    .bind(o.partner_id)
    .bind(o.customer_id))
}

/// What writing an order in a transaction came to.
pub enum Inserted {
    /// The order and its subscriptions (keys taken), not yet committed.
    Done {
        order_id: Uuid,
        subscription_ids: Vec<Uuid>,
    },
    /// The idempotency key was used meanwhile: roll back, read that order.
    Duplicate,
    /// No key left for this product: roll back, nothing is written.
    OutOfKeys(String),
}

/// Writes the order `o`, a subscription per line and a key per keyed line
/// in `tx` (one conditional UPDATE per key, so two orders never share one).
pub async fn insert(tx: &mut Tx, now: DateTime<Utc>, o: &PlaceOrder<'_>) -> StoreResult<Inserted> {
    let order_id = Uuid::new_v4();
    let inserted = execute!(&mut *tx, sqlx::query(
        "INSERT INTO orders (id, customer_id, partner_id, placed_by, placed_at, idempotency_key, total_minor, currency, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(order_id)
    .bind(o.customer_id)
    .bind(o.partner_id)
    .bind(o.placed_by)
    .bind(now)
    .bind(o.idempotency_key)
    .bind(o.total_minor)
    .bind(o.currency)
    .bind(OrderStatus::Placed));
    match inserted {
        Ok(_) => {}
        Err(StoreError::Duplicate(_)) => return Ok(Inserted::Duplicate),
        Err(e) => return Err(e),
    }
    let mut subscription_ids = Vec::new();
    for (i, line) in o.lines.iter().enumerate() {
        let p = line.product;
        let sub_id = Uuid::new_v4();
        execute!(&mut *tx, sqlx::query(
            "INSERT INTO subscriptions (id, order_id, line_no, customer_id, partner_id, product_id, quantity, \
               unit_price_minor, currency, purchased_at, cancel_until, term_ends_at, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        )
        .bind(sub_id)
        .bind(order_id)
        .bind(i as i64 + 1)
        .bind(o.customer_id)
        .bind(o.partner_id)
        .bind(p.id)
        .bind(line.quantity)
        .bind(p.unit_price_minor)
        .bind(&p.currency)
        .bind(now)
        .bind(p.policy().cancel_until(now))
        .bind(term_end(now, p.term_months))
        .bind(SubscriptionStatus::Active))?;
        if p.has_keys && !keys::take(&mut *tx, p.id, sub_id).await? {
            // Dropping the transaction rolls back everything above.
            return Ok(Inserted::OutOfKeys(p.name.clone()));
        }
        subscription_ids.push(sub_id);
    }
    Ok(Inserted::Done {
        order_id,
        subscription_ids,
    })
}

super::by_position::by_position! {
    #[derive(Debug, Clone)]
    pub struct OrderRow {
        pub id: Uuid,
        pub customer_id: Uuid,
        pub placed_at: DateTime<Utc>,
        pub placed_by_name: Option<String>,
        pub total_minor: i64,
        pub currency: String,
        pub status: OrderStatus,
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LineRow {
    pub order_id: Uuid,
    pub subscription_id: Uuid,
    pub line_no: i64,
    pub product_id: Uuid,
    pub product_name: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub currency: String,
    pub status: SubscriptionStatus,
    /// A key is assigned and not revoked.
    pub has_key: bool,
    /// Its key was revoked (the purchase was cancelled).
    pub key_revoked: bool,
    /// The product has a key or files to get (on the purchase's page).
    pub downloadable: bool,
    pub credit_note_id: Option<Uuid>,
    pub credit_note_number: Option<i64>,
}

/// Who placed the order is a subquery, not a join: PostgreSQL's generic plan
/// of the Orders tab hash-joined every one of the customer's orders to
/// `users` and sorted them for each page (517 rows read for 51 shown, for
/// Contoso in the 1k data set); a subquery runs for the rows shown only, so
/// nothing can be planned between the index and the `LIMIT`.
const ORDER_COLUMNS: &str = "o.id, o.customer_id, o.placed_at, \
     (SELECT u.display_name FROM users u WHERE u.id = o.placed_by) AS placed_by_name, \
     o.total_minor, o.currency, o.status";

/// The scope's condition on an order `o`.
fn in_scope(scope: Scope) -> &'static str {
    scope.pick("", " AND o.partner_id = ?", " AND o.customer_id = ?")
}

/// An order where a page of the Orders tab starts or ends: its (placed_at, id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub placed_at: DateTime<Utc>,
    pub id: Uuid,
}

const KEY: &str = "(o.placed_at, o.id)";

/// The statement of a page of a customer's orders, newest first, with the
/// counts of [`keyset::counts`] in its select list when `counted`; public
/// for a look at its plan (`Tx::plan`).
pub fn for_customer_statement(
    scope: Scope,
    cursor: Cursor<Key>,
    limit: i64,
    counted: Option<Cursor<()>>,
) -> String {
    let order = Order::NewestFirst;
    let counts = if let Some(ahead_of) = counted {
        let body = [" FROM orders o WHERE o.customer_id = ?", in_scope(scope)];
        keyset::counts(&body, "", None, KEY, ahead_of, order, limit)
    } else {
        String::new()
    };
    numbered(
        &[
            &[
                "SELECT ",
                ORDER_COLUMNS,
                counts.as_str(),
                " FROM orders o WHERE o.customer_id = ?",
                in_scope(scope),
            ][..],
            &cursor.condition(KEY, order),
            &cursor.order_by("o.placed_at", "o.id", order),
            &[super::limit(limit + 1).as_str()],
        ]
        .concat(),
    )
}

/// The customer and the scope, then the cursor's key when there is one: the
/// values of a page's statement, or of a count of the orders ahead of it.
fn bind_page<'q, DB: sqlx::Database, Q: BindSome<'q, DB>>(
    q: Q,
    scope: Scope,
    customer_id: Uuid,
    key: Option<Key>,
) -> Q
where
    Uuid: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    q.bind_value(customer_id)
        .bind_some(scope.id())
        .bind_some(key.map(|k| k.placed_at))
        .bind_some(key.map(|k| k.id))
}

/// A page of a customer's orders, newest first (the caller has checked the
/// customer is in scope), and whether more lie beyond it in the reading
/// direction: `orders(customer_id, placed_at, id)` read either way from the
/// cursor.
pub async fn for_customer<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    cursor: Cursor<Key>,
    limit: i64,
) -> StoreResult<(Vec<OrderRow>, bool)> {
    let sql = for_customer_statement(scope, cursor, limit, None);
    let rows = fetch_all!(
        c,
        bind_page(
            sqlx::query_as::<_, OrderRow>(sqlx::AssertSqlSafe(sql.as_str())),
            scope,
            customer_id,
            cursor.key()
        )
    )?;
    Ok(cursor.finish(rows, limit))
}

/// [`for_customer`] with, on each row, how many orders the customer has and
/// how many lie ahead of the cursor (the tab's "Showing N–M of T"), read
/// over the same range of the index in the same statement.
pub async fn counted_for_customer<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    page: Counting<Key>,
    limit: i64,
) -> StoreResult<(Vec<Counted<OrderRow>>, bool)> {
    let cursor = page.cursor;
    let sql = for_customer_statement(scope, cursor, limit, Some(page.ahead_of()));
    let rows = fetch_all!(
        c,
        page.bind(
            sqlx::query_as::<_, Counted<OrderRow>>(sqlx::AssertSqlSafe(sql.as_str())),
            |q, k| bind_page(q, scope, customer_id, k)
        )
    )?;
    Ok(cursor.finish(rows, limit))
}

/// One order, if `scope` may see it.
pub async fn order<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    customer_id: Uuid,
    order_id: Uuid,
) -> StoreResult<Option<OrderRow>> {
    let sql = numbered(&[
        "SELECT ",
        ORDER_COLUMNS,
        " FROM orders o WHERE o.id = ? AND o.customer_id = ?",
        in_scope(scope),
    ]);
    fetch_optional!(
        c,
        sqlx::query_as::<_, OrderRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(order_id)
            .bind(customer_id)
            .bind_some(scope.id())
    )
}

/// The lines of these orders.
pub async fn lines<'c>(c: impl Into<Conn<'c>>, order_ids: &[Uuid]) -> StoreResult<Vec<LineRow>> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=order_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT s.order_id, s.id AS subscription_id, s.line_no, s.product_id, p.name AS product_name, s.quantity, \
           s.unit_price_minor, s.currency, s.status, \
           EXISTS (SELECT 1 FROM product_keys k WHERE k.subscription_id = s.id AND k.revoked_at IS NULL) AS has_key, \
           EXISTS (SELECT 1 FROM product_keys k WHERE k.subscription_id = s.id AND k.revoked_at IS NOT NULL) \
             AS key_revoked, \
           (p.has_keys OR p.has_downloads) AS downloadable, \
           cn.id AS credit_note_id, cn.number AS credit_note_number \
         FROM subscriptions s JOIN products p ON p.id = s.product_id \
         LEFT JOIN credit_notes cn ON cn.subscription_id = s.id \
         WHERE s.order_id IN ({}) ORDER BY s.order_id, s.line_no",
        placeholders.join(", ")
    );
    Ok(on_conn!(c, |p| {
        let mut q = sqlx::query_as::<_, LineRow>(sqlx::AssertSqlSafe(sql.as_str()));
        for id in order_ids {
            q = q.bind(id);
        }
        q.fetch_all(p).await
    })?)
}

#[cfg(any(test, feature = "test-helpers"))]
/// How many subscriptions the store holds, of every customer (tests).
pub async fn subscription_count<'c>(c: impl Into<Conn<'c>>) -> StoreResult<i64> {
    super::fetch_one!(c, sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions"))
}

#[cfg(any(test, feature = "test-helpers"))]
/// How many orders the store holds, of every customer (tests).
pub async fn order_count<'c>(c: impl Into<Conn<'c>>) -> StoreResult<i64> {
    super::fetch_one!(c, sqlx::query_scalar("SELECT COUNT(*) FROM orders"))
}

#[cfg(any(test, feature = "test-helpers"))]
/// Writes an order on its own, without an audit event, for loading data
/// (tests set up purchases this way). The portal places orders through
/// `app::orders::place`.
pub async fn place_unaudited(
    db: &super::Db,
    now: DateTime<Utc>,
    o: &PlaceOrder<'_>,
) -> StoreResult<Placed> {
    let mut tx = db.begin().await?;
    match insert(&mut tx, now, o).await? {
        Inserted::Done { order_id, .. } => {
            tx.commit().await?;
            Ok(Placed::New(order_id))
        }
        Inserted::OutOfKeys(p) => Ok(Placed::OutOfKeys(p)),
        Inserted::Duplicate => Err(StoreError::Other(sqlx::Error::RowNotFound)),
    }
}
