//! Security headers on every response. Scripts and styles come only from our
//! own files, so the policy needs no `unsafe-inline`.

use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::DefaultHeaders;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Names in lower case, as `HeaderName::from_static` wants them.
const HEADERS: &[(&str, &str)] = &[
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    ),
    // Pages hold tenant data; only /static overrides this.
    ("cache-control", "no-store"),
];

const HSTS: (&str, &str) = (
    "strict-transport-security",
    "max-age=31536000; includeSubDomains",
);

fn all(https: bool) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    HEADERS.iter().chain(https.then_some(&HSTS))
}

pub fn security_headers(https: bool) -> DefaultHeaders {
    all(https).fold(DefaultHeaders::new(), |h, (k, v)| h.add((*k, *v)))
}

/// The same headers (where not set already) on a response that leaves the
/// middleware chain as an error, which `DefaultHeaders` does not see.
pub fn add_missing(headers: &mut HeaderMap, https: bool) {
    for (k, v) in all(https) {
        let name = HeaderName::from_static(k);
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(v));
        }
    }
}
