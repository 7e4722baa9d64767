//! Server-side sessions for actix-session, kept in the database so that every
//! instance behind a load balancer sees the same ones.
//!
//! The cookie carries a random key; the table holds only its SHA-256. A
//! session ends after `idle` without requests and, whatever happens, at
//! `created_at + absolute` (the absolute maximum).
//!
//! Reading a page does not write its session: the row is written when the
//! state changes, and otherwise only when its idle deadline is more than
//! `TOUCH_EVERY` behind (so the idle limit is kept to within that). A write
//! per view would make every page a write on SQLite's single writer, and on
//! PostgreSQL queue a browser's parallel requests on the row lock; the
//! columns written on a touch are in no index, so PostgreSQL updates the row
//! in place (HOT).

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand::distributions::Alphanumeric;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::by_position::{Columns, column};
use super::organisations::{Customer, customer_columns};
use super::users::{AccountRow, account_columns, account_of};
use super::{BindSome, Conn, Db, StoreResult, execute, fetch_all};
use crate::clock::SharedClock;
use crate::request_scope::{self, Wanted};

/// The session-state key that names the signed-in user.
pub const USER_KEY: &str = "user_id";

/// How far behind a session's last write may fall before a view moves its
/// idle deadline.
pub const TOUCH_EVERY: Duration = Duration::seconds(60);

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    clock: SharedClock,
    idle: Duration,
    absolute: Duration,
}

impl DbSessionStore {
    /// The same store through `db` (a worker's own pool, `Db::for_worker`).
    pub fn with_db(&self, db: Db) -> Self {
        DbSessionStore { db, ..self.clone() }
    }

    pub fn new(db: Db, clock: SharedClock, idle: Duration, absolute: Duration) -> Self {
        DbSessionStore {
            db,
            clock,
            idle,
            absolute,
        }
    }

    /// Moves the idle deadline of a session last written at `seen`, if that
    /// is more than `TOUCH_EVERY` ago. Of parallel requests, one writes.
    async fn touch(
        &self,
        id_hash: &str,
        seen: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        if now - seen < TOUCH_EVERY {
            return Ok(());
        }
        execute!(
            &self.db,
            sqlx::query(
                "UPDATE sessions SET last_seen_at = $2, \
             expires_at = CASE WHEN $3 < ends_at THEN $3 ELSE ends_at END \
             WHERE id_hash = $1 AND last_seen_at = $4"
            )
            .bind(id_hash)
            .bind(now)
            .bind(now + self.idle)
            .bind(seen)
        )?;
        Ok(())
    }
}

/// A session's row, with the account of its user (NULL where none is active),
/// one row per role, and the customer the page's path names if any.
struct SessionRow {
    state: String,
    last_seen_at: DateTime<Utc>,
    user_id: Option<Uuid>,
    account: AccountRow,
    customer: Option<Customer>,
}

/// Read by position (`store::by_position`): its own columns, the
/// account's, then the customer's, when the statement reads one.
impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for SessionRow
where
    usize: sqlx::ColumnIndex<R>,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    DateTime<Utc>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<Uuid>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    AccountRow: Columns<'r, R>,
    Customer: Columns<'r, R>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        let at = 3 + AccountRow::COLUMNS;
        let customer = if row.len() > at && column::<_, Option<Uuid>>(row, at, "id")?.is_some() {
            Some(Customer::from_columns(row, at)?)
        } else {
            None
        };
        Ok(SessionRow {
            state: column(row, 0, "state")?,
            last_seen_at: column(row, 1, "last_seen_at")?,
            user_id: column(row, 2, "user_id")?,
            account: AccountRow::from_columns(row, 3)?,
            customer,
        })
    }
}

/// The statement that reads a session and its user's account, and with
/// `$select` and `$join` the customer a page's path names.
macro_rules! session_sql {
    ($select:expr, $join:expr) => {
        concat!(
            "SELECT s.state, s.last_seen_at, s.user_id, ",
            account_columns!(),
            $select,
            " FROM sessions s \
             LEFT JOIN users u ON u.id = s.user_id AND u.deactivated_at IS NULL \
             LEFT JOIN organisations o \
                 ON o.id = u.organisation_id AND o.deactivated_at IS NULL \
             LEFT JOIN user_roles r ON r.user_id = u.id",
            $join,
            " WHERE s.id_hash = $1 AND s.expires_at > $2"
        )
    };
}

/// A session alone.
const SESSION: &str = session_sql!("", "");
/// A session and the customer `$3` if the user's scope holds it: the
/// conditions of `Scope::pick` for a vendor, a partner and a customer
/// user, on the user's organisation `o` (and checked again by the page,
/// `Scope::admits_customer`).
const SESSION_AND_CUSTOMER: &str = session_sql!(
    concat!(", ", customer_columns!("c.")),
    " LEFT JOIN organisations c ON c.id = $3 AND c.kind = 'customer' \
      AND (o.kind = 'vendor' OR c.partner_id = o.id OR c.id = o.id)"
);
/// A session and the user's own organisation, if it is a customer.
const SESSION_AND_OWN: &str = session_sql!(
    concat!(", ", customer_columns!("c.")),
    " LEFT JOIN organisations c ON c.id = o.id AND c.kind = 'customer'"
);

fn hash_key(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    hex::encode(digest)
}

fn ttl(d: &CookieDuration) -> Duration {
    Duration::seconds(d.whole_seconds())
}

/// The user named in the state, so that a user's sessions can be ended.
fn user_of(state: &HashMap<String, String>) -> Option<Uuid> {
    state
        .get(USER_KEY)
        .and_then(|v| serde_json::from_str::<Uuid>(v).ok())
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        let now = self.clock.now();
        let id_hash = hash_key(key.as_ref());
        // The session and the account it names, in one statement: every
        // signed-in page needs both; and the customer its path names, which
        // the customer's pages need (`web::ctx::ScopedCustomer`).
        let wanted = Wanted::of(&request_scope::path());
        let (sql, customer_id) = match wanted {
            None => (SESSION, None),
            Some(Wanted::Id(id)) => (SESSION_AND_CUSTOMER, Some(id)),
            Some(Wanted::Own) => (SESSION_AND_OWN, None),
        };
        let rows: Vec<SessionRow> = fetch_all!(
            &self.db,
            sqlx::query_as(sql)
                .bind(&id_hash)
                .bind(now)
                .bind_some(customer_id)
        )
        .map_err(|e| LoadError::Other(e.into()))?;
        let Some((state, seen, user, customer)) = rows.first().map(|r| {
            (
                r.state.clone(),
                r.last_seen_at,
                r.user_id,
                r.customer.clone(),
            )
        }) else {
            return Ok(None);
        };
        if let Some(user) = user {
            let account = account_of(rows.into_iter().map(|r| r.account))
                .map_err(|e| LoadError::Other(e.into()))?;
            if let Some(wanted) = wanted {
                request_scope::read_customer(user, wanted, customer);
            }
            request_scope::read_account(user, account);
        }
        self.touch(&id_hash, seen, now)
            .await
            .map_err(|e| LoadError::Other(e.into()))?;
        serde_json::from_str(&state)
            .map(Some)
            .map_err(|e| LoadError::Deserialization(e.into()))
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl_: &CookieDuration,
    ) -> Result<SessionKey, SaveError> {
        let key: String = rand::rngs::OsRng
            .sample_iter(&Alphanumeric)
            .take(64)
            .map(char::from)
            .collect();
        let now = self.clock.now();
        let ends = now + self.absolute;
        let expires = (now + ttl(ttl_)).min(ends);
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        execute!(&self.db, sqlx::query(
            "INSERT INTO sessions (id_hash, state, user_id, created_at, last_seen_at, expires_at, ends_at) \
             VALUES ($1, $2, $3, $4, $4, $5, $6)"
        )
        .bind(hash_key(&key))
        .bind(body)
        .bind(user_of(&state))
        .bind(now)
        .bind(expires)
        .bind(ends))
        .map_err(|e| SaveError::Other(e.into()))?;
        SessionKey::try_from(key).map_err(|e| SaveError::Other(e.into()))
    }

    async fn update(
        &self,
        key: SessionKey,
        state: HashMap<String, String>,
        ttl_: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        let now = self.clock.now();
        let body =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let updated = execute!(
            &self.db,
            sqlx::query(
                "UPDATE sessions SET state = $2, user_id = $3, last_seen_at = $4, \
             expires_at = CASE WHEN $5 < ends_at THEN $5 ELSE ends_at END \
             WHERE id_hash = $1 AND expires_at > $4"
            )
            .bind(hash_key(key.as_ref()))
            .bind(body)
            .bind(user_of(&state))
            .bind(now)
            .bind(now + ttl(ttl_))
        )
        .map_err(|e| UpdateError::Other(e.into()))?;
        if updated == 0 {
            // The session ended (or was deleted) meanwhile: start a fresh one
            // rather than bring the old one back to life.
            return self
                .save(state, ttl_)
                .await
                .map_err(|e| UpdateError::Other(e.into()));
        }
        Ok(key)
    }

    /// Not called: the middleware runs with `OnStateChanges`, and `load`
    /// moves the idle deadline instead (see the module's comment).
    async fn update_ttl(
        &self,
        key: &SessionKey,
        ttl_: &CookieDuration,
    ) -> Result<(), anyhow::Error> {
        let now = self.clock.now();
        execute!(
            &self.db,
            sqlx::query(
                "UPDATE sessions SET last_seen_at = $2, \
             expires_at = CASE WHEN $3 < ends_at THEN $3 ELSE ends_at END \
             WHERE id_hash = $1 AND expires_at > $2"
            )
            .bind(hash_key(key.as_ref()))
            .bind(now)
            .bind(now + ttl(ttl_))
        )?;
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        execute!(
            &self.db,
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(hash_key(key.as_ref()))
        )?;
        Ok(())
    }
}

/// Ends every session of a user (deactivation, password change).
pub async fn end_all_for_user<'c>(c: impl Into<Conn<'c>>, user_id: Uuid) -> StoreResult<u64> {
    let r = execute!(
        c,
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id)
    )?;
    Ok(r)
}

/// Removes sessions that can no longer be used.
pub async fn purge_expired<'c>(c: impl Into<Conn<'c>>, now: DateTime<Utc>) -> StoreResult<u64> {
    let r = execute!(
        c,
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now)
    )?;
    Ok(r)
}

#[cfg(any(test, feature = "test-helpers"))]
/// How many live sessions the user has (tests).
pub async fn count_for_user<'c>(
    c: impl Into<Conn<'c>>,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<i64> {
    super::fetch_one!(
        c,
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2")
            .bind(user_id)
            .bind(now)
    )
}
