//! `GET /customers/{id}`: one customer's details; the tabs of later journeys
//! (Software, Add products, Orders) hang off this page.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::store::organisations::{self, Customer};
use crate::web::access::{Allowed, BuyForCustomers, Policy, SeeCustomers};
use crate::web::page::Page;
use crate::web::state::AppState;

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

pub async fn show(
    p: Allowed<SeeCustomers>,
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let customer = organisations::customer(&state.db, p.scope(), *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = Page::for_user(&session, &p, "customers")?;
    let country_name = page.t(&format!("country-{}", customer.country));
    super::super::ok(&CustomerDetails {
        page,
        customer,
        tab: "details",
        can_buy: p.has_any(BuyForCustomers::ROLES),
        can_invite: p.has(crate::domain::role::Role::AdminAgent),
        country_name,
    })
}
