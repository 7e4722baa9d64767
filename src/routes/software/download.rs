//! `GET .../software/{sub}/files/{file}`: Download, for a signed-in admin agent
//! or customer global admin, counted (a transfer from byte 0) and then
//! answered by `web::stored_file`: streamed with Content-Length, ETag, Range
//! and If-Range and a `Repr-Digest`, or redirected to a presigned URL.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
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
use crate::web::stored_file::{self, StoredFile};

/// The request's `Range` header, if any.
pub fn range_of(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
}

/// Answers with a download file (streamed, or redirected to a presigned
/// URL where configured) saved under the name the catalog gives it.
pub async fn serve(
    req: &HttpRequest,
    state: &AppState,
    file: &DownloadFile,
) -> AppResult<HttpResponse> {
    let stored = StoredFile {
        storage_name: &file.storage_name,
        size_bytes: file.size_bytes,
        sha256: &file.sha256,
        file_name: &file.file_name,
        content_type: None,
        may_redirect: true,
    };
    stored_file::respond(req, &state.files, stored).await
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
