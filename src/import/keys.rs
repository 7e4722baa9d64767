//! `csp-portal keys import --product SKU FILE`: one key per line, in the
//! product's key format. Duplicates within the file or already in the store
//! are reported with their lines and nothing is written. Error messages never
//! repeat a key.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use secrecy::SecretString;

use super::{FileErrors, LineError};
use crate::crypto::KeyCipher;
use crate::domain::product::KeyFormat;
use crate::store::catalog::ProductRow;
use crate::store::keys::{self, EncryptedKey};
use crate::store::{Db, Tx};

/// Checks every line; returns the keys, normalised and encrypted.
pub async fn prepare(
    db: &Db,
    cipher: &KeyCipher,
    format: KeyFormat,
    text: &str,
) -> anyhow::Result<Vec<EncryptedKey>> {
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut found = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let Some(key) = format.normalise(raw) else {
            let want = match format {
                KeyFormat::Chars32 => "32 letters and digits (groups of 4 may be separated by '-')",
                KeyFormat::Chars25 => "25 letters and digits (groups of 5 may be separated by '-')",
            };
            errors.push(LineError {
                line,
                message: format!("not a product key of this product's format: {want}"),
            });
            continue;
        };
        let fp = cipher.fingerprint(&key);
        if let Some(first) = seen.insert(fp.clone(), line) {
            errors.push(LineError {
                line,
                message: format!("the same key as line {first}"),
            });
            continue;
        }
        found.push((line, key, fp));
    }
    let fingerprints: Vec<String> = found.iter().map(|(_, _, fp)| fp.clone()).collect();
    let existing = keys::existing_fingerprints(db, &fingerprints).await?;
    for (line, _, fp) in &found {
        if existing.contains(fp) {
            errors.push(LineError {
                line: *line,
                message: "this key is already in the inventory".into(),
            });
        }
    }
    if found.is_empty() && errors.is_empty() {
        errors.push(LineError {
            line: 1,
            message: "the file holds no keys".into(),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(FileErrors(errors).into());
    }
    found
        .into_iter()
        .map(|(_, key, fingerprint)| {
            let (ciphertext, nonce) = cipher.encrypt(&SecretString::from(key))?;
            Ok(EncryptedKey {
                ciphertext,
                nonce,
                fingerprint,
            })
        })
        .collect()
}

/// Loads the keys into the product's inventory in the caller's transaction.
pub async fn write(
    tx: &mut Tx,
    now: DateTime<Utc>,
    product: &ProductRow,
    keys: &[EncryptedKey],
) -> anyhow::Result<()> {
    anyhow::ensure!(product.has_keys, "{} has no product keys", product.name);
    keys::insert(tx, now, product.id, keys).await?;
    Ok(())
}

pub async fn import(
    db: &Db,
    cipher: &KeyCipher,
    now: DateTime<Utc>,
    product: &ProductRow,
    text: &str,
) -> anyhow::Result<usize> {
    anyhow::ensure!(product.has_keys, "{} has no product keys", product.name);
    let keys = prepare(db, cipher, product.key_format(), text).await?;
    let mut tx = db.begin().await?;
    write(&mut tx, now, product, &keys).await?;
    tx.commit().await?;
    Ok(keys.len())
}
