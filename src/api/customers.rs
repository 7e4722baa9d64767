//! Customers: list (search, cursor), get, create; the products a customer
//! may be sold (the country rule of SPEC 3.1).

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::paging::{Page, PageQuery};
use super::problem::{ApiError, ApiResult, Problem};
use super::{created, customer_of, state_of};
use crate::app::customers::{self as use_case, Created};
use crate::domain::customer::{CustomerInput, NewCustomer};
use crate::store::organisations::{self, After, Customer};
use crate::web::access::{ApiAllowed, BuyForCustomers, CreateCustomers, SeeCustomers, SeeSoftware};

/// A customer (a tenant of the partner).
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerView {
    pub id: Uuid,
    pub name: String,
    pub primary_domain: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub tenant_guid: Uuid,
    pub billing_name: String,
    pub billing_email: String,
    pub created_at: DateTime<Utc>,
}

impl From<Customer> for CustomerView {
    fn from(c: Customer) -> Self {
        CustomerView {
            id: c.id,
            name: c.name,
            primary_domain: c.primary_domain,
            country: c.country,
            tenant_guid: c.tenant_guid,
            billing_name: c.billing_name,
            billing_email: c.billing_email,
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Part of the name or primary domain.
    pub q: Option<String>,
}

/// A page of customers.
pub type CustomerPage = Page<CustomerView>;

/// The partner's customers by name, optionally searched.
#[utoipa::path(get, path = "/api/v1/customers", tag = "customers",
    params(SearchQuery, PageQuery),
    responses(
        (status = 200, body = Page<CustomerView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    p: ApiAllowed<SeeCustomers>,
    req: HttpRequest,
    search: web::Query<SearchQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let partner = p.partner_id().map_err(|_| ApiError::NotFound)?;
    let limit = page.limit()?;
    let after = page
        .after::<(String, Uuid)>()?
        .map(|(name, id)| After { name, id });
    let q = search.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let (rows, more) =
        organisations::list_customers(&state.db, partner, q, after.as_ref(), limit).await?;
    let page = Page::of(rows, more, |c| (c.name.clone(), c.id), CustomerView::from);
    Ok(HttpResponse::Ok().json(page))
}

/// One customer: a partner's own, or a customer global admin's own tenant.
#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers",
    params(("id" = Uuid, Path, description = "The customer's id")),
    responses(
        (status = 200, body = CustomerView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn get(
    p: ApiAllowed<SeeSoftware>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let customer = customer_of(&state, &p, *id).await?;
    Ok(HttpResponse::Ok().json(CustomerView::from(customer)))
}

/// A new customer, as the create form takes it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewCustomerBody {
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub primary_domain: String,
    /// ISO 3166-1 alpha-2, e.g. `US`.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub billing_name: String,
    #[serde(default)]
    pub billing_email: String,
}

/// Creates a customer (`customer_created` in the activity log).
#[utoipa::path(post, path = "/api/v1/customers", tag = "customers",
    request_body = NewCustomerBody,
    responses(
        (status = 201, body = CustomerView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The primary domain is one of this partner's customers' already", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    p: ApiAllowed<CreateCustomers>,
    req: HttpRequest,
    body: web::Json<NewCustomerBody>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let partner = p.partner_id().map_err(|_| ApiError::NotFound)?;
    let b = body.into_inner();
    super::no_nul([
        b.company_name.as_str(),
        &b.primary_domain,
        &b.country,
        &b.billing_name,
        &b.billing_email,
    ])?;
    let input = CustomerInput {
        company_name: b.company_name,
        primary_domain: b.primary_domain,
        country: b.country,
        billing_name: b.billing_name,
        billing_email: b.billing_email,
    };
    let new = NewCustomer::parse(&input).map_err(ApiError::Invalid)?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    match use_case::create(&state, &actor, partner, &new).await? {
        Created::Customer(c) => Ok(created(&CustomerView::from(c))),
        Created::DomainTaken => Err(ApiError::Conflict {
            kind: "domain-taken",
            message: "error-domain-taken",
            args: Vec::new(),
        }),
    }
}

/// A product the customer may be sold.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductView {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub family: String,
    /// `perpetual` or `subscription`.
    pub kind: String,
    pub unit_price_minor: i64,
    pub currency: String,
    pub has_keys: bool,
    pub has_downloads: bool,
    pub cancel_window_days: i64,
}

/// The catalog as this customer may buy it: products restricted in the
/// customer's country are left out.
#[utoipa::path(get, path = "/api/v1/customers/{id}/products", tag = "orders",
    params(("id" = Uuid, Path, description = "The customer's id")),
    responses(
        (status = 200, body = Vec<ProductView>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn products(
    p: ApiAllowed<BuyForCustomers>,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let customer = customer_of(&state, &p, *id).await?;
    let (products, _) = crate::app::orders::offers(&state, &customer).await?;
    let views: Vec<ProductView> = products
        .into_iter()
        .map(|p| ProductView {
            id: p.id,
            sku: p.sku,
            name: p.name,
            family: p.family,
            kind: p.kind,
            unit_price_minor: p.unit_price_minor,
            currency: p.currency,
            has_keys: p.has_keys,
            has_downloads: p.has_downloads,
            cancel_window_days: p.cancel_window_days,
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}
