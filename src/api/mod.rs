//! The REST API under `/api/v1` (issue 15): JSON in and out, a bearer token
//! for the principal (`web::access::ApiAllowed`), RFC 9457 problems for
//! errors (`problem`), per-token rate limits (`rate`), opaque cursors
//! (`paging`) and the OpenAPI 3.1 document generated from these handlers
//! (`doc`). Handlers call the same use cases (`app::*`) as the pages.
//!
//! The scope sits outside the session and CSRF middleware: the API never
//! reads the session cookie, so a browser's cookie cannot act here and no
//! CSRF token is needed.

pub mod activity;
pub mod customers;
pub mod doc;
pub mod orders;
pub mod paging;
pub mod problem;
pub mod rate;
pub mod reference;
pub mod requests;
pub mod software;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use uuid::Uuid;

use self::problem::{ApiError, ApiResult};
use self::rate::RateState;
use crate::store::organisations::{self, Customer};
use crate::web::access::Principal;
use crate::web::state::AppState;

/// Request bodies larger than this are refused (a 400 problem).
pub const JSON_LIMIT: usize = 64 * 1024;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::JsonConfig::default()
            .limit(JSON_LIMIT)
            .error_handler(|_, _| ApiError::BadRequest("api-problem-json").into()),
    )
    .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
    .app_data(
        web::QueryConfig::default()
            .error_handler(|_, _| ApiError::BadRequest("api-problem-query").into()),
    )
    .route("/openapi.json", web::get().to(doc::serve))
    .route("/reference", web::get().to(reference::show))
    .route("/customers", web::get().to(customers::list))
    .route("/customers", web::post().to(customers::create))
    .route("/customers/{id}", web::get().to(customers::get))
    .route(
        "/customers/{id}/products",
        web::get().to(customers::products),
    )
    .route("/customers/{id}/orders", web::get().to(orders::list))
    .route("/customers/{id}/orders", web::post().to(orders::create))
    .route(
        "/customers/{id}/orders/{order_id}",
        web::get().to(orders::get),
    )
    .route("/customers/{id}/software", web::get().to(software::list))
    .route(
        "/customers/{id}/software/{sub}/key",
        web::post().to(software::key),
    )
    .route(
        "/customers/{id}/software/{sub}/files",
        web::get().to(software::files),
    )
    .route(
        "/customers/{id}/software/{sub}/links",
        web::get().to(software::links),
    )
    .route(
        "/customers/{id}/software/{sub}/links",
        web::post().to(software::create_link),
    )
    .route(
        "/customers/{id}/software/{sub}/links/{link}/revoke",
        web::post().to(software::revoke_link),
    )
    .route("/service-requests", web::get().to(requests::list))
    .route("/service-requests", web::post().to(requests::create))
    .route("/service-requests/{id}", web::get().to(requests::get))
    .route("/operator/requests", web::get().to(requests::queue))
    .route(
        "/operator/requests/{id}/approve",
        web::post().to(requests::approve),
    )
    .route(
        "/operator/requests/{id}/reject",
        web::post().to(requests::reject),
    )
    .route("/activity", web::get().to(activity::list))
    .default_service(web::to(|| async {
        Err::<HttpResponse, _>(ApiError::NotFound)
    }));
}

/// Around every API answer: the token's rate-limit headers, and no caching
/// of what a token was shown.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    if has_nul(req.query_string()) || has_nul(req.path()) {
        let res =
            actix_web::ResponseError::error_response(&ApiError::BadRequest("api-problem-query"));
        return Ok(req.into_response(res));
    }
    let mut res = next.call(req).await?.map_into_boxed_body();
    let rate = res.request().extensions().get::<RateState>().copied();
    let headers = res.headers_mut();
    if let Some(r) = rate {
        rate::set_headers(headers, r.limit, r.remaining, r.reset);
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}

/// Whether a URL part carries a NUL character (`%00`): no stored text holds
/// one and PostgreSQL refuses a statement with one, so it is refused here.
fn has_nul(s: &str) -> bool {
    s.contains('\0') || s.to_ascii_lowercase().contains("%00")
}

/// Refuses text fields holding a NUL character (see `has_nul`) as a 400.
pub fn no_nul<'a>(fields: impl IntoIterator<Item = &'a str>) -> ApiResult<()> {
    if fields.into_iter().any(|f| f.contains('\0')) {
        Err(ApiError::BadRequest("api-problem-nul"))
    } else {
        Ok(())
    }
}

/// The state every handler reaches.
pub fn state_of(req: &actix_web::HttpRequest) -> ApiResult<web::Data<AppState>> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))
}

/// Customer `id` as `p` may see it: a partner's own, or a customer global
/// admin's own tenant; anything else (unknown or foreign) is a 404.
pub async fn customer_of(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<Customer> {
    organisations::customer(&state.db, p.scope(), id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// A created resource: 201 with its JSON.
pub fn created<T: serde::Serialize>(body: &T) -> HttpResponse {
    HttpResponse::Created().json(body)
}
