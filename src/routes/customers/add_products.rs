//! `GET /customers/{id}/add-products` (the catalog, filtered to what may be
//! sold in the customer's country) and `GET .../add-products/review` (lines,
//! prices and total before Place order). Neither writes anything.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::domain::order::{self, Basket, BasketError, Offer, quantity_field};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::routes::render;
use crate::store::catalog::ProductRow;
use crate::store::organisations::Customer;
use crate::web::access::BuyForCustomers;
use crate::web::ctx::ScopedCustomer;
use crate::web::page::Page;

pub struct OfferView {
    pub name: String,
    pub family: String,
    pub kind: String,
    pub price: String,
    pub field: String,
    pub quantity: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "customers/add_products.html")]
struct AddProducts {
    page: Page,
    customer: Customer,
    tab: &'static str,
    can_buy: bool,
    offers: Vec<OfferView>,
    errors: Vec<String>,
    country_name: String,
    order_key: Uuid,
}

pub struct LineView {
    pub name: String,
    pub field: String,
    pub quantity: i64,
    pub unit_price: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "customers/review.html")]
pub struct Review {
    pub page: Page,
    pub customer: Customer,
    pub tab: &'static str,
    pub can_buy: bool,
    pub lines: Vec<LineView>,
    pub total: String,
    pub idempotency_key: Uuid,
    pub error: Option<String>,
    pub change_link: String,
}

/// The products offered to a customer (already looked up in the caller's scope).
pub use crate::app::orders::offers as offers_for;

/// The order's idempotency key: made when the catalog page is shown and
/// carried through review (in the URL) to Place order, so that going Back to
/// the review page and pressing Place order again finds the first order.
fn order_key(input: &BTreeMap<String, String>) -> Uuid {
    input
        .get("order_key")
        .and_then(|k| Uuid::parse_str(k).ok())
        .unwrap_or_else(Uuid::new_v4)
}

fn error_message(i18n: &I18n, e: &BasketError, offers: &[Offer]) -> String {
    let name_of = |field: &str| {
        offers
            .iter()
            .find(|o| quantity_field(o.product_id) == field)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    match e {
        BasketError::Empty => i18n.t("order-error-empty"),
        BasketError::Quantity(f) => i18n.t1("order-error-quantity", "product", &name_of(f)),
        BasketError::NotOffered(_) => i18n.t("order-error-not-offered"),
        BasketError::MixedCurrencies => i18n.t("order-error-currencies"),
        BasketError::TooLarge => i18n.t("order-error-too-large"),
    }
}

fn offer_views(
    i18n: &I18n,
    products: &[ProductRow],
    input: &BTreeMap<String, String>,
    errors: &[BasketError],
) -> Vec<OfferView> {
    products
        .iter()
        .map(|p| {
            let field = quantity_field(p.id);
            let bad = errors
                .iter()
                .any(|e| matches!(e, BasketError::Quantity(f) if *f == field));
            OfferView {
                name: p.name.clone(),
                family: p.family.clone(),
                kind: i18n.t(p.kind().message_id()),
                price: crate::format::money(p.unit_price_minor, &p.currency),
                quantity: input.get(&field).cloned().unwrap_or_default(),
                error: bad.then(|| i18n.t("order-quantity-range")),
                field,
            }
        })
        .collect()
}

fn catalog_page(
    page: Page,
    customer: Customer,
    products: &[ProductRow],
    offers: &[Offer],
    input: &BTreeMap<String, String>,
    errors: &[BasketError],
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let offers_view = offer_views(&page.i18n, products, input, errors);
    let messages = errors
        .iter()
        .map(|e| error_message(&page.i18n, e, offers))
        .collect();
    let country_name = page.t(&format!("country-{}", customer.country));
    render(
        &AddProducts {
            page,
            customer,
            tab: "add",
            can_buy: true,
            offers: offers_view,
            errors: messages,
            country_name,
            order_key: order_key(input),
        },
        status,
    )
}

pub async fn catalog(c: ScopedCustomer<BuyForCustomers>) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (products, offers) = offers_for(&ctx.state, &customer).await?;
    let page = ctx.page("customers")?;
    catalog_page(
        page,
        customer,
        &products,
        &offers,
        &BTreeMap::new(),
        &[],
        StatusCode::OK,
    )
}

/// The review page for a valid basket.
pub fn review_page(
    page: Page,
    customer: Customer,
    basket: &Basket,
    idempotency_key: Uuid,
    error: Option<String>,
) -> Review {
    let lines = basket
        .lines
        .iter()
        .map(|l| LineView {
            name: l.offer.name.clone(),
            field: quantity_field(l.offer.product_id),
            quantity: l.quantity,
            unit_price: crate::format::money(l.offer.unit_price_minor, &l.offer.currency),
            total: crate::format::money(l.total_minor, &l.offer.currency),
        })
        .collect::<Vec<_>>();
    let mut query: Vec<(String, String)> = lines
        .iter()
        .map(|l| (l.field.clone(), l.quantity.to_string()))
        .collect();
    query.push(("order_key".to_owned(), idempotency_key.to_string()));
    let change_link = format!(
        "/customers/{}/add-products/change?{}",
        customer.id,
        serde_urlencoded::to_string(&query).unwrap_or_default()
    );
    Review {
        page,
        tab: "add",
        can_buy: true,
        lines,
        total: crate::format::money(basket.total_minor, &basket.currency),
        idempotency_key,
        error,
        change_link,
        customer,
    }
}

pub async fn review(
    c: ScopedCustomer<BuyForCustomers>,
    input: web::Query<BTreeMap<String, String>>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (products, offers) = offers_for(&ctx.state, &customer).await?;
    let page = ctx.page("customers")?;
    match order::parse_basket(&input, &offers) {
        Ok(basket) => render(
            &review_page(page, customer, &basket, order_key(&input), None),
            StatusCode::OK,
        ),
        Err(errors) => catalog_page(
            page,
            customer,
            &products,
            &offers,
            &input,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// "Change" on the review page: the catalog again with the quantities filled in.
pub async fn change(
    c: ScopedCustomer<BuyForCustomers>,
    input: web::Query<BTreeMap<String, String>>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (products, offers) = offers_for(&ctx.state, &customer).await?;
    let page = ctx.page("customers")?;
    catalog_page(
        page,
        customer,
        &products,
        &offers,
        &input,
        &[],
        StatusCode::OK,
    )
}
