//! The append-only audit log (SPEC 3.6). Details never hold a secret.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::by_position::{Columns, column};
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
    let sql = format!(
        "SELECT at, action, actor_user_id, organisation_id, subject_id, detail FROM audit_events \
         WHERE organisation_id = $1 ORDER BY at DESC, id DESC{}",
        super::limit(limit)
    );
    fetch_all!(
        c,
        sqlx::query_as::<_, EventRow>(sqlx::AssertSqlSafe(sql.as_str())).bind(org)
    )
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

super::by_position::by_position! {
    #[derive(Debug, Clone)]
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
}

/// The export's columns: what each event holds, by code and id.
const COLUMNS: &str = "SELECT e.id, e.at, o.name AS organisation, u.email AS user_email, e.action, \
       e.subject_type, e.subject_id, c.name AS customer, e.ip, e.detail";

/// Every event names its organisation, actor and customer by these.
const FROM: &str = " FROM audit_events e LEFT JOIN organisations o ON o.id = e.organisation_id \
       LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organisations c ON c.id = e.customer_id";

/// The names of what an event is about, for the page's sentences, in the
/// same statement: for each subject type a subquery that follows it to one
/// primary key (a link on to its file and purchase, a request to its
/// purchase, a purchase or a file to its product). Subqueries rather than
/// joins: PostgreSQL searches join orders across every joined table, and
/// fourteen took it about 12 ms to plan against 0.7 ms for these (measured
/// on 200,000 events; running either took about a millisecond). Each in a
/// `CASE` on the subject's type, so that a row runs only the lookup its
/// subject needs and a sign-in (no subject) none: on SQLite a page of 51
/// sign-ins took 3,346 virtual machine steps against 6,355 when every
/// subquery ran and tested the type itself (`bench/RESULTS.md`).
const NAMES: &str = ", e.customer_id, c.primary_domain AS customer_domain, \
   u.display_name AS actor_name, \
   CASE e.subject_type WHEN 'user' THEN \
     (SELECT x.display_name FROM users x WHERE x.id = e.subject_id) END AS user_name, \
   CASE WHEN e.subject_type IN ('organisation', 'customer') THEN \
     (SELECT x.name FROM organisations x WHERE x.id = e.subject_id) END AS org_name, \
   CASE e.subject_type \
     WHEN 'product' THEN (SELECT x.name FROM products x WHERE x.id = e.subject_id) \
     WHEN 'subscription' THEN (SELECT p.name FROM subscriptions s \
       JOIN products p ON p.id = s.product_id WHERE s.id = e.subject_id) \
     WHEN 'download_link' THEN (SELECT p.name FROM download_links l \
       JOIN subscriptions s ON s.id = l.subscription_id \
       JOIN products p ON p.id = s.product_id WHERE l.id = e.subject_id) \
     WHEN 'service_request' THEN (SELECT p.name FROM service_requests r \
       JOIN subscriptions s ON s.id = r.subscription_id \
       JOIN products p ON p.id = s.product_id WHERE r.id = e.subject_id) \
     WHEN 'download_file' THEN (SELECT p.name FROM download_files f \
       JOIN variants v ON v.id = f.variant_id \
       JOIN products p ON p.id = v.product_id WHERE f.id = e.subject_id) \
   END AS product, \
   CASE e.subject_type WHEN 'product' THEN \
     (SELECT x.currency FROM products x WHERE x.id = e.subject_id) END AS currency, \
   CASE e.subject_type \
     WHEN 'download_file' THEN \
       (SELECT x.file_name FROM download_files x WHERE x.id = e.subject_id) \
     WHEN 'download_link' THEN (SELECT f.file_name FROM download_links l \
       JOIN download_files f ON f.id = l.download_file_id WHERE l.id = e.subject_id) \
   END AS file_name, \
   CASE e.subject_type WHEN 'service_request' THEN \
     (SELECT x.number FROM service_requests x WHERE x.id = e.subject_id) END AS request_number";

/// An event as the log page tells it: the export's row and the names of
/// its actor, customer and subject where they still exist.
#[derive(Debug, Clone)]
pub struct NamedRow {
    pub row: LogRow,
    pub customer_id: Option<Uuid>,
    pub customer_domain: Option<String>,
    pub actor_name: Option<String>,
    /// The user acted on.
    pub user_name: Option<String>,
    /// The organisation acted on (a customer, a partner, the one invited to).
    pub org_name: Option<String>,
    /// The product acted on, or that of the purchase, link, file or request.
    pub product: Option<String>,
    pub currency: Option<String>,
    pub file_name: Option<String>,
    pub request_number: Option<String>,
}

/// Read by position (`store::by_position`): the export's columns, then the
/// names.
impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for NamedRow
where
    usize: sqlx::ColumnIndex<R>,
    LogRow: Columns<'r, R>,
    Option<Uuid>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        let at = LogRow::COLUMNS;
        Ok(NamedRow {
            row: LogRow::from_columns(row, 0)?,
            customer_id: column(row, at, "customer_id")?,
            customer_domain: column(row, at + 1, "customer_domain")?,
            actor_name: column(row, at + 2, "actor_name")?,
            user_name: column(row, at + 3, "user_name")?,
            org_name: column(row, at + 4, "org_name")?,
            product: column(row, at + 5, "product")?,
            currency: column(row, at + 6, "currency")?,
            file_name: column(row, at + 7, "file_name")?,
            request_number: column(row, at + 8, "request_number")?,
        })
    }
}

/// The statement for `f` and a page after `after`, starting with `select`:
/// each filter that is set adds a fixed condition (see `store::numbered`);
/// the indexes `audit_events(organisation_id, at, id)`, `(at, id)`,
/// `(customer_id, at, id)`, `(actor_user_id, at, id)` and
/// `(organisation_id, action, at, id)`, read backwards, serve them in the
/// log's order, so no page sorts and a later page costs what the first does.
fn statement(select: &[&str], f: &Filter, after: bool, limit: i64) -> String {
    fn when(on: bool, sql: &'static str) -> &'static str {
        if on { sql } else { "" }
    }
    let mut pieces = select.to_vec();
    pieces.extend([
        " WHERE TRUE",
        when(f.organisation_id.is_some(), " AND e.organisation_id = ?"),
        when(
            f.user_email.is_some(),
            " AND e.actor_user_id = (SELECT id FROM users WHERE email = ?)",
        ),
        when(f.action.is_some(), " AND e.action = ?"),
        when(f.customer_id.is_some(), " AND e.customer_id = ?"),
        when(f.from.is_some(), " AND e.at >= ?"),
        when(f.until.is_some(), " AND e.at < ?"),
        when(after, " AND (e.at, e.id) < (?, ?)"),
        " ORDER BY e.at DESC, e.id DESC",
    ]);
    let limit = super::limit(limit);
    pieces.push(&limit);
    numbered(&pieces)
}

/// Binds what `statement` numbered, in its order.
macro_rules! bind_filter {
    ($query:expr, $f:expr, $after:expr) => {
        $query
            .bind_some($f.organisation_id)
            .bind_some($f.user_email.as_deref())
            .bind_some($f.action)
            .bind_some($f.customer_id)
            .bind_some($f.from)
            .bind_some($f.until)
            .bind_some($after.map(|a| a.0))
            .bind_some($after.map(|a| a.1))
    };
}

/// A page of the log for the export, newest first, after (at, id) when given.
pub async fn search<'c>(
    c: impl Into<Conn<'c>>,
    f: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<LogRow>> {
    let sql = statement(&[COLUMNS, FROM], f, after.is_some(), limit);
    fetch_all!(
        c,
        bind_filter!(
            sqlx::query_as::<_, LogRow>(sqlx::AssertSqlSafe(sql.as_str())),
            f,
            after
        )
    )
}

/// [`search_named`]'s statement for `f`, a page after a row when `after`:
/// for a look at its plan (`Tx::plan`).
pub fn named_statement(f: &Filter, after: bool, limit: i64) -> String {
    statement(&[COLUMNS, NAMES, FROM], f, after, limit)
}

/// A page of the log for the log page: `search`'s rows with the names of
/// what they are about, in the same statement.
pub async fn search_named<'c>(
    c: impl Into<Conn<'c>>,
    f: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<NamedRow>> {
    let sql = named_statement(f, after.is_some(), limit);
    fetch_all!(
        c,
        bind_filter!(
            sqlx::query_as::<_, NamedRow>(sqlx::AssertSqlSafe(sql.as_str())),
            f,
            after
        )
    )
}
