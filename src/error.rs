//! One error type for every handler, rendered as a friendly page.
//!
//! Policy: not signed in -> redirect to sign-in and back; missing role -> 403
//! naming the role; unknown or foreign id -> 404 (the same page, so ids cannot
//! be probed); store down -> 503; anything unexpected -> 500, the cause chain
//! in the log only. Every error page shows the request's id.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::domain::role::Role;
use crate::layout::Page;
use crate::request_scope;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated { next: Option<String> },
    /// Signed in, but the organisation requires a second factor first.
    #[error("second factor enrolment required")]
    MustEnrol,
    #[error("missing role: one of {0:?}")]
    Forbidden(&'static [Role]),
    #[error("the request's CSRF check failed")]
    CsrfRejected,
    #[error("not found")]
    NotFound,
    /// It existed but is no longer available (a revoked key, a cancelled purchase).
    #[error("gone")]
    Gone,
    #[error("bad request")]
    BadRequest,
    /// A request past a size limit; the message (with one argument) says which.
    #[error("request too large: {message}")]
    TooLarge {
        message: &'static str,
        arg: &'static str,
        value: String,
    },
    #[error("the store is unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Too many password checks queued (each needs its share of memory).
    #[error("too busy checking passwords")]
    Busy,
    #[error("unexpected error")]
    Internal(#[source] anyhow::Error),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) => AppError::Unavailable(e.into()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::Internal(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

impl From<actix_session::SessionInsertError> for AppError {
    fn from(e: actix_session::SessionInsertError) -> Self {
        AppError::Internal(anyhow::anyhow!("session insert failed: {e}"))
    }
}

impl From<actix_session::SessionGetError> for AppError {
    fn from(e: actix_session::SessionGetError) -> Self {
        AppError::Internal(anyhow::anyhow!("session read failed: {e}"))
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    /// The signed-in user's header and navigation when the request got as
    /// far as knowing them, else a header with no one signed in.
    page: Page,
    title: String,
    message: String,
    /// Shown on every error page, so that whoever reports one names the
    /// log lines of that request.
    request_id: String,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated { .. } | AppError::MustEnrol => StatusCode::SEE_OTHER,
            AppError::Forbidden(_) | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone => StatusCode::GONE,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable(_) | AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal(e) => {
                tracing::error!(error = ?e, "request failed");
            }
            AppError::Unavailable(e) => tracing::warn!(error = ?e, "store unavailable"),
            _ => {}
        }
        self.page()
    }
}

impl AppError {
    /// Whether the answer is a page in the portal's frame (and not a
    /// redirect, or a page made while the store is down or busy, which
    /// should not ask the store who is signed in).
    pub fn is_framed_page(&self) -> bool {
        !matches!(
            self,
            AppError::Unauthenticated { .. }
                | AppError::MustEnrol
                | AppError::Unavailable(_)
                | AppError::Busy
        )
    }

    /// The answer, without logging: a redirect, or the error page inside
    /// the signed-in user's frame (header, navigation, sign out) when the
    /// request got as far as knowing them (`web::error_frame` sees to it).
    pub fn page(&self) -> HttpResponse {
        if let AppError::Unauthenticated { next } = self {
            let location = match next {
                Some(n) => format!(
                    "/sign-in?{}",
                    serde_urlencoded::to_string([("next", n)]).unwrap_or_default()
                ),
                None => "/sign-in".to_owned(),
            };
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
        }
        if let AppError::MustEnrol = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/account/2fa"))
                .finish();
        }
        let i18n = request_scope::i18n();
        let request_id = request_scope::request_id().unwrap_or_default();
        let (title, message) = match self {
            AppError::Forbidden(roles) => {
                let names: Vec<String> = roles.iter().map(|r| i18n.t(r.message_id())).collect();
                let list = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!(
                            "{}{}{last}",
                            rest.join(&i18n.t("list-comma")),
                            i18n.t("list-or")
                        )
                    }
                    _ => names.join(""),
                };
                (
                    i18n.t("error-403-title"),
                    i18n.t1("error-403-role", "roles", &list),
                )
            }
            AppError::CsrfRejected => (i18n.t("error-403-title"), i18n.t("error-csrf")),
            AppError::NotFound => (i18n.t("error-404-title"), i18n.t("error-404")),
            AppError::Gone => (i18n.t("error-410-title"), i18n.t("error-410")),
            AppError::BadRequest => (i18n.t("error-400-title"), i18n.t("error-400")),
            AppError::TooLarge {
                message,
                arg,
                value,
            } => (i18n.t("error-413-title"), i18n.t1(message, arg, value)),
            AppError::Unavailable(_) => (i18n.t("error-503-title"), i18n.t("error-503")),
            AppError::Busy => (i18n.t("error-503-title"), i18n.t("error-busy")),
            AppError::Internal(_) | AppError::Unauthenticated { .. } | AppError::MustEnrol => {
                (i18n.t("error-500-title"), i18n.t("error-500"))
            }
        };
        let page = ErrorPage {
            page: request_scope::signed_in().unwrap_or_else(|| Page::bare(i18n)),
            title,
            message,
            request_id,
        };
        let mut res = HttpResponse::build(self.status_code());
        res.insert_header((header::CACHE_CONTROL, "no-store"));
        if matches!(self, AppError::Unavailable(_)) {
            res.insert_header((header::RETRY_AFTER, "5"));
        }
        if matches!(self, AppError::Busy) {
            res.insert_header((header::RETRY_AFTER, "2"));
        }
        match page.render() {
            Ok(body) => res.content_type("text/html; charset=utf-8").body(body),
            Err(_) => res
                .content_type("text/plain; charset=utf-8")
                .body(page.message),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
