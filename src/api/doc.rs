//! The OpenAPI 3.1 document, generated from the handlers' annotations
//! (utoipa) and served at `/api/v1/openapi.json`.

use std::sync::LazyLock;

use actix_web::HttpResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{activity, customers, orders, requests, software};

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.description = Some(
            "A personal API token (`csp_...`) made on the portal's API tokens page.".to_owned(),
        );
        components.add_security_scheme("bearer", SecurityScheme::Http(http));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "CSP software portal API",
        version = "1",
        description = "What the portal's pages do, for partners' own systems. Every request \
            carries `Authorization: Bearer <token>`; errors are RFC 9457 problem details; lists \
            page by opaque cursor; each token may make a number of requests a minute \
            (`RateLimit` headers, 429 with `Retry-After` past it)."
    ),
    servers((url = "/", description = "This portal")),
    paths(
        customers::list,
        customers::create,
        customers::get,
        customers::products,
        orders::create,
        orders::list,
        orders::get,
        software::list,
        software::key,
        software::files,
        software::links,
        software::create_link,
        software::revoke_link,
        requests::create,
        requests::list,
        requests::get,
        requests::queue,
        requests::approve,
        requests::reject,
        activity::list,
    ),
    modifiers(&BearerToken),
    tags(
        (name = "customers"),
        (name = "orders"),
        (name = "software", description = "A customer's purchases, keys and files"),
        (name = "links", description = "Download links (admin agents)"),
        (name = "service requests"),
        (name = "operators"),
        (name = "activity"),
    )
)]
pub struct ApiDoc;

/// The document, made once.
pub static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(ApiDoc::openapi);

pub async fn serve() -> HttpResponse {
    HttpResponse::Ok().json(&*DOCUMENT)
}
