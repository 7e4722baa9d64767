//! `GET /credit-notes/{id}`: a credit note as a document: its number, who
//! issued it to whom, the purchase it credits (100% of the line) and the
//! cancellation request it settles. The partner's staff who see its
//! purchases (admin, sales and helpdesk agents) see their own partner's;
//! operators see all. A foreign or unknown id is a 404.

use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::domain::credit_note;
use crate::domain::role::Role;
use crate::domain::scope::Scope;
use crate::error::{AppError, AppResult};
use crate::layout::date_time;
use crate::store::credit_notes::{self, CreditNoteRow};
use crate::web::access::SeeCreditNotes;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "support/credit_note.html")]
struct CreditNotePage {
    page: Page,
    n: CreditNoteRow,
    label: String,
    issued: String,
    purchased: String,
    decided: String,
    unit_price: String,
    line_total: String,
    amount: String,
    /// Where the request it settles is read (the operator's page or the partner's).
    request_href: String,
    /// The partner's order and purchase pages, for those who may open them.
    order_href: Option<String>,
    purchase_href: Option<String>,
}

pub async fn show(ctx: Ctx<SeeCreditNotes>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let scope = ctx.scope();
    let n = credit_notes::one(ctx.db(), scope, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let vendor = scope == Scope::Vendor;
    let page = ctx.page(if vendor { "requests" } else { "support" })?;
    let customer = format!("/customers/{}", n.customer_id);
    let t = CreditNotePage {
        label: credit_note::label(n.number),
        issued: date_time(&n.issued_at),
        purchased: date_time(&n.purchased_at),
        decided: n.decided_at.map(|d| date_time(&d)).unwrap_or_default(),
        unit_price: crate::format::money(n.unit_price_minor, &n.currency),
        line_total: crate::format::money(
            n.unit_price_minor.saturating_mul(n.quantity),
            &n.currency,
        ),
        amount: crate::format::money(n.amount_minor, &n.currency),
        request_href: if vendor {
            format!("/operator/requests/{}", n.service_request_id)
        } else {
            format!("/support/{}", n.service_request_id)
        },
        order_href: (!vendor).then(|| format!("{customer}/orders/{}", n.order_id)),
        purchase_href: (!vendor && ctx.has(Role::AdminAgent))
            .then(|| format!("{customer}/software/{}", n.subscription_id)),
        page,
        n,
    };
    crate::routes::ok(&t)
}
