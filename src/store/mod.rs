//! The only place with SQL: one store over SQLite (embedded default) and PostgreSQL.
//!
//! Both backends run the same query text (`$1` placeholders work on both). A
//! query is written once against a [`Conn`] (a pool or an open transaction);
//! the `on_conn!` macro (and the `execute!` / `fetch_*!` helpers over it)
//! expands it once for each native driver, so `Uuid` and `DateTime<Utc>` keep
//! their native encodings on both sides.

pub mod api_tokens;
pub mod audit;
pub mod bulk;
pub mod by_position;
pub mod catalog;
pub mod credit_notes;
pub mod held;
pub mod keys;
pub mod keyset;
pub mod links;
pub mod orders;
pub mod organisations;
pub mod people;
pub mod rate_limits;
pub mod reminders;
pub mod requests;
pub mod schema;
pub mod sessions;
pub mod software;
pub mod stored_files;
pub mod throttle;
pub mod two_factor;
pub mod users;
pub mod warm;

use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::{PoolConnectionMetadata, PoolOptions};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{
    PgConnection, PgPool, Postgres, SqlSafeStr, Sqlite, SqliteConnection, SqlitePool, Transaction,
};

/// Runs `$body` with `$c` bound to the native connection behind `$conn`
/// (anything that converts into a [`Conn`]: `&Db`, `&mut Tx`, `&mut Conn`).
/// Through a pool, that is the request's parked connection or one leased
/// for the statement ([`held::Lease`]). The body is expanded once per
/// backend and per kind (pool, transaction), so it must use `$c` once, as
/// the executor of one query.
macro_rules! on_conn {
    ($conn:expr, |$c:ident| $body:expr) => {
        match ::core::convert::Into::<$crate::store::Conn<'_>>::into($conn) {
            $crate::store::Conn::SqlitePool(pool) => $crate::store::on_lease!(pool, |$c| $body),
            $crate::store::Conn::PgPool(pool) => $crate::store::on_lease!(pool, |$c| $body),
            $crate::store::Conn::Sqlite($c) => $body,
            $crate::store::Conn::Pg($c) => $body,
        }
    };
}
/// `on_conn!`'s pool arm: the statement on a leased connection.
macro_rules! on_lease {
    ($pool:expr, |$c:ident| $body:expr) => {
        match $crate::store::held::Lease::take($pool).await {
            Ok(mut lease) => {
                let result = {
                    let $c = lease.conn();
                    $body
                };
                lease.settle(&result);
                result
            }
            Err(e) => Err(e),
        }
    };
}
/// Runs a statement; the number of rows it affected.
macro_rules! execute {
    ($conn:expr, $query:expr) => {
        $crate::store::on_conn!($conn, |c| $query
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
        .map_err($crate::store::StoreError::from)
    };
}
/// Runs a query that returns exactly one row.
macro_rules! fetch_one {
    ($conn:expr, $query:expr) => {
        $crate::store::on_conn!($conn, |c| $query.fetch_one(c).await)
            .map_err($crate::store::StoreError::from)
    };
}
/// Runs a query that returns at most one row.
macro_rules! fetch_optional {
    ($conn:expr, $query:expr) => {
        $crate::store::on_conn!($conn, |c| $query.fetch_optional(c).await)
            .map_err($crate::store::StoreError::from)
    };
}
/// Runs a query and collects every row.
macro_rules! fetch_all {
    ($conn:expr, $query:expr) => {
        $crate::store::on_conn!($conn, |c| $query.fetch_all(c).await)
            .map_err($crate::store::StoreError::from)
    };
}
pub(crate) use {execute, fetch_all, fetch_one, fetch_optional, on_conn, on_lease};

/// A statement put together from fixed pieces, its `?` placeholders numbered
/// `$1`, `$2`, ... in order (the form both backends take). A query that has
/// variants (per scope, first page or a later one) is written as a few fixed
/// texts, each with a plan of its own, never as one text with
/// `($n IS NULL OR ...)` catch-alls: those keep both engines from seeking an
/// index, and on PostgreSQL a pooled connection's generic plan would serve
/// every variant with the worst one's plan.
/// A page's `LIMIT`, written into the statement rather than bound: on
/// PostgreSQL a bound limit is unknown to a prepared statement's generic
/// plan, which then costs the page as a tenth of the table (enough to turn
/// on JIT compilation: 1.8 s for a page of the activity log). Limits are
/// the code's own constants, never input, so each call site keeps one text.
pub(crate) fn limit(n: i64) -> String {
    format!(" LIMIT {n}")
}

pub(crate) fn numbered(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len() + 8).sum());
    let mut n = 0;
    for piece in pieces {
        for (i, part) in piece.split('?').enumerate() {
            if i > 0 {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
            }
            out.push_str(part);
        }
    }
    out
}

/// Binds a value only when there is one: for the placeholder that only some
/// variants of a statement have (see [`numbered`]).
pub(crate) trait BindSome<'q, DB: sqlx::Database>: Sized {
    fn bind_value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self;

    fn bind_some<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: Option<T>) -> Self {
        match value {
            Some(v) => self.bind_value(v),
            None => self,
        }
    }
}

impl<'q, DB: sqlx::Database, O> BindSome<'q, DB>
    for sqlx::query::QueryAs<'q, DB, O, <DB as sqlx::Database>::Arguments>
{
    fn bind_value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl<'q, DB: sqlx::Database> BindSome<'q, DB>
    for sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments>
{
    fn bind_value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl<'q, DB: sqlx::Database, O> BindSome<'q, DB>
    for sqlx::query::QueryScalar<'q, DB, O, <DB as sqlx::Database>::Arguments>
{
    fn bind_value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self {
        self.bind(value)
    }
}

/// Where one query runs: a pool (the statement commits on its own) or an open
/// transaction. Store functions take `impl Into<Conn>`, so callers pass
/// `&state.db` or `&mut tx` alike; pass `&mut conn` to use one again.
pub enum Conn<'a> {
    SqlitePool(&'a SqlitePool),
    PgPool(&'a PgPool),
    Sqlite(&'a mut SqliteConnection),
    Pg(&'a mut PgConnection),
}

impl Conn<'_> {
    /// Whether this runs on PostgreSQL (for the rare statement that differs).
    pub fn is_pg(&self) -> bool {
        matches!(self, Conn::PgPool(_) | Conn::Pg(_))
    }
}

impl<'a> From<&'a Db> for Conn<'a> {
    fn from(db: &'a Db) -> Self {
        match db {
            Db::Sqlite(p) => Conn::SqlitePool(p),
            Db::Pg(p) => Conn::PgPool(p),
        }
    }
}

impl<'a> From<&'a mut Tx> for Conn<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        match tx {
            Tx::Sqlite(t) => Conn::Sqlite(t),
            Tx::Pg(t) => Conn::Pg(t),
        }
    }
}

/// A shorter borrow of the same connection, so it can be used again after.
impl<'a, 'b> From<&'a mut Conn<'b>> for Conn<'a> {
    fn from(c: &'a mut Conn<'b>) -> Self {
        match c {
            Conn::SqlitePool(p) => Conn::SqlitePool(p),
            Conn::PgPool(p) => Conn::PgPool(p),
            Conn::Sqlite(t) => Conn::Sqlite(t),
            Conn::Pg(t) => Conn::Pg(t),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

/// An open transaction on either backend; dropped without `commit` it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Pg(Transaction<'static, Postgres>),
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Pg(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub fn is_pg(&self) -> bool {
        matches!(self, Tx::Pg(_))
    }

    /// The plan the store makes for `sql` (a statement of this store's
    /// kind, its placeholders numbered), one line a step: SQLite's `EXPLAIN
    /// QUERY PLAN`; on PostgreSQL the generic plan, the one every pooled
    /// connection runs (`plan_cache_mode`, [`Db::connect`]), which no value
    /// can change. Nothing is bound: a plan that needs no value is the point.
    /// In a transaction, so that a test can turn the planner's other ways
    /// of reading a table off around it (`SET LOCAL`).
    pub async fn plan(&mut self, sql: &str) -> StoreResult<Vec<String>> {
        match self {
            Tx::Sqlite(c) => {
                // SQLite takes an unbound value as NULL.
                let steps: Vec<(i64, i64, i64, String)> =
                    sqlx::query_as(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}")))
                        .persistent(false)
                        .fetch_all(&mut **c)
                        .await?;
                Ok(steps.into_iter().map(|s| s.3).collect())
            }
            Tx::Pg(c) => {
                // `numbered` numbers placeholders $1..$n without a gap.
                let params = (1..).take_while(|n| sql.contains(&format!("${n}"))).count();
                // A prepared statement outlives a transaction that fails
                // (and none can be deallocated in it): a name of its own
                // each time, so a failed look leaves nothing in the way of
                // the next one on the same pooled connection.
                static PROBES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                let name = format!(
                    "plan_probe_{}",
                    PROBES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                );
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("PREPARE {name} AS {sql}")))
                    .execute(&mut **c)
                    .await?;
                let values = if params == 0 {
                    String::new()
                } else {
                    format!("({})", vec!["NULL"; params].join(", "))
                };
                let plan = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "EXPLAIN (COSTS OFF) EXECUTE {name}{values}"
                )))
                .persistent(false)
                .fetch_all(&mut **c)
                .await?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DEALLOCATE {name}")))
                    .execute(&mut **c)
                    .await?;
                Ok(plan)
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached right now; the caller shows a 503.
    #[error("the database is unavailable")]
    Unavailable(#[source] sqlx::Error),
    #[error("a row with the same unique value exists")]
    Duplicate(#[source] sqlx::Error),
    #[error("database error")]
    Other(#[source] sqlx::Error),
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                StoreError::Unavailable(e)
            }
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Duplicate(e),
            _ => StoreError::Other(e),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// How long a request waits for a connection (or for a new one to open)
/// before the store counts as unavailable: long enough for a busy moment,
/// short enough that an unreachable store gives its 503 page promptly (and
/// from then on at once, see `web::store_health`).
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);

/// Connections in a pool unless `PORTAL_DB_POOL` says otherwise, by store:
/// chosen by `bench/pool_sweep.sh` (figures in bench/RESULTS.md).
pub fn default_pool_size(url: &str) -> u32 {
    if is_postgres(url) {
        PG_POOL
    } else {
        SQLITE_POOL
    }
}

/// How long a pooled connection may have sat idle and still be handed out
/// without a ping first. sqlx's default pings every connection it hands out:
/// on PostgreSQL a round trip to the server before every statement, on
/// SQLite a hand-off to the connection's thread and back (3% of the
/// software tab's samples), on pages that run two or three statements. A
/// connection that was in use a moment ago is as alive as a ping would
/// show; one left idle longer (the server restarted, a firewall dropped it)
/// is pinged, and replaced if the ping fails.
pub const TRUSTED_IDLE: Duration = Duration::from_secs(1);

type Checked<'c> = Pin<Box<dyn Future<Output = Result<bool, sqlx::Error>> + Send + 'c>>;

fn ping_if_idle<C: sqlx::Connection>(conn: &mut C, meta: PoolConnectionMetadata) -> Checked<'_> {
    Box::pin(async move {
        if meta.idle_for > TRUSTED_IDLE {
            conn.ping().await?;
        }
        Ok(true)
    })
}

/// Both stores' pools: `size` connections, the wait for one, and a ping only
/// for a connection that sat idle.
fn pool_options<DB: sqlx::Database>(o: PoolOptions<DB>, size: u32) -> PoolOptions<DB> {
    o.max_connections(size)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .test_before_acquire(false)
        .before_acquire(|c, meta| ping_if_idle(c, meta))
}

const PG_POOL: u32 = 8;
const SQLITE_POOL: u32 = 8;
/// Rows a SQLite connection's thread may send ahead of the page reading
/// them. sqlx's default (50) is one short of a list page (50 rows and the
/// one that tells whether there is a next page) and its result: the thread
/// stopped on the 51st row of every page until the page's task took some.
const SQLITE_ROW_CHANNEL: usize = 128;

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

impl Db {
    /// Opens the database named by `url` (`sqlite://...` or `postgres://...`)
    /// with the store's default pool. An SQLite file and its directory are
    /// created on first start.
    pub async fn connect(url: &str) -> StoreResult<Db> {
        Db::connect_sized(url, None).await
    }

    /// [`Db::connect`] with `pool` connections (`None`: the default).
    pub async fn connect_sized(url: &str, pool: Option<u32>) -> StoreResult<Db> {
        let size = pool.unwrap_or_else(|| default_pool_size(url));
        if is_postgres(url) {
            // Every statement is prepared once per connection and planned
            // once: the generic plan. PostgreSQL's default re-plans each run
            // of a statement whose custom plans look cheaper (the activity
            // log: 1.6-2.8 ms of planning per page for 1 ms of execution).
            // Each variant of a query is a fixed text (`numbered`) whose
            // generic plan seeks its index, so nothing is lost (plans in
            // bench/RESULTS.md). JIT compilation never pays off for pages
            // that read a few dozen rows, and an over-estimate turned it on.
            let opts = PgConnectOptions::from_str(url)?
                .options([("plan_cache_mode", "force_generic_plan"), ("jit", "off")]);
            let pool = pool_options(PgPoolOptions::new(), size).connect_lazy_with(opts);
            Ok(Db::Pg(pool))
        } else {
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .row_buffer_size(SQLITE_ROW_CHANNEL);
            if let Some(dir) = opts.get_filename().parent()
                && !dir.as_os_str().is_empty()
                && !Path::new(dir).exists()
            {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Other(sqlx::Error::Io(e)))?;
            }
            let pool = pool_options(SqlitePoolOptions::new(), size)
                .connect_with(opts)
                .await?;
            Ok(Db::Sqlite(pool))
        }
    }

    /// The store for one worker thread of the server: on PostgreSQL a pool
    /// of its own, `1/workers` of this one's size, whose connections the
    /// worker opens. A connection's socket answers to the event loop of the
    /// thread that opened it: used from the other worker, every read waits
    /// for that thread to poll its loop between its own requests (a shared
    /// pool cost the pages 22-30% of their rate, `bench/RESULTS.md`). SQLite connections run
    /// on threads of their own, so its pool is shared as it is.
    pub fn for_worker(&self, workers: usize) -> Db {
        match self {
            Db::Sqlite(p) => Db::Sqlite(p.clone()),
            Db::Pg(p) => {
                let workers = u32::try_from(workers.max(1)).unwrap_or(u32::MAX);
                let size = p.options().get_max_connections().div_ceil(workers);
                let opts = PgConnectOptions::clone(&p.connect_options());
                Db::Pg(pool_options(PgPoolOptions::new(), size).connect_lazy_with(opts))
            }
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Pg(_) => "postgres",
        }
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        match self {
            Db::Sqlite(p) => schema::SQLITE.run(p).await?,
            Db::Pg(p) => schema::POSTGRES.run(p).await?,
        }
        Ok(())
    }

    pub async fn begin(&self) -> StoreResult<Tx> {
        Ok(match self {
            // IMMEDIATE takes the write lock up front, so two writers queue on
            // busy_timeout instead of failing on a lock upgrade.
            Db::Sqlite(p) => Tx::Sqlite(match held::take_for_transaction(p) {
                Some(c) => Transaction::begin(c, Some("BEGIN IMMEDIATE".into_sql_str())).await?,
                None => {
                    let _acquiring = warm::Acquiring::start();
                    p.begin_with("BEGIN IMMEDIATE").await?
                }
            }),
            Db::Pg(p) => Tx::Pg(match held::take_for_transaction(p) {
                Some(c) => Transaction::begin(c, None).await?,
                None => {
                    let _acquiring = warm::Acquiring::start();
                    p.begin().await?
                }
            }),
        })
    }

    /// A cheap round trip, for the health check.
    pub async fn ping(&self) -> StoreResult<()> {
        execute!(self, sqlx::query("SELECT 1"))?;
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Pg(p) => p.close().await,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_across_pieces() {
        assert_eq!(
            super::numbered(&["a = ? AND b = ?", "", " AND (c, d) < (?, ?)"]),
            "a = $1 AND b = $2 AND (c, d) < ($3, $4)"
        );
    }

    use super::*;
    use crate::domain::order::OrderStatus;
    use crate::domain::service_request::{Impact, ProblemType, RequestStatus};
    use crate::domain::subscription::SubscriptionStatus;

    /// Every value of each text enum is written as its `as_str()` text and
    /// read back from a TEXT value, on SQLite and (with `TEST_DATABASE_URL`)
    /// PostgreSQL, through a pool and through a transaction.
    macro_rules! round_trip {
        ($db:expr, $($ty:ty),+) => {$(
            for v in <$ty>::ALL {
                let text: String =
                    fetch_one!($db, sqlx::query_scalar("SELECT CAST($1 AS TEXT)").bind(v))
                        .expect("encode");
                assert_eq!(text, v.as_str());
                assert_eq!(<$ty>::parse(&text), Some(v));
                let mut tx = $db.begin().await.expect("begin");
                let back: $ty = fetch_one!(
                    &mut tx,
                    sqlx::query_scalar("SELECT CAST($1 AS TEXT)").bind(v.as_str())
                )
                .expect("decode");
                assert_eq!(back, v);
            }
            assert_eq!(<$ty>::parse("no such value"), None);
        )+};
    }

    async fn check(db: &Db) {
        round_trip!(
            db,
            OrderStatus,
            SubscriptionStatus,
            RequestStatus,
            ProblemType,
            Impact
        );
    }

    #[tokio::test]
    async fn text_enums_round_trip_on_sqlite() {
        let db = Db::connect("sqlite::memory:").await.expect("sqlite");
        check(&db).await;
    }

    #[tokio::test]
    async fn text_enums_round_trip_on_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        let db = Db::connect(&url).await.expect("postgres");
        check(&db).await;
    }

    /// Each worker thread's statements run on a pool of its own, opened on
    /// that thread: the shared pool opens none, and the workers' pools
    /// share its size between them.
    #[test]
    fn each_worker_opens_its_own_connections_on_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        let runtime = || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime")
        };
        let shared = runtime()
            .block_on(Db::connect_sized(&url, Some(4)))
            .expect("postgres");
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let shared = shared.clone();
                std::thread::spawn(move || {
                    runtime().block_on(async {
                        let Db::Pg(own) = shared.for_worker(2) else {
                            panic!("a PostgreSQL store")
                        };
                        let db = Db::Pg(own.clone());
                        let (a, b) = tokio::join!(db.ping(), db.ping());
                        a.and(b).expect("ping");
                        (own.options().get_max_connections(), own.size())
                    })
                })
            })
            .collect();
        for w in workers {
            let (max, size) = w.join().expect("worker");
            assert_eq!(max, 2, "half of the pool each");
            assert!(size >= 1, "the worker opened its own");
        }
        let Db::Pg(shared) = shared else {
            panic!("a PostgreSQL store")
        };
        assert_eq!(shared.size(), 0, "the shared pool opened none");
    }

    #[tokio::test]
    async fn a_worker_shares_the_sqlite_pool() {
        let db = Db::connect("sqlite::memory:").await.expect("sqlite");
        let (Db::Sqlite(shared), Db::Sqlite(own)) = (&db, db.for_worker(2)) else {
            panic!("SQLite stores")
        };
        assert!(std::sync::Arc::ptr_eq(
            &shared.connect_options(),
            &own.connect_options()
        ));
    }

    #[test]
    fn message_ids_exist_in_en_us() {
        let ftl = include_str!("../../locales/en-US/main.ftl");
        let ids = OrderStatus::ALL
            .iter()
            .map(|v| v.message_id())
            .chain(SubscriptionStatus::ALL.iter().map(|v| v.message_id()))
            .chain(RequestStatus::ALL.iter().map(|v| v.message_id()))
            .chain(ProblemType::ALL.iter().map(|v| v.message_id()))
            .chain(Impact::ALL.iter().map(|v| v.message_id()));
        for id in ids {
            assert!(
                ftl.lines().any(|l| l.starts_with(&format!("{id} = "))),
                "{id}"
            );
        }
    }
}
