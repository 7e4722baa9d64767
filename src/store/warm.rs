//! Connections passed from one page to the next on the same worker thread.
//!
//! A connection given back to the pool goes through sqlx's ping first
//! (`PoolConnection::return_to_pool`, whatever the pool's settings): on
//! SQLite a hand-off to the connection's thread and back; and the next page
//! pays the pool's acquire, and often a wake-up of the other worker thread.
//! Under load, when every connection is busy, that stands between each page
//! and the next. So a page done with its connection (`store::held`) hands
//! it to the page of its thread that has waited longest for one, or, when
//! none waits, keeps it (a few at most) for the thread's next page.
//!
//! - A waiting page waits for the pool as well, and takes whichever comes
//!   first.
//! - Every [`RETURN_EVERY`]th connection a thread is done with goes back to
//!   the pool all the same, whose queue serves the longest waiting page of
//!   any thread: a thread does not keep the connections it happens to hold
//!   while another's pages wait.
//! - While anything else waits for the pool (a form's statement, a
//!   transaction, a job), connections go back to the pool.
//! - A connection is kept only while fresh: a sweeper task on the thread's
//!   runtime gives back any kept longer than [`FRESH`], so a thread that
//!   goes quiet holds none and `Pool::close` never waits long for them.
//! - A thread keeps at most a quarter of the pool idle.
//!
//! Both backends pass connections on (`Parkable::PASS_ON`). On PostgreSQL
//! that first made the list pages two to three times slower: a waiting
//! page dropped the pool's acquire when a connection was handed to it, and
//! an acquire that was opening a connection dropped it half-open (a server
//! process started for nothing). The pool's acquires now run as tasks of
//! their own, no more of them than pages wait ([`wait`]).

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::{Duration, Instant};

use sqlx::pool::PoolConnection;
use tokio::sync::oneshot;

use super::held::{Parkable, Parked};

/// How long a kept connection may wait for the thread's next page: well
/// inside the idle time after which the pool pings a connection it hands
/// out (`store::TRUSTED_IDLE`), and short beside the pool's wait
/// (`store::ACQUIRE_TIMEOUT`).
pub const FRESH: Duration = Duration::from_millis(100);

/// At most this many idle connections kept by one thread.
const MOST: usize = 2;

/// One connection in this many that a thread is done with goes back to the
/// pool.
pub const RETURN_EVERY: u32 = 16;

/// Statements waiting for a connection from any pool, anywhere...
static ACQUIRING: AtomicUsize = AtomicUsize::new(0);
/// ... and of those, pages that a connection handed on would reach.
static RELAYED: AtomicUsize = AtomicUsize::new(0);

/// Counts a wait for the pool while it lives.
pub struct Acquiring {
    relayed: bool,
}

impl Acquiring {
    /// A wait that only the pool can end.
    pub fn start() -> Acquiring {
        ACQUIRING.fetch_add(1, Ordering::SeqCst);
        Acquiring { relayed: false }
    }

    fn relayed() -> Acquiring {
        RELAYED.fetch_add(1, Ordering::SeqCst);
        ACQUIRING.fetch_add(1, Ordering::SeqCst);
        Acquiring { relayed: true }
    }
}

impl Drop for Acquiring {
    fn drop(&mut self) {
        ACQUIRING.fetch_sub(1, Ordering::SeqCst);
        if self.relayed {
            RELAYED.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Whether something waits that only the pool can serve.
fn pool_has_waiters() -> bool {
    ACQUIRING.load(Ordering::SeqCst) > RELAYED.load(Ordering::SeqCst)
}

struct Kept {
    pool: usize,
    since: Instant,
    parked: Parked,
}

/// What a waiting page is handed: a connection, or the pool's error.
type Handed = Result<Parked, sqlx::Error>;

#[derive(Default)]
struct Relay {
    kept: Vec<Kept>,
    /// Pages waiting, oldest first, with their pool.
    waiting: VecDeque<(usize, oneshot::Sender<Handed>)>,
    /// The pool's acquires this thread has under way, per pool.
    flying: HashMap<usize, usize>,
}

impl Relay {
    fn flying(&mut self, pool: usize) -> &mut usize {
        self.flying.entry(pool).or_insert(0)
    }

    /// Gives `handed` to the page of `pool` that has waited longest; back
    /// if none waits any more.
    fn hand_to_oldest(&mut self, pool: usize, mut handed: Handed) -> Option<Handed> {
        while let Some(at) = self.waiting.iter().position(|(p, _)| *p == pool) {
            let (_, page) = self.waiting.remove(at)?;
            match page.send(handed) {
                Ok(()) => return None,
                // That page stopped waiting (its client left).
                Err(back) => handed = back,
            }
        }
        Some(handed)
    }
}

type Shared = Mutex<Relay>;

fn lock(relay: &Shared) -> MutexGuard<'_, Relay> {
    relay.lock().unwrap_or_else(PoisonError::into_inner)
}

thread_local! {
    /// This thread's relay. Its sweeper holds it; the thread only looks at
    /// it, so that a thread ending outside a runtime drops no connection
    /// (sqlx needs a runtime to give one back).
    static RELAY: RefCell<Weak<Shared>> = const { RefCell::new(Weak::new()) };
    /// Connections this thread was done with, counted to [`RETURN_EVERY`].
    static DONE: Cell<u32> = const { Cell::new(0) };
    /// The most of the pool's acquires this thread had under way at once.
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

/// The most acquires this thread had under way at once, counted afresh
/// from now on.
#[cfg(test)]
pub fn peak_acquires(reset: bool) -> usize {
    PEAK.with(|p| if reset { p.replace(0) } else { p.get() })
}

/// This thread's relay, begun (with its sweeper) if `begin` and it has none.
fn relay(begin: bool) -> Option<Arc<Shared>> {
    RELAY.with(|r| {
        if let Some(relay) = r.borrow().upgrade() {
            return Some(relay);
        }
        if !begin {
            return None;
        }
        let runtime = tokio::runtime::Handle::try_current().ok()?;
        let relay = Arc::new(Mutex::new(Relay::default()));
        *r.borrow_mut() = Arc::downgrade(&relay);
        runtime.spawn(sweep(relay.clone()));
        Some(relay)
    })
}

/// How many idle connections of a pool of `size` one thread may keep.
pub fn room(size: u32) -> usize {
    MOST.min(size as usize / 4)
}

/// Passes `parked` on: to the oldest page of this thread waiting for a
/// connection of its pool, else kept (`room` at most), else to the pool.
pub fn hand_on(room: usize, parked: Parked) {
    let turn = DONE.with(|d| {
        let n = (d.get() + 1) % RETURN_EVERY;
        d.set(n);
        n
    });
    if turn == 0 {
        return;
    }
    pass_on(room, parked);
}

/// [`hand_on`] without the turn: to the oldest waiting page, else kept,
/// else to the pool.
fn pass_on(room: usize, parked: Parked) {
    if !parked.passes_on() || pool_has_waiters() {
        return;
    }
    let pool = parked.pool();
    let Some(relay) = relay(true) else {
        return;
    };
    let mut relay = lock(&relay);
    let Some(Ok(parked)) = relay.hand_to_oldest(pool, Ok(parked)) else {
        return;
    };
    if relay.kept.iter().filter(|k| k.pool == pool).count() < room {
        relay.kept.push(Kept {
            pool,
            since: Instant::now(),
            parked,
        });
    }
}

/// The connection of `pool` this thread kept last, if it is still fresh.
pub fn take<DB: Parkable>(pool: usize) -> Option<PoolConnection<DB>> {
    if !DB::PASS_ON {
        return None;
    }
    let relay = relay(false)?;
    let mut relay = lock(&relay);
    let at = relay
        .kept
        .iter()
        .rposition(|k| k.pool == pool && k.since.elapsed() < FRESH)?;
    DB::unpark(relay.kept.remove(at).parked, pool).ok()
}

/// Waits for a connection of `pool`: one handed on by a page of this
/// thread, or one from the pool, whichever reaches it first.
///
/// On SQLite the page races the pool's acquire against a handed connection
/// and drops the loser: a connection dropped half-open there costs little,
/// and a task for each acquire made the software tab 13-15% slower
/// (bench/RESULTS.md). On PostgreSQL (`Parkable::KEEPS_ACQUIRES`) the
/// pool's acquires run as tasks of their own, never dropped half-way:
/// an acquire dropped while it opens a connection drops that connection
/// half-open (on PostgreSQL a server process started for nothing), and one
/// dropped while it pings an idle connection drops that one. A thread keeps
/// no more acquires under way than it has pages waiting (each waiting page
/// adds one only if there are fewer), and what one brings goes to the page
/// that has waited longest, else on like a page's connection: acquires
/// left over when pages were handed connections by other pages cannot
/// pile up in the pool's queue (one a page did: 224 MiB at 7,000 pages a
/// second, bench/RESULTS.md).
pub async fn wait<DB: Parkable>(
    pool: &sqlx::Pool<DB>,
    id: usize,
) -> Result<PoolConnection<DB>, sqlx::Error> {
    if !DB::PASS_ON {
        let _acquiring = Acquiring::start();
        return pool.acquire().await;
    }
    let _acquiring = Acquiring::relayed();
    let Some(relay) = relay(true) else {
        return pool.acquire().await;
    };
    let (tx, handed) = oneshot::channel();
    if !DB::KEEPS_ACQUIRES {
        lock(&relay).waiting.push_back((id, tx));
        return tokio::select! {
            biased;
            Ok(Ok(parked)) = handed => match DB::unpark(parked, id) {
                Ok(conn) => Ok(conn),
                Err(_) => pool.acquire().await,
            },
            conn = pool.acquire() => conn,
        };
    }
    let start_one = {
        let mut r = lock(&relay);
        r.waiting.push_back((id, tx));
        let waiting = r
            .waiting
            .iter()
            .filter(|(p, page)| *p == id && !page.is_closed())
            .count();
        let flying = r.flying(id);
        let short = *flying < waiting;
        if short {
            *flying += 1;
            let now = *flying;
            PEAK.with(|p| p.set(p.get().max(now)));
        }
        short
    };
    if start_one {
        let acquire = pool.acquire();
        let room = room(pool.options().get_max_connections());
        // Weak: the relay lives while its sweeper does (which outlives
        // every waiting page), so that it never outlives its sweeper.
        let relay = Arc::downgrade(&relay);
        tokio::spawn(async move {
            let got = acquire.await.map(|conn| DB::park(id, conn));
            let Some(relay) = relay.upgrade() else {
                return;
            };
            let left = {
                let mut r = lock(&relay);
                let flying = r.flying(id);
                *flying = flying.saturating_sub(1);
                r.hand_to_oldest(id, got)
            };
            // Nobody waits for it now: on like a page's connection (an
            // error nobody waits for is dropped).
            if let Some(Ok(parked)) = left {
                pass_on(room, parked);
            }
        });
    }
    // Every wait ends: the acquires under way each end in the pool's own
    // timeout at worst, and hand what they got, error or not, to the
    // oldest page; this bound is only against a task lost to a panic.
    match tokio::time::timeout(super::ACQUIRE_TIMEOUT * 2, handed).await {
        Ok(Ok(Ok(parked))) => match DB::unpark(parked, id) {
            Ok(conn) => Ok(conn),
            // Only connections of `id` are handed to a page waiting for it.
            Err(_) => pool.acquire().await,
        },
        Ok(Ok(Err(e))) => Err(e),
        Ok(Err(_)) | Err(_) => Err(sqlx::Error::PoolTimedOut),
    }
}

/// Gives back what waited longer than [`FRESH`] and forgets pages that
/// stopped waiting, every [`FRESH`], until the relay is empty (the next
/// page to need it begins another).
async fn sweep(relay: Arc<Shared>) {
    loop {
        tokio::time::sleep(FRESH).await;
        let stale: Vec<Kept> = {
            let mut relay = lock(&relay);
            relay.waiting.retain(|(_, page)| !page.is_closed());
            let (stale, fresh) = std::mem::take(&mut relay.kept)
                .into_iter()
                .partition(|k| k.since.elapsed() >= FRESH);
            relay.kept = fresh;
            stale
        };
        drop(stale);
        let relay_ = lock(&relay);
        if relay_.kept.is_empty() && relay_.waiting.is_empty() {
            return;
        }
    }
}
