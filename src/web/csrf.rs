//! CSRF protection for every state-changing request: a random token bound to
//! the session, sent back in each form (`csrf_token`) and compared here in
//! constant time, plus the browser's `Origin` / `Sec-Fetch-Site` headers,
//! which must name this site when present. No well-kept crate does this for
//! actix-web, so it is ours.

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use base64::Engine;
use futures_util::StreamExt;
use rand::RngCore;
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::web::multipart_csrf;

const SESSION_KEY: &str = "csrf";
pub const FIELD: &str = "csrf_token";
const HEADER: &str = "x-csrf-token";
/// Forms here are small; a larger urlencoded body is refused unread.
const MAX_FORM_BYTES: usize = 256 * 1024;

/// The session's token, made on first use.
pub fn token(session: &Session) -> Result<String, AppError> {
    if let Some(t) = session.get::<String>(SESSION_KEY)? {
        return Ok(t);
    }
    rotate(session)
}

/// A fresh token (at sign-in, so a token seen before cannot be replayed).
pub fn rotate(session: &Session) -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let t = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    session.insert(SESSION_KEY, &t)?;
    Ok(t)
}

fn same_site_headers(req: &ServiceRequest) -> bool {
    let h = req.headers();
    // Browsers set Sec-Fetch-Site themselves (scripts cannot), and it stays
    // right where Origin does not: a page sent with `no-referrer` posts its
    // forms with `Origin: null`. So it decides when present.
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = req.connection_info().host().to_owned();
            origin
                .split_once("://")
                .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(&host))
        }
    }
}

fn tokens_match(expected: Option<String>, given: Option<&str>) -> bool {
    match (expected, given) {
        (Some(e), Some(g)) => e.as_bytes().ct_eq(g.as_bytes()).into(),
        _ => false,
    }
}

fn reject(req: ServiceRequest) -> ServiceResponse<BoxBody> {
    tracing::warn!("csrf check failed");
    req.into_response(AppError::CsrfRejected.error_response())
}

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    if !same_site_headers(&req) {
        return Ok(reject(req));
    }
    let expected = req.get_session().get::<String>(SESSION_KEY).ok().flatten();
    let header_token = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    let given = if header_token.is_some() {
        header_token
    } else if is_multipart {
        // The form's first part; the upload still streams to its handler.
        multipart_csrf::given_token(&mut req, FIELD).await?
    } else if is_form {
        // Read the form to find the token, then hand the same bytes on.
        let mut body = web::BytesMut::new();
        let mut payload = req.take_payload();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > MAX_FORM_BYTES {
                return Ok(req.into_response(AppError::BadRequest.error_response()));
            }
            body.extend_from_slice(&chunk);
        }
        let body = body.freeze();
        let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == FIELD).map(|(_, v)| v));
        req.set_payload(Payload::from(body));
        token
    } else {
        None
    };
    if !tokens_match(expected, given.as_deref()) {
        return Ok(reject(req));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

#[cfg(test)]
mod tests {
    use super::tokens_match;

    #[test]
    fn a_token_must_be_present_on_both_sides_and_equal() {
        assert!(tokens_match(Some("abc".into()), Some("abc")));
        assert!(!tokens_match(Some("abc".into()), Some("abd")));
        assert!(!tokens_match(Some("abc".into()), None));
        assert!(!tokens_match(None, Some("abc")));
        assert!(!tokens_match(None, None));
    }
}
