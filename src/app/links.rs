//! Download links: made for a file of an active purchase, revoked at will.

use chrono::Duration;
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::crypto;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::store::software::{DownloadFile, SoftwareRow};
use crate::store::{audit, links};

/// A new link's id and its absolute URL (shown once, never stored).
pub struct NewLink {
    pub id: Uuid,
    pub url: SecretString,
}

/// Makes a link to `file` of the purchase `sub` (already scoped to the
/// actor's organisation by the caller's lookup).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    sub: &SoftwareRow,
    file: &DownloadFile,
) -> AppResult<NewLink> {
    if !sub.status.is_active() {
        return Err(AppError::Gone);
    }
    let (token, token_hash) = crypto::new_token();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let id = links::insert(
        &mut tx,
        now,
        &links::NewLink {
            subscription_id: sub.id,
            download_file_id: file.id,
            token_hash,
            created_by: Some(actor.user_id),
            lifetime: Duration::days(sub.link_lifetime_days),
            cap: sub.link_download_cap,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::LinkCreated,
            On::subject("download_link", id).customer(sub.customer_id),
            serde_json::json!({ "subscription_id": sub.id, "file_name": file.file_name }),
        ),
    )
    .await?;
    tx.commit().await?;
    let url = state
        .public_url
        .join(&format!("/d/{}", token.expose_secret()));
    Ok(NewLink {
        id,
        url: SecretString::from(url),
    })
}

/// Revokes link `link_id` of the purchase `sub`; a link of another
/// purchase is not found.
pub async fn revoke(
    state: &AppState,
    actor: &Actor,
    sub: &SoftwareRow,
    link_id: Uuid,
) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !links::revoke(&mut tx, now, sub.id, link_id, actor.user_id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::LinkRevoked,
            On::subject("download_link", link_id).customer(sub.customer_id),
            serde_json::json!({ "subscription_id": sub.id }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
