//! The health checks, answered in plain text for load balancers and
//! orchestrators:
//! - `GET /health/live`: the process answers (asks nothing of the store);
//! - `GET /health/ready`: the store answers and has exactly this build's
//!   migrations applied, else 503 with the reason;
//! - `GET /health`: the same as ready (older probes and the bench scripts).
//!
//! Ready asks the store even while it is held for down, and so also clears
//! or sets that flag (see `web::store_health`).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::store::schema::SchemaState;
use crate::web::state::AppState;
use crate::web::store_health::{PROBE_TIMEOUT, StoreHealth};

pub async fn live() -> HttpResponse {
    plain(HttpResponse::Ok(), "live")
}

pub async fn ready(state: web::Data<AppState>, health: web::Data<StoreHealth>) -> HttpResponse {
    if let Err(e) = health.probe(&state.db, state.clock.now()).await {
        tracing::warn!(error = %e, "not ready: the store does not answer");
        return not_ready("the store does not answer");
    }
    match tokio::time::timeout(PROBE_TIMEOUT, state.db.schema_state()).await {
        Ok(Ok(SchemaState::Current)) => plain(HttpResponse::Ok(), "ready"),
        Ok(Ok(schema)) => {
            let reason = schema.reason();
            tracing::warn!(%reason, "not ready");
            not_ready(&reason)
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "not ready: the migrations cannot be read");
            not_ready("the applied migrations cannot be read")
        }
        Err(_) => not_ready("the store does not answer"),
    }
}

fn not_ready(reason: &str) -> HttpResponse {
    plain(
        HttpResponse::ServiceUnavailable(),
        &format!("not ready: {reason}"),
    )
}

fn plain(mut res: actix_web::HttpResponseBuilder, body: &str) -> HttpResponse {
    res.insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("text/plain; charset=utf-8")
        .body(body.to_owned())
}
