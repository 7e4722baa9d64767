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
//! Only SQLite's connections are passed on (`Parkable::PASS_ON`): on
//! PostgreSQL the same passing made the list pages two to three times
//! slower. A waiting page drops the pool's acquire when a connection is
//! handed to it, and an acquire that was opening a connection then drops
//! it half-open: a PostgreSQL server process started for nothing
//! (bench/RESULTS.md).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
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

#[derive(Default)]
struct Relay {
    kept: Vec<Kept>,
    /// Pages waiting, oldest first, with their pool.
    waiting: VecDeque<(usize, oneshot::Sender<Parked>)>,
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
    if turn == 0 || !parked.passes_on() || pool_has_waiters() {
        return;
    }
    let pool = parked.pool();
    let Some(relay) = relay(true) else {
        return;
    };
    let mut relay = lock(&relay);
    let mut parked = parked;
    while let Some(at) = relay.waiting.iter().position(|(p, _)| *p == pool) {
        let Some((_, page)) = relay.waiting.remove(at) else {
            break;
        };
        match page.send(parked) {
            Ok(()) => return,
            // That page took a connection from the pool meanwhile.
            Err(back) => parked = back,
        }
    }
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
/// thread, or one from the pool, whichever comes first.
pub async fn wait<DB: Parkable>(
    pool: &sqlx::Pool<DB>,
    id: usize,
) -> Result<PoolConnection<DB>, sqlx::Error> {
    if !DB::PASS_ON {
        let _acquiring = Acquiring::start();
        return pool.acquire().await;
    }
    let _acquiring = Acquiring::relayed();
    let handed = relay(true).map(|relay| {
        let (tx, rx) = oneshot::channel();
        lock(&relay).waiting.push_back((id, tx));
        rx
    });
    let Some(handed) = handed else {
        return pool.acquire().await;
    };
    tokio::select! {
        biased;
        Ok(parked) = handed => match DB::unpark(parked, id) {
            Ok(conn) => Ok(conn),
            // Only connections of `id` are handed to a page waiting for it.
            Err(_) => pool.acquire().await,
        },
        conn = pool.acquire() => conn,
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
