//! `POST .../software/{sub}/links` (Copy link: a new link for one file, with
//! the product's lifetime and cap; making another is how a link is renewed)
//! and `POST .../links/{link}/revoke`. Admin agents only.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, web};
use secrecy::ExposeSecret;
use serde::Deserialize;
use uuid::Uuid;

use super::Where;
use super::show::{Selection, page_for, subscription};
use crate::app;
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::software;
use crate::web::access::ManageKeys;
use crate::web::ctx::ScopedCustomer;

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

pub async fn create(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid)>,
    form: web::Form<NewLinkForm>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id) = path.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    let file = software::file(ctx.db(), sub.product_id, form.file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = app::links::create(&ctx.state, &ctx.actor(), &sub, &file).await?;
    let selection = Selection {
        version: form.version.clone(),
        language: form.language.clone(),
        platform: form.platform.clone(),
        show: Some("1".into()),
    };
    let url = link.url.expose_secret().to_owned();
    let show = page_for(&ctx, w, sub, selection, Some((url, file.file_name))).await?;
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
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id, link_id) = path.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    app::links::revoke(&ctx.state, &ctx.actor(), &sub, link_id).await?;
    ctx.flash(ctx.i18n.t("links-revoked"))?;
    Ok(see_other(&format!("{}/{}?show=1", w.base, sub.id)))
}
