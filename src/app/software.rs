//! A purchase's key and its downloads.

use secrecy::SecretString;
use serde_json::json;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::store::software::SoftwareRow;
use crate::store::{audit, keys, links};

/// The product key of `sub` (found in the actor's scope), audited before it
/// is shown. A revoked key (a cancelled purchase) is `Gone`.
pub async fn reveal_key(
    state: &AppState,
    actor: &Actor,
    sub: &SoftwareRow,
) -> AppResult<SecretString> {
    if !sub.has_keys {
        return Err(AppError::NotFound);
    }
    let (ciphertext, nonce) = keys::for_subscription(&state.db, sub.id)
        .await?
        .ok_or(AppError::Gone)?;
    let key = state
        .cipher
        .decrypt(&ciphertext, &nonce)
        .map_err(AppError::Internal)?;
    let on = On::subject("subscription", sub.id).customer(sub.customer_id);
    let event = actor.event(
        Action::KeyRevealed,
        on,
        json!({ "product": sub.product_name }),
    );
    audit::record(&state.db, state.clock.now(), &event).await?;
    Ok(key)
}

/// Counts one download of the link whose token hashes to `hash`, if it is
/// live and under its cap (one conditional UPDATE, so the cap holds under
/// concurrency), with its audit event in the same transaction. `None`: the
/// link refused it.
pub async fn count_link_download(
    state: &AppState,
    hash: &str,
    link: &links::LinkRow,
    ip: Option<String>,
) -> AppResult<Option<i64>> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let Some(used) = links::count_download(&mut tx, hash, now).await? else {
        return Ok(None);
    };
    audit::record(
        &mut tx,
        now,
        &audit::NewEvent {
            action: Action::LinkDownloadCounted,
            subject_type: Some("download_link"),
            subject_id: Some(link.id),
            ip,
            detail: json!({ "subscription_id": link.subscription_id, "downloads_used": used }),
            organisation_id: Some(link.partner_id),
            actor_user_id: None,
            customer_id: Some(link.customer_id),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Some(used))
}
