//! `POST /customers/{id}/orders` (Place order), the Orders tab and one order
//! (where Place order lands, leading on to the software and its keys).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use super::add_products::review_page;
use crate::domain::order::{self, OrderStatus};
use crate::domain::subscription::SubscriptionStatus;
use crate::error::{AppError, AppResult};
use crate::routes::paging::{self, CursorQuery, Pager};
use crate::routes::{render, see_other};
use crate::store::orders::{self, Key, LineRow, OrderRow, Placed};
use crate::store::organisations::Customer;
use crate::web::access::{BuyForCustomers, ManageKeys, Policy, SeeCustomers};
use crate::web::ctx::ScopedCustomer;
use crate::web::page::Page;

pub async fn place(
    c: ScopedCustomer<BuyForCustomers>,
    input: web::Form<BTreeMap<String, String>>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let idempotency_key = input
        .get("idempotency_key")
        .and_then(|k| Uuid::parse_str(k).ok())
        .ok_or(AppError::BadRequest)?;
    // Everything is checked again: the review page's fields can be forged.
    let placed = crate::app::orders::place_basket(
        &ctx.state,
        &ctx.actor(),
        &customer,
        idempotency_key,
        &input,
    )
    .await?;
    let (placed, basket) = match placed {
        Ok(placed) => placed,
        Err(errors) => {
            let page = ctx.page("customers")?;
            let message = errors.first().map(|e| match e {
                order::BasketError::NotOffered(_) => page.t("order-error-not-offered"),
                order::BasketError::Empty => page.t("order-error-empty"),
                _ => page.t("order-quantity-range"),
            });
            let back = format!("/customers/{}/add-products", customer.id);
            return render(
                &Refused {
                    page,
                    message: message.unwrap_or_default(),
                    back,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match placed {
        Placed::New(order_id) => {
            ctx.flash(ctx.i18n.t("order-placed"))?;
            Ok(see_other(&format!(
                "/customers/{}/orders/{order_id}",
                customer.id
            )))
        }
        Placed::AlreadyPlaced(order_id) => {
            ctx.flash(ctx.i18n.t("order-already-placed"))?;
            Ok(see_other(&format!(
                "/customers/{}/orders/{order_id}",
                customer.id
            )))
        }
        Placed::OutOfKeys(product) => {
            let page = ctx.page("customers")?;
            let error = Some(page.t1("order-error-out-of-keys", "product", &product));
            // A fresh key: the refused attempt wrote nothing to come back to.
            render(
                &review_page(page, customer, &basket, Uuid::new_v4(), error),
                StatusCode::CONFLICT,
            )
        }
    }
}

#[derive(Template)]
#[template(path = "customers/order_refused.html")]
struct Refused {
    page: Page,
    message: String,
    back: String,
}

pub struct OrderView {
    pub id: Uuid,
    pub placed_at: String,
    pub placed_by: String,
    pub total: String,
    pub status: OrderStatus,
    pub lines: Vec<LineView>,
}

pub struct LineView {
    pub subscription_id: Uuid,
    pub product: String,
    pub quantity: i64,
    pub unit_price: String,
    pub total: String,
    pub status: SubscriptionStatus,
    pub has_key: bool,
    pub key_revoked: bool,
    /// Active, with a key or files to get on the purchase's page.
    pub gettable: bool,
    /// The credit note of a cancelled line: (id, label).
    pub credit_note: Option<(Uuid, String)>,
}

fn views(orders: Vec<OrderRow>, lines: Vec<LineRow>) -> Vec<OrderView> {
    orders
        .into_iter()
        .map(|o| OrderView {
            id: o.id,
            placed_at: crate::format::date_time(&o.placed_at),
            placed_by: o.placed_by_name.unwrap_or_default(),
            total: crate::format::money(o.total_minor, &o.currency),
            status: o.status,
            lines: lines
                .iter()
                .filter(|l| l.order_id == o.id)
                .map(|l| LineView {
                    subscription_id: l.subscription_id,
                    product: l.product_name.clone(),
                    quantity: l.quantity,
                    unit_price: crate::format::money(l.unit_price_minor, &l.currency),
                    total: crate::format::money(
                        l.unit_price_minor.saturating_mul(l.quantity),
                        &l.currency,
                    ),
                    status: l.status,
                    has_key: l.has_key,
                    key_revoked: l.key_revoked,
                    gettable: l.downloadable && l.status.is_active(),
                    credit_note: l
                        .credit_note_id
                        .zip(l.credit_note_number)
                        .map(|(id, n)| (id, crate::domain::credit_note::label(n))),
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "customers/orders.html")]
struct Orders {
    page: Page,
    customer: Customer,
    tab: &'static str,
    can_buy: bool,
    orders: Vec<OrderView>,
    pager: Pager,
}

/// Orders on a page of the tab: each is a card with its lines.
pub const PAGE_SIZE: i64 = 20;

/// The Orders tab: the customer's orders newest first, paged by keyset both
/// ways with "Showing N–M of T".
pub async fn list(
    c: ScopedCustomer<SeeCustomers>,
    q: web::Query<CursorQuery>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (db, scope) = (ctx.db(), ctx.scope());
    let cursor = q.cursor().map(|(placed_at, id)| Key { placed_at, id });
    let (rows, shown) = paging::read(
        cursor,
        q.ahead(),
        PAGE_SIZE,
        |c| orders::counted_for_customer(db, scope, customer.id, c, PAGE_SIZE),
        |o: &OrderRow| (o.placed_at, o.id),
    )
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|o| o.id).collect();
    let lines = orders::lines(db, &ids).await?;
    let page = ctx.page("customers")?;
    let base = format!("/customers/{}/orders", customer.id);
    let pager = Pager::new(&page, &base, &[], shown);
    let orders = views(rows, lines);
    let can_buy = ctx.has_any(BuyForCustomers::ROLES);
    crate::routes::ok(&Orders {
        page,
        customer,
        tab: "orders",
        can_buy,
        orders,
        pager,
    })
}

#[derive(Template)]
#[template(path = "customers/order.html")]
struct OrderPage {
    page: Page,
    customer: Customer,
    order: OrderView,
    /// Whether the user may open a purchase's keys and downloads; the
    /// page leads there from each line that has them.
    can_get_keys: bool,
}

impl OrderPage {
    /// Whether a line has keys or files to get.
    fn any_gettable(&self) -> bool {
        self.order.lines.iter().any(|l| l.gettable)
    }
}

pub async fn show(
    c: ScopedCustomer<SeeCustomers>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, order_id) = path.into_inner();
    let db = ctx.db();
    let row = orders::order(db, ctx.scope(), customer.id, order_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lines = orders::lines(db, &[row.id]).await?;
    let page = ctx.page("customers")?;
    let order = views(vec![row], lines).pop().ok_or(AppError::NotFound)?;
    crate::routes::ok(&OrderPage {
        page,
        customer,
        order,
        can_get_keys: ManageKeys::admits(&ctx),
    })
}
