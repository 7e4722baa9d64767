//! `csp-portal files add`: registers a download file for a product variant,
//! copying it into the file store while computing its size and SHA-256.

use chrono::{DateTime, Utc};

use crate::files::{FileStore, Stored};
use crate::store::catalog::{self, NewFile, ProductRow, VariantSpec};
use crate::store::{Db, Tx};

/// Streams `reader` into the store, then records the file on its variant
/// (made if new) in the caller's transaction.
pub async fn add(
    tx: &mut Tx,
    files: &FileStore,
    now: DateTime<Utc>,
    product: &ProductRow,
    variant: &VariantSpec,
    file_name: &str,
    reader: impl tokio::io::AsyncRead + Unpin,
) -> anyhow::Result<Stored> {
    anyhow::ensure!(product.has_downloads, "{} has no downloads", product.name);
    anyhow::ensure!(
        !file_name.is_empty()
            && !file_name.contains(['/', '\\'])
            && !file_name.chars().any(char::is_control),
        "the file name must not contain path separators"
    );
    let stored = files.put(reader).await?;
    let variant_id = catalog::upsert_variant(&mut *tx, product.id, variant).await?;
    catalog::upsert_file(
        tx,
        now,
        &NewFile {
            variant_id,
            file_name,
            size_bytes: stored.size_bytes,
            sha256: &stored.sha256,
            storage_name: &stored.storage_name,
        },
    )
    .await?;
    Ok(stored)
}

pub async fn add_path(
    db: &Db,
    files: &FileStore,
    now: DateTime<Utc>,
    product: &ProductRow,
    variant: &VariantSpec,
    path: &std::path::Path,
    file_name: Option<&str>,
) -> anyhow::Result<Stored> {
    let name = match file_name {
        Some(n) => n.to_owned(),
        None => path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| anyhow::anyhow!("{} has no usable file name", path.display()))?
            .to_owned(),
    };
    let reader = tokio::fs::File::open(path).await?;
    let mut tx = db.begin().await?;
    let stored = add(&mut tx, files, now, product, variant, &name, reader).await?;
    tx.commit().await?;
    Ok(stored)
}
