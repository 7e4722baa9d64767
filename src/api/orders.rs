//! Orders: Place order with an `Idempotency-Key` (the same key again
//! answers the first order, placing nothing), a customer's orders, one order.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::paging::{Page, PageQuery};
use super::problem::{ApiError, ApiResult, Problem};
use super::{created, customer_of, state_of};
use crate::domain::FieldError;
use crate::domain::order::{BasketError, quantity_field};
use crate::store::keyset::Cursor;
use crate::store::orders::{self, Key, LineRow, OrderRow, Placed};
use crate::web::access::{ApiAllowed, BuyForCustomers, SeeCustomers};

/// One line of a new order.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewLine {
    pub product_id: Uuid,
    /// 1 to 1000.
    #[schema(minimum = 1, maximum = 1000)]
    pub quantity: i64,
}

/// A new order: its lines (each product once).
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewOrderBody {
    #[serde(default)]
    pub lines: Vec<NewLine>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LineView {
    /// The purchase this line made (its key, files and links hang on it).
    pub subscription_id: Uuid,
    pub product: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub currency: String,
    /// `active`, `cancellation_requested` or `cancelled`.
    pub status: String,
    pub has_key: bool,
    pub key_revoked: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderView {
    pub id: Uuid,
    pub customer_id: Uuid,
    pub placed_at: DateTime<Utc>,
    pub placed_by: Option<String>,
    pub total_minor: i64,
    pub currency: String,
    pub status: String,
    pub lines: Vec<LineView>,
}

fn view(o: OrderRow, lines: &[LineRow]) -> OrderView {
    OrderView {
        lines: lines
            .iter()
            .filter(|l| l.order_id == o.id)
            .map(|l| LineView {
                subscription_id: l.subscription_id,
                product: l.product_name.clone(),
                quantity: l.quantity,
                unit_price_minor: l.unit_price_minor,
                currency: l.currency.clone(),
                status: l.status.as_str().to_owned(),
                has_key: l.has_key,
                key_revoked: l.key_revoked,
            })
            .collect(),
        id: o.id,
        customer_id: o.customer_id,
        placed_at: o.placed_at,
        placed_by: o.placed_by_name,
        total_minor: o.total_minor,
        currency: o.currency,
        status: o.status.as_str().to_owned(),
    }
}

fn basket_error(e: &BasketError) -> FieldError {
    FieldError::new(
        "lines",
        match e {
            BasketError::Empty => "order-error-empty",
            BasketError::Quantity(_) => "order-quantity-range",
            BasketError::NotOffered(_) => "order-error-not-offered",
            BasketError::MixedCurrencies => "order-error-currencies",
            BasketError::TooLarge => "order-error-too-large",
        },
    )
}

/// Whether `body` asks for what the order of `lines` holds: the same
/// products in the same quantities, in any order.
fn same_basket(body: &NewOrderBody, lines: &[LineRow]) -> bool {
    let mut asked: Vec<(Uuid, i64)> = body
        .lines
        .iter()
        .map(|l| (l.product_id, l.quantity))
        .collect();
    let mut placed: Vec<(Uuid, i64)> = lines.iter().map(|l| (l.product_id, l.quantity)).collect();
    asked.sort_unstable();
    placed.sort_unstable();
    asked == placed
}

/// The quantities as the pages' forms send them (`qty_<product id>`), so
/// the one basket check of `domain::order` reads both.
fn fields(body: &NewOrderBody) -> Result<BTreeMap<String, String>, Vec<FieldError>> {
    let mut fields = BTreeMap::new();
    let mut errors = Vec::new();
    for line in &body.lines {
        if line.quantity < 1 {
            errors.push(FieldError::new("lines", "order-quantity-range"));
        }
        let quantity = line.quantity.to_string();
        if fields
            .insert(quantity_field(line.product_id), quantity)
            .is_some()
        {
            errors.push(FieldError::new("lines", "api-error-duplicate-product"));
        }
    }
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(errors)
    }
}

async fn one(
    state: &crate::web::state::AppState,
    p: &crate::web::access::Principal,
    customer_id: Uuid,
    order_id: Uuid,
) -> ApiResult<OrderView> {
    let row = orders::order(&state.db, p.scope(), customer_id, order_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let lines = orders::lines(&state.db, &[row.id]).await?;
    Ok(view(row, &lines))
}

/// Places an order (`order_placed` in the activity log). The
/// `Idempotency-Key` header (a UUID the client makes) is required: the same
/// key again for the same customer answers the first order with 200 and
/// places nothing; with another basket it is refused (422).
#[utoipa::path(post, path = "/api/v1/customers/{id}/orders", tag = "orders",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("Idempotency-Key" = Uuid, Header, description = "A UUID made by the client for this order"),
    ),
    request_body = NewOrderBody,
    responses(
        (status = 201, description = "Placed", body = OrderView),
        (status = 200, description = "Placed before with this key", body = OrderView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A product ran out of keys", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    p: ApiAllowed<BuyForCustomers>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<NewOrderBody>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let key = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Uuid::parse_str(v.trim()).ok())
        .ok_or(ApiError::BadRequest("api-problem-idempotency-key"))?;
    let customer = customer_of(&state, &p, *id).await?;
    let fields = fields(&body).map_err(ApiError::Invalid)?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    let placed = crate::app::orders::place_basket(&state, &actor, &customer, key, &fields).await?;
    let (placed, _) = placed.map_err(|errors| {
        let mut errors: Vec<FieldError> = errors.iter().map(basket_error).collect();
        errors.dedup();
        ApiError::Invalid(errors)
    })?;
    match placed {
        Placed::New(order_id) => Ok(created(&one(&state, &p, customer.id, order_id).await?)),
        Placed::AlreadyPlaced(order_id) => {
            let lines = orders::lines(&state.db, &[order_id]).await?;
            if !same_basket(&body, &lines) {
                // A key sent again with another basket is a client's bug:
                // answering the first order would pass it off as this one.
                return Err(ApiError::Invalid(vec![FieldError::new(
                    "Idempotency-Key",
                    "api-problem-idempotency-key-reused",
                )]));
            }
            Ok(HttpResponse::Ok().json(one(&state, &p, customer.id, order_id).await?))
        }
        Placed::OutOfKeys(product) => Err(ApiError::Conflict {
            kind: "out-of-keys",
            message: "order-error-out-of-keys",
            args: vec![("product", product)],
        }),
    }
}

/// The customer's orders, newest first.
#[utoipa::path(get, path = "/api/v1/customers/{id}/orders", tag = "orders",
    params(("id" = Uuid, Path, description = "The customer's id"), PageQuery),
    responses(
        (status = 200, body = Page<OrderView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    p: ApiAllowed<SeeCustomers>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let customer = customer_of(&state, &p, *id).await?;
    let limit = page.limit()?;
    let cursor = match page.after::<(DateTime<Utc>, Uuid)>()? {
        Some((placed_at, id)) => Cursor::After(Key { placed_at, id }),
        None => Cursor::First,
    };
    let (rows, more) =
        orders::for_customer(&state.db, p.scope(), customer.id, cursor, limit).await?;
    let ids: Vec<Uuid> = rows.iter().map(|o| o.id).collect();
    let lines = orders::lines(&state.db, &ids).await?;
    let page = Page::of(rows, more, |o| (o.placed_at, o.id), |o| view(o, &lines));
    Ok(HttpResponse::Ok().json(page))
}

/// One order of the customer.
#[utoipa::path(get, path = "/api/v1/customers/{id}/orders/{order_id}", tag = "orders",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("order_id" = Uuid, Path, description = "The order's id"),
    ),
    responses(
        (status = 200, body = OrderView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn get(
    p: ApiAllowed<SeeCustomers>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, order_id) = path.into_inner();
    let customer = customer_of(&state, &p, customer_id).await?;
    Ok(HttpResponse::Ok().json(one(&state, &p, customer.id, order_id).await?))
}
