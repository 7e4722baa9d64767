//! `GET /customers`: the partner's customers, searchable, paged by name.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use crate::error::AppResult;
use crate::store::organisations::{self, After, Customer};
use crate::web::access::{CreateCustomers, Policy, SeeCustomers};
use crate::web::ctx::Ctx;
use crate::web::page::Page;

pub const PAGE_SIZE: i64 = 25;

#[derive(Deserialize)]
pub struct Query {
    q: Option<String>,
    /// The cursor: the last row of the previous page, `name` and `id`.
    after_name: Option<String>,
    after_id: Option<Uuid>,
}

#[derive(Template)]
#[template(path = "customers/list.html")]
struct CustomerList {
    page: Page,
    q: String,
    customers: Vec<Customer>,
    next_page: Option<String>,
    first_page: bool,
    can_create: bool,
}

pub async fn show(ctx: Ctx<SeeCustomers>, query: web::Query<Query>) -> AppResult<HttpResponse> {
    let partner = ctx.partner_id()?;
    let q = query
        .q
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    let after = match (&query.after_name, query.after_id) {
        (Some(name), Some(id)) => Some(After {
            name: name.clone(),
            id,
        }),
        _ => None,
    };
    let search = (!q.is_empty()).then_some(q.as_str());
    let (customers, more) =
        organisations::list_customers(ctx.db(), partner, search, after.as_ref(), PAGE_SIZE).await?;
    let next_page = match customers.last() {
        Some(last) if more => Some(format!(
            "/customers?{}",
            serde_urlencoded::to_string([
                ("q", q.as_str()),
                ("after_name", last.name.as_str()),
                ("after_id", &last.id.to_string()),
            ])
            .unwrap_or_default()
        )),
        _ => None,
    };
    let can_create = ctx.has_any(CreateCustomers::ROLES);
    let page = ctx.page("customers")?;
    super::super::ok(&CustomerList {
        page,
        q,
        customers,
        next_page,
        first_page: after.is_none(),
        can_create,
    })
}
