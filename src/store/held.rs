//! One connection for all of a page's statements.
//!
//! sqlx pings every connection it gets back before the pool may hand it out
//! again (`PoolConnection::return_to_pool`, whatever the pool's settings): on
//! PostgreSQL a `Sync` and its `ReadyForQuery`, on SQLite a hand-off to the
//! connection's thread and back. A page that runs its four or five
//! statements each on a connection of its own pays that, and the pool's
//! acquire, four or five times. Inside [`scope`] the first statement's
//! connection is kept (parked) for the next one, and goes back to the pool
//! once, when the scope ends.
//!
//! The request middleware opens a scope for pages that only read (GET and
//! HEAD): their work between statements is rendering, so a parked
//! connection is never kept idle long. A form's POST may hash a password or
//! call out to the object store between statements, and takes a connection
//! per statement as before; so does anything outside a request (jobs,
//! tests). A page that goes on to slow work of its own (a download reading
//! from object storage) gives its connection back first with [`release`].
//!
//! A transaction begun in a scope runs on the parked connection
//! ([`take_for_transaction`]), and a statement that finishes while another
//! of the same request still waits for a connection gives its own back
//! rather than parking it, so a request never waits for a second
//! connection while holding one idle.
//!
//! A connection the scope is done with is handed on to the next page of
//! the thread (`store::warm`) rather than given back to the pool
//! and its ping.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{Database, Pool, Postgres, Sqlite};

use super::warm;

/// The parked connection, with its pool's identity (the address of the
/// pool's connect options, shared by every clone of one pool).
pub enum Parked {
    Sqlite(usize, PoolConnection<Sqlite>),
    Pg(usize, PoolConnection<Postgres>),
}

/// A scope's parked connection, and how many of its statements are
/// waiting for one from the pool (run at once, as `join!` would).
#[derive(Default)]
struct Slot {
    parked: RefCell<Option<Parked>>,
    waiting: Cell<usize>,
    /// How many connections of the parked one's pool a thread may keep
    /// after the scope (`warm::room`).
    room: Cell<usize>,
}

tokio::task_local! {
    static HELD: Slot;
}

/// Runs `f` with one connection kept for all of its statements.
pub async fn scope<F: Future>(f: F) -> F::Output {
    HELD.scope(Slot::default(), async move {
        let out = f.await;
        let end = HELD.with(|h| Some((h.parked.borrow_mut().take()?, h.room.get())));
        if let Some((parked, room)) = end {
            warm::hand_on(room, parked);
        }
        out
    })
    .await
}

/// Counts a statement of the scope as waiting for the pool while it lives
/// (also when the wait is given up half-way).
struct Waiting;

impl Waiting {
    fn start() -> Waiting {
        let _ = HELD.try_with(|h| h.waiting.set(h.waiting.get() + 1));
        Waiting
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        let _ = HELD.try_with(|h| h.waiting.set(h.waiting.get().saturating_sub(1)));
    }
}

/// Gives the parked connection back to the pool now (before slow work that
/// needs none).
pub fn release() {
    let parked = HELD
        .try_with(|h| h.parked.borrow_mut().take())
        .ok()
        .flatten();
    drop(parked);
}

impl Parked {
    /// The identity of the connection's pool.
    pub fn pool(&self) -> usize {
        match self {
            Parked::Sqlite(p, _) | Parked::Pg(p, _) => *p,
        }
    }

    /// Whether its backend passes connections on (`Parkable::PASS_ON`).
    pub fn passes_on(&self) -> bool {
        match self {
            Parked::Sqlite(..) => Sqlite::PASS_ON,
            Parked::Pg(..) => Postgres::PASS_ON,
        }
    }
}

/// The backends a connection can be parked for.
pub trait Parkable: Database + Sized {
    /// Whether a page's connection is passed on to the next page
    /// (`store::warm`) rather than given back to the pool.
    const PASS_ON: bool;
    /// Whether a waiting page leaves the pool's acquire to run to its end
    /// (`warm::wait`) rather than dropping it when another page hands it a
    /// connection first.
    const KEEPS_ACQUIRES: bool;
    fn park(pool: usize, conn: PoolConnection<Self>) -> Parked;
    fn unpark(parked: Parked, pool: usize) -> Result<PoolConnection<Self>, Parked>;
}

/// `Parkable` for a backend whose connections park as `Parked::$variant`.
macro_rules! parkable {
    ($db:ty, $variant:ident, $pass_on:expr, $keeps_acquires:expr) => {
        impl Parkable for $db {
            const PASS_ON: bool = $pass_on;
            const KEEPS_ACQUIRES: bool = $keeps_acquires;
            fn park(pool: usize, conn: PoolConnection<Self>) -> Parked {
                Parked::$variant(pool, conn)
            }
            fn unpark(parked: Parked, pool: usize) -> Result<PoolConnection<Self>, Parked> {
                match parked {
                    Parked::$variant(p, c) if p == pool => Ok(c),
                    other => Err(other),
                }
            }
        }
    };
}

parkable!(Sqlite, Sqlite, true, false);
parkable!(Postgres, Pg, true, true);

fn identity<DB: Database>(pool: &Pool<DB>) -> usize {
    Arc::as_ptr(&pool.connect_options()) as *const () as usize
}

/// `pool`'s connection parked in this scope, if there is one.
fn unpark<DB: Parkable>(pool: usize) -> Option<PoolConnection<DB>> {
    HELD.try_with(|h| {
        let mut slot = h.parked.borrow_mut();
        match DB::unpark(slot.take()?, pool) {
            Ok(conn) => Some(conn),
            Err(other) => {
                *slot = Some(other);
                None
            }
        }
    })
    .ok()
    .flatten()
}

/// A connection for one statement run through a pool: the scope's parked
/// one, else one the thread kept or handed on (`store::warm`), else a new
/// one from the pool; parked again by [`Lease::settle`].
pub struct Lease<DB: Parkable> {
    conn: PoolConnection<DB>,
    /// The pool's identity, when inside a scope (to park under).
    park_as: Option<usize>,
}

impl<DB: Parkable> Lease<DB> {
    pub async fn take(pool: &Pool<DB>) -> Result<Lease<DB>, sqlx::Error> {
        if HELD.try_with(|_| ()).is_err() {
            let _acquiring = warm::Acquiring::start();
            return Ok(Lease {
                conn: pool.acquire().await?,
                park_as: None,
            });
        }
        let id = identity(pool);
        let _ = HELD.try_with(|h| h.room.set(warm::room(pool.options().get_max_connections())));
        let conn = match unpark::<DB>(id).or_else(|| warm::take::<DB>(id)) {
            Some(conn) => conn,
            None => {
                let _waiting = Waiting::start();
                warm::wait(pool, id).await?
            }
        };
        Ok(Lease {
            conn,
            park_as: Some(id),
        })
    }

    pub fn conn(&mut self) -> &mut DB::Connection {
        &mut self.conn
    }

    /// After the statement: parks the connection for the scope's next one,
    /// unless another statement of the scope is waiting for one (this one
    /// is handed on, `warm::hand_on`), or the statement failed for a reason other
    /// than the database refusing it (the connection may be broken: the
    /// pool tests it).
    pub fn settle<T>(self, result: &Result<T, sqlx::Error>) {
        let Some(id) = self.park_as else { return };
        if let Err(e) = result
            && !matches!(e, sqlx::Error::Database(_) | sqlx::Error::RowNotFound)
        {
            return;
        }
        let parked = DB::park(id, self.conn);
        let busy = HELD.try_with(|h| {
            let mut slot = h.parked.borrow_mut();
            if slot.is_none() && h.waiting.get() == 0 {
                *slot = Some(parked);
                None
            } else {
                Some((parked, h.room.get()))
            }
        });
        if let Ok(Some((parked, room))) = busy {
            warm::hand_on(room, parked);
        }
    }
}

/// The parked connection of `pool` for a transaction to begin on, if the
/// scope has one (it goes back to the pool when the transaction ends).
pub fn take_for_transaction<DB: Parkable>(pool: &Pool<DB>) -> Option<PoolConnection<DB>> {
    unpark::<DB>(identity(pool))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Db, execute, fetch_one, on_conn};

    /// A pool of two connections, both open and idle: outside a scope, two
    /// statements in a row run on different ones (the pool hands its idle
    /// connections out in turn).
    async fn warm(url: &str) -> Db {
        let db = Db::connect_sized(url, Some(2)).await.expect("connect");
        match &db {
            Db::Sqlite(p) => drop((p.acquire().await.unwrap(), p.acquire().await.unwrap())),
            Db::Pg(p) => drop((p.acquire().await.unwrap(), p.acquire().await.unwrap())),
        }
        // Each went back after its ping, on a task of its own.
        for _ in 0..100 {
            let idle = match &db {
                Db::Sqlite(p) => p.num_idle(),
                Db::Pg(p) => p.num_idle(),
            };
            if idle == 2 {
                break;
            }
            tokio::task::yield_now().await;
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let idle = match &db {
            Db::Sqlite(p) => p.num_idle(),
            Db::Pg(p) => p.num_idle(),
        };
        assert_eq!(idle, 2, "both connections back in the pool");
        db
    }

    /// Whether the statement sees the temporary table the one before made:
    /// temporary tables belong to one connection.
    async fn mark_then_look(db: &Db) -> bool {
        execute!(db, sqlx::query("CREATE TEMP TABLE held_mark (x INTEGER)")).expect("create");
        let seen: Result<i64, _> =
            fetch_one!(db, sqlx::query_scalar("SELECT COUNT(*) FROM held_mark"));
        seen.is_ok()
    }

    async fn one_connection_per_scope(url: &str) {
        let db = warm(url).await;
        assert!(
            !mark_then_look(&db).await,
            "outside a scope: a connection per statement"
        );

        let db = warm(url).await;
        assert!(
            scope(mark_then_look(&db)).await,
            "in a scope: one connection"
        );

        // A transaction begun in the scope runs on the parked connection:
        // with one connection in the pool it would wait for a second.
        let db = Db::connect_sized(url, Some(1)).await.expect("connect");
        scope(async {
            assert!(mark_then_look(&db).await);
            let mut tx = db.begin().await.expect("begun on the parked connection");
            let n: i64 = fetch_one!(
                &mut tx,
                sqlx::query_scalar("SELECT COUNT(*) FROM held_mark")
            )
            .expect("the same connection");
            assert_eq!(n, 0);
            tx.commit().await.expect("commit");
        })
        .await;

        // Given back, the next statement takes a connection afresh.
        let db = warm(url).await;
        scope(async {
            execute!(&db, sqlx::query("CREATE TEMP TABLE held_mark (x INTEGER)")).unwrap();
            release();
            let seen: Result<i64, _> =
                fetch_one!(&db, sqlx::query_scalar("SELECT COUNT(*) FROM held_mark"));
            assert!(seen.is_err(), "released: another connection");
        })
        .await;
    }

    fn idle(db: &Db) -> usize {
        match db {
            Db::Sqlite(p) => p.num_idle(),
            Db::Pg(p) => p.num_idle(),
        }
    }

    /// A pool of `size` connections, all open and idle.
    async fn all_open(url: &str, size: u32) -> Db {
        let db = Db::connect_sized(url, Some(size)).await.expect("connect");
        let mut open = Vec::new();
        for _ in 0..size {
            match &db {
                Db::Sqlite(p) => open.push(Parked::Sqlite(0, p.acquire().await.unwrap())),
                Db::Pg(p) => open.push(Parked::Pg(0, p.acquire().await.unwrap())),
            }
        }
        drop(open);
        until(
            || idle(&db) == size as usize,
            "every connection back in the pool",
        )
        .await;
        db
    }

    /// Waits (two seconds at most) for what the pool's own tasks do.
    async fn until(done: impl Fn() -> bool, what: &str) {
        for _ in 0..400 {
            if done() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        panic!("not within two seconds: {what}");
    }

    /// Where connections are passed on (SQLite), the next page runs on the
    /// connection the page before ended with, not on the one the pool
    /// would hand out (the longest idle); it goes back to the pool once
    /// it has waited `warm::FRESH` for a page; and the pool closes.
    async fn a_page_passes_its_connection_to_the_next(url: &str, passes_on: bool) {
        let db = all_open(url, 4).await;
        scope(async {
            execute!(&db, sqlx::query("CREATE TEMP TABLE held_mark (x INTEGER)")).unwrap();
        })
        .await;
        let kept = usize::from(passes_on);
        if !passes_on {
            until(|| idle(&db) == 4, "back in the pool").await;
        }
        assert_eq!(idle(&db), 4 - kept, "kept for the next page");
        let seen = scope(async {
            let seen: Result<i64, _> =
                fetch_one!(&db, sqlx::query_scalar("SELECT COUNT(*) FROM held_mark"));
            seen.is_ok()
        })
        .await;
        assert_eq!(seen, passes_on, "the next page on the same connection");
        until(|| idle(&db) == 4, "given back once no page came for it").await;
        tokio::time::timeout(std::time::Duration::from_secs(5), db.close())
            .await
            .expect("the pool closes");
    }

    /// Pages waiting for the one connection of a pool are each handed it
    /// in the order they came, and none waits for the pool's timeout.
    async fn waiting_pages_are_handed_the_connection_in_turn(url: &str) {
        let db = Db::connect_sized(url, Some(1)).await.expect("connect");
        let order = RefCell::new(Vec::new());
        let page = |n: i64| {
            let (db, order) = (&db, &order);
            async move {
                scope(async move {
                    let got: i64 =
                        fetch_one!(db, sqlx::query_scalar("SELECT CAST($1 AS BIGINT)").bind(n))
                            .expect("a connection");
                    order.borrow_mut().push(got);
                })
                .await
            }
        };
        let started = std::time::Instant::now();
        tokio::join!(page(1), page(2), page(3), page(4));
        assert!(started.elapsed() < crate::store::ACQUIRE_TIMEOUT);
        assert_eq!(*order.borrow(), vec![1, 2, 3, 4]);
    }

    /// A stream of pages, four at a time, on a pool of one PostgreSQL
    /// connection: the connection goes from page to page, and the pool's
    /// acquires under way never outnumber the pages waiting. With an
    /// acquire for each page that waits, most would be left queued in the
    /// pool (the page was handed a connection first) while more pages
    /// came: 224 MiB of them under load (bench/RESULTS.md).
    async fn acquires_never_outnumber_the_waiting_pages(url: &str) {
        use futures_util::StreamExt;
        let db = Db::connect_sized(url, Some(1)).await.expect("connect");
        warm::peak_acquires(true);
        let pages = futures_util::stream::iter(0..40_i64)
            .map(|n| {
                let db = &db;
                scope(async move {
                    let got: i64 =
                        fetch_one!(db, sqlx::query_scalar("SELECT CAST($1 AS BIGINT)").bind(n))
                            .expect("a connection");
                    got
                })
            })
            .buffer_unordered(4)
            .collect::<Vec<i64>>()
            .await;
        assert_eq!(pages.len(), 40);
        let peak = warm::peak_acquires(false);
        assert!(
            (1..=4).contains(&peak),
            "{peak} acquires under way at once, for 4 pages at a time"
        );
    }

    #[tokio::test]
    async fn acquires_never_outnumber_the_waiting_pages_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        acquires_never_outnumber_the_waiting_pages(&url).await;
    }

    #[tokio::test]
    async fn a_page_passes_its_connection_to_the_next_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/held.db", dir.path().display());
        a_page_passes_its_connection_to_the_next(&url, Sqlite::PASS_ON).await;
    }

    #[tokio::test]
    async fn a_page_passes_its_connection_to_the_next_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        a_page_passes_its_connection_to_the_next(&url, Postgres::PASS_ON).await;
    }

    #[tokio::test]
    async fn waiting_pages_are_handed_the_connection_in_turn_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        waiting_pages_are_handed_the_connection_in_turn(&format!(
            "sqlite://{}/held.db",
            dir.path().display()
        ))
        .await;
    }

    #[tokio::test]
    async fn waiting_pages_are_handed_the_connection_in_turn_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        waiting_pages_are_handed_the_connection_in_turn(&url).await;
    }

    /// Two statements of one scope at once, on a pool of one connection:
    /// the first, once the second is waiting for the pool, must give its
    /// connection back rather than park it (the wait would end in the
    /// pool's timeout).
    async fn statements_at_once_share_a_pool_of_one(url: &str) {
        let db = Db::connect_sized(url, Some(1)).await.expect("connect");
        scope(async {
            let first = async {
                on_conn!(&db, |c| {
                    let one: Result<i64, sqlx::Error> =
                        sqlx::query_scalar("SELECT CAST(1 AS BIGINT)")
                            .fetch_one(c)
                            .await;
                    while HELD.with(|h| h.waiting.get()) == 0 {
                        tokio::task::yield_now().await;
                    }
                    one
                })
                .expect("first")
            };
            let second = async {
                let n: i64 = fetch_one!(&db, sqlx::query_scalar("SELECT CAST(1 AS BIGINT)"))
                    .expect("no wait");
                n
            };
            let (a, b) = tokio::join!(first, second);
            assert_eq!(a + b, 2);
            let n: i64 =
                fetch_one!(&db, sqlx::query_scalar("SELECT CAST(2 AS BIGINT)")).expect("after");
            assert_eq!(n, 2);
        })
        .await;
    }

    #[tokio::test]
    async fn statements_at_once_share_a_pool_of_one_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        statements_at_once_share_a_pool_of_one(&format!(
            "sqlite://{}/held.db",
            dir.path().display()
        ))
        .await;
    }

    #[tokio::test]
    async fn statements_at_once_share_a_pool_of_one_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        statements_at_once_share_a_pool_of_one(&url).await;
    }

    #[tokio::test]
    async fn a_scope_runs_its_statements_on_one_connection_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        one_connection_per_scope(&format!("sqlite://{}/held.db", dir.path().display())).await;
    }

    #[tokio::test]
    async fn a_scope_runs_its_statements_on_one_connection_postgres() {
        let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
            return;
        };
        one_connection_per_scope(&url).await;
    }
}
