//! Placing an order: the order, a subscription per line, a key per keyed
//! line and the audit event in one transaction; a double submit (same
//! idempotency key) shows the first order.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::store::audit;
use crate::store::orders::{self, Inserted, PlaceOrder, Placed};

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
