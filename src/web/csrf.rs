//! CSRF protection for every state-changing request: a token sent back in
//! each form (`csrf_token`) and compared here in constant time, plus the
//! browser's `Origin` / `Sec-Fetch-Site` headers, which must name this site
//! when present. No well-kept crate does this for actix-web, so it is ours.
//!
//! The token is never stored: it is an HMAC, under a key derived from the
//! cookie key, of a binding. A session's binding is a random salt kept in
//! the session (useless without the key); before there is a session (the
//! sign-in form, a reset link) it is a random value in a cookie of its own,
//! a signed double-submit, so that showing a form writes no session row.

use std::cell::RefCell;

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use base64::Engine;
use futures_util::StreamExt;
use rand::RngCore;
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::web::session::PortalSession;
use crate::web::state::AppState;
use crate::web::{error_frame, multipart_csrf};

pub const FIELD: &str = "csrf_token";
const HEADER: &str = "x-csrf-token";
/// Forms here are small; a larger urlencoded body is refused unread.
const MAX_FORM_BYTES: usize = 256 * 1024;

/// This request's token, for the page to put in its forms.
struct Current {
    token: String,
    /// A pre-session cookie to set if the page uses the token.
    new_cookie: Option<String>,
    used: bool,
}

tokio::task_local! {
    static CURRENT: RefCell<Current>;
}

/// The token for the forms of the page being rendered.
pub fn token() -> String {
    CURRENT
        .try_with(|c| {
            let mut c = c.borrow_mut();
            c.used = true;
            c.token.clone()
        })
        .unwrap_or_default()
}

fn random() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh binding for the session (at sign-in, so that a token seen before
/// cannot be replayed).
pub fn rotate(session: &Session) -> Result<(), AppError> {
    PortalSession::new(session.clone()).set_csrf_salt(&random())?;
    Ok(())
}

pub fn cookie_name(https: bool) -> &'static str {
    if https { "__Host-csrf" } else { "portal_csrf" }
}

/// The binding of this request: the session's salt when there is a session
/// (made here for a session that has state but no salt yet), else the
/// pre-session cookie, else a new one (`true`: to be set).
fn binding(req: &ServiceRequest, https: bool) -> (String, bool) {
    let session = PortalSession::new(req.get_session());
    if let Ok(Some(salt)) = session.csrf_salt() {
        return (format!("s:{salt}"), false);
    }
    if !session.is_empty() {
        let salt = random();
        if session.set_csrf_salt(&salt).is_ok() {
            return (format!("s:{salt}"), false);
        }
    }
    match req.cookie(cookie_name(https)) {
        Some(c) if c.value().len() >= 32 => (format!("c:{}", c.value()), false),
        _ => (format!("c:{}", random()), true),
    }
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
            // The configured public origin, or the Host the browser itself
            // sent; never a forwarded host, which any client can write.
            let public = req
                .app_data::<web::Data<AppState>>()
                .is_some_and(|s| origin.eq_ignore_ascii_case(s.public_url.origin()));
            let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
            public
                || origin.split_once("://").is_some_and(|(_, rest)| {
                    host.is_some_and(|host| rest.eq_ignore_ascii_case(host))
                })
        }
    }
}

fn tokens_match(expected: Option<String>, given: Option<&str>) -> bool {
    match (expected, given) {
        (Some(e), Some(g)) => e.as_bytes().ct_eq(g.as_bytes()).into(),
        _ => false,
    }
}

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(req.into_response(AppError::CsrfRejected.error_response()));
    };
    let https = state.settings.https;
    let (binding, fresh) = binding(&req, https);
    let expected = state.site_keys.csrf_token(&binding);
    let refused = if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        None
    } else if !same_site_headers(&req) {
        Some(AppError::CsrfRejected)
    } else {
        match given_token(&mut req).await? {
            Given::TooLarge => Some(AppError::BadRequest),
            Given::Token(given) if !tokens_match(Some(expected.clone()), given.as_deref()) => {
                Some(AppError::CsrfRejected)
            }
            Given::Token(_) => None,
        }
    };
    let current = RefCell::new(Current {
        token: expected,
        new_cookie: fresh.then(|| binding.trim_start_matches("c:").to_owned()),
        used: false,
    });
    CURRENT
        .scope(current, async move {
            // A refusal is a page in the portal's frame too, whose sign-out
            // form needs this request's token.
            let mut res = match refused {
                Some(e) => {
                    if matches!(e, AppError::CsrfRejected) {
                        tracing::warn!("csrf check failed");
                    }
                    error_frame::answer(req, e).await
                }
                None => next.call(req).await?.map_into_boxed_body(),
            };
            let cookie = CURRENT.with(|c| {
                let c = c.borrow();
                c.used.then(|| c.new_cookie.clone()).flatten()
            });
            if let Some(value) = cookie {
                let c = Cookie::build(cookie_name(https), value)
                    .path("/")
                    .http_only(true)
                    .secure(https)
                    .same_site(SameSite::Lax)
                    .finish();
                res.response_mut().add_cookie(&c)?;
            }
            Ok(res)
        })
        .await
}

enum Given {
    Token(Option<String>),
    TooLarge,
}

/// The token the request carries: a header, or a field of its form.
async fn given_token(req: &mut ServiceRequest) -> Result<Given, Error> {
    let header_token = req
        .headers()
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let is_multipart = content_type.starts_with("multipart/form-data");
    Ok(Given::Token(if header_token.is_some() {
        header_token
    } else if is_multipart {
        // The form's first part; the upload still streams to its handler.
        multipart_csrf::given_token(req, FIELD).await?
    } else if is_form {
        // Read the form to find the token, then hand the same bytes on.
        let mut body = web::BytesMut::new();
        let mut payload = req.take_payload();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk?;
            if body.len() + chunk.len() > MAX_FORM_BYTES {
                return Ok(Given::TooLarge);
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
    }))
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
