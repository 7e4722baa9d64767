//! `GET .../software/{sub}/files/{file}`: Download, for a signed-in admin agent
//! or customer global admin. The file is streamed by actix-files (never read
//! whole), with Content-Length, Content-Disposition, ETag, Accept-Ranges,
//! Range and If-Range, plus a `Repr-Digest` carrying its SHA-256.

use actix_files::NamedFile;
use actix_web::http::header::{
    self, ContentDisposition, DispositionParam, DispositionType, HeaderValue,
};
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use uuid::Uuid;

use super::Where;
use super::show::subscription;
use crate::domain::audit_action::Action;
use crate::domain::link::starts_a_download;
use crate::error::{AppError, AppResult};
use crate::store::software::{self, DownloadFile};
use crate::web::access::{ManageKeys, Principal, SeeOwnSoftware};
use crate::web::audit::On;
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::state::AppState;

/// The request's `Range` header, if any.
pub fn range_of(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
}

/// Streams a stored file as an attachment named as the catalog says.
pub async fn serve(
    req: &HttpRequest,
    state: &AppState,
    file: &DownloadFile,
) -> AppResult<HttpResponse> {
    let path = state
        .files
        .path(&file.storage_name)
        .ok_or(AppError::NotFound)?;
    // Opening is a blocking call: keep it off the async workers.
    let named = web::block(move || NamedFile::open(path))
        .await?
        .map_err(|e| {
            AppError::Internal(anyhow::anyhow!(
                "download file {} missing from the store: {e}",
                file.id
            ))
        })?;
    // Chunks are read on the worker itself, as nginx's sendfile does, not
    // handed one by one (64 KiB each) to the blocking pool: that hand-off
    // cost about half the throughput (bench/RESULTS.md, downloads).
    let mut res = named
        .read_mode_threshold(u64::MAX)
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file.file_name.clone())],
        })
        .into_response(req);
    if let Some(digest) = repr_digest(&file.sha256)
        && let Ok(v) = HeaderValue::from_str(&digest)
    {
        res.headers_mut()
            .insert(header::HeaderName::from_static("repr-digest"), v);
    }
    Ok(res)
}

/// `sha-256=:<base64>:` (RFC 9530) from the hex digest in the catalog.
fn repr_digest(hex: &str) -> Option<String> {
    let bytes = hex::decode(hex).ok()?;
    Some(format!(
        "sha-256=:{}:",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

async fn download(
    req: &HttpRequest,
    p: &Principal,
    state: &AppState,
    w: Where,
    sub_id: Uuid,
    file_id: Uuid,
) -> AppResult<HttpResponse> {
    let sub = subscription(state, p, &w, sub_id).await?;
    if sub.status.is_cancelled() {
        return Err(AppError::Gone);
    }
    let file = software::file(&state.db, sub.product_id, file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if starts_a_download(range_of(req)) {
        let on = On::subject("download_file", file.id).customer(sub.customer_id);
        let detail = serde_json::json!({ "subscription_id": sub.id, "file_name": file.file_name });
        crate::web::audit::record(state, req, p, Action::FileDownloaded, on, detail).await?;
    }
    serve(req, state, &file).await
}

pub async fn partner(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id, file_id) = path.into_inner();
    let w = Where::partner(customer);
    download(&ctx.req, &ctx, &ctx.state, w, sub_id, file_id).await
}

pub async fn own(
    ctx: Ctx<SeeOwnSoftware>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (sub_id, file_id) = path.into_inner();
    let w = Where::own(&ctx.state, &ctx).await?;
    download(&ctx.req, &ctx, &ctx.state, w, sub_id, file_id).await
}
