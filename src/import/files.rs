//! Download files (`files add` and the operator's file upload): the file is
//! streamed into the file store while its size and SHA-256 are computed,
//! then registered on its product's variant (made if new). A file of the
//! same name on the variant is replaced.

use chrono::{DateTime, Utc};

use super::Message;
use super::product::check_variant;
use crate::files::{FileStore, Stored};
use crate::store::Tx;
use crate::store::catalog::{self, NewFile, ProductRow, VariantSpec};

/// Longest name a file is downloaded as.
pub const NAME_MAX: usize = 255;

/// Why `file_name` cannot name a download, if it cannot: it becomes a
/// `Content-Disposition` file name, so no paths and no control characters.
pub fn check_name(file_name: &str) -> Option<Message> {
    let bad = file_name.trim().is_empty()
        || file_name.chars().count() > NAME_MAX
        || file_name.contains(['/', '\\'])
        || file_name.chars().any(char::is_control);
    bad.then(|| Message::new("files-error-name").num("max", NAME_MAX))
}

/// Every reason the file cannot be registered on `variant` of `product`.
pub fn check(product: &ProductRow, variant: &VariantSpec, file_name: &str) -> Vec<Message> {
    let mut problems = Vec::new();
    if !product.has_downloads {
        problems.push(Message::new("files-error-no-downloads").arg("product", &product.name));
    }
    problems.extend(check_variant(variant).into_iter().map(|p| p.message));
    problems.extend(check_name(file_name));
    problems
}

/// What registering a file did.
pub struct Registered {
    pub file_id: uuid::Uuid,
    /// The stored file a file of the same name had: the caller removes it
    /// once the transaction has committed.
    pub replaced: Option<String>,
}

/// Records a stored file on its variant (made if new) in the caller's
/// transaction; the caller has checked it ([`check`]).
pub async fn register(
    tx: &mut Tx,
    now: DateTime<Utc>,
    product: &ProductRow,
    variant: &VariantSpec,
    file_name: &str,
    stored: &Stored,
) -> anyhow::Result<Registered> {
    let variant_id = catalog::upsert_variant(&mut *tx, product.id, variant).await?;
    let (file_id, replaced) = catalog::upsert_file(
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
    Ok(Registered { file_id, replaced })
}

/// Checks, streams `reader` into the store and registers it, in the
/// caller's transaction (the demo data's files).
pub async fn add(
    tx: &mut Tx,
    files: &FileStore,
    now: DateTime<Utc>,
    product: &ProductRow,
    variant: &VariantSpec,
    file_name: &str,
    reader: impl tokio::io::AsyncRead + Unpin,
) -> anyhow::Result<Stored> {
    if let Some(problem) = check(product, variant, file_name).first() {
        anyhow::bail!("{}", problem.text(&crate::i18n::I18n::default()));
    }
    let stored = files.put(reader).await?;
    register(tx, now, product, variant, file_name, &stored).await?;
    Ok(stored)
}
