//! `GET /health`: 200 when the store answers, 503 when it does not. It asks
//! the store even while it is held for down (and so also clears or sets
//! that flag, see `web::store_health`).

use actix_web::{HttpResponse, web};

use crate::error::{AppError, AppResult};
use crate::web::state::AppState;
use crate::web::store_health::StoreHealth;

pub async fn check(
    state: web::Data<AppState>,
    health: web::Data<StoreHealth>,
) -> AppResult<HttpResponse> {
    health
        .probe(&state.db, state.clock.now())
        .await
        .map_err(AppError::from)?;
    Ok(HttpResponse::Ok().content_type("text/plain").body("ok"))
}
