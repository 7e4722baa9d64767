//! Two-factor sign-in: turning it on (with recovery codes), off, and a
//! partner requiring it of its users.

use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::auth::totp;
use crate::domain::audit_action::Action;
use crate::error::AppResult;
use crate::store::{audit, two_factor};

fn event(actor: &Actor, action: Action) -> audit::NewEvent {
    actor.event(
        action,
        On::subject("user", actor.user_id),
        serde_json::Value::Null,
    )
}

/// Turns the second factor on after a first good code (`step`); the
/// recovery codes in clear, to be shown this once (only hashes are kept).
pub async fn enable(state: &AppState, actor: &Actor, step: i64) -> AppResult<Vec<String>> {
    let codes = totp::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|(_, h)| h.clone()).collect();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    two_factor::enable(&mut tx, now, actor.user_id, step, &hashes).await?;
    audit::record(&mut tx, now, &event(actor, Action::SecondFactorEnabled)).await?;
    tx.commit().await?;
    Ok(codes.into_iter().map(|(c, _)| c).collect())
}

pub async fn disable(state: &AppState, actor: &Actor) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    two_factor::disable(&mut tx, actor.user_id).await?;
    audit::record(&mut tx, now, &event(actor, Action::SecondFactorDisabled)).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the actor's organisation requires a second factor of everyone.
pub async fn require(state: &AppState, actor: &Actor, on: bool, org: Uuid) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    two_factor::set_required(&mut tx, org, on).await?;
    let action = if on {
        Action::SecondFactorRequired
    } else {
        Action::SecondFactorOptional
    };
    audit::record(&mut tx, now, &event(actor, action)).await?;
    tx.commit().await?;
    Ok(())
}
