//! The API's errors as RFC 9457 problem details (`application/problem+json`):
//! a stable `type` per kind of error (its anchor on the reference page), a
//! translated `title`, and for invalid input every field's message at once.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::FieldError;
use crate::domain::role::Role;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::request_scope;
use crate::store::StoreError;

/// A problem's media type.
pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No token, an unknown one, a revoked or expired one, or its user is
    /// deactivated: all alike, so a token's state cannot be probed.
    #[error("unauthorized")]
    Unauthorized,
    #[error("missing role")]
    Forbidden(&'static [Role]),
    /// The organisation requires a second factor the user has not set up.
    #[error("second factor required")]
    MustEnrol,
    #[error("not found")]
    NotFound,
    #[error("gone")]
    Gone,
    /// Malformed input: bad JSON, a bad header, an unknown cursor.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Well-formed but invalid: the fields and why.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The request clashes with the state of what it names (`kind` is the
    /// problem's type, `message` its detail's message id).
    #[error("conflict: {kind}")]
    Conflict {
        kind: &'static str,
        message: &'static str,
        args: Vec<(&'static str, String)>,
    },
    /// Past a size limit (the message says which).
    #[error("too large")]
    TooLarge {
        message: &'static str,
        arg: &'static str,
        value: String,
    },
    #[error("rate limited")]
    RateLimited { limit: i64, retry_after: i64 },
    #[error("store unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("unexpected error")]
    Internal(#[source] anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

/// One invalid field.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvalidField {
    /// The request body's field (or query parameter).
    pub field: String,
    pub message: String,
}

/// An RFC 9457 problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Stable per kind of error: `/api/v1/reference#problem-<kind>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// For `validation`: each invalid field with its message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InvalidField>,
}

/// Every kind of problem, for the reference page: (kind, status).
pub const KINDS: &[(&str, u16)] = &[
    ("bad-request", 400),
    ("unauthorized", 401),
    ("forbidden", 403),
    ("second-factor-required", 403),
    ("not-found", 404),
    ("gone", 410),
    ("domain-taken", 409),
    ("out-of-keys", 409),
    ("purchase-not-active", 409),
    ("already-decided", 409),
    ("not-a-cancellation", 409),
    ("too-large", 413),
    ("validation", 422),
    ("rate-limited", 429),
    ("unavailable", 503),
    ("internal", 500),
];

impl ApiError {
    /// The problem's kind (its `type`'s anchor).
    pub fn kind(&self) -> &'static str {
        match self {
            ApiError::Unauthorized => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::MustEnrol => "second-factor-required",
            ApiError::NotFound => "not-found",
            ApiError::Gone => "gone",
            ApiError::BadRequest(_) => "bad-request",
            ApiError::Invalid(_) => "validation",
            ApiError::TooLarge { .. } => "too-large",
            ApiError::Conflict { kind, .. } => kind,
            ApiError::RateLimited { .. } => "rate-limited",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    pub fn problem(&self, i18n: &I18n) -> Problem {
        let kind = self.kind();
        let detail = match self {
            ApiError::Forbidden(roles) => {
                let names: Vec<String> = roles.iter().map(|r| i18n.t(r.message_id())).collect();
                Some(i18n.t1("api-problem-forbidden-detail", "roles", &names.join(", ")))
            }
            ApiError::BadRequest(message) => Some(i18n.t(message)),
            ApiError::TooLarge {
                message,
                arg,
                value,
            } => Some(i18n.t1(message, arg, value)),
            ApiError::Conflict { message, args, .. } => {
                let args: Vec<(&'static str, &str)> =
                    args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                Some(i18n.t_args(message, &args))
            }
            ApiError::RateLimited { retry_after, .. } => Some(i18n.t1(
                "api-problem-rate-limited-detail",
                "seconds",
                &retry_after.to_string(),
            )),
            _ => None,
        };
        let errors = match self {
            ApiError::Invalid(fields) => fields
                .iter()
                .map(|e| InvalidField {
                    field: e.field.to_owned(),
                    message: crate::web::form::message(i18n, e),
                })
                .collect(),
            _ => Vec::new(),
        };
        Problem {
            kind: format!("/api/v1/reference#problem-{kind}"),
            title: i18n.t(&format!("api-problem-{kind}")),
            status: self.status_code().as_u16(),
            detail,
            errors,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) => ApiError::Unavailable(e.into()),
            other => ApiError::Internal(other.into()),
        }
    }
}

/// A use case's error as the API tells it.
impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Unauthenticated { .. } => ApiError::Unauthorized,
            AppError::MustEnrol => ApiError::MustEnrol,
            AppError::Forbidden(roles) => ApiError::Forbidden(roles),
            AppError::NotFound => ApiError::NotFound,
            AppError::Gone => ApiError::Gone,
            AppError::TooLarge {
                message,
                arg,
                value,
            } => ApiError::TooLarge {
                message,
                arg,
                value,
            },
            AppError::CsrfRejected | AppError::BadRequest => {
                ApiError::BadRequest("api-problem-bad-request-detail")
            }
            AppError::Unavailable(e) => ApiError::Unavailable(e),
            AppError::Busy => ApiError::Unavailable(anyhow::anyhow!("busy")),
            AppError::Internal(e) => ApiError::Internal(e),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::MustEnrol => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Gone => StatusCode::GONE,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            ApiError::Internal(e) => tracing::error!(error = ?e, "API request failed"),
            ApiError::Unavailable(e) => tracing::warn!(error = ?e, "store unavailable"),
            _ => {}
        }
        let body = serde_json::to_string(&self.problem(&request_scope::i18n()))
            .unwrap_or_else(|_| "{}".to_owned());
        let mut res = HttpResponse::build(self.status_code())
            .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
            .body(body);
        let headers = res.headers_mut();
        match self {
            ApiError::Unauthorized => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"api\""),
                );
            }
            ApiError::RateLimited { limit, retry_after } => {
                if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                    headers.insert(header::RETRY_AFTER, v);
                }
                super::rate::set_headers(headers, *limit, 0, *retry_after);
            }
            _ => {}
        }
        res
    }
}
