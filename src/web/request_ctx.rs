//! Per-request context: opens the request's scope (`request_scope`: an id
//! for the logs and error pages, the language) and writes one log line per
//! request (route pattern, never the raw path: paths of
//! download links carry tokens). Every line logged while the request is
//! handled, and while its body streams out (downloads, the CSV export, whose
//! queries run as the body is sent), carries the id.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use actix_web::Error;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use tracing::Instrument;

use crate::i18n::I18n;
use crate::request_scope;
use crate::store::held;
use crate::web::language;

pub use crate::request_scope::{i18n, request_id, set_i18n};

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = request_scope::new_id();
    // The language switch's cookie, else the browser's preferences, else
    // English; access control puts a signed-in user's saved choice first.
    let lang = req
        .cookie(language::COOKIE)
        .and_then(|c| I18n::exactly(c.value()))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(I18n::negotiate)
        })
        .unwrap_or_default();
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let method = req.method().clone();
    let span = tracing::info_span!("request", id = %id);
    let started = Instant::now();
    // A page that only reads runs its statements on one connection (see
    // `store::held`); a form's POST, which may hash a password or call out
    // between statements, takes one per statement.
    let one_connection = method == Method::GET || method == Method::HEAD;
    let res = request_scope::run(id.clone(), path, lang, async move {
        let served = async move {
            next.call(req)
                .await
                .map(ServiceResponse::map_into_boxed_body)
        };
        if one_connection {
            held::scope(served).await
        } else {
            served.await
        }
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
    Ok(res.map_body(|_, body| BoxBody::new(InSpan { body, span })))
}

/// A response body polled inside its request's span. A body held in memory
/// comes out of `BoxBody::new` as plain bytes again; only a streamed one
/// keeps the wrapper.
struct InSpan {
    body: BoxBody,
    span: tracing::Span,
}

impl MessageBody for InSpan {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        let this = self.get_mut();
        let _entered = this.span.enter();
        Pin::new(&mut this.body).poll_next(cx)
    }

    fn try_into_bytes(self) -> Result<Bytes, Self> {
        let InSpan { body, span } = self;
        body.try_into_bytes().map_err(|body| InSpan { body, span })
    }
}
