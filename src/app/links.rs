//! Download links: given out for a file of an active purchase (made, or the
//! live one renewed: docs/links.md), revoked at will.

use chrono::{DateTime, Duration, Utc};
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::crypto;
use crate::domain::audit_action::Action;
use crate::error::{AppError, AppResult};
use crate::store::software::{DownloadFile, SoftwareRow};
use crate::store::{audit, links};

/// Whether Copy link made a link or renewed the file's live one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    Made,
    Renewed,
}

/// A link as Copy link gives it: its id, its absolute URL (never stored,
/// never logged) and its new period.
pub struct GivenLink {
    pub id: Uuid,
    pub url: SecretString,
    pub given: Given,
    pub expires_at: DateTime<Utc>,
    pub cap: i64,
}

/// The address of link `id`, if its token is the derived one (links made
/// before tokens were derived have a random token the portal never kept).
pub fn url_of(state: &AppState, id: Uuid, token_hash: &str) -> Option<SecretString> {
    let token = state.cipher.link_token(id);
    (crypto::token_hash(token.expose_secret()) == token_hash).then(|| {
        SecretString::from(
            state
                .public_url
                .join(&format!("/d/{}", token.expose_secret())),
        )
    })
}

/// Copy link on `file` of the purchase `sub` (already scoped to the actor's
/// organisation by the caller's lookup): renews the file's live link (a new
/// period from now, same address, so a link already sent keeps working), or
/// makes a new link when none works any more. One audit event either way.
pub async fn give(
    state: &AppState,
    actor: &Actor,
    sub: &SoftwareRow,
    file: &DownloadFile,
) -> AppResult<GivenLink> {
    if !sub.status.is_active() {
        return Err(AppError::Gone);
    }
    let now = state.clock.now();
    let lifetime = Duration::days(sub.link_lifetime_days);
    let cap = sub.link_download_cap;
    let mut tx = state.db.begin().await?;
    links::lock_subscription(&mut tx, sub.id).await?;
    let live = links::live_to_file(&mut tx, sub.id, file.id, now).await?;
    let renewable = live
        .into_iter()
        .find_map(|l| url_of(state, l.id, &l.token_hash).map(|url| (l.id, url)));
    let renewed = match renewable {
        // A download may have used it up since it was read: then make one.
        Some((id, url)) => links::renew(&mut tx, now, id, lifetime, cap, actor.user_id)
            .await?
            .then_some((id, url, Given::Renewed)),
        None => None,
    };
    let (id, url, given) = match renewed {
        Some(renewed) => renewed,
        None => {
            let id = Uuid::new_v4();
            let token = state.cipher.link_token(id);
            links::insert(
                &mut tx,
                now,
                &links::NewLink {
                    id,
                    subscription_id: sub.id,
                    download_file_id: file.id,
                    token_hash: crypto::token_hash(token.expose_secret()),
                    created_by: Some(actor.user_id),
                    lifetime,
                    cap,
                },
            )
            .await?;
            let url = state
                .public_url
                .join(&format!("/d/{}", token.expose_secret()));
            (id, SecretString::from(url), Given::Made)
        }
    };
    let action = match given {
        Given::Made => Action::LinkCreated,
        Given::Renewed => Action::LinkRenewed,
    };
    audit::record(
        &mut tx,
        now,
        &actor.event(
            action,
            On::subject("download_link", id).customer(sub.customer_id),
            serde_json::json!({ "subscription_id": sub.id, "file_name": file.file_name }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(GivenLink {
        id,
        url,
        given,
        expires_at: now + lifetime,
        cap,
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
