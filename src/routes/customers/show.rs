//! `GET /customers/{id}`: one customer's details; the tabs of later journeys
//! (Software, Add products, Orders) hang off this page.

use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppResult;
use crate::store::organisations::Customer;
use crate::web::access::{BuyForCustomers, Policy, SeeCustomers};
use crate::web::ctx::ScopedCustomer;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "customers/show.html")]
struct CustomerDetails {
    page: Page,
    customer: Customer,
    tab: &'static str,
    can_buy: bool,
    can_invite: bool,
    country_name: String,
}

pub async fn show(c: ScopedCustomer<SeeCustomers>) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let page = ctx.page("customers")?;
    let country_name = page.t(&format!("country-{}", customer.country));
    super::super::ok(&CustomerDetails {
        page,
        customer,
        tab: "details",
        can_buy: ctx.has_any(BuyForCustomers::ROLES),
        can_invite: ctx.has(crate::domain::role::Role::AdminAgent),
        country_name,
    })
}
