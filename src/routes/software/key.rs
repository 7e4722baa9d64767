//! `POST .../software/{sub}/key`: reveals the subscription's product key.
//! A POST because every reveal is an audit event (who, which subscription;
//! never the key). With JavaScript the page's dialog shows what this answers;
//! without it, this is the plain page with the key.

use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::ExposeSecret;
use uuid::Uuid;

use super::Where;
use super::show::subscription;
use crate::app;
use crate::domain::product::KeyFormat;
use crate::error::AppResult;
use crate::web::access::{ManageKeys, Policy, SeeOwnSoftware};
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "software/key.html")]
struct KeyPage {
    page: Page,
    product: String,
    back: String,
    grouped_key: String,
}

async fn reveal(ctx: &Ctx<impl Policy>, w: Where, sub_id: Uuid) -> AppResult<HttpResponse> {
    let sub = subscription(&ctx.state, ctx, &w, sub_id).await?;
    let key = app::software::reveal_key(&ctx.state, &ctx.actor(), &sub).await?;
    let format: KeyFormat = sub.key_format.parse().unwrap_or(KeyFormat::Chars32);
    let page = ctx.page(w.section())?;
    crate::routes::ok(&KeyPage {
        page,
        product: sub.product_name,
        back: format!("{}/{}", w.base, sub.id),
        grouped_key: format.group(key.expose_secret()),
    })
}

pub async fn partner(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id) = path.into_inner();
    reveal(&ctx, Where::partner(customer), sub_id).await
}

pub async fn own(ctx: Ctx<SeeOwnSoftware>, sub_id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let w = Where::own(&ctx.state, &ctx).await?;
    reveal(&ctx, w, *sub_id).await
}
