//! The catalog: products, their variants and download files, and where a
//! product may not be sold.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, execute, fetch_all, fetch_one, fetch_optional};
use crate::domain::product::{KeyFormat, Policy, ProductKind};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProductRow {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: String,
    pub term_months: Option<i64>,
    pub has_keys: bool,
    pub has_downloads: bool,
    pub key_format: String,
    pub unit_price_minor: i64,
    pub currency: String,
    pub cancel_window_days: i64,
    pub link_lifetime_days: i64,
    pub link_download_cap: i64,
    pub low_stock_at: i64,
}

impl ProductRow {
    pub fn kind(&self) -> ProductKind {
        self.kind.parse().unwrap_or(ProductKind::Perpetual)
    }
    pub fn key_format(&self) -> KeyFormat {
        self.key_format.parse().unwrap_or(KeyFormat::Chars32)
    }
    pub fn policy(&self) -> Policy {
        Policy {
            cancel_window_days: self.cancel_window_days,
            link_lifetime_days: self.link_lifetime_days,
            link_download_cap: self.link_download_cap,
        }
    }
}

const PRODUCT_COLUMNS: &str = "p.id, p.sku, p.name, p.family, p.kind, p.term_months, p.has_keys, \
     p.has_downloads, p.key_format, p.unit_price_minor, p.currency, p.cancel_window_days, \
     p.link_lifetime_days, p.link_download_cap, p.low_stock_at";

/// A product as the catalog file describes it.
#[derive(Debug, Clone)]
pub struct ProductSpec {
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: ProductKind,
    pub term_months: Option<i64>,
    pub has_keys: bool,
    pub has_downloads: bool,
    pub key_format: KeyFormat,
    pub unit_price_minor: i64,
    pub currency: String,
    pub policy: Policy,
    pub low_stock_at: i64,
    pub restricted_countries: Vec<String>,
    pub variants: Vec<VariantSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantSpec {
    pub version: String,
    pub language: String,
    pub bitness: String,
    pub file_type: String,
    pub os: String,
}

impl VariantSpec {
    /// "64-bit", or "ISO · Windows" for a variant by file type and system.
    pub fn platform(&self) -> String {
        if self.bitness.is_empty() {
            format!("{} · {}", self.file_type, self.os)
        } else {
            self.bitness.clone()
        }
    }

    /// "2022 · en-US · 64-bit", as the operator's pages name a variant.
    pub fn label(&self) -> String {
        format!("{} · {} · {}", self.version, self.language, self.platform())
    }
}

/// Inserts or updates a product by SKU (a catalog file's entry), replacing
/// its restricted countries and adding variants it did not have. Returns the
/// product id and whether it is new.
pub async fn upsert_product<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    p: &ProductSpec,
) -> StoreResult<(Uuid, bool)> {
    let mut c: Conn<'_> = c.into();
    let existing: Option<Uuid> = fetch_optional!(
        &mut c,
        sqlx::query_scalar("SELECT id FROM products WHERE sku = $1").bind(&p.sku)
    )?;
    Ok(match existing {
        Some(id) => {
            update_product(&mut c, now, id, p).await?;
            (id, false)
        }
        None => (insert_product(&mut c, now, p).await?, true),
    })
}

/// Adds a new product with its countries and variants; a SKU in use is
/// `StoreError::Duplicate`.
pub async fn insert_product<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    p: &ProductSpec,
) -> StoreResult<Uuid> {
    let mut c: Conn<'_> = c.into();
    let id = Uuid::new_v4();
    execute!(&mut c, sqlx::query(
        "INSERT INTO products (id, sku, name, family, kind, term_months, has_keys, has_downloads, key_format, \
           unit_price_minor, currency, cancel_window_days, link_lifetime_days, link_download_cap, low_stock_at, \
           created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)"
    )
    .bind(id)
    .bind(&p.sku)
    .bind(&p.name)
    .bind(&p.family)
    .bind(p.kind.as_str())
    .bind(p.term_months)
    .bind(p.has_keys)
    .bind(p.has_downloads)
    .bind(p.key_format.as_str())
    .bind(p.unit_price_minor)
    .bind(&p.currency)
    .bind(p.policy.cancel_window_days)
    .bind(p.policy.link_lifetime_days)
    .bind(p.policy.link_download_cap)
    .bind(p.low_stock_at)
    .bind(now))?;
    countries_and_variants(&mut c, id, p).await?;
    Ok(id)
}

/// Changes product `id` to `p` (all but its SKU, which names it to the
/// command line), replacing its countries and adding `p`'s new variants.
pub async fn update_product<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    id: Uuid,
    p: &ProductSpec,
) -> StoreResult<()> {
    let mut c: Conn<'_> = c.into();
    execute!(&mut c, sqlx::query(
        "UPDATE products SET name = $2, family = $3, kind = $4, term_months = $5, has_keys = $6, \
           has_downloads = $7, key_format = $8, unit_price_minor = $9, currency = $10, cancel_window_days = $11, \
           link_lifetime_days = $12, link_download_cap = $13, low_stock_at = $14, updated_at = $15 WHERE id = $1"
    )
    .bind(id)
    .bind(&p.name)
    .bind(&p.family)
    .bind(p.kind.as_str())
    .bind(p.term_months)
    .bind(p.has_keys)
    .bind(p.has_downloads)
    .bind(p.key_format.as_str())
    .bind(p.unit_price_minor)
    .bind(&p.currency)
    .bind(p.policy.cancel_window_days)
    .bind(p.policy.link_lifetime_days)
    .bind(p.policy.link_download_cap)
    .bind(p.low_stock_at)
    .bind(now))?;
    countries_and_variants(&mut c, id, p).await
}

async fn countries_and_variants(c: &mut Conn<'_>, id: Uuid, p: &ProductSpec) -> StoreResult<()> {
    execute!(
        &mut *c,
        sqlx::query("DELETE FROM product_restricted_countries WHERE product_id = $1").bind(id)
    )?;
    for country in &p.restricted_countries {
        execute!(
            &mut *c,
            sqlx::query(
                "INSERT INTO product_restricted_countries (product_id, country) VALUES ($1, $2)"
            )
            .bind(id)
            .bind(country)
        )?;
    }
    for v in &p.variants {
        upsert_variant(&mut *c, id, v).await?;
    }
    Ok(())
}

/// The variant's id, creating it if it does not exist.
pub async fn upsert_variant<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
    v: &VariantSpec,
) -> StoreResult<Uuid> {
    let mut c: Conn<'_> = c.into();
    execute!(
        &mut c,
        sqlx::query(
            "INSERT INTO variants (id, product_id, version, language, bitness, file_type, os) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (product_id, version, language, bitness, file_type, os) DO NOTHING"
        )
        .bind(Uuid::new_v4())
        .bind(product_id)
        .bind(&v.version)
        .bind(&v.language)
        .bind(&v.bitness)
        .bind(&v.file_type)
        .bind(&v.os)
    )?;
    fetch_one!(
        &mut c,
        sqlx::query_scalar(
            "SELECT id FROM variants WHERE product_id = $1 AND version = $2 AND language = $3 \
         AND bitness = $4 AND file_type = $5 AND os = $6"
        )
        .bind(product_id)
        .bind(&v.version)
        .bind(&v.language)
        .bind(&v.bitness)
        .bind(&v.file_type)
        .bind(&v.os)
    )
}

pub struct NewFile<'a> {
    pub variant_id: Uuid,
    pub file_name: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub storage_name: &'a str,
}

/// Registers a download file; a file of the same name on the variant is
/// replaced (its id, and so its links, stay). Returns the file's id and the
/// storage name of the file it replaced.
pub async fn upsert_file<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    f: &NewFile<'_>,
) -> StoreResult<(Uuid, Option<String>)> {
    let mut c: Conn<'_> = c.into();
    let before: Option<(Uuid, String)> = fetch_optional!(
        &mut c,
        sqlx::query_as(
            "SELECT id, storage_name FROM download_files WHERE variant_id = $1 AND file_name = $2"
        )
        .bind(f.variant_id)
        .bind(f.file_name)
    )?;
    let id = before.as_ref().map(|b| b.0).unwrap_or_else(Uuid::new_v4);
    execute!(&mut c, sqlx::query(
        "INSERT INTO download_files (id, variant_id, file_name, size_bytes, sha256, storage_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (variant_id, file_name) DO UPDATE SET \
         size_bytes = $4, sha256 = $5, storage_name = $6, created_at = $7"
    )
    .bind(id)
    .bind(f.variant_id)
    .bind(f.file_name)
    .bind(f.size_bytes)
    .bind(f.sha256)
    .bind(f.storage_name)
    .bind(now))?;
    Ok((id, before.map(|b| b.1)))
}

pub async fn product_by_sku<'c>(
    c: impl Into<Conn<'c>>,
    sku: &str,
) -> StoreResult<Option<ProductRow>> {
    let sql = format!("SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.sku = $1");
    fetch_optional!(
        c,
        sqlx::query_as::<_, ProductRow>(sqlx::AssertSqlSafe(sql.as_str())).bind(sku)
    )
}

pub async fn product<'c>(c: impl Into<Conn<'c>>, id: Uuid) -> StoreResult<Option<ProductRow>> {
    let sql = format!("SELECT {PRODUCT_COLUMNS} FROM products p WHERE p.id = $1");
    fetch_optional!(
        c,
        sqlx::query_as::<_, ProductRow>(sqlx::AssertSqlSafe(sql.as_str())).bind(id)
    )
}

/// Products that may be sold in `country`, by family and name.
pub async fn sellable_in<'c>(
    c: impl Into<Conn<'c>>,
    country: &str,
) -> StoreResult<Vec<ProductRow>> {
    let sql = format!(
        "SELECT {PRODUCT_COLUMNS} FROM products p WHERE NOT EXISTS \
         (SELECT 1 FROM product_restricted_countries r WHERE r.product_id = p.id AND r.country = $1) \
         ORDER BY p.family, p.name"
    );
    fetch_all!(
        c,
        sqlx::query_as::<_, ProductRow>(sqlx::AssertSqlSafe(sql.as_str())).bind(country)
    )
}

pub async fn restricted_in<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
    country: &str,
) -> StoreResult<bool> {
    let n: i64 = fetch_one!(c, sqlx::query_scalar(
        "SELECT COUNT(*) FROM product_restricted_countries WHERE product_id = $1 AND country = $2"
    )
    .bind(product_id)
    .bind(country))?;
    Ok(n > 0)
}

/// A product line of the operator's catalog page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StockRow {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: String,
    pub has_keys: bool,
    pub unit_price_minor: i64,
    pub currency: String,
    pub low_stock_at: i64,
    pub variants: i64,
    pub files: i64,
    pub keys_left: i64,
    pub restricted: i64,
}

pub async fn stock<'c>(c: impl Into<Conn<'c>>) -> StoreResult<Vec<StockRow>> {
    fetch_all!(
        c,
        sqlx::query_as::<_, StockRow>(
            "SELECT p.id, p.sku, p.name, p.family, p.kind, p.has_keys, p.unit_price_minor, p.currency, p.low_stock_at, \
           (SELECT COUNT(*) FROM variants v WHERE v.product_id = p.id) AS variants, \
           (SELECT COUNT(*) FROM download_files f JOIN variants v ON v.id = f.variant_id WHERE v.product_id = p.id) AS files, \
           (SELECT COUNT(*) FROM product_keys k WHERE k.product_id = p.id AND k.subscription_id IS NULL AND k.revoked_at IS NULL) AS keys_left, \
           (SELECT COUNT(*) FROM product_restricted_countries r WHERE r.product_id = p.id) AS restricted \
         FROM products p ORDER BY p.family, p.name"
        )
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: Uuid,
    pub variant_id: Uuid,
    pub version: String,
    pub language: String,
    pub bitness: String,
    pub file_type: String,
    pub os: String,
    pub file_name: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
}

/// Every variant of a product with its files (a variant without files shows once).
pub async fn variants_with_files<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
) -> StoreResult<Vec<FileRow>> {
    fetch_all!(c, sqlx::query_as::<_, FileRow>(
        "SELECT COALESCE(f.id, v.id) AS id, v.id AS variant_id, v.version, v.language, v.bitness, v.file_type, v.os, \
           f.file_name, f.size_bytes, f.sha256 \
         FROM variants v LEFT JOIN download_files f ON f.variant_id = v.id \
         WHERE v.product_id = $1 ORDER BY v.version, v.language, v.bitness, v.file_type, v.os, f.file_name"
    )
    .bind(product_id))
}

pub async fn restricted_countries<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
) -> StoreResult<Vec<String>> {
    fetch_all!(c, sqlx::query_scalar(
        "SELECT country FROM product_restricted_countries WHERE product_id = $1 ORDER BY country"
    )
    .bind(product_id))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VariantRow {
    pub id: Uuid,
    pub version: String,
    pub language: String,
    pub bitness: String,
    pub file_type: String,
    pub os: String,
}

impl VariantRow {
    pub fn spec(&self) -> VariantSpec {
        VariantSpec {
            version: self.version.clone(),
            language: self.language.clone(),
            bitness: self.bitness.clone(),
            file_type: self.file_type.clone(),
            os: self.os.clone(),
        }
    }
}

/// A product's variants, in the order its page lists them.
pub async fn variants_of<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
) -> StoreResult<Vec<VariantRow>> {
    fetch_all!(c, sqlx::query_as::<_, VariantRow>(
        "SELECT id, version, language, bitness, file_type, os FROM variants WHERE product_id = $1 \
         ORDER BY version, language, bitness, file_type, os"
    )
    .bind(product_id))
}

/// One variant of a product (none if it belongs to another).
pub async fn variant<'c>(
    c: impl Into<Conn<'c>>,
    product_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<VariantRow>> {
    fetch_optional!(c, sqlx::query_as::<_, VariantRow>(
        "SELECT id, version, language, bitness, file_type, os FROM variants WHERE product_id = $1 AND id = $2"
    )
    .bind(product_id)
    .bind(id))
}

/// How many variants a product has.
pub async fn variant_count<'c>(c: impl Into<Conn<'c>>, product_id: Uuid) -> StoreResult<i64> {
    fetch_one!(
        c,
        sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE product_id = $1").bind(product_id)
    )
}
