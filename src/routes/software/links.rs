//! `POST .../software/{sub}/links` (Copy link: renews the file's live link or
//! makes one, see docs/links.md) and `POST .../links/{link}/revoke` (once
//! confirmed: `web::confirm`). Admin agents only. Both redirect back to the
//! purchase's page with its choices (post/redirect/get), so a reload
//! repeats nothing; Copy link sent by the
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
use crate::store::software::SoftwareRow;
use crate::store::{links, software};
use crate::web::access::ManageKeys;
use crate::web::confirm::{Confirmation, Confirmed};
use crate::web::ctx::{Ctx, ScopedCustomer};
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

#[derive(Deserialize)]
pub struct RevokeForm {
    #[serde(flatten)]
    selection: Selection,
    #[serde(flatten)]
    confirmed: Confirmed,
}

/// Revokes a link once confirmed (see `web::confirm`); until then the
/// answer is the page that asks, naming the link and what revoking does.
pub async fn revoke(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid, Uuid)>,
    form: web::Form<RevokeForm>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id, link_id) = path.into_inner();
    let RevokeForm {
        selection,
        confirmed,
    } = form.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    // Back to the same choices and files, at the links.
    let query = selection.query();
    let back = if query.is_empty() {
        format!("{}/{}#links", w.base, sub.id)
    } else {
        format!("{}/{}?{query}#links", w.base, sub.id)
    };
    if !confirmed.yes() {
        return revoke_confirmation(&ctx, &w, &sub, link_id, selection, back).await;
    }
    app::links::revoke(&ctx.state, &ctx.actor(), &sub, link_id).await?;
    ctx.flash(ctx.i18n.t("links-revoked"))?;
    Ok(see_other(&back))
}

/// The page that asks before a link is revoked: the link as the purchase's
/// page lists it (only a live one has a Revoke button).
async fn revoke_confirmation(
    ctx: &Ctx<ManageKeys>,
    w: &Where,
    sub: &SoftwareRow,
    link_id: Uuid,
    selection: Selection,
    back: String,
) -> AppResult<HttpResponse> {
    let page = ctx.page(w.section())?;
    let rows = links::of_subscription(ctx.db(), sub.id).await?;
    let mut fields = vec![
        ("version".to_owned(), selection.version.clone()),
        ("language".to_owned(), selection.language.clone()),
        ("platform".to_owned(), selection.platform.clone()),
    ];
    if selection.show.is_some() {
        fields.push(("show".to_owned(), "1".to_owned()));
    }
    let panel = link_views::panel(&ctx.state, &page, &w.base, sub, selection, rows, None);
    let link = panel
        .live
        .into_iter()
        .find(|l| l.id == link_id)
        .ok_or(AppError::NotFound)?;
    let mut facts = vec![
        (page.t("product"), sub.product_name.clone()),
        (page.t("file-name"), link.file_name.clone()),
    ];
    if !link.address.is_empty() {
        facts.push((page.t("links-address"), link.address));
    }
    facts.push((
        page.t("links-downloads"),
        format!("{} / {}", link.used, link.cap),
    ));
    facts.push((
        page.t("links-expires"),
        format!("{} ({})", link.expires, link.time_left),
    ));
    Confirmation {
        title: page.t("links-revoke-confirm-title"),
        lead: String::new(),
        effects: vec![page.t("links-revoke-confirm-stops")],
        note: page.t("links-revoke-confirm-final"),
        facts,
        action: format!("{}/{}/links/{link_id}/revoke", w.base, sub.id),
        fields,
        confirm_label: page.t("links-revoke-confirm"),
        back,
        back_label: page.t("links-revoke-keep"),
        page,
    }
    .answer()
}
