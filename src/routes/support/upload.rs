//! Reading the Report a problem form: text fields, and attachments streamed
//! to the attachment store with per-file, total and type limits. Uploaded
//! names are kept only as labels, never used as paths.

use std::collections::BTreeMap;

use actix_multipart::Multipart;
use futures_util::StreamExt;

use crate::error::{AppError, AppResult};
use crate::files::FileStore;
use crate::store::requests::NewAttachment;

pub const MAX_FILES: usize = 5;
pub const MAX_FILE_BYTES: i64 = 10 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: i64 = 25 * 1024 * 1024;
const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Allowed extensions and the type each is served with.
const TYPES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("txt", "text/plain"),
    ("log", "text/plain"),
    ("csv", "text/csv"),
    ("zip", "application/zip"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
];

pub fn allowed_extensions() -> String {
    TYPES.iter().map(|(e, _)| *e).collect::<Vec<_>>().join(", ")
}

/// A display name from whatever the browser sent: the last path segment,
/// without control characters, at most 100 characters.
pub fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().filter(|c| !c.is_control()).collect();
    let trimmed = cleaned.trim().trim_start_matches('.');
    trimmed.chars().take(100).collect()
}

fn content_type_of(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    TYPES.iter().find(|(e, _)| *e == ext).map(|(_, t)| *t)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadProblem {
    TooLarge(String),
    TooMuch,
    TooMany,
    WrongType(String),
}

pub struct Upload {
    pub fields: BTreeMap<String, String>,
    pub stored: Vec<NewAttachment>,
    /// Names of the files chosen, for re-showing a rejected form.
    pub chosen: Vec<String>,
    pub problems: Vec<UploadProblem>,
}

impl Upload {
    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// Deletes what was stored: the form was rejected.
    pub async fn discard(&self, store: &FileStore) {
        for a in &self.stored {
            store.remove(&a.storage_name).await;
        }
    }
}

/// Reads a part to its end without keeping it; stops at the first error.
async fn drain(field: &mut actix_multipart::Field) -> AppResult<()> {
    while let Some(chunk) = field.next().await {
        chunk.map_err(|_| AppError::BadRequest)?;
    }
    Ok(())
}

pub async fn read(mut form: Multipart, store: &FileStore) -> AppResult<Upload> {
    let mut up = Upload {
        fields: BTreeMap::new(),
        stored: Vec::new(),
        chosen: Vec::new(),
        problems: Vec::new(),
    };
    let mut total: i64 = 0;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest)?;
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        match filename {
            // The CSRF middleware has checked the token (the first part).
            _ if name == crate::web::csrf::FIELD => drain(&mut field).await?,
            Some(raw) if name == "files" => {
                let display = clean_name(&raw);
                if display.is_empty() {
                    // An empty file input sends a part with no name: nothing chosen.
                    while field.next().await.is_some() {}
                    continue;
                }
                up.chosen.push(display.clone());
                let Some(content_type) = content_type_of(&display) else {
                    up.problems.push(UploadProblem::WrongType(display));
                    while field.next().await.is_some() {}
                    continue;
                };
                if up.stored.len() >= MAX_FILES {
                    up.problems.push(UploadProblem::TooMany);
                    while field.next().await.is_some() {}
                    continue;
                }
                let limit = MAX_FILE_BYTES.min(MAX_TOTAL_BYTES - total);
                let stored = store.put_limited(&mut field, limit).await.map_err(|e| {
                    AppError::Internal(anyhow::anyhow!("storing an attachment: {e}"))
                })?;
                match stored {
                    Some(s) => {
                        total += s.size_bytes;
                        up.stored.push(NewAttachment {
                            original_name: display,
                            content_type: content_type.to_owned(),
                            size_bytes: s.size_bytes,
                            storage_name: s.storage_name,
                            sha256: s.sha256,
                        });
                    }
                    None if limit < MAX_FILE_BYTES => up.problems.push(UploadProblem::TooMuch),
                    None => up.problems.push(UploadProblem::TooLarge(display)),
                }
            }
            _ => {
                let bytes = field
                    .bytes(MAX_FIELD_BYTES)
                    .await
                    .map_err(|_| AppError::BadRequest)?;
                let bytes = bytes.map_err(|_| AppError::BadRequest)?;
                let value = String::from_utf8(bytes.to_vec()).map_err(|_| AppError::BadRequest)?;
                up.fields.insert(name, value);
            }
        }
    }
    Ok(up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_lose_their_paths() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\\\Users\\\\a\\\\report.pdf"), "report.pdf");
        assert_eq!(clean_name("..\\\\..\\\\x.png"), "x.png");
        assert_eq!(clean_name(".hidden"), "hidden");
        assert_eq!(clean_name("a\u{0}b.txt"), "ab.txt");
    }

    #[test]
    fn only_listed_types_are_taken() {
        assert_eq!(content_type_of("x.PDF"), Some("application/pdf"));
        assert_eq!(content_type_of("x.exe"), None);
        assert_eq!(content_type_of("noext"), None);
    }
}
