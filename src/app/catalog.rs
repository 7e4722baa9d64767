//! The operator's catalog tools, on the web and on the command line alike:
//! products created or changed, keys loaded, download files added. The
//! checks are `import`'s; each change is one transaction with its audit
//! event, which never holds a key.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{Actor, On};
use crate::crypto::KeyCipher;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::files::{FileStore, Stored};
use crate::import::{FileErrors, Message};
use crate::store::audit::{self, NewEvent};
use crate::store::catalog::{self, ProductRow, ProductSpec, VariantSpec};
use crate::store::{Db, StoreError, Tx};

/// Who changes the catalog: an operator on the web, or someone at the
/// server's command line (no user: the event says so).
#[derive(Clone, Copy)]
pub enum By<'a> {
    Operator(&'a Actor),
    CommandLine,
}

impl By<'_> {
    fn event(&self, action: Action, on: On, detail: Value) -> NewEvent {
        match self {
            By::Operator(actor) => actor.event(action, on, detail),
            By::CommandLine => {
                let mut detail = detail;
                if let Some(map) = detail.as_object_mut() {
                    map.insert("via".into(), "command line".into());
                }
                NewEvent {
                    subject_type: on.subject.map(|s| s.0),
                    subject_id: on.subject.map(|s| s.1),
                    detail,
                    ..NewEvent::of(action)
                }
            }
        }
    }
}

pub enum Saved {
    Created(Uuid),
    Updated(Uuid),
    /// Another product has this SKU.
    SkuTaken,
}

/// Adds a product (checked by `import::product::check`).
pub async fn create_product(
    db: &Db,
    now: DateTime<Utc>,
    by: By<'_>,
    spec: &ProductSpec,
) -> AppResult<Saved> {
    let mut tx = db.begin().await?;
    match save(&mut tx, now, by, None, spec).await {
        Ok(id) => {
            tx.commit().await?;
            Ok(Saved::Created(id))
        }
        Err(StoreError::Duplicate(_)) => Ok(Saved::SkuTaken),
        Err(e) => Err(e.into()),
    }
}

/// Changes `product` to `spec` (its SKU stays).
pub async fn update_product(
    db: &Db,
    now: DateTime<Utc>,
    by: By<'_>,
    product: &ProductRow,
    spec: &ProductSpec,
) -> AppResult<Saved> {
    let mut tx = db.begin().await?;
    let id = save(&mut tx, now, by, Some(product), spec).await?;
    tx.commit().await?;
    Ok(Saved::Updated(id))
}

/// Loads a checked catalog file (`import::catalog::parse`): each product
/// added or updated by SKU, all in one transaction. Returns how many.
pub async fn import_catalog(
    db: &Db,
    now: DateTime<Utc>,
    by: By<'_>,
    specs: &[ProductSpec],
) -> AppResult<usize> {
    let mut tx = db.begin().await?;
    for spec in specs {
        let before = catalog::product_by_sku(&mut tx, &spec.sku).await?;
        save(&mut tx, now, by, before.as_ref(), spec).await?;
    }
    tx.commit().await?;
    Ok(specs.len())
}

/// Writes the product and its event: an insert when there is no `before`,
/// else an update whose event lists what changed (none if nothing did).
async fn save(
    tx: &mut Tx,
    now: DateTime<Utc>,
    by: By<'_>,
    before: Option<&ProductRow>,
    spec: &ProductSpec,
) -> Result<Uuid, StoreError> {
    let (id, action, mut detail) = match before {
        None => (
            catalog::insert_product(&mut *tx, now, spec).await?,
            Action::ProductCreated,
            json!({ "sku": spec.sku, "name": spec.name }),
        ),
        Some(old) => {
            let countries = catalog::restricted_countries(&mut *tx, old.id).await?;
            let variants = catalog::variant_count(&mut *tx, old.id).await?;
            catalog::update_product(&mut *tx, now, old.id, spec).await?;
            let added = catalog::variant_count(&mut *tx, old.id).await? - variants;
            let changes = changes(old, &countries, spec);
            // A catalog file loaded again changes nothing: nothing to log.
            if changes.is_empty() && added == 0 {
                return Ok(old.id);
            }
            let mut detail = json!({
                "sku": old.sku,
                "name": spec.name,
                "changes": changes,
            });
            if added > 0
                && let Some(map) = detail.as_object_mut()
            {
                map.insert("variants_added".into(), added.into());
            }
            (old.id, Action::ProductUpdated, detail)
        }
    };
    if before.is_none()
        && let Some(map) = detail.as_object_mut()
    {
        map.insert("variants".into(), spec.variants.len().into());
    }
    audit::record(
        &mut *tx,
        now,
        &by.event(action, On::subject("product", id), detail),
    )
    .await?;
    Ok(id)
}

/// `{ field: { "from": old, "to": new } }` for each field `spec` changes.
fn changes(old: &ProductRow, countries: &[String], spec: &ProductSpec) -> Map<String, Value> {
    let pairs: [(&str, Value, Value); 14] = [
        ("name", json!(old.name), json!(spec.name)),
        ("family", json!(old.family), json!(spec.family)),
        ("kind", json!(old.kind), json!(spec.kind.as_str())),
        (
            "term_months",
            json!(old.term_months),
            json!(spec.term_months),
        ),
        ("keys", json!(old.has_keys), json!(spec.has_keys)),
        (
            "downloads",
            json!(old.has_downloads),
            json!(spec.has_downloads),
        ),
        (
            "key_format",
            json!(old.key_format),
            json!(spec.key_format.as_str()),
        ),
        (
            "unit_price_minor",
            json!(old.unit_price_minor),
            json!(spec.unit_price_minor),
        ),
        ("currency", json!(old.currency), json!(spec.currency)),
        (
            "restricted_countries",
            json!(countries),
            json!(spec.restricted_countries),
        ),
        (
            "low_stock_at",
            json!(old.low_stock_at),
            json!(spec.low_stock_at),
        ),
        (
            "cancel_window_days",
            json!(old.cancel_window_days),
            json!(spec.policy.cancel_window_days),
        ),
        (
            "link_lifetime_days",
            json!(old.link_lifetime_days),
            json!(spec.policy.link_lifetime_days),
        ),
        (
            "link_download_cap",
            json!(old.link_download_cap),
            json!(spec.policy.link_download_cap),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| (field.to_owned(), json!({ "from": from, "to": to })))
        .collect()
}

/// Loads the keys of a key file into `product`'s inventory, or reports every
/// bad line and loads none. The event counts the keys; it never names one.
pub async fn add_keys(
    db: &Db,
    cipher: &KeyCipher,
    now: DateTime<Utc>,
    by: By<'_>,
    product: &ProductRow,
    text: &str,
) -> AppResult<Result<usize, FileErrors>> {
    let format = product.key_format();
    let keys = match crate::import::keys::prepare(db, cipher, format, text)
        .await
        .map_err(failed)?
    {
        Ok(keys) => keys,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut tx = db.begin().await?;
    let written = crate::import::keys::write(&mut tx, now, product, &keys).await;
    if let Err(e) = written {
        drop(tx);
        // The same keys loaded by someone else since the check: say which.
        if let Some(StoreError::Duplicate(_)) = e.downcast_ref::<StoreError>()
            && let Err(errors) = crate::import::keys::prepare(db, cipher, format, text)
                .await
                .map_err(failed)?
        {
            return Ok(Err(errors));
        }
        return Err(failed(e));
    }
    audit::record(
        &mut tx,
        now,
        &by.event(
            Action::KeysAdded,
            On::subject("product", product.id),
            json!({ "sku": product.sku, "name": product.name, "count": keys.len() }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(keys.len()))
}

/// An error of the import code: the store's keeps its meaning (down is a
/// 503), anything else is unexpected.
fn failed(e: anyhow::Error) -> AppError {
    match e.downcast::<StoreError>() {
        Ok(store) => store.into(),
        Err(other) => AppError::Internal(other),
    }
}

/// A file just put in the store, removed again unless [`Upload::keep`] is
/// called once the transaction that names it has committed: a refused or
/// failed upload leaves nothing behind.
pub struct Upload {
    files: FileStore,
    stored: Stored,
    kept: bool,
}

impl Upload {
    pub fn new(files: &FileStore, stored: Stored) -> Upload {
        Upload {
            files: files.clone(),
            stored,
            kept: false,
        }
    }

    fn keep(mut self) -> Stored {
        self.kept = true;
        self.stored.clone()
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        if !self.kept {
            self.files.remove_now(&self.stored.storage_name);
        }
    }
}

/// What adding a download file did.
pub struct FileAdded {
    pub file_id: Uuid,
    pub stored: Stored,
}

/// Registers an uploaded file as `file_name` on `variant` of `product` (made
/// if new), replacing a file of that name, or says why not (and removes it).
pub async fn add_file(
    db: &Db,
    now: DateTime<Utc>,
    by: By<'_>,
    product: &ProductRow,
    variant: &VariantSpec,
    file_name: &str,
    upload: Upload,
) -> AppResult<Result<FileAdded, Vec<Message>>> {
    let problems = crate::import::files::check(product, variant, file_name);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let stored = &upload.stored;
    let mut tx = db.begin().await?;
    let registered =
        crate::import::files::register(&mut tx, now, product, variant, file_name, stored)
            .await
            .map_err(failed)?;
    audit::record(
        &mut tx,
        now,
        &by.event(
            Action::DownloadFileAdded,
            On::subject("download_file", registered.file_id),
            json!({
                "sku": product.sku,
                "name": product.name,
                "file_name": file_name,
                "version": variant.version,
                "language": variant.language,
                "platform": variant.platform(),
                "size_bytes": stored.size_bytes,
                "sha256": stored.sha256,
                "replaced": registered.replaced.is_some(),
            }),
        ),
    )
    .await?;
    tx.commit().await?;
    let files = upload.files.clone();
    let stored = upload.keep();
    // Links point at the file's row, which stays: only the old bytes go.
    if let Some(old) = registered.replaced {
        files.remove_now(&old);
    }
    Ok(Ok(FileAdded {
        file_id: registered.file_id,
        stored,
    }))
}
