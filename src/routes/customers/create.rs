//! `GET /customers/new` and `POST /customers`: create a customer (tenant).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::app::customers::{self, Created};
use crate::domain::FieldError;
use crate::domain::country;
use crate::domain::customer::{CustomerInput, NewCustomer};
use crate::error::AppResult;
use crate::routes::{render, see_other};
use crate::web::access::CreateCustomers;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "customers/create.html")]
struct CreateCustomer {
    page: Page,
    form: CustomerInput,
    errors: FormErrors,
    countries: Vec<(&'static str, String)>,
}

fn countries(page: &Page) -> Vec<(&'static str, String)> {
    let mut list: Vec<_> = country::CODES
        .iter()
        .map(|c| (*c, page.t(&format!("country-{c}"))))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

const LABELS: &[(&str, &str)] = &[
    ("company_name", "customer-company-name"),
    ("primary_domain", "customer-primary-domain"),
    ("country", "customer-country"),
    ("billing_name", "customer-billing-name"),
    ("billing_email", "customer-billing-email"),
];

fn form_page(
    page: Page,
    form: CustomerInput,
    errors: FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let countries = countries(&page);
    let errors = errors.labelled(&page.i18n, LABELS);
    render(
        &CreateCustomer {
            page,
            form,
            errors,
            countries,
        },
        status,
    )
}

pub async fn form(ctx: Ctx<CreateCustomers>) -> AppResult<HttpResponse> {
    let page = ctx.page("customers")?;
    form_page(
        page,
        CustomerInput::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
}

pub async fn submit(
    ctx: Ctx<CreateCustomers>,
    input: web::Form<CustomerInput>,
) -> AppResult<HttpResponse> {
    let input = input.into_inner();
    let partner = ctx.partner_id()?;
    let refuse = |errors: &[FieldError]| -> AppResult<HttpResponse> {
        let page = ctx.page("customers")?;
        let errors = FormErrors::new(&page.i18n, errors);
        form_page(
            page,
            input.clone(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let new = match NewCustomer::parse(&input) {
        Ok(c) => c,
        Err(errors) => return refuse(&errors),
    };
    let customer = match customers::create(&ctx.state, &ctx.actor(), partner, &new).await? {
        Created::Customer(c) => c,
        Created::DomainTaken => {
            return refuse(&[FieldError::new("primary_domain", "error-domain-taken")]);
        }
    };
    ctx.flash(ctx.i18n.t1("customer-created", "name", &customer.name))?;
    Ok(see_other(&format!("/customers/{}", customer.id)))
}
