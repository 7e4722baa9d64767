//! Per-request context: an id for the logs and error pages, the language, and
//! one log line per request (route pattern, never the raw path: paths of
//! download links carry tokens).

use std::cell::RefCell;
use std::time::Instant;

use actix_web::Error;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

use crate::i18n::I18n;

pub struct RequestCtx {
    pub id: String,
    pub i18n: RefCell<I18n>,
}

tokio::task_local! {
    static CTX: RequestCtx;
}

/// The current request's id, if inside a request.
pub fn request_id() -> Option<String> {
    CTX.try_with(|c| c.id.clone()).ok()
}

/// The current request's language (English outside a request).
pub fn i18n() -> I18n {
    CTX.try_with(|c| c.i18n.borrow().clone())
        .unwrap_or_default()
}

/// Switches the request's language once the signed-in user is known.
pub fn set_i18n(i: I18n) {
    let _ = CTX.try_with(|c| *c.i18n.borrow_mut() = i);
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(I18n::negotiate)
        .unwrap_or_default();
    let method = req.method().clone();
    let span = tracing::info_span!("request", id = %id);
    let started = Instant::now();
    let ctx = RequestCtx {
        id: id.clone(),
        i18n: RefCell::new(lang),
    };
    let res = CTX
        .scope(ctx, async move {
            next.call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body)
        })
        .instrument(span.clone())
        .await;
    // Handlers and our own middleware answer with pages; the one error that
    // gets here is the session store's, which store_health has already made
    // into a finished page (with this request's id and the headers).
    let mut res = match res {
        Ok(res) => res,
        Err(e) => {
            span.in_scope(|| tracing::warn!(error = %e, "answered with an error page"));
            return Err(e);
        }
    };
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), v);
    }
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "-".to_owned());
    span.in_scope(|| {
        tracing::info!(
            %method,
            route,
            status = res.status().as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "served"
        )
    });
    Ok(res)
}
