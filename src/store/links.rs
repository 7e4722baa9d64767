//! Download links. Using one is a single conditional UPDATE, so the cap holds
//! under any number of concurrent downloads on both stores.

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
) -> StoreResult<Uuid> {
    let id = Uuid::new_v4();
    execute!(c, sqlx::query(
        "INSERT INTO download_links (id, subscription_id, download_file_id, token_hash, created_by, created_at, \
           expires_at, downloads_used, download_cap) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)"
    )
    .bind(id)
    .bind(l.subscription_id)
    .bind(l.download_file_id)
    .bind(&l.token_hash)
    .bind(l.created_by)
    .bind(now)
    .bind(now + l.lifetime)
    .bind(l.cap))?;
    Ok(id)
}

const LINK_COLUMNS: &str = "l.id, l.subscription_id, l.download_file_id, f.file_name, l.created_at, l.expires_at, \
     l.downloads_used, l.download_cap, l.revoked_at, s.partner_id, s.customer_id";

/// The links of a subscription that still work at `now`, newest first.
pub async fn live_for_subscription<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<Vec<LinkRow>> {
    let sql = format!(
        "SELECT {LINK_COLUMNS} FROM download_links l JOIN download_files f ON f.id = l.download_file_id \
         JOIN subscriptions s ON s.id = l.subscription_id \
         WHERE l.subscription_id = $1 AND l.revoked_at IS NULL AND l.expires_at > $2 AND l.downloads_used < l.download_cap \
         ORDER BY l.created_at DESC, l.id"
    );
    fetch_all!(
        c,
        sqlx::query_as::<_, LinkRow>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(subscription_id)
            .bind(now)
    )
}

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
/// refused. The WHERE clause is the whole rule, checked and applied at once.
pub async fn count_download<'c>(
    c: impl Into<Conn<'c>>,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<i64>> {
    fetch_optional!(c, sqlx::query_scalar(
        "UPDATE download_links SET downloads_used = downloads_used + 1 \
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND downloads_used < download_cap \
         RETURNING downloads_used"
    )
    .bind(token_hash)
    .bind(now))
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
