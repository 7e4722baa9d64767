//! `POST .../software/{sub}/links` (Copy link: renews the file's live link or
//! makes one, see docs/links.md) and `POST .../links/{link}/revoke`. Admin
//! agents only. Both redirect back to the purchase's page with its choices
//! (post/redirect/get), so a reload repeats nothing; Copy link sent by the
//! page's script (`Accept: application/json`) is answered with the link and
//! the page's "Download links" part instead.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Where;
use super::link_views::{self, LinksFragment, Shown};
use super::show::{Selection, subscription};
use crate::app;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::store::{links, software};
use crate::web::access::ManageKeys;
use crate::web::ctx::ScopedCustomer;
use crate::web::page::Page;

#[derive(Deserialize)]
pub struct NewLinkForm {
    file_id: Uuid,
    #[serde(flatten)]
    selection: Selection,
}

/// What the page's script gets for Copy link.
#[derive(Serialize)]
struct GivenJson {
    url: String,
    /// For the page's live region once the link is on the clipboard.
    copied: String,
    /// For the live region when the clipboard refused.
    copy_failed: String,
    /// The "Download links" part, to replace the page's.
    html: String,
}

fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

pub async fn create(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid)>,
    form: web::Form<NewLinkForm>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id) = path.into_inner();
    let NewLinkForm { file_id, selection } = form.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    let file = software::file(ctx.db(), sub.product_id, file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = app::links::give(&ctx.state, &ctx.actor(), &sub, &file).await?;
    if !wants_json(&ctx.req) {
        let selection = Selection {
            show: Some("1".into()),
            ..selection
        };
        return Ok(see_other(&format!(
            "{}/{}?{}&link={}#new-link",
            w.base,
            sub.id,
            selection.query(),
            link.id
        )));
    }
    // The layout without taking the flash, which is for the next page.
    let page = Page::signed_in(&ctx, w.section());
    let rows = links::of_subscription(ctx.db(), sub.id).await?;
    let copied = page.t1("link-copied", "file", &file.file_name);
    let shown = Shown {
        id: link.id,
        url: link.url,
        given: link.given,
        file_name: file.file_name,
    };
    let url = shown.url.expose_secret().to_owned();
    let panel = link_views::panel(
        &ctx.state,
        &page,
        &w.base,
        &sub,
        Selection {
            show: Some("1".into()),
            ..selection
        },
        rows,
        Some(shown),
    );
    let copy_failed = page.t("link-copy-failed");
    let html = LinksFragment { page, panel }
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    let mut res = HttpResponse::Ok().json(GivenJson {
        url,
        copied,
        copy_failed,
        html,
    });
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

/// A GET of the form's URL (typed, or an old bookmark) goes back to the
/// purchase's page.
pub async fn back_to_page(path: web::Path<(Uuid, Uuid)>) -> HttpResponse {
    let (customer_id, sub_id) = path.into_inner();
    see_other(&format!("/customers/{customer_id}/software/{sub_id}"))
}

pub async fn revoke(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    form: web::Form<Selection>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id, link_id) = path.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    app::links::revoke(&ctx.state, &ctx.actor(), &sub, link_id).await?;
    ctx.flash(ctx.i18n.t("links-revoked"))?;
    // Back to the same choices and files, at the links.
    let query = form.query();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Ok(see_other(&format!("{}/{}{query}#links", w.base, sub.id)))
}
