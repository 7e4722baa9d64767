//! Creating a customer (a tenant of the partner).

use serde_json::json;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::audit_action::Action;
use crate::domain::customer::NewCustomer;
use crate::error::AppResult;
use crate::store::organisations::{self, Customer};
use crate::store::{StoreError, audit};

pub enum Created {
    Customer(Customer),
    /// One of the partner's customers already has this primary domain.
    DomainTaken,
}

/// Creates `new` as a customer of `partner`, with its audit event.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    partner: uuid::Uuid,
    new: &NewCustomer,
) -> AppResult<Created> {
    if organisations::domain_taken(&state.db, partner, new.primary_domain.as_str()).await? {
        return Ok(Created::DomainTaken);
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let customer = match organisations::insert_customer(&mut tx, now, partner, new).await {
        Ok(c) => c,
        // Another request took the domain between the check and the insert.
        Err(StoreError::Duplicate(_)) => return Ok(Created::DomainTaken),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::CustomerCreated,
            On::subject("customer", customer.id).customer(customer.id),
            json!({ "name": customer.name, "primary_domain": customer.primary_domain }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Created::Customer(customer))
}
