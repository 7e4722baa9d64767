//! Placing an order: the order, a subscription per line, a key per keyed
//! line and the audit event in one transaction; a double submit (same
//! idempotency key) shows the first order.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::audit_action::Action;
use crate::domain::order::{self, Basket, BasketError, Offer};
use crate::error::{AppError, AppResult};
use crate::store::audit;
use crate::store::catalog::{self, ProductRow};
use crate::store::orders::{self, Inserted, PlaceLine, PlaceOrder, Placed};
use crate::store::organisations::Customer;

/// The products offered to a customer (already looked up in the caller's
/// scope): those sellable in the customer's country (SPEC 3.1).
pub async fn offers(
    state: &AppState,
    customer: &Customer,
) -> AppResult<(Vec<ProductRow>, Vec<Offer>)> {
    let products = catalog::sellable_in(&state.db, &customer.country).await?;
    let offers = products
        .iter()
        .map(|p| Offer {
            product_id: p.id,
            name: p.name.clone(),
            unit_price_minor: p.unit_price_minor,
            currency: p.currency.clone(),
        })
        .collect();
    Ok((products, offers))
}

/// Place order for `customer` from the quantities `fields`
/// (`qty_<product id>`), checked again against what the customer may be
/// sold: the basket's errors, or what placing it came to.
pub async fn place_basket(
    state: &AppState,
    actor: &Actor,
    customer: &Customer,
    idempotency_key: Uuid,
    fields: &BTreeMap<String, String>,
) -> AppResult<Result<(Placed, Basket), Vec<BasketError>>> {
    let (products, offers) = offers(state, customer).await?;
    let basket = match order::parse_basket(fields, &offers) {
        Ok(b) => b,
        Err(errors) => return Ok(Err(errors)),
    };
    let lines: Vec<PlaceLine> = basket
        .lines
        .iter()
        .filter_map(|l| {
            products
                .iter()
                .find(|p| p.id == l.offer.product_id)
                .map(|product| PlaceLine {
                    product,
                    quantity: l.quantity,
                })
        })
        .collect();
    let placed = place(
        state,
        actor,
        &PlaceOrder {
            customer_id: customer.id,
            partner_id: customer.partner_id,
            placed_by: Some(actor.user_id),
            idempotency_key,
            lines: &lines,
            currency: &basket.currency,
            total_minor: basket.total_minor,
        },
    )
    .await?;
    Ok(Ok((placed, basket)))
}

pub async fn place(state: &AppState, actor: &Actor, o: &PlaceOrder<'_>) -> AppResult<Placed> {
    if let Some(id) = orders::by_idempotency_key(&state.db, o).await? {
        return Ok(Placed::AlreadyPlaced(id));
    }
    let now: DateTime<Utc> = state.clock.now();
    let mut tx = state.db.begin().await?;
    let (order_id, subscription_ids) = match orders::insert(&mut tx, now, o).await? {
        Inserted::Done {
            order_id,
            subscription_ids,
        } => (order_id, subscription_ids),
        // Dropping the transaction rolls back everything written.
        Inserted::OutOfKeys(product) => return Ok(Placed::OutOfKeys(product)),
        Inserted::Duplicate => {
            // A double submit raced this one and won: show its order.
            drop(tx);
            return orders::by_idempotency_key(&state.db, o)
                .await?
                .map(Placed::AlreadyPlaced)
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a raced order vanished")));
        }
    };
    let lines: Vec<_> = o
        .lines
        .iter()
        .map(|l| json!({ "sku": l.product.sku, "quantity": l.quantity }))
        .collect();
    let detail = json!({
        "lines": lines,
        "total_minor": o.total_minor,
        "currency": o.currency,
        "subscriptions": subscription_ids,
    });
    let on = On::subject("order", order_id).customer(o.customer_id);
    let mut event = actor.event(Action::OrderPlaced, on, detail);
    // The partner's log, whoever acts for it.
    event.organisation_id = Some(o.partner_id);
    audit::record(&mut tx, now, &event).await?;
    tx.commit().await?;
    Ok(Placed::New(order_id))
}
