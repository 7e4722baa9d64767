//! `GET /customers/new` and `POST /customers`: create a customer (tenant).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::json;

use crate::domain::FieldError;
use crate::domain::country;
use crate::domain::customer::{CustomerInput, NewCustomer};
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::{StoreError, audit, organisations};
use crate::web::access::{Allowed, CreateCustomers};
use crate::web::audit::On;
use crate::web::form::FormErrors;
use crate::web::page::{self, Page};
use crate::web::state::AppState;

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

pub async fn form(p: Allowed<CreateCustomers>, session: Session) -> AppResult<HttpResponse> {
    let page = Page::for_user(&session, &p, "customers")?;
    form_page(
        page,
        CustomerInput::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
}

pub async fn submit(
    req: HttpRequest,
    p: Allowed<CreateCustomers>,
    session: Session,
    state: web::Data<AppState>,
    input: web::Form<CustomerInput>,
) -> AppResult<HttpResponse> {
    let input = input.into_inner();
    let partner = p.partner_id()?;
    let parsed = NewCustomer::parse(&input);
    let mut errors = match &parsed {
        Ok(_) => Vec::new(),
        Err(e) => e.clone(),
    };
    if let Ok(c) = &parsed
        && organisations::domain_taken(&state.db, partner, c.primary_domain.as_str()).await?
    {
        errors.push(FieldError::new("primary_domain", "error-domain-taken"));
    }
    let new = match parsed {
        Ok(c) if errors.is_empty() => c,
        _ => {
            let page = Page::for_user(&session, &p, "customers")?;
            let errors = FormErrors::new(&page.i18n, &errors);
            return form_page(page, input, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let customer = match organisations::insert_customer(&mut tx, now, partner, &new).await {
        Ok(c) => c,
        // Another request took the domain between the check and the insert.
        Err(StoreError::Duplicate(_)) => {
            drop(tx);
            let page = Page::for_user(&session, &p, "customers")?;
            let errors = FormErrors::new(
                &page.i18n,
                &[FieldError::new("primary_domain", "error-domain-taken")],
            );
            return form_page(page, input, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(e) => return Err(AppError::from(e)),
    };
    audit::record(
        &mut tx,
        now,
        &crate::web::audit::event(
            &state,
            &req,
            &p,
            "customer_created",
            On::subject("customer", customer.id).customer(customer.id),
            json!({ "name": customer.name, "primary_domain": customer.primary_domain }),
        ),
    )
    .await?;
    tx.commit().await?;
    page::flash(
        &session,
        p.i18n.t1("customer-created", "name", &customer.name),
    )?;
    Ok(see_other(&format!("/customers/{}", customer.id)))
}
