//! `POST .../software/{sub}/links` (Copy link: a new link for one file, with
//! the product's lifetime and cap; making another is how a link is renewed)
//! and `POST .../links/{link}/revoke`. Admin agents only.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Duration;
use serde::Deserialize;
use uuid::Uuid;

use super::Where;
use super::show::{Selection, page_for, subscription};
use crate::crypto;
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::{audit, links, software};
use crate::web::access::{Allowed, ManageKeys};
use crate::web::audit::On;
use crate::web::page;
use crate::web::state::AppState;

#[derive(Deserialize)]
pub struct NewLinkForm {
    file_id: Uuid,
    #[serde(default)]
    version: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    platform: String,
}

/// The absolute URL of a link, on the configured public address.
fn link_url(state: &AppState, token: &str) -> String {
    state.public_url.join(&format!("/d/{token}"))
}

pub async fn create(
    req: HttpRequest,
    p: Allowed<ManageKeys>,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    form: web::Form<NewLinkForm>,
) -> AppResult<HttpResponse> {
    let (customer_id, sub_id) = path.into_inner();
    let w = Where::partner(&state, &p, customer_id).await?;
    let sub = subscription(&state, &p, &w, sub_id).await?;
    if !sub.status.is_active() {
        return Err(AppError::Gone);
    }
    let file = software::file(&state.db, sub.product_id, form.file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (token, token_hash) = crypto::new_token();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let link_id = links::insert(
        &mut tx,
        now,
        &links::NewLink {
            subscription_id: sub.id,
            download_file_id: file.id,
            token_hash,
            created_by: Some(p.account.id),
            lifetime: Duration::days(sub.link_lifetime_days),
            cap: sub.link_download_cap,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        &crate::web::audit::event(
            &state,
            &req,
            &p,
            "link_created",
            On::subject("download_link", link_id).customer(sub.customer_id),
            serde_json::json!({ "subscription_id": sub.id, "file_name": file.file_name }),
        ),
    )
    .await?;
    tx.commit().await?;
    let selection = Selection {
        version: form.version.clone(),
        language: form.language.clone(),
        platform: form.platform.clone(),
        show: Some("1".into()),
    };
    let url = link_url(&state, token.expose());
    let show = page_for(
        &p,
        &session,
        &state,
        w,
        sub,
        selection,
        Some((url, file.file_name)),
    )
    .await?;
    let mut res = render(&show, StatusCode::OK)?;
    // The page holds a live link: keep it out of caches and referrers.
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

/// Reloading the page a link was shown on (a GET of the form's URL) goes back
/// to the subscription: the link itself is never shown twice.
pub async fn back_to_page(path: web::Path<(Uuid, Uuid)>) -> HttpResponse {
    let (customer_id, sub_id) = path.into_inner();
    see_other(&format!("/customers/{customer_id}/software/{sub_id}"))
}

pub async fn revoke(
    req: HttpRequest,
    p: Allowed<ManageKeys>,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (customer_id, sub_id, link_id) = path.into_inner();
    let w = Where::partner(&state, &p, customer_id).await?;
    let sub = subscription(&state, &p, &w, sub_id).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !links::revoke(&mut tx, now, sub.id, link_id, p.account.id).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut tx,
        now,
        &crate::web::audit::event(
            &state,
            &req,
            &p,
            "link_revoked",
            On::subject("download_link", link_id).customer(sub.customer_id),
            serde_json::json!({ "subscription_id": sub.id }),
        ),
    )
    .await?;
    tx.commit().await?;
    page::flash(&session, p.i18n.t("links-revoked"))?;
    Ok(see_other(&format!("{}/{}?show=1", w.base, sub.id)))
}
