//! Recording what a signed-in user did: the audit event with their
//! organisation, their id and their address filled in.

use actix_web::HttpRequest;

use crate::app::Actor;
use crate::domain::audit_action::Action;
use crate::error::AppResult;
use crate::store::audit::{self, NewEvent};
use crate::web::access::Principal;
use crate::web::client::client_ip;
use crate::web::state::AppState;

pub use crate::app::On;

/// Appends `action` by `p` to the log, on its own.
pub async fn record(
    state: &AppState,
    req: &HttpRequest,
    p: &Principal,
    action: Action,
    on: On,
    detail: serde_json::Value,
) -> AppResult<()> {
    audit::record(
        &state.db,
        state.clock.now(),
        &event(state, req, p, action, on, detail),
    )
    .await?;
    Ok(())
}

/// The acting user of a request, for the use cases.
pub fn actor(state: &AppState, req: &HttpRequest, p: &Principal) -> Actor {
    Actor {
        user_id: p.account.id,
        org_id: p.account.org_id,
        ip: client_ip(req, &state.settings.trusted_proxies),
        token: p.token,
    }
}

/// The event, for recording inside a caller's transaction.
pub fn event(
    state: &AppState,
    req: &HttpRequest,
    p: &Principal,
    action: Action,
    on: On,
    detail: serde_json::Value,
) -> NewEvent {
    NewEvent {
        organisation_id: Some(p.account.org_id),
        actor_user_id: Some(p.account.id),
        action,
        subject_type: on.subject.map(|s| s.0),
        subject_id: on.subject.map(|s| s.1),
        customer_id: on.customer,
        ip: client_ip(req, &state.settings.trusted_proxies),
        detail,
    }
}
