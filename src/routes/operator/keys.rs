//! `GET|POST /operator/catalog/{id}/keys`: a key file uploaded into a
//! product's inventory, checked by the same code as `keys import` (each bad
//! line named by its number; one bad line and nothing is added). The keys
//! are held in memory only, and no page or log shows one.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::ExposeSecret;
use uuid::Uuid;

use super::catalog::product_of;
use super::upload::{self, Received, Sink};
use crate::app::catalog::{self, By};
use crate::error::AppResult;
use crate::routes::{human_size, render, see_other};
use crate::store::catalog::ProductRow;
use crate::web::access::OperatePortal;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;

/// A key file's largest size: about a hundred thousand keys.
pub const MAX_KEY_FILE_BYTES: usize = 4 * 1024 * 1024;
/// A body this large still gets the form back with a message.
const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;
/// Line problems listed on the page; the rest are counted.
const SHOWN: usize = 100;

#[derive(Template)]
#[template(path = "operator/keys.html")]
struct KeysForm {
    page: Page,
    product: ProductRow,
    format: String,
    keys_left: i64,
    limit: String,
    errors: FormErrors,
    /// "Line 3: ..." for the first problems of a refused file.
    lines: Vec<String>,
    more: usize,
}

async fn form_page(
    ctx: &Ctx<OperatePortal>,
    product: ProductRow,
    errors: FormErrors,
    lines: Vec<String>,
    more: usize,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let keys_left = crate::store::keys::free_count(ctx.db(), product.id).await?;
    let page = ctx.page("catalog")?;
    let format = page.t(&format!("key-format-{}", product.key_format().as_str()));
    render(
        &KeysForm {
            format: page.t1("keys-format", "format", &format),
            page,
            product,
            keys_left,
            limit: human_size(MAX_KEY_FILE_BYTES as i64),
            errors,
            lines,
            more,
        },
        status,
    )
}

pub async fn form(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    form_page(
        &ctx,
        product,
        FormErrors::default(),
        Vec::new(),
        0,
        StatusCode::OK,
    )
    .await
}

pub async fn upload(
    ctx: Ctx<OperatePortal>,
    id: web::Path<Uuid>,
    body: web::Payload,
) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    let sink = Sink::Text {
        limit: MAX_KEY_FILE_BYTES,
        body_limit: MAX_BODY_BYTES,
    };
    let form = upload::read(&ctx.req, body, "keys_file", sink).await?;
    let refuse = |message: String| {
        let mut errors = FormErrors::default();
        errors.push("keys_file", message);
        errors
    };
    let text = match form.file {
        Received::Text { text } => text,
        Received::Nothing | Received::Stored { .. } => {
            let errors = refuse(ctx.i18n.t("keys-error-choose"));
            return form_page(&ctx, product, errors, Vec::new(), 0, UNPROCESSABLE).await;
        }
        Received::TooLarge => {
            let limit = human_size(MAX_KEY_FILE_BYTES as i64);
            let errors = refuse(ctx.i18n.t1("keys-error-too-large", "limit", &limit));
            return form_page(&ctx, product, errors, Vec::new(), 0, UNPROCESSABLE).await;
        }
        Received::NotText => {
            let errors = refuse(ctx.i18n.t("keys-error-not-text"));
            return form_page(&ctx, product, errors, Vec::new(), 0, UNPROCESSABLE).await;
        }
    };
    if !product.has_keys {
        let errors = refuse(ctx.i18n.t("keys-none-for-product"));
        return form_page(&ctx, product, errors, Vec::new(), 0, UNPROCESSABLE).await;
    }
    let actor = ctx.actor();
    let now = ctx.state.clock.now();
    let added = catalog::add_keys(
        ctx.db(),
        &ctx.state.cipher,
        now,
        By::Operator(&actor),
        &product,
        text.expose_secret(),
    )
    .await?;
    match added {
        Ok(count) => {
            let left = crate::store::keys::free_count(ctx.db(), product.id).await?;
            ctx.flash(ctx.i18n.t_with(
                "keys-added",
                &[
                    ("count", count.into()),
                    ("name", (&product.name).into()),
                    ("left", left.into()),
                ],
            ))?;
            Ok(see_other(&format!("/operator/catalog/{}", product.id)))
        }
        Err(problems) => {
            let total = problems.0.len();
            let lines = problems
                .0
                .iter()
                .take(SHOWN)
                .map(|e| e.text(&ctx.i18n))
                .collect();
            let errors = refuse(ctx.i18n.t_count("keys-refused", "count", total as i64));
            let more = total.saturating_sub(SHOWN);
            form_page(&ctx, product, errors, lines, more, UNPROCESSABLE).await
        }
    }
}

const UNPROCESSABLE: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;
