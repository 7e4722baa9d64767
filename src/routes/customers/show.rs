//! `GET /customers/{id}`: one customer's details; the tabs of later journeys
//! (Software, Add products, Orders) hang off this page, and so does the
//! invitation of the customer's global admin (`people::invite`), whose
//! refused form comes back here with its messages.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::domain::role::Role;
use crate::error::AppResult;
use crate::routes::render;
use crate::store::organisations::Customer;
use crate::web::access::{BuyForCustomers, Policy, SeeCustomers};
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::form::FormErrors;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "customers/show.html")]
pub struct CustomerDetails {
    page: Page,
    customer: Customer,
    tab: &'static str,
    can_buy: bool,
    can_invite: bool,
    country_name: String,
    /// The invitation form as typed, and what is wrong with it.
    invite_email: String,
    errors: FormErrors,
}

impl CustomerDetails {
    pub fn new<P: Policy>(
        ctx: &Ctx<P>,
        customer: Customer,
        invite_email: String,
        errors: FormErrors,
    ) -> AppResult<CustomerDetails> {
        let page = ctx.page("customers")?;
        let country_name = page.t(&format!("country-{}", customer.country));
        Ok(CustomerDetails {
            page,
            customer,
            tab: "details",
            can_buy: ctx.has_any(BuyForCustomers::ROLES),
            can_invite: ctx.has(Role::AdminAgent),
            country_name,
            invite_email,
            errors,
        })
    }

    /// The page again with the invitation form's messages.
    pub fn refused(self) -> AppResult<HttpResponse> {
        render(&self, StatusCode::UNPROCESSABLE_ENTITY)
    }
}

pub async fn show(c: ScopedCustomer<SeeCustomers>) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let page = CustomerDetails::new(&ctx, customer, String::new(), FormErrors::default())?;
    super::super::ok(&page)
}
