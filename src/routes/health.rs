//! `GET /health`: 200 when the store answers, 503 when it does not.

use actix_web::{HttpResponse, web};

use crate::error::{AppError, AppResult};
use crate::web::state::AppState;

pub async fn check(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    state.db.ping().await.map_err(AppError::from)?;
    Ok(HttpResponse::Ok().content_type("text/plain").body("ok"))
}
