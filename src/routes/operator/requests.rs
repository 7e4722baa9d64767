//! The operators' queue of service requests (oldest first, filtered by status
//! and type) and the decision on one: approve or reject a cancellation (a
//! rejection needs a reason), or close another kind of request.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::service_request::{ProblemType, RequestStatus};
use crate::error::{AppError, AppResult};
use crate::routes::support::show::{RequestView, build, view};
use crate::routes::{render, see_other};
use crate::store::requests::{self, Decision};
use crate::web::access::OperatePortal;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

#[derive(Deserialize)]
pub struct Filter {
    status: Option<String>,
    #[serde(rename = "type")]
    problem_type: Option<String>,
}

#[derive(Template)]
#[template(path = "support/list.html")]
struct Queue {
    page: Page,
    requests: Vec<RequestView>,
    operator: bool,
    status: Option<RequestStatus>,
    problem_type: Option<ProblemType>,
}

pub async fn queue(ctx: Ctx<OperatePortal>, f: web::Query<Filter>) -> AppResult<HttpResponse> {
    let status = f.status.as_deref().filter(|s| !s.is_empty());
    let problem_type = f.problem_type.as_deref().filter(|s| !s.is_empty());
    let status = status.map(RequestStatus::parse);
    let problem_type = problem_type.map(ProblemType::parse);
    let rows = match (status, problem_type) {
        // A value that names no status or type matches no request.
        (Some(None), _) | (_, Some(None)) => Vec::new(),
        (status, problem_type) => {
            requests::queue(ctx.db(), status.flatten(), problem_type.flatten(), 500).await?
        }
    };
    let page = ctx.page("requests")?;
    let requests = rows.into_iter().map(|r| view(&page, r)).collect();
    crate::routes::ok(&Queue {
        page,
        requests,
        operator: true,
        status: status.flatten(),
        problem_type: problem_type.flatten(),
    })
}

pub async fn show(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), None, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = ctx.page("requests")?;
    let base = format!("/operator/requests/{}", row.id);
    crate::routes::ok(&build(page, &ctx.state, row, base, true).await?)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    reply: String,
}

pub async fn decide(
    ctx: Ctx<OperatePortal>,
    id: web::Path<Uuid>,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), None, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let decision = match (form.decision.as_str(), row.problem_type.is_refund()) {
        ("approve", true) => Decision::Approve,
        ("reject", true) => Decision::Reject,
        ("close", false) => Decision::Close,
        _ => return Err(AppError::BadRequest),
    };
    let reply = form.reply.trim();
    if (decision == Decision::Reject && reply.is_empty()) || reply.chars().count() > 5000 {
        let page = ctx.page("requests")?;
        let base = format!("/operator/requests/{}", row.id);
        let mut show = build(page, &ctx.state, row, base, true).await?;
        show.page.flash = Some(if reply.is_empty() {
            ctx.i18n.t("error-reject-reason")
        } else {
            ctx.i18n.t("error-too-long")
        });
        return render(&show, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let done = crate::app::support::decide(&ctx.state, &ctx.actor(), &row, decision, reply).await?;
    ctx.flash(ctx.i18n.t(if done {
        "request-decided"
    } else {
        "request-already-decided"
    }))?;
    Ok(see_other(&format!("/operator/requests/{}", row.id)))
}
