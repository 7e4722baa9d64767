//! `GET /customers/{id}/software` and `GET /my/software`: the customer's
//! purchases, searchable by product, filtered by status, sorted by purchase
//! date either way and paged by keyset both ways, with "Showing N–M of T".

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::Where;
use crate::domain::role::Role;
use crate::domain::subscription::{StatusFilter, SubscriptionStatus};
use crate::error::AppResult;
use crate::routes::paging::{self, CursorQuery, Pager};
use crate::store::keyset::Order;
use crate::store::organisations::Customer;
use crate::store::software::{self, Filter, Key, ListedPurchase};
use crate::web::access::{Policy, SeeCustomers, SeeOwnSoftware};
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::html::{Escaped, Id};
use crate::web::page::Page;

pub const PAGE_SIZE: i64 = 50;

/// A search longer than any product name finds nothing anyway.
const SEARCH_MAX: usize = 100;

#[derive(Deserialize)]
pub struct Query {
    q: Option<String>,
    status: Option<String>,
    sort: Option<String>,
    #[serde(flatten)]
    cursor: CursorQuery,
}

/// The list's search, filter and sort as the form shows them; an unknown
/// value counts as none.
struct Shape {
    q: String,
    status: Option<StatusFilter>,
    order: Order,
}

impl Shape {
    fn of(query: &Query) -> Shape {
        let q: String = query
            .q
            .as_deref()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(SEARCH_MAX)
            .collect();
        Shape {
            q,
            status: query.status.as_deref().and_then(StatusFilter::parse),
            order: query
                .sort
                .as_deref()
                .and_then(Order::parse)
                .unwrap_or_default(),
        }
    }

    fn filter(&self, now: DateTime<Utc>) -> Filter<'_> {
        Filter {
            product: (!self.q.is_empty()).then_some(self.q.as_str()),
            status: self.status,
            now,
        }
    }

    /// The address parameters that keep this shape from page to page.
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if !self.q.is_empty() {
            p.push(("q", self.q.clone()));
        }
        if let Some(s) = self.status {
            p.push(("status", s.as_str().to_owned()));
        }
        if self.order != Order::default() {
            p.push(("sort", self.order.as_str().to_owned()));
        }
        p
    }

    fn narrowed(&self) -> bool {
        !self.q.is_empty() || self.status.is_some()
    }
}

pub struct Row {
    pub id: Id,
    pub order_id: Id,
    pub product: String,
    pub purchased: String,
    pub quantity: i64,
    pub status: SubscriptionStatus,
    pub cancel_until: String,
    pub downloadable: bool,
    /// Offered to admin agents while the purchase is active and in its window.
    pub cancellable: bool,
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
    base: Escaped,
    customer_id: Id,
    rows: Vec<Row>,
    can_get_keys: bool,
    /// A partner's staff who see the list but may not get keys or cancel
    /// (sales and helpdesk agents) are told so once, above it.
    role_note: bool,
    q: String,
    status: Option<StatusFilter>,
    order: Order,
    narrowed: bool,
    pager: Pager,
}

fn row(page: &Page, now: DateTime<Utc>, can_cancel: bool, r: ListedPurchase) -> Row {
    Row {
        id: r.id.into(),
        order_id: r.order_id.into(),
        product: r.product_name,
        purchased: page.date(&r.purchased_at),
        quantity: r.quantity,
        status: r.status,
        cancel_until: if r.cancel_until > now {
            page.date_time(&r.cancel_until)
        } else {
            page.t1(
                "software-window-closed",
                "date",
                &page.date(&r.cancel_until),
            )
        },
        downloadable: r.has_keys || r.has_downloads,
        cancellable: can_cancel && r.status.is_active() && now < r.cancel_until,
        days_left: if r.status.is_active() && now < r.cancel_until {
            // Whole days, rounded up: "1 day left" until the very end.
            let secs = (r.cancel_until - now).num_seconds();
            page.i18n
                .t_count("software-days-left", "days", (secs + 86_399) / 86_400)
        } else {
            String::new()
        },
        credit: r
            .credit_minor
            .map(|c| {
                page.t1(
                    "software-credited",
                    "amount",
                    &page.i18n.money(c, &r.currency),
                )
            })
            .unwrap_or_default(),
    }
}

async fn render_list(ctx: &Ctx<impl Policy>, w: Where, q: &Query) -> AppResult<HttpResponse> {
    let now = ctx.state.clock.now();
    let shape = Shape::of(q);
    let filter = shape.filter(now);
    let (db, scope, customer) = (ctx.db(), ctx.scope(), w.customer.id);
    let cursor = q
        .cursor
        .cursor()
        .map(|(purchased_at, id)| Key { purchased_at, id });
    let (rows, shown) = paging::read(
        cursor,
        q.cursor.ahead(),
        PAGE_SIZE,
        |c| software::counted_list(db, scope, customer, &filter, shape.order, c, PAGE_SIZE),
        |r: &ListedPurchase| (r.purchased_at, r.id),
    )
    .await?;
    let page = ctx.page(w.section())?;
    let pager = Pager::new(&page, &w.base, &shape.params(), shown);
    let can_cancel = !w.own_view && ctx.has(Role::AdminAgent);
    let can_get_keys = ctx.has_any(&[Role::AdminAgent, Role::CustomerGlobalAdmin]);
    let rows = rows
        .into_iter()
        .map(|r| row(&page, now, can_cancel, r))
        .collect();
    crate::routes::ok(&SoftwareList {
        page,
        tab: "software",
        can_buy: ctx.has_any(&[Role::AdminAgent, Role::SalesAgent]),
        own_view: w.own_view,
        can_get_keys,
        role_note: !w.own_view && !can_get_keys,
        base: Escaped::new(&w.base),
        customer_id: w.customer.id.into(),
        customer: w.customer,
        rows,
        narrowed: shape.narrowed(),
        q: shape.q,
        status: shape.status,
        order: shape.order,
        pager,
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
