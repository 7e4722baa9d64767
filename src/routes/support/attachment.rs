//! Attachments are served only to those who may see their request: the
//! partner that filed it and the operators. A foreign id is a 404.

use actix_web::{HttpRequest, HttpResponse, web};
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::store::requests;
use crate::web::access::{FileRequests, OperatePortal};
use crate::web::ctx::Ctx;
use crate::web::state::AppState;
use crate::web::stored_file::{self, StoredFile};

async fn serve(
    req: &HttpRequest,
    state: &AppState,
    partner: Option<Uuid>,
    request_id: Uuid,
    id: Uuid,
) -> AppResult<HttpResponse> {
    let request = requests::one(&state.db, partner, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let a = requests::attachments(&state.db, request.id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    // Never presigned: a signed URL works for whoever holds it, and an
    // attachment is only for those who may see its request.
    let content_type = a.content_type.parse().ok();
    let stored = StoredFile {
        storage_name: &a.storage_name,
        size_bytes: a.size_bytes,
        sha256: &a.sha256,
        file_name: &a.original_name,
        content_type,
        may_redirect: false,
    };
    stored_file::respond(req, &state.attachments, stored).await
}

pub async fn partner(
    ctx: Ctx<FileRequests>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (request_id, id) = path.into_inner();
    let partner = Some(ctx.partner_id()?);
    serve(&ctx.req, &ctx.state, partner, request_id, id).await
}

pub async fn operator(
    ctx: Ctx<OperatePortal>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (request_id, id) = path.into_inner();
    serve(&ctx.req, &ctx.state, None, request_id, id).await
}
