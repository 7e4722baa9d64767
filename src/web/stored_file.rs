//! Answers with a stored file, wherever it lives, with the same headers:
//! Content-Length, Content-Disposition, an ETag, Accept-Ranges, Range and
//! If-Range, If-None-Match, and a `Repr-Digest` carrying its SHA-256.
//! From the local directory actix-files streams it (its fast path); from a
//! bucket the bytes asked for are streamed through as they arrive, never
//! held whole; or, for a download file where configured, the answer is a
//! redirect to a URL the bucket signed for a few minutes. Callers have
//! done every check (and counted) before calling.

use actix_files::{HttpRange, NamedFile};
use actix_web::body::SizedStream;
use actix_web::http::header::{
    self, ContentDisposition, DispositionParam, DispositionType, EntityTag, HeaderValue,
};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use futures_util::StreamExt;

use crate::error::{AppError, AppResult};
use crate::files::{Bucket, FileStore};

/// What the database says about the file being served.
pub struct StoredFile<'a> {
    pub storage_name: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    /// The name it is saved as.
    pub file_name: &'a str,
    /// `None`: guessed from the name, as actix-files does.
    pub content_type: Option<mime::Mime>,
    /// A download file (may be presigned); never an attachment.
    pub may_redirect: bool,
}

impl StoredFile<'_> {
    fn disposition(&self) -> ContentDisposition {
        ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(self.file_name.to_owned())],
        }
    }

    fn content_type(&self) -> mime::Mime {
        self.content_type
            .clone()
            .unwrap_or_else(|| mime_guess::from_path(self.file_name).first_or_octet_stream())
    }
}

pub async fn respond(
    req: &HttpRequest,
    store: &FileStore,
    file: StoredFile<'_>,
) -> AppResult<HttpResponse> {
    // The statements are done; the object store's answer may take a while.
    crate::store::held::release();
    let mut res = match store.bucket() {
        Some(bucket) => from_bucket(req, bucket, &file).await?,
        None => from_disk(req, store, &file).await?,
    };
    if let Some(digest) = repr_digest(file.sha256)
        && let Ok(v) = HeaderValue::from_str(&digest)
        && res.status() != StatusCode::FOUND
    {
        res.headers_mut()
            .insert(header::HeaderName::from_static("repr-digest"), v);
    }
    Ok(res)
}

async fn from_disk(
    req: &HttpRequest,
    store: &FileStore,
    file: &StoredFile<'_>,
) -> AppResult<HttpResponse> {
    let path = store.path(file.storage_name).ok_or(AppError::NotFound)?;
    // Opening is a blocking call: keep it off the async workers.
    let named = web::block(move || NamedFile::open(path))
        .await?
        .map_err(|e| {
            AppError::Internal(anyhow::anyhow!(
                "stored file {} missing from the store: {e}",
                file.storage_name
            ))
        })?;
    // Chunks are read on the worker itself, as nginx's sendfile does, not
    // handed one by one (64 KiB each) to the blocking pool: that hand-off
    // cost about half the throughput (bench/RESULTS.md, downloads).
    let named = named
        .read_mode_threshold(u64::MAX)
        .set_content_disposition(file.disposition());
    let named = match &file.content_type {
        Some(ct) => named.set_content_type(ct.clone()),
        None => named,
    };
    Ok(named.into_response(req))
}

/// The byte range to send, as actix-files decides it: GET only, `bytes`
/// only, the first range of a list, and only while If-Range (if sent)
/// names this file's ETag. `Err(())`: not satisfiable.
fn wanted_range(req: &HttpRequest, etag: &EntityTag, size: u64) -> Result<Option<HttpRange>, ()> {
    let Some(value) = req.headers().get(header::RANGE) else {
        return Ok(None);
    };
    if req.method() != Method::GET {
        return Ok(None);
    }
    if req.headers().contains_key(header::IF_RANGE) {
        let same = matches!(
            req.headers()
                .get(header::IF_RANGE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<EntityTag>().ok()),
            Some(tag) if tag.strong_eq(etag)
        );
        if !same {
            return Ok(None);
        }
    }
    let Ok(value) = value.to_str() else {
        return Ok(None);
    };
    if value
        .split_once('=')
        .is_some_and(|(unit, _)| !unit.eq_ignore_ascii_case("bytes"))
    {
        return Ok(None);
    }
    match HttpRange::parse(value, size) {
        Ok(ranges) => ranges.first().copied().map(Some).ok_or(()),
        Err(_) => Err(()),
    }
}

/// Whether If-None-Match names this file (so 304).
fn not_modified(req: &HttpRequest, etag: &EntityTag) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim() == "*"
                || v.split(',')
                    .filter_map(|t| t.trim().parse::<EntityTag>().ok())
                    .any(|t| t.weak_eq(etag))
        })
}

async fn from_bucket(
    req: &HttpRequest,
    bucket: &Bucket,
    file: &StoredFile<'_>,
) -> AppResult<HttpResponse> {
    if file.may_redirect
        && req.method() == Method::GET
        && let Some(ttl) = bucket.presign()
    {
        let url = bucket
            .signed_url(file.storage_name, file.file_name, ttl)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("signing a download URL: {e}")))?;
        return Ok(HttpResponse::Found()
            .insert_header((header::LOCATION, url.as_str()))
            // Signed for minutes: nothing may keep it.
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish());
    }
    let size = u64::try_from(file.size_bytes).unwrap_or(0);
    // The content's own hash: the same on every instance, unlike a file's
    // modification time.
    let etag = EntityTag::new_strong(file.sha256.to_owned());
    let mut res = HttpResponse::build(StatusCode::OK);
    res.insert_header(header::ContentType(file.content_type()))
        .insert_header((header::CONTENT_DISPOSITION, file.disposition().to_string()))
        .insert_header(header::ETag(etag.clone()))
        .insert_header((header::ACCEPT_RANGES, "bytes"));
    if not_modified(req, &etag) {
        return Ok(res.status(StatusCode::NOT_MODIFIED).finish());
    }
    let (start, length) = match wanted_range(req, &etag, size) {
        Ok(Some(r)) => {
            res.status(StatusCode::PARTIAL_CONTENT).insert_header((
                header::CONTENT_RANGE,
                format!("bytes {}-{}/{size}", r.start, r.start + r.length - 1),
            ));
            (r.start, r.length)
        }
        Ok(None) => (0, size),
        Err(()) => {
            return Ok(res
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .insert_header((header::CONTENT_RANGE, format!("bytes */{size}")))
                .finish());
        }
    };
    if req.method() == Method::HEAD || length == 0 {
        // The headers only: nothing is asked of the bucket.
        let none = futures_util::stream::empty::<Result<bytes::Bytes, std::io::Error>>();
        return Ok(res.body(SizedStream::new(length, none)));
    }
    let stream = bucket
        .get(file.storage_name, Some(start..start + length))
        .await
        .map_err(|e| {
            AppError::Internal(anyhow::anyhow!(
                "stored file {} unreadable in {}: {e}",
                file.storage_name,
                bucket.url()
            ))
        })?;
    Ok(res.body(SizedStream::new(
        length,
        stream.map(|chunk| chunk.map_err(std::io::Error::other)),
    )))
}

/// `sha-256=:<base64>:` (RFC 9530) from the hex digest in the catalog.
fn repr_digest(hex: &str) -> Option<String> {
    let bytes = hex::decode(hex).ok()?;
    Some(format!(
        "sha-256=:{}:",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}
