//! `GET /support/{id}`: one request with its attachments, status and reply;
//! for a cancellation, the purchase (bought when, how long was left to
//! cancel when it was filed) and, once approved, its credit note.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::domain::credit_note;
use crate::domain::role::Role;
use crate::domain::service_request::{self, RequestStatus};
use crate::error::{AppError, AppResult};
use crate::layout::date_time;
use crate::routes::operator::catalog::human_size;
use crate::store::requests::{self, RequestRow};
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;
use crate::web::state::AppState;

/// The purchase a cancellation is about.
pub struct PurchaseView {
    pub product: String,
    pub quantity: i64,
    pub order_id: Option<Uuid>,
    pub purchased: String,
    pub cancel_until: String,
    /// How long was left to cancel when the request was filed.
    pub window_at_filing: String,
}

pub struct RequestView {
    pub id: Uuid,
    pub number: String,
    pub partner: String,
    pub filed_by: String,
    pub filed_at: String,
    /// How long it has waited for a decision (open requests).
    pub waiting: String,
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
    pub taken_by_id: Option<Uuid>,
    /// Who took it, while in progress, and with since when.
    pub taken_by_name: String,
    pub taken_by: String,
    pub decided_at: String,
    pub decided_by: String,
    pub reply: String,
    pub purchase: Option<PurchaseView>,
    /// The credit note of an approved cancellation: (id, label).
    pub credit_note: Option<(Uuid, String)>,
}

/// "12 d 4 h": days and hours, as the links' time left is written.
pub fn span(page: &Page, d: Duration) -> String {
    if d < Duration::hours(1) {
        return page.t("duration-under-an-hour");
    }
    let days = d.num_days();
    let hours = d.num_hours() - days * 24;
    page.i18n.t_with(
        "duration-days-hours",
        &[("days", days.into()), ("hours", hours.into())],
    )
}

pub fn view(page: &Page, now: DateTime<Utc>, r: RequestRow) -> RequestView {
    let purchase = match (r.purchased_at, r.cancel_until, r.problem_type.is_refund()) {
        (Some(purchased_at), Some(cancel_until), true) => Some(PurchaseView {
            product: r.product_name.clone().unwrap_or_default(),
            quantity: r.quantity.unwrap_or_default(),
            order_id: r.order_id,
            purchased: date_time(&purchased_at),
            cancel_until: date_time(&cancel_until),
            window_at_filing: span(
                page,
                service_request::window_left_at_filing(r.filed_at, cancel_until),
            ),
        }),
        _ => None,
    };
    let open = r.status.is_open();
    RequestView {
        id: r.id,
        number: r.number,
        partner: r.partner_name,
        filed_by: r.filed_by_name.unwrap_or_default(),
        filed_at: date_time(&r.filed_at),
        waiting: if open {
            span(page, (now - r.filed_at).max(Duration::zero()))
        } else {
            String::new()
        },
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
            (Some(m), Some(c)) => crate::format::money(m, &c),
            _ => String::new(),
        },
        contact: format!(
            "{} · {} · {}",
            r.contact_name, r.contact_email, r.contact_phone
        ),
        status: r.status,
        open,
        taken_by_id: r.taken_by.filter(|_| open),
        taken_by_name: r.taken_by_name.clone().filter(|_| open).unwrap_or_default(),
        taken_by: match (open, r.taken_by_name, r.taken_at) {
            (true, Some(name), Some(at)) => page.i18n.t_args(
                "request-taken-by",
                &[("name", &name), ("date", &date_time(&at))],
            ),
            _ => String::new(),
        },
        decided_at: r.decided_at.map(|d| date_time(&d)).unwrap_or_default(),
        decided_by: r.decided_by_name.unwrap_or_default(),
        reply: r.reply.unwrap_or_default(),
        purchase,
        credit_note: r
            .credit_note_id
            .zip(r.credit_note_number)
            .map(|(id, n)| (id, credit_note::label(n))),
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
    /// For an operator: whether the Take button is offered (open, not theirs).
    pub can_take: bool,
    /// For an operator, on an open cancellation: what approving will do.
    pub approval: Vec<String>,
    /// What the browser's dialog asks before Approve and Reject (with
    /// JavaScript; `web::confirm`).
    pub approve_confirm: String,
    pub reject_confirm: String,
    /// The purchase's page, for a partner's admin agent (who may open it).
    pub purchase_href: Option<String>,
    /// A refused decision: its message at the reply field and in the summary.
    pub errors: FormErrors,
    /// The reply typed, kept when the decision is refused.
    pub reply: String,
}

/// What approving `r` would do, each effect a sentence (SPEC 3.4): the
/// purchase cancelled, the credit, the key revoked, the links disabled.
pub async fn approval_effects(
    page: &Page,
    state: &AppState,
    r: &RequestRow,
    now: DateTime<Utc>,
) -> AppResult<Vec<String>> {
    let Some(sub) = r.subscription_id.filter(|_| r.problem_type.is_refund()) else {
        return Ok(Vec::new());
    };
    let (keys, links) = requests::approval_effects(&state.db, sub, now).await?;
    let product = r.product_name.clone().unwrap_or_default();
    let quantity = r.quantity.unwrap_or_default();
    let amount = match (r.requested_minor, &r.currency) {
        (Some(m), Some(c)) => crate::format::money(m, c),
        _ => String::new(),
    };
    let mut effects = vec![
        page.i18n.t_with(
            "approval-cancels",
            &[
                ("product", (&product).into()),
                ("quantity", quantity.into()),
            ],
        ),
        page.i18n.t_args(
            "approval-credits",
            &[("amount", &amount), ("partner", &r.partner_name)],
        ),
    ];
    effects.push(page.t(if keys > 0 {
        "approval-revokes-key"
    } else {
        "approval-no-key"
    }));
    effects.push(if links > 0 {
        page.i18n
            .t_with("approval-disables-links", &[("count", links.into())])
    } else {
        page.t("approval-no-links")
    });
    Ok(effects)
}

pub async fn build(
    page: Page,
    state: &AppState,
    row: RequestRow,
    base: String,
    operator: Option<Uuid>,
) -> AppResult<Show> {
    let now = state.clock.now();
    let attachments = requests::attachments(&state.db, row.id)
        .await?
        .into_iter()
        .map(|a| AttachmentView {
            id: a.id,
            name: a.original_name,
            size: human_size(a.size_bytes),
        })
        .collect();
    let open = row.status.is_open();
    let approval = if operator.is_some() && open {
        approval_effects(&page, state, &row, now).await?
    } else {
        Vec::new()
    };
    let can_take = operator.is_some() && open && row.taken_by != operator;
    let (approve_confirm, reject_confirm) = if approval.is_empty() {
        (String::new(), String::new())
    } else {
        let last = page.t("confirm-final");
        (
            format!(
                "{}\n\n{}\n• {}\n\n{last}",
                page.t1("request-approve-confirm-title", "number", &row.number),
                page.t("approval-will"),
                approval.join("\n• "),
            ),
            format!(
                "{}\n\n{}\n{}\n\n{last}",
                page.t1("request-reject-confirm-title", "number", &row.number),
                page.t("request-reject-confirm-reply"),
                page.t("request-reject-confirm-stays"),
            ),
        )
    };
    let r = view(&page, now, row);
    Ok(Show {
        page,
        r,
        attachments,
        base,
        operator: operator.is_some(),
        can_take,
        approval,
        approve_confirm,
        reject_confirm,
        purchase_href: None,
        errors: FormErrors::default(),
        reply: String::new(),
    })
}

pub async fn show(ctx: Ctx<FileRequests>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let row = requests::one(ctx.db(), Some(ctx.partner_id()?), *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = ctx.page("support")?;
    let base = format!("/support/{}", row.id);
    let purchase_href = match (row.customer_id, row.subscription_id) {
        (Some(c), Some(s)) if ctx.has(Role::AdminAgent) => {
            Some(format!("/customers/{c}/software/{s}"))
        }
        _ => None,
    };
    let mut show = build(page, &ctx.state, row, base, None).await?;
    show.purchase_href = purchase_href;
    crate::routes::ok(&show)
}
