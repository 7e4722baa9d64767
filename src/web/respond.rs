//! Building responses: a rendered template, a redirect after a POST, and the
//! few formatting helpers pages share.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::error::{AppError, AppResult};

/// Renders a template as an HTML response with the given status.
pub fn render(t: &impl Template, status: StatusCode) -> AppResult<HttpResponse> {
    let body = t
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// Renders a template as a 200 page.
pub fn ok(t: &impl Template) -> AppResult<HttpResponse> {
    render(t, StatusCode::OK)
}

/// A redirect after a successful POST (303, so the browser GETs the target).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

/// Bytes in binary units, as a download page shows them.
pub fn human_size(bytes: i64) -> String {
    crate::format::size(bytes)
}
