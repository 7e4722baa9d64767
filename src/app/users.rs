//! A partner's users: roles, deactivation (which ends their sessions at
//! once) and reactivation, always keeping one active global admin.

use serde_json::json;
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::audit_action::Action;
use crate::domain::role::Role;
use crate::error::AppResult;
use crate::store::audit;
use crate::store::people::{self, Change, UserRow};

fn changed(
    actor: &Actor,
    action: Action,
    user: Uuid,
    detail: serde_json::Value,
) -> audit::NewEvent {
    actor.event(action, On::subject("user", user), detail)
}

/// Gives `user` (of the actor's organisation) exactly `roles`.
pub async fn set_roles(
    state: &AppState,
    actor: &Actor,
    user: &UserRow,
    roles: &[Role],
) -> AppResult<Change> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let change = people::set_roles(&mut tx, actor.org_id, user.id, roles).await?;
    if change == Change::Done {
        let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        let detail = json!({ "email": user.email, "roles": names });
        audit::record(
            &mut tx,
            now,
            &changed(actor, Action::RoleChanged, user.id, detail),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(change)
}

/// Deactivates `user`; their sessions end in the same transaction.
pub async fn deactivate(state: &AppState, actor: &Actor, user: &UserRow) -> AppResult<Change> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let change = people::deactivate(&mut tx, now, actor.org_id, user.id).await?;
    if change == Change::Done {
        let detail = json!({ "email": user.email });
        audit::record(
            &mut tx,
            now,
            &changed(actor, Action::UserDeactivated, user.id, detail),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(change)
}

pub async fn reactivate(state: &AppState, actor: &Actor, user: &UserRow) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    people::reactivate(&mut tx, actor.org_id, user.id).await?;
    let detail = json!({ "email": user.email });
    audit::record(
        &mut tx,
        now,
        &changed(actor, Action::UserReactivated, user.id, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
