//! Reading the operator's upload forms: a few short text fields and one
//! file, either held in memory (a key file: keys never reach the disk in
//! the clear, nor a log) or streamed into the file store (a download file:
//! any size passes through a small buffer and is hashed as it goes). Past
//! the body's limit the form is refused unread with 413; a file past its own
//! limit becomes a message on the form.

use std::cell::Cell;

use actix_multipart::Field;
use actix_web::web::BytesMut;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use secrecy::SecretString;

use crate::app::catalog::Upload;
use crate::error::{AppError, AppResult};
use crate::files::FileStore;
use crate::routes::human_size;
use crate::routes::support::upload::clean_name;
use crate::web::upload_body::{LimitedBody, too_large};

/// One text field; the forms' fields are short.
const MAX_FIELD_BYTES: usize = 4 * 1024;
/// Parts in one form: its handful of fields with room to spare.
const MAX_PARTS: usize = 16;
/// What the body may hold beyond the file: the text parts and part headers.
const SLACK_BYTES: u64 = 256 * 1024;

/// Where the file part goes.
pub enum Sink<'a> {
    /// Held in memory, as text, up to `limit` bytes; the body may be up to
    /// `body_limit`, so that a file somewhat too large still gets the form
    /// back with a message.
    Text { limit: usize, body_limit: u64 },
    /// Streamed into the file store, up to `limit` bytes.
    Store { files: &'a FileStore, limit: i64 },
}

impl Sink<'_> {
    fn body_limit(&self) -> u64 {
        match self {
            Sink::Text { body_limit, .. } => *body_limit,
            Sink::Store { limit, .. } => u64::try_from(*limit).unwrap_or(0) + SLACK_BYTES,
        }
    }
}

/// The file the form carried.
pub enum Received {
    /// No file was chosen.
    Nothing,
    /// The file was past its limit (and is not kept).
    TooLarge,
    /// A text file that is not UTF-8.
    NotText,
    Text {
        text: SecretString,
    },
    Stored {
        name: String,
        upload: Upload,
    },
}

pub struct UploadForm {
    pub fields: Vec<(String, String)>,
    pub file: Received,
}

impl UploadForm {
    /// The value of a text field ("" when absent).
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Reads the form: its text fields, and its part `file_field` into `sink`.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    file_field: &str,
    sink: Sink<'_>,
) -> AppResult<UploadForm> {
    let (mut form, body) = LimitedBody::open(req, payload, sink.body_limit())?;
    let mut out = UploadForm {
        fields: Vec::new(),
        file: Received::Nothing,
    };
    let mut parts = 0;
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
            .map(clean_name);
        match filename {
            Some(file_name) if name == file_field => {
                // An empty file input sends a part with no name: nothing chosen.
                if file_name.is_empty() || !matches!(out.file, Received::Nothing) {
                    body.drain(&mut field).await?;
                    continue;
                }
                out.file = match &sink {
                    Sink::Text { limit, .. } => read_text(&mut field, *limit, &body).await?,
                    Sink::Store { files, limit } => {
                        store(&mut field, files, *limit, file_name, &body).await?
                    }
                };
            }
            // The CSRF middleware has checked the token (the first part);
            // a file in any other part is not wanted.
            Some(_) => body.drain(&mut field).await?,
            None if name == crate::web::csrf::FIELD => body.drain(&mut field).await?,
            None => {
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
                    value.extend_from_slice(&chunk);
                }
                let value = String::from_utf8(value.to_vec()).map_err(|_| AppError::BadRequest)?;
                out.fields.push((name, value));
            }
        }
    }
    Ok(out)
}

async fn read_text(field: &mut Field, limit: usize, body: &LimitedBody) -> AppResult<Received> {
    let mut bytes = BytesMut::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| body.read_error())?;
        if bytes.len() + chunk.len() > limit {
            bytes.clear();
            body.drain(field).await?;
            return Ok(Received::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Received::Text {
            text: SecretString::from(text),
        },
        Err(_) => Received::NotText,
    })
}

async fn store(
    field: &mut Field,
    files: &FileStore,
    limit: i64,
    name: String,
    body: &LimitedBody,
) -> AppResult<Received> {
    let read_failed = Cell::new(false);
    let chunks = field.inspect(|c| {
        if c.is_err() {
            read_failed.set(true);
        }
    });
    match files.put_limited(chunks, limit).await {
        Ok(Some(stored)) => Ok(Received::Stored {
            name,
            upload: Upload::new(files, stored),
        }),
        Ok(None) => Ok(Received::TooLarge),
        Err(_) if read_failed.get() => Err(body.read_error()),
        Err(e) => Err(AppError::Internal(anyhow::anyhow!(
            "storing a download file: {e}"
        ))),
    }
}
