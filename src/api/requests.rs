//! Service requests ("Report a problem"): file one (a cancellation is the
//! `refund` type, with the pages' checks), the partner's list, one request;
//! for operators the queue, approve and reject.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::paging::{Page, PageQuery};
use super::problem::{ApiError, ApiResult, Problem};
use super::{JSON_LIMIT, created, state_of};
use crate::app::support::{self, CheckedReport, Outcome};
use crate::domain::FieldError;
use crate::domain::role::Role;
use crate::domain::service_request::{QueueView, RequestInput};
use crate::i18n::ArgValue;
use crate::routes::operator::catalog::human_size;
use crate::routes::support::upload::{self, UploadProblem};
use crate::store::requests::{self, After, Decision, Filed, RequestRow};
use crate::web::access::{ApiAllowed, FileRequests, OperatePortal, Principal, SeeRequests};
use crate::web::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestView {
    pub id: Uuid,
    /// e.g. `SR-7K2M9QXD`.
    pub number: String,
    pub partner_id: Uuid,
    pub filed_at: DateTime<Utc>,
    /// `refund`, `billing`, `technical`, `account` or `other`.
    pub problem_type: String,
    /// `critical`, `moderate` or `minimal`.
    pub impact: String,
    pub title: String,
    pub description: String,
    /// `submitted`, `in_progress`, `approved`, `rejected` or `closed`.
    pub status: String,
    pub customer_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub requested_minor: Option<i64>,
    pub currency: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub reply: Option<String>,
    pub credit_note_id: Option<Uuid>,
}

fn view(r: RequestRow) -> RequestView {
    RequestView {
        id: r.id,
        number: r.number,
        partner_id: r.partner_id,
        filed_at: r.filed_at,
        problem_type: r.problem_type.as_str().to_owned(),
        impact: r.impact.as_str().to_owned(),
        title: r.title,
        description: r.description,
        status: r.status.as_str().to_owned(),
        customer_id: r.customer_id,
        subscription_id: r.subscription_id,
        requested_minor: r.requested_minor,
        currency: r.currency,
        decided_at: r.decided_at,
        reply: r.reply,
        credit_note_id: r.credit_note_id,
    }
}

/// A new request, with the form's fields. For a cancellation
/// (`problem_type` `refund`, admin agents only): `customer_ref` (the
/// customer's tenant GUID or primary domain), `purchase_ref` (the purchase's
/// id, or an order's with one line) and `requested_amount` (the full amount
/// paid, e.g. `1234.00`).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct NewRequestBody {
    pub problem_type: String,
    pub impact: String,
    pub title: String,
    pub description: String,
    pub customer_ref: String,
    pub purchase_ref: String,
    pub refund_reason: String,
    pub requested_amount: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
}

async fn one(state: &AppState, p: &Principal, id: Uuid) -> ApiResult<RequestRow> {
    // Operators see every request, a partner's staff their partner's.
    let partner = match p.has(Role::Operator) {
        true => None,
        false => Some(p.partner_id().map_err(|_| ApiError::NotFound)?),
    };
    requests::one(&state.db, partner, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The same fields as a multipart form, with up to 5 files (`files`).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct NewRequestForm {
    pub problem_type: String,
    pub impact: String,
    pub title: String,
    pub description: String,
    pub customer_ref: Option<String>,
    pub purchase_ref: Option<String>,
    pub refund_reason: Option<String>,
    pub requested_amount: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Attachments: PDF, images, text, logs (10 MiB each, 25 MiB in all).
    #[schema(value_type = Vec<String>, format = Binary)]
    pub files: Vec<Vec<u8>>,
}

/// The body as JSON, or as the page's multipart form with attachments
/// (stored as they stream in, deleted again unless the request commits).
async fn read_body(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
) -> ApiResult<(RequestInput, Option<upload::Upload>)> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if multipart {
        let up = upload::read(req, payload, &state.attachments).await?;
        let input = RequestInput {
            problem_type: up.field("problem_type"),
            impact: up.field("impact"),
            title: up.field("title"),
            description: up.field("description"),
            customer_ref: up.field("customer_ref"),
            purchase_ref: up.field("purchase_ref"),
            refund_reason: up.field("refund_reason"),
            requested_amount: up.field("requested_amount"),
            contact_name: up.field("contact_name"),
            contact_email: up.field("contact_email"),
            contact_phone: up.field("contact_phone"),
        };
        return Ok((input, Some(up)));
    }
    let bytes = payload
        .to_bytes_limited(JSON_LIMIT)
        .await
        .map_err(|_| ApiError::BadRequest("api-problem-json"))?
        .map_err(|_| ApiError::BadRequest("api-problem-json"))?;
    let b: NewRequestBody =
        serde_json::from_slice(&bytes).map_err(|_| ApiError::BadRequest("api-problem-json"))?;
    let input = RequestInput {
        problem_type: b.problem_type,
        impact: b.impact,
        title: b.title,
        description: b.description,
        customer_ref: b.customer_ref,
        purchase_ref: b.purchase_ref,
        refund_reason: b.refund_reason,
        requested_amount: b.requested_amount,
        contact_name: b.contact_name,
        contact_email: b.contact_email,
        contact_phone: b.contact_phone,
    };
    Ok((input, None))
}

/// What the upload refused, as field errors on `files`.
fn upload_errors(up: &upload::Upload) -> Vec<FieldError> {
    up.problems
        .iter()
        .map(|p| {
            let (message, args) = match p {
                UploadProblem::TooLarge(name) => (
                    "error-file-too-large",
                    vec![
                        ("name", ArgValue::Text(name.clone())),
                        ("limit", ArgValue::Text(human_size(upload::MAX_FILE_BYTES))),
                    ],
                ),
                UploadProblem::TooMuch => (
                    "error-files-too-much",
                    vec![("limit", ArgValue::Text(human_size(upload::MAX_TOTAL_BYTES)))],
                ),
                UploadProblem::TooMany => (
                    "error-files-too-many",
                    vec![("count", ArgValue::number(upload::MAX_FILES))],
                ),
                UploadProblem::WrongType(name) => (
                    "error-file-type",
                    vec![
                        ("name", ArgValue::Text(name.clone())),
                        ("types", ArgValue::Text(upload::allowed_extensions())),
                    ],
                ),
            };
            FieldError {
                field: "files",
                message,
                args,
            }
        })
        .collect()
}

/// Files a request (`service_request_filed`, or `cancellation_requested`
/// for a refund, which marks the purchase "cancellation requested"), as
/// JSON or as a multipart form with attachments. An optional
/// `Idempotency-Key` header (a UUID) makes a retry answer the first
/// request (200).
#[utoipa::path(post, path = "/api/v1/service-requests", tag = "service requests",
    params(("Idempotency-Key" = Option<Uuid>, Header, description = "A UUID made by the client for this request")),
    request_body(content(
        (NewRequestBody = "application/json"),
        (NewRequestForm = "multipart/form-data"),
    )),
    responses(
        (status = 201, body = RequestView),
        (status = 200, description = "Filed before with this key", body = RequestView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The purchase is not active (another request is open)", body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    p: ApiAllowed<FileRequests>,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let partner = p.partner_id().map_err(|_| ApiError::NotFound)?;
    let key = match req.headers().get("idempotency-key") {
        None => Uuid::new_v4(),
        Some(v) => v
            .to_str()
            .ok()
            .and_then(|v| Uuid::parse_str(v.trim()).ok())
            .ok_or(ApiError::BadRequest("api-problem-idempotency-key"))?,
    };
    let (input, up) = read_body(&state, &req, payload).await?;
    super::no_nul([
        input.problem_type.as_str(),
        &input.impact,
        &input.title,
        &input.description,
        &input.customer_ref,
        &input.purchase_ref,
        &input.refund_reason,
        &input.requested_amount,
        &input.contact_name,
        &input.contact_email,
        &input.contact_phone,
    ])?;
    if let Some(id) = requests::by_idempotency_key(&state.db, partner, key).await? {
        return Ok(HttpResponse::Ok().json(view(one(&state, &p, id).await?)));
    }
    let now = state.clock.now();
    let CheckedReport {
        request,
        refund,
        mut errors,
        ..
    } = support::check_report(&state, partner, p.has(Role::AdminAgent), &input, now).await?;
    if let Some(up) = &up {
        errors.extend(upload_errors(up));
    }
    let (Some(request), true) = (request, errors.is_empty()) else {
        return Err(ApiError::Invalid(errors));
    };
    let actor = crate::web::audit::actor(&state, &req, &p);
    let attachments = up.as_ref().map(|u| u.stored.files()).unwrap_or_default();
    let (filed, _) = support::file_checked(
        &state,
        &actor,
        partner,
        p.account.id,
        key,
        &request,
        refund.as_ref(),
        &input.refund_reason,
        attachments,
    )
    .await?;
    if let (Filed::New(_), Some(up)) = (&filed, up) {
        // Committed: the files are the request's now.
        up.stored.keep();
    }
    match filed {
        Filed::New(id) => Ok(created(&view(one(&state, &p, id).await?))),
        Filed::AlreadyFiled(id) => Ok(HttpResponse::Ok().json(view(one(&state, &p, id).await?))),
        Filed::PurchaseNotActive => Err(ApiError::Conflict {
            kind: "purchase-not-active",
            message: "error-purchase-not-active",
            args: Vec::new(),
        }),
    }
}

/// The partner's requests, newest first.
#[utoipa::path(get, path = "/api/v1/service-requests", tag = "service requests",
    params(PageQuery),
    responses(
        (status = 200, body = Page<RequestView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    p: ApiAllowed<FileRequests>,
    req: HttpRequest,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let partner = p.partner_id().map_err(|_| ApiError::NotFound)?;
    let limit = page.limit()?;
    let after = page
        .after::<(DateTime<Utc>, Uuid)>()?
        .map(|(filed_at, id)| After { filed_at, id });
    let (rows, more) = requests::for_partner(&state.db, partner, after, limit).await?;
    Ok(HttpResponse::Ok().json(Page::of(rows, more, |r| (r.filed_at, r.id), view)))
}

/// One request: the partner's own; operators any.
#[utoipa::path(get, path = "/api/v1/service-requests/{id}", tag = "service requests",
    params(("id" = Uuid, Path, description = "The request's id")),
    responses(
        (status = 200, body = RequestView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn get(
    p: ApiAllowed<SeeRequests>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    Ok(HttpResponse::Ok().json(view(one(&state, &p, *id).await?)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `open` (the default: submitted and in progress, oldest first),
    /// `submitted`, `in_progress`, `approved`, `rejected`, `closed` or `all`.
    pub view: Option<String>,
}

/// The operators' queue.
#[utoipa::path(get, path = "/api/v1/operator/requests", tag = "operators",
    params(QueueQuery, PageQuery),
    responses(
        (status = 200, body = Page<RequestView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn queue(
    _p: ApiAllowed<OperatePortal>,
    req: HttpRequest,
    query: web::Query<QueueQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let view_of = match query.view.as_deref().map(str::trim) {
        None | Some("") => QueueView::Open,
        Some(v) => QueueView::parse(Some(v)).ok_or_else(|| {
            ApiError::Invalid(vec![FieldError::new("view", "api-error-queue-view")])
        })?,
    };
    let limit = page.limit()?;
    let after = page
        .after::<(DateTime<Utc>, Uuid)>()?
        .map(|(filed_at, id)| After { filed_at, id });
    let (rows, more) = requests::queue(&state.db, view_of, None, after, limit).await?;
    Ok(HttpResponse::Ok().json(Page::of(rows, more, |r| (r.filed_at, r.id), view)))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct DecisionBody {
    /// Required to reject: what the partner is told.
    pub reply: String,
}

async fn decide(
    p: &Principal,
    req: &HttpRequest,
    id: Uuid,
    decision: Decision,
    reply: &str,
) -> ApiResult<HttpResponse> {
    let state = state_of(req)?;
    super::no_nul([reply])?;
    let row = one(&state, p, id).await?;
    if !row.problem_type.is_refund() {
        return Err(ApiError::Conflict {
            kind: "not-a-cancellation",
            message: "api-problem-not-a-cancellation-detail",
            args: Vec::new(),
        });
    }
    support::check_reply(&decision, reply).map_err(|e| ApiError::Invalid(vec![e]))?;
    let actor = crate::web::audit::actor(&state, req, p);
    match support::decide(&state, &actor, &row, decision, reply.trim()).await? {
        Outcome::AlreadyDecided => Err(ApiError::Conflict {
            kind: "already-decided",
            message: "request-already-decided",
            args: Vec::new(),
        }),
        Outcome::Recorded | Outcome::Credited(_) => {
            Ok(HttpResponse::Ok().json(view(one(&state, p, id).await?)))
        }
    }
}

/// Approves a cancellation: the purchase cancelled, its key revoked, its
/// links disabled and a 100% credit note issued (`cancellation_approved`).
#[utoipa::path(post, path = "/api/v1/operator/requests/{id}/approve", tag = "operators",
    params(("id" = Uuid, Path, description = "The request's id")),
    request_body(content = DecisionBody, description = "An optional reply"),
    responses(
        (status = 200, body = RequestView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already, or not a cancellation", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn approve(
    p: ApiAllowed<OperatePortal>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: Option<web::Json<DecisionBody>>,
) -> ApiResult<HttpResponse> {
    let reply = body.map(|b| b.into_inner().reply).unwrap_or_default();
    decide(&p, &req, *id, Decision::Approve, &reply).await
}

/// Rejects a cancellation with a reply (`cancellation_rejected`); the
/// purchase is active again.
#[utoipa::path(post, path = "/api/v1/operator/requests/{id}/reject", tag = "operators",
    params(("id" = Uuid, Path, description = "The request's id")),
    request_body = DecisionBody,
    responses(
        (status = 200, body = RequestView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Decided already, or not a cancellation", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn reject(
    p: ApiAllowed<OperatePortal>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<DecisionBody>,
) -> ApiResult<HttpResponse> {
    decide(&p, &req, *id, Decision::Reject, &body.reply).await
}
