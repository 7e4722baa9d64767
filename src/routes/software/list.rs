//! `GET /customers/{id}/software` and `GET /my/software`: every subscription
//! of the customer, newest first, paged by keyset.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::Where;
use crate::domain::role::Role;
use crate::domain::subscription::SubscriptionStatus;
use crate::error::AppResult;
use crate::store::organisations::Customer;
use crate::store::software::{self, After, SoftwareRow};
use crate::web::access::{Policy, SeeCustomers, SeeOwnSoftware};
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::page::Page;

pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct Query {
    after_at: Option<DateTime<Utc>>,
    after_id: Option<Uuid>,
}

pub struct Row {
    pub id: Uuid,
    pub order_id: Uuid,
    pub product: String,
    pub purchased: String,
    pub quantity: i64,
    pub status: SubscriptionStatus,
    pub cancel_until: String,
    pub downloadable: bool,
    /// Offered to admin agents while the purchase is active and in its window.
    pub cancel_link: Option<String>,
    pub days_left: String,
    pub credit: String,
}

#[derive(Template)]
#[template(path = "software/list.html")]
struct SoftwareList {
    page: Page,
    customer: Customer,
    tab: &'static str,
    can_buy: bool,
    own_view: bool,
    base: String,
    rows: Vec<Row>,
    can_get_keys: bool,
    next_page: Option<String>,
    first_page: bool,
}

fn row(page: &Page, now: DateTime<Utc>, can_cancel: bool, r: SoftwareRow) -> Row {
    Row {
        id: r.id,
        order_id: r.order_id,
        product: r.product_name,
        purchased: r.purchased_at.format("%Y-%m-%d").to_string(),
        quantity: r.quantity,
        status: r.status,
        cancel_until: if r.cancel_until > now {
            r.cancel_until.format("%Y-%m-%d %H:%M UTC").to_string()
        } else {
            page.t1(
                "software-window-closed",
                "date",
                &r.cancel_until.format("%Y-%m-%d").to_string(),
            )
        },
        downloadable: r.has_keys || r.has_downloads,
        cancel_link: (can_cancel && r.status.is_active() && now < r.cancel_until).then(|| {
            format!(
                "/support/new?customer={}&subscription={}",
                r.customer_id, r.id
            )
        }),
        days_left: if r.status.is_active() && now < r.cancel_until {
            // Whole days, rounded up: "1 day left" until the very end.
            let secs = (r.cancel_until - now).num_seconds();
            page.i18n.t_args(
                "software-days-left",
                &[("days", &((secs + 86_399) / 86_400).to_string())],
            )
        } else {
            String::new()
        },
        credit: r
            .credit_minor
            .map(|c| {
                page.t1(
                    "software-credited",
                    "amount",
                    &crate::domain::money::format(c, &r.currency),
                )
            })
            .unwrap_or_default(),
    }
}

async fn render_list(ctx: &Ctx<impl Policy>, w: Where, q: &Query) -> AppResult<HttpResponse> {
    let after = match (q.after_at, q.after_id) {
        (Some(purchased_at), Some(id)) => Some(After { purchased_at, id }),
        _ => None,
    };
    let (rows, more) =
        software::list(ctx.db(), ctx.scope(), w.customer.id, after, PAGE_SIZE).await?;
    let next_page = match rows.last() {
        Some(last) if more => Some(format!(
            "{}?{}",
            w.base,
            serde_urlencoded::to_string([
                ("after_at", last.purchased_at.to_rfc3339()),
                ("after_id", last.id.to_string()),
            ])
            .unwrap_or_default()
        )),
        _ => None,
    };
    let page = ctx.page(w.section())?;
    let now = ctx.state.clock.now();
    let can_cancel = !w.own_view && ctx.has(Role::AdminAgent);
    let rows = rows
        .into_iter()
        .map(|r| row(&page, now, can_cancel, r))
        .collect();
    crate::routes::ok(&SoftwareList {
        page,
        tab: "software",
        can_buy: ctx.has_any(&[Role::AdminAgent, Role::SalesAgent]),
        own_view: w.own_view,
        can_get_keys: ctx.has_any(&[Role::AdminAgent, Role::CustomerGlobalAdmin]),
        base: w.base,
        customer: w.customer,
        rows,
        next_page,
        first_page: after.is_none(),
    })
}

pub async fn partner(
    c: ScopedCustomer<SeeCustomers>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    render_list(&ctx, Where::partner(customer), &q).await
}

pub async fn own(ctx: Ctx<SeeOwnSoftware>, q: web::Query<Query>) -> AppResult<HttpResponse> {
    let w = Where::own(&ctx.state, &ctx).await?;
    render_list(&ctx, w, &q).await
}
