//! Download links. Using one is a single conditional UPDATE, so the cap holds
//! under any number of concurrent downloads on both stores; so is renewing
//! one, which starts a new period at the same address (docs/links.md).

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_all, fetch_optional};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRow {
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub download_file_id: Uuid,
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub downloads_used: i64,
    pub download_cap: i64,
    pub revoked_at: Option<DateTime<Utc>>,
    pub partner_id: Uuid,
    pub customer_id: Uuid,
}

pub struct NewLink {
    /// The link's id, from which its token is derived (`KeyCipher::link_token`).
    pub id: Uuid,
    pub subscription_id: Uuid,
    pub download_file_id: Uuid,
    pub token_hash: String,
    pub created_by: Option<Uuid>,
    pub lifetime: Duration,
    pub cap: i64,
}

pub async fn insert<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    l: &NewLink,
) -> StoreResult<()> {
    execute!(c, sqlx::query(
        "INSERT INTO download_links (id, subscription_id, download_file_id, token_hash, created_by, created_at, \
           expires_at, downloads_used, download_cap) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)"
    )
    .bind(l.id)
    .bind(l.subscription_id)
    .bind(l.download_file_id)
    .bind(&l.token_hash)
    .bind(l.created_by)
    .bind(now)
    .bind(now + l.lifetime)
    .bind(l.cap))?;
    Ok(())
}

/// Makes the issuing of links to a purchase wait for any other under way,
/// so two presses of Copy link at once renew one link instead of making
/// two. SQLite's write transactions (`BEGIN IMMEDIATE`) are serial already.
pub async fn lock_subscription<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
) -> StoreResult<()> {
    let c: Conn<'_> = c.into();
    if c.is_pg() {
        execute!(
            c,
            sqlx::query("SELECT id FROM subscriptions WHERE id = $1 FOR UPDATE")
                .bind(subscription_id)
        )?;
    }
    Ok(())
}

/// A live link to one file of a purchase: its id and token hash.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveLink {
    pub id: Uuid,
    pub token_hash: String,
}

/// The links of this purchase to this file that work at `now`, newest first.
pub async fn live_to_file<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
    download_file_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Vec<LiveLink>> {
    fetch_all!(
        c,
        sqlx::query_as::<_, LiveLink>(
            "SELECT id, token_hash FROM download_links \
             WHERE subscription_id = $1 AND download_file_id = $2 AND revoked_at IS NULL \
             AND expires_at > $3 AND downloads_used < download_cap ORDER BY created_at DESC, id"
        )
        .bind(subscription_id)
        .bind(download_file_id)
        .bind(now)
    )
}

/// A new period for a live link: `lifetime` and `cap` from `now`, the
/// downloads so far kept apart; `false` if it stopped working meanwhile.
pub async fn renew<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    link_id: Uuid,
    lifetime: Duration,
    cap: i64,
    by: Uuid,
) -> StoreResult<bool> {
    let n = execute!(
        c,
        sqlx::query(
            "UPDATE download_links SET downloads_before = downloads_before + downloads_used, \
             downloads_used = 0, download_cap = $1, expires_at = $2, renewed_at = $3, renewed_by = $4 \
             WHERE id = $5 AND revoked_at IS NULL AND expires_at > $3 AND downloads_used < download_cap"
        )
        .bind(cap)
        .bind(now + lifetime)
        .bind(now)
        .bind(by)
        .bind(link_id)
    )?;
    Ok(n == 1)
}

/// A link as the purchase's page lists it, live or ended, with the names
/// of who made, renewed and revoked it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedLink {
    pub id: Uuid,
    pub file_name: String,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub renewed_at: Option<DateTime<Utc>>,
    pub renewed_by: Option<Uuid>,
    pub renewed_by_name: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub downloads_used: i64,
    pub download_cap: i64,
    pub downloads_before: i64,
    pub used_up_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_by_name: Option<String>,
}

/// Every link of a purchase, newest first. A purchase has a handful (one
/// live link per file, a new one only after the last ended), so all of
/// them are one short read on the subscription's index.
pub async fn of_subscription<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
) -> StoreResult<Vec<ListedLink>> {
    fetch_all!(
        c,
        sqlx::query_as::<_, ListedLink>(
            "SELECT l.id, f.file_name, l.token_hash, l.created_at, l.created_by, \
             cu.display_name AS created_by_name, l.renewed_at, l.renewed_by, \
             ru.display_name AS renewed_by_name, l.expires_at, l.downloads_used, l.download_cap, \
             l.downloads_before, l.used_up_at, l.revoked_at, vu.display_name AS revoked_by_name \
             FROM download_links l JOIN download_files f ON f.id = l.download_file_id \
             LEFT JOIN users cu ON cu.id = l.created_by LEFT JOIN users ru ON ru.id = l.renewed_by \
             LEFT JOIN users vu ON vu.id = l.revoked_by \
             WHERE l.subscription_id = $1 ORDER BY l.created_at DESC, l.id"
        )
        .bind(subscription_id)
    )
}

const LINK_COLUMNS: &str = "l.id, l.subscription_id, l.download_file_id, f.file_name, l.created_at, l.expires_at, \
     l.downloads_used, l.download_cap, l.revoked_at, s.partner_id, s.customer_id";

/// The link with this token hash, whatever its state.
pub async fn by_token<'c>(
    c: impl Into<Conn<'c>>,
    token_hash: &str,
) -> StoreResult<Option<LinkRow>> {
    let sql = format!(
        "SELECT {LINK_COLUMNS} FROM download_links l JOIN download_files f ON f.id = l.download_file_id \
         JOIN subscriptions s ON s.id = l.subscription_id \
         WHERE l.token_hash = $1"
    );
    fetch_optional!(
        c,
        sqlx::query_as::<_, LinkRow>(sqlx::AssertSqlSafe(sql.as_str())).bind(token_hash)
    )
}

/// Counts one download if the link is live and under its cap; `None` means
/// refused. The WHERE clause is the whole rule, checked and applied at once;
/// the download that reaches the cap also records when the link was used up.
pub async fn count_download<'c>(
    c: impl Into<Conn<'c>>,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<i64>> {
    fetch_optional!(c, sqlx::query_scalar(
        "UPDATE download_links SET downloads_used = downloads_used + 1, \
         used_up_at = CASE WHEN downloads_used + 1 >= download_cap THEN $1 ELSE used_up_at END \
         WHERE token_hash = $2 AND revoked_at IS NULL AND expires_at > $1 AND downloads_used < download_cap \
         RETURNING downloads_used"
    )
    .bind(now)
    .bind(token_hash))
}

/// Revokes a link of this subscription at once; `false` if there was none to revoke.
pub async fn revoke<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    subscription_id: Uuid,
    link_id: Uuid,
    by: Uuid,
) -> StoreResult<bool> {
    let n = execute!(
        c,
        sqlx::query(
            "UPDATE download_links SET revoked_at = $1, revoked_by = $2 \
         WHERE id = $3 AND subscription_id = $4 AND revoked_at IS NULL"
        )
        .bind(now)
        .bind(by)
        .bind(link_id)
        .bind(subscription_id)
    )?;
    Ok(n == 1)
}
