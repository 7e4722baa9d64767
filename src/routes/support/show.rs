//! `GET /support/{id}`: one request with its attachments, status and reply.

use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::domain::money;
use crate::domain::service_request::RequestStatus;
use crate::error::{AppError, AppResult};
use crate::routes::operator::catalog::human_size;
use crate::store::requests::{self, RequestRow};
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::page::Page;
use crate::web::state::AppState;

pub struct RequestView {
    pub id: Uuid,
    pub number: String,
    pub partner: String,
    pub filed_by: String,
    pub filed_at: String,
    pub problem_type: String,
    pub is_refund: bool,
    pub impact: String,
    pub title: String,
    pub description: String,
    pub customer: String,
    pub customer_id: Option<Uuid>,
    pub subscription_id: Option<Uuid>,
    pub refund_reason: String,
    pub requested: String,
    pub contact: String,
    pub status: RequestStatus,
    pub open: bool,
    pub decided_at: String,
    pub reply: String,
}

pub fn view(page: &Page, r: RequestRow) -> RequestView {
    RequestView {
        id: r.id,
        number: r.number,
        partner: r.partner_name,
        filed_by: r.filed_by_name.unwrap_or_default(),
        filed_at: r.filed_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        problem_type: page.t(r.problem_type.message_id()),
        is_refund: r.problem_type.is_refund(),
        impact: page.t(r.impact.message_id()),
        title: r.title,
        description: r.description,
        customer: r.customer_name.unwrap_or_default(),
        customer_id: r.customer_id,
        subscription_id: r.subscription_id,
        refund_reason: r.refund_reason.unwrap_or_default(),
        requested: match (r.requested_minor, r.currency) {
            (Some(m), Some(c)) => money::format(m, &c),
            _ => String::new(),
        },
        contact: format!(
            "{} · {} · {}",
            r.contact_name, r.contact_email, r.contact_phone
        ),
        status: r.status,
        open: r.status.is_open(),
        decided_at: r
            .decided_at
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default(),
        reply: r.reply.unwrap_or_default(),
    }
}

pub struct AttachmentView {
    pub id: Uuid,
    pub name: String,
    pub size: String,
}

#[derive(Template)]
#[template(path = "support/show.html")]
pub struct Show {
    pub page: Page,
    pub r: RequestView,
    pub attachments: Vec<AttachmentView>,
    /// `/support/{id}` or `/operator/requests/{id}`.
    pub base: String,
    pub operator: bool,
}

pub async fn build(
    page: Page,
    state: &AppState,
    row: RequestRow,
    base: String,
    operator: bool,
) -> AppResult<Show> {
    let attachments = requests::attachments(&state.db, row.id)
        .await?
        .into_iter()
        .map(|a| AttachmentView {
            id: a.id,
            name: a.original_name,
            size: human_size(a.size_bytes),
        })
        .collect();
    let r = view(&page, row);
    Ok(Show {
        page,
        r,
        attachments,
        base,
        operator,
    })
}

pub async fn show(ctx: Ctx<FileRequests>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), Some(ctx.partner_id()?), *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = ctx.page("support")?;
    let base = format!("/support/{}", row.id);
    crate::routes::ok(&build(page, &ctx.state, row, base, false).await?)
}
