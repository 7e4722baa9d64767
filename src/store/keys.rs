//! The key inventory. Keys are stored encrypted; the fingerprint finds
//! duplicates, and a key is taken by one conditional statement.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_one, fetch_optional, on_conn};

pub struct EncryptedKey {
    pub ciphertext: Vec<u8>,
    pub nonce: Vec<u8>,
    pub fingerprint: String,
}

/// Which of these fingerprints the store already holds.
pub async fn existing_fingerprints<'c>(
    c: impl Into<Conn<'c>>,
    fingerprints: &[String],
) -> StoreResult<Vec<String>> {
    let mut c: Conn<'_> = c.into();
    let mut found = Vec::new();
    for chunk in fingerprints.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT key_fingerprint FROM product_keys WHERE key_fingerprint IN ({})",
            placeholders.join(", ")
        );
        let rows: Vec<String> = on_conn!(&mut c, |p| {
            let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.as_str()));
            for f in chunk {
                q = q.bind(f);
            }
            q.fetch_all(p).await
        })?;
        found.extend(rows);
    }
    Ok(found)
}

/// Adds keys to a product's inventory, many rows per statement.
pub async fn insert<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    product_id: Uuid,
    keys: &[EncryptedKey],
) -> StoreResult<()> {
    let mut c: Conn<'_> = c.into();
    for chunk in keys.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = i * 5;
                format!(
                    "(${}, $1, ${}, ${}, ${}, ${})",
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO product_keys (id, product_id, key_ciphertext, key_nonce, key_fingerprint, created_at) VALUES {}",
            rows.join(", ")
        );
        on_conn!(&mut c, |c| {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str())).bind(product_id);
            for k in chunk {
                q = q
                    .bind(Uuid::new_v4())
                    .bind(&k.ciphertext)
                    .bind(&k.nonce)
                    .bind(&k.fingerprint)
                    .bind(now);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Taking a free key of a product (`$2`) for a purchase (`$1`), on
/// PostgreSQL (`pg`) or SQLite: [`take`]'s statement, public for a look at
/// its plan. The free keys are read from `product_keys_available`, which
/// holds a product's free keys only (migration 0031).
pub fn take_statement(pg: bool) -> &'static str {
    if pg {
        "UPDATE product_keys SET subscription_id = $1 WHERE id = (SELECT id FROM product_keys \
         WHERE product_id = $2 AND subscription_id IS NULL AND revoked_at IS NULL LIMIT 1 \
         FOR UPDATE SKIP LOCKED) AND subscription_id IS NULL"
    } else {
        "UPDATE product_keys SET subscription_id = $1 WHERE id = (SELECT id FROM product_keys \
         WHERE product_id = $2 AND subscription_id IS NULL AND revoked_at IS NULL LIMIT 1) \
         AND subscription_id IS NULL"
    }
}

/// Assigns a free key of the product to the subscription, inside the order's
/// transaction. `false` means none is left. On PostgreSQL, SKIP LOCKED lets
/// concurrent orders take different keys instead of queueing on one row;
/// SQLite's write transactions are serial already.
pub async fn take<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
    subscription_id: Uuid,
) -> StoreResult<bool> {
    let c: Conn<'_> = c.into();
    let sql = take_statement(c.is_pg());
    let n = execute!(c, sqlx::query(sql).bind(subscription_id).bind(product_id))?;
    Ok(n == 1)
}

/// [`free_count`]'s statement.
pub const FREE_COUNT: &str = "SELECT COUNT(*) FROM product_keys \
     WHERE product_id = $1 AND subscription_id IS NULL AND revoked_at IS NULL";

/// How many free keys a product has.
pub async fn free_count<'c>(c: impl Into<Conn<'c>>, product_id: Uuid) -> StoreResult<i64> {
    fetch_one!(c, sqlx::query_scalar(FREE_COUNT).bind(product_id))
}

/// The encrypted key assigned to a subscription, unless revoked.
pub async fn for_subscription<'c>(
    c: impl Into<Conn<'c>>,
    subscription_id: Uuid,
) -> StoreResult<Option<(Vec<u8>, Vec<u8>)>> {
    fetch_optional!(c, sqlx::query_as::<_, (Vec<u8>, Vec<u8>)>(
        "SELECT key_ciphertext, key_nonce FROM product_keys WHERE subscription_id = $1 AND revoked_at IS NULL"
    )
    .bind(subscription_id))
}
