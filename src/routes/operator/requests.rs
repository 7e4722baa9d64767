//! The operators' queue of service requests: it opens on the open ones,
//! oldest first, with a tab per status and its count; the request page,
//! taking a request ("in progress", with who took it) and the decision:
//! approve or reject a cancellation (a rejection needs a reason; either is
//! confirmed first), or close another kind of request.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

use crate::app::support::{Outcome, Take};
use crate::domain::service_request::{ProblemType, QueueView};
use crate::error::{AppError, AppResult};
use crate::routes::support::list::{List, PAGE_SIZE, PageQuery, ViewTab, page_url, showing};
use crate::routes::support::show::{self, Show, build};
use crate::routes::{render, see_other};
use crate::store::requests::{self, Decision};
use crate::web::access::OperatePortal;
use crate::web::confirm::{Confirmation, Confirmed};
use crate::web::ctx::Ctx;

#[derive(Deserialize)]
pub struct Filter {
    status: Option<String>,
    #[serde(rename = "type")]
    problem_type: Option<String>,
    #[serde(flatten)]
    paging: PageQuery,
}

pub async fn queue(ctx: Ctx<OperatePortal>, f: web::Query<Filter>) -> AppResult<HttpResponse> {
    let view_param = QueueView::parse(f.status.as_deref());
    let type_param = f.problem_type.as_deref().filter(|s| !s.trim().is_empty());
    let problem_type = type_param.map(|t| ProblemType::parse(t.trim()));
    let page = ctx.page("requests")?;
    let db = ctx.db();
    let type_filter = problem_type.flatten();
    let counts = requests::counts(db, type_filter).await?;
    let view = view_param.unwrap_or(QueueView::Open);
    let after = f.paging.after();
    let (rows, more) = match (view_param, problem_type) {
        // A value that names no status or type matches no request.
        (None, _) | (_, Some(None)) => (Vec::new(), false),
        _ => requests::queue(db, view, type_filter, after, PAGE_SIZE).await?,
    };
    let before = match (after, rows.is_empty()) {
        (Some(a), false) => requests::queue_position(db, view, type_filter, a).await?,
        _ => 0,
    };
    let params = |v: QueueView| {
        let mut p = vec![("status", v.as_str().to_owned())];
        if let Some(t) = type_filter {
            p.push(("type", t.as_str().to_owned()));
        }
        p
    };
    let tabs = QueueView::all()
        .into_iter()
        .map(|v| ViewTab {
            href: page_url("/operator/requests", &params(v), None),
            label: page.t(v.message_id()),
            count: v.count(&counts),
            current: view_param == Some(v),
        })
        .collect();
    let next_page = rows
        .last()
        .filter(|_| more)
        .map(|last| page_url("/operator/requests", &params(view), Some(last)));
    let total = if view_param.is_some() && problem_type != Some(None) {
        view.count(&counts)
    } else {
        0
    };
    let showing = showing(&page, before, rows.len(), total);
    let now = ctx.state.clock.now();
    let requests = rows
        .into_iter()
        .map(|r| show::view(&page, now, r))
        .collect();
    crate::routes::ok(&List {
        page,
        requests,
        operator: true,
        me: Some(ctx.account.id),
        tabs,
        view,
        problem_type: type_filter,
        showing,
        first_page: after.map(|_| page_url("/operator/requests", &params(view), None)),
        next_page,
    })
}

async fn request_page(ctx: &Ctx<OperatePortal>, row: requests::RequestRow) -> AppResult<Show> {
    let page = ctx.page("requests")?;
    let base = format!("/operator/requests/{}", row.id);
    build(page, &ctx.state, row, base, Some(ctx.account.id)).await
}

pub async fn show(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), None, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::routes::ok(&request_page(&ctx, row).await?)
}

/// `POST /operator/requests/{id}/take`: this operator works on it now.
pub async fn take(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), None, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let taken = crate::app::support::take(&ctx.state, &ctx.actor(), &row).await?;
    ctx.flash(ctx.i18n.t1(
        match taken {
            Take::Taken => "request-taken",
            Take::AlreadyYours => "request-already-yours",
            Take::Decided => "request-already-decided",
        },
        "number",
        &row.number,
    ))?;
    Ok(see_other(&format!("/operator/requests/{}", row.id)))
}

#[derive(Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    reply: String,
    #[serde(flatten)]
    confirmed: Confirmed,
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
    if let Err(e) = crate::app::support::check_reply(&decision, reply) {
        let mut show = request_page(&ctx, row).await?;
        show.errors
            .push("reply", crate::web::form::message(&ctx.i18n, &e));
        show.reply = form.reply.clone();
        return render(&show, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // A cancellation's decision cannot be undone: asked first (web::confirm),
    // once the form is right. An open request only: a decided one answers
    // below that nothing changed.
    if decision != Decision::Close && !form.confirmed.yes() && row.status.is_open() {
        return decision_confirmation(&ctx, &row, decision, reply).await;
    }
    let outcome =
        crate::app::support::decide(&ctx.state, &ctx.actor(), &row, decision, reply).await?;
    ctx.flash(match outcome {
        Outcome::AlreadyDecided => ctx.i18n.t("request-already-decided"),
        Outcome::Recorded => ctx.i18n.t("request-decided"),
        Outcome::Credited(issued) => ctx.i18n.t1(
            "request-decided-credited",
            "number",
            &crate::domain::credit_note::label(issued.number),
        ),
    })?;
    Ok(see_other(&format!("/operator/requests/{}", row.id)))
}

/// The page that asks before a cancellation is approved or rejected,
/// saying what the decision does.
async fn decision_confirmation(
    ctx: &Ctx<OperatePortal>,
    row: &requests::RequestRow,
    decision: Decision,
    reply: &str,
) -> AppResult<HttpResponse> {
    let page = ctx.page("requests")?;
    let base = format!("/operator/requests/{}", row.id);
    let mut facts = vec![
        (page.t("request-number"), row.number.clone()),
        (page.t("partner-name"), row.partner_name.clone()),
        (
            page.t("customer"),
            row.customer_name.clone().unwrap_or_default(),
        ),
        (
            page.t("product"),
            row.product_name.clone().unwrap_or_default(),
        ),
    ];
    if !reply.is_empty() {
        facts.push((page.t("request-reply"), reply.to_owned()));
    }
    let approve = decision == Decision::Approve;
    let (title, lead, effects, label) = if approve {
        let effects = show::approval_effects(&page, &ctx.state, row, ctx.state.clock.now()).await?;
        (
            "request-approve-confirm-page",
            page.t("approval-will"),
            effects,
            "request-approve",
        )
    } else {
        (
            "request-reject-confirm-page",
            String::new(),
            vec![
                page.t("request-reject-confirm-reply"),
                page.t("request-reject-confirm-stays"),
            ],
            "request-reject-confirm",
        )
    };
    Confirmation {
        title: page.t(title),
        facts,
        lead,
        effects,
        note: page.t("confirm-final"),
        action: format!("{base}/decision"),
        fields: vec![
            ("decision".to_owned(), form_value(decision).to_owned()),
            ("reply".to_owned(), reply.to_owned()),
        ],
        confirm_label: page.t(label),
        back: base,
        back_label: page.t("request-confirm-back"),
        page,
    }
    .answer()
}

/// The decision as the form names it.
fn form_value(d: Decision) -> &'static str {
    match d {
        Decision::Approve => "approve",
        Decision::Reject => "reject",
        Decision::Close => "close",
    }
}
