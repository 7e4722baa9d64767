//! Reading the Report a problem form: text fields, and attachments streamed
//! to the attachment store with per-file, total and type limits. The form as
//! a whole is bounded too (parts, each text field, all text, the body), and
//! refused with 413 as soon as it passes a limit, before reading further.
//! Uploaded names are kept only as labels, never used as paths.

use std::cell::Cell;
use std::collections::BTreeMap;

use actix_web::web::BytesMut;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::error::{AppError, AppResult};
use crate::files::FileStore;
use crate::routes::operator::catalog::human_size;
use crate::store::requests::NewAttachment;
use crate::web::upload_body::{LimitedBody, too_large};

pub const MAX_FILES: usize = 5;
pub const MAX_FILE_BYTES: i64 = 10 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: i64 = 25 * 1024 * 1024;
/// One text field.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// All text fields together: memory held for one form is bounded by this.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;
/// Parts in one form: its dozen text fields and files, with room to spare
/// (more files than [`MAX_FILES`] are still answered with a field message).
pub const MAX_PARTS: usize = 40;
/// The whole body: all files, one file past that (so it gets its own
/// message), and the text fields with their part headers.
pub const MAX_BODY_BYTES: u64 = (MAX_TOTAL_BYTES + MAX_FILE_BYTES) as u64 + 1024 * 1024;

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

/// The attachments written for a form not filed yet. Unless [`Written::keep`]
/// is called (once the request's transaction has committed), dropping it
/// deletes them: every other way out of the handler, a refusal, an error, an
/// aborted upload or a failed transaction, leaves nothing on disk.
pub struct Written {
    store: FileStore,
    files: Vec<NewAttachment>,
}

impl Written {
    pub fn files(&self) -> &[NewAttachment] {
        &self.files
    }

    /// The request naming these files is committed: they stay.
    pub fn keep(mut self) {
        self.files.clear();
    }
}

impl Drop for Written {
    fn drop(&mut self) {
        for a in &self.files {
            self.store.remove_now(&a.storage_name);
        }
    }
}

pub struct Upload {
    pub fields: BTreeMap<String, String>,
    pub stored: Written,
    /// Names of the files chosen, for re-showing a rejected form.
    pub chosen: Vec<String>,
    pub problems: Vec<UploadProblem>,
}

impl Upload {
    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// Reads the form within the limits above: files go to the store as they
/// arrive, text fields are kept (each and all together bounded).
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    store: &FileStore,
) -> AppResult<Upload> {
    let (mut form, body) = LimitedBody::open(req, payload, MAX_BODY_BYTES)?;
    let mut up = Upload {
        fields: BTreeMap::new(),
        stored: Written {
            store: store.clone(),
            files: Vec::new(),
        },
        chosen: Vec::new(),
        problems: Vec::new(),
    };
    let mut total: i64 = 0;
    let mut parts = 0;
    let mut text_bytes = 0;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| body.read_error())?;
        parts += 1;
        if parts > MAX_PARTS {
            return Err(too_large(
                "error-form-too-many-parts",
                "count",
                MAX_PARTS.to_string(),
            ));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        match filename {
            // The CSRF middleware has checked the token (the first part).
            _ if name == crate::web::csrf::FIELD => body.drain(&mut field).await?,
            Some(raw) if name == "files" => {
                let display = clean_name(&raw);
                if display.is_empty() {
                    // An empty file input sends a part with no name: nothing chosen.
                    body.drain(&mut field).await?;
                    continue;
                }
                up.chosen.push(display.clone());
                let Some(content_type) = content_type_of(&display) else {
                    up.problems.push(UploadProblem::WrongType(display));
                    body.drain(&mut field).await?;
                    continue;
                };
                if up.stored.files.len() >= MAX_FILES {
                    up.problems.push(UploadProblem::TooMany);
                    body.drain(&mut field).await?;
                    continue;
                }
                let limit = MAX_FILE_BYTES.min(MAX_TOTAL_BYTES - total);
                let read_failed = Cell::new(false);
                let chunks = (&mut field).inspect(|c| {
                    if c.is_err() {
                        read_failed.set(true);
                    }
                });
                let stored = match store.put_limited(chunks, limit).await {
                    Ok(s) => s,
                    Err(_) if read_failed.get() => return Err(body.read_error()),
                    Err(e) => {
                        return Err(AppError::Internal(anyhow::anyhow!(
                            "storing an attachment: {e}"
                        )));
                    }
                };
                match stored {
                    Some(s) => {
                        total += s.size_bytes;
                        up.stored.files.push(NewAttachment {
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
                let mut value = BytesMut::new();
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(|_| body.read_error())?;
                    if value.len() + chunk.len() > MAX_FIELD_BYTES {
                        return Err(too_large(
                            "error-form-field-too-large",
                            "limit",
                            human_size(MAX_FIELD_BYTES as i64),
                        ));
                    }
                    text_bytes += chunk.len();
                    if text_bytes > MAX_TEXT_BYTES {
                        return Err(too_large(
                            "error-form-text-too-large",
                            "limit",
                            human_size(MAX_TEXT_BYTES as i64),
                        ));
                    }
                    value.extend_from_slice(&chunk);
                }
                let value = String::from_utf8(value.to_vec()).map_err(|_| AppError::BadRequest)?;
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
