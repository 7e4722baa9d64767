//! Attachments are served only to those who may see their request: the
//! partner that filed it and the operators. A foreign id is a 404.

use actix_files::NamedFile;
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::store::requests;
use crate::web::access::{FileRequests, OperatePortal};
use crate::web::ctx::Ctx;
use crate::web::state::AppState;

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
    let path = state
        .attachments
        .path(&a.storage_name)
        .ok_or(AppError::NotFound)?;
    let named = web::block(move || NamedFile::open(path))
        .await?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("attachment {id} missing: {e}")))?;
    let content_type: mime::Mime = a
        .content_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    Ok(named
        .set_content_type(content_type)
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(a.original_name)],
        })
        .into_response(req))
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
