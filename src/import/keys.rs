//! Product keys, one per line in the product's key format (`keys import`
//! and the operator's key upload). Duplicates within the file or already in
//! the store are reported with their lines and nothing is written. No
//! message ever repeats a key.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use secrecy::SecretString;

use super::{FileErrors, LineError, Message};
use crate::crypto::KeyCipher;
use crate::domain::product::KeyFormat;
use crate::store::catalog::ProductRow;
use crate::store::keys::{self, EncryptedKey};
use crate::store::{Db, Tx};

/// Checks every line; returns the keys, normalised and encrypted, or every
/// problem found (the outer error is the store's or the cipher's).
pub async fn prepare(
    db: &Db,
    cipher: &KeyCipher,
    format: KeyFormat,
    text: &str,
) -> anyhow::Result<Result<Vec<EncryptedKey>, FileErrors>> {
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
            errors.push(LineError {
                line,
                message: Message::new(match format {
                    KeyFormat::Chars32 => "keys-error-format-32",
                    KeyFormat::Chars25 => "keys-error-format-25",
                }),
            });
            continue;
        };
        let fp = cipher.fingerprint(&key);
        if let Some(first) = seen.insert(fp.clone(), line) {
            errors.push(LineError {
                line,
                message: Message::new("keys-error-repeated").num("first", first),
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
                message: Message::new("keys-error-known"),
            });
        }
    }
    if found.is_empty() && errors.is_empty() {
        errors.push(LineError {
            line: 1,
            message: Message::new("keys-error-empty"),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Ok(Err(FileErrors(errors)));
    }
    let keys = found
        .into_iter()
        .map(|(_, key, fingerprint)| {
            let (ciphertext, nonce) = cipher.encrypt(&SecretString::from(key))?;
            Ok(EncryptedKey {
                ciphertext,
                nonce,
                fingerprint,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Ok(keys))
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
