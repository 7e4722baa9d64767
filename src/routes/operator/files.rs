//! `GET|POST /operator/catalog/{id}/files`: a download file uploaded onto one
//! of a product's variants, streamed into the file store while its size and
//! SHA-256 are computed, then registered by the same code as `files add`.
//! The product page shows the SHA-256 it got.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
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

/// The largest download file: a DVD image is under 10 GiB.
pub const MAX_FILE_BYTES: i64 = 20 * 1024 * 1024 * 1024;

#[derive(Template)]
#[template(path = "operator/files.html")]
struct FilesForm {
    page: Page,
    product: ProductRow,
    /// (id, label) of each variant.
    variants: Vec<(Uuid, String)>,
    chosen: String,
    /// The "Download as" name typed.
    typed_name: String,
    limit: String,
    errors: FormErrors,
}

const LABELS: &[(&str, &str)] = &[
    ("variant", "files-variant"),
    ("name", "files-name"),
    ("file", "files-file"),
];

async fn form_page(
    ctx: &Ctx<OperatePortal>,
    product: ProductRow,
    chosen: String,
    typed_name: String,
    errors: FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let variants = crate::store::catalog::variants_of(ctx.db(), product.id)
        .await?
        .iter()
        .map(|v| (v.id, v.spec().label()))
        .collect();
    let page = ctx.page("catalog")?;
    let errors = errors.labelled(&page.i18n, LABELS);
    render(
        &FilesForm {
            page,
            product,
            variants,
            chosen,
            typed_name,
            limit: human_size(MAX_FILE_BYTES),
            errors,
        },
        status,
    )
}

pub async fn form(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    form_page(
        &ctx,
        product,
        String::new(),
        String::new(),
        FormErrors::default(),
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
    let files = &ctx.state.files;
    let sink = Sink::Store {
        files,
        limit: MAX_FILE_BYTES,
    };
    let form = upload::read(&ctx.req, body, "file", sink).await?;
    let chosen = form.field("variant");
    let typed_name = form.field("name").trim().to_owned();
    let mut errors = FormErrors::default();
    let variant = match Uuid::parse_str(&chosen) {
        Ok(v) => crate::store::catalog::variant(ctx.db(), product.id, v).await?,
        Err(_) => None,
    };
    if variant.is_none() {
        errors.push("variant", ctx.i18n.t("files-error-variant"));
    }
    let (name, upload) = match form.file {
        Received::Stored { name, upload } => (name, Some(upload)),
        Received::TooLarge => {
            let limit = human_size(MAX_FILE_BYTES);
            errors.push(
                "file",
                ctx.i18n.t1("files-error-too-large", "limit", &limit),
            );
            (String::new(), None)
        }
        Received::Nothing | Received::NotText | Received::Text { .. } => {
            errors.push("file", ctx.i18n.t("files-error-choose"));
            (String::new(), None)
        }
    };
    let file_name = if typed_name.is_empty() {
        name
    } else {
        typed_name.clone()
    };
    let (Some(variant), Some(upload), true) = (variant, upload, errors.is_empty()) else {
        return form_page(&ctx, product, chosen, typed_name, errors, UNPROCESSABLE).await;
    };
    let actor = ctx.actor();
    let added = catalog::add_file(
        ctx.db(),
        ctx.state.clock.now(),
        By::Operator(&actor),
        &product,
        &variant.spec(),
        &file_name,
        upload,
    )
    .await?;
    match added {
        Ok(added) => {
            ctx.flash(ctx.i18n.t_args(
                "files-added",
                &[
                    ("file", &file_name),
                    ("size", &human_size(added.stored.size_bytes)),
                    ("variant", &variant.spec().label()),
                    ("sha256", &added.stored.sha256),
                ],
            ))?;
            Ok(see_other(&format!(
                "/operator/catalog/{}#file-{}",
                product.id, added.file_id
            )))
        }
        Err(problems) => {
            // The typed name, or the uploaded one, is what was refused.
            let field = if problems.iter().any(|p| p.id == "files-error-name") {
                "name"
            } else {
                "file"
            };
            for p in problems {
                errors.push(field, p.text(&ctx.i18n));
            }
            form_page(&ctx, product, chosen, typed_name, errors, UNPROCESSABLE).await
        }
    }
}

const UNPROCESSABLE: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;
