//! `GET /operator/catalog` (products, files and keys left, low stock flagged)
//! and `GET /operator/catalog/{id}` (a product's facts, variants and files,
//! and the way to its edit, key and file pages).

use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::error::{AppError, AppResult};
use crate::store::catalog::{self, FileRow, ProductRow, VariantSpec};
use crate::web::access::OperatePortal;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

pub struct StockView {
    pub id: Uuid,
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: String,
    pub price: String,
    pub variants: i64,
    pub files: i64,
    pub has_keys: bool,
    pub keys_left: i64,
    pub low: bool,
    pub restricted: i64,
}

#[derive(Template)]
#[template(path = "operator/catalog.html")]
struct Catalog {
    page: Page,
    products: Vec<StockView>,
    /// The warning that some products are low on keys, if any are.
    low_warning: Option<String>,
}

pub async fn list(ctx: Ctx<OperatePortal>) -> AppResult<HttpResponse> {
    let rows = catalog::stock(ctx.db()).await?;
    let page = ctx.page("catalog")?;
    let products: Vec<StockView> = rows
        .into_iter()
        .map(|r| StockView {
            kind: page.t(r
                .kind
                .parse()
                .map(|k: crate::domain::product::ProductKind| k.message_id())
                .unwrap_or("kind-perpetual")),
            price: crate::format::money(r.unit_price_minor, &r.currency),
            low: r.has_keys && r.keys_left <= r.low_stock_at,
            id: r.id,
            sku: r.sku,
            name: r.name,
            family: r.family,
            variants: r.variants,
            files: r.files,
            has_keys: r.has_keys,
            keys_left: r.keys_left,
            restricted: r.restricted,
        })
        .collect();
    let low_count = products.iter().filter(|p| p.low).count() as i64;
    let low_warning =
        (low_count > 0).then(|| page.i18n.t_count("catalog-low-warning", "count", low_count));
    crate::routes::ok(&Catalog {
        page,
        products,
        low_warning,
    })
}

pub struct FileView {
    /// The file's id, or its variant's when it has none yet.
    pub id: Uuid,
    pub version: String,
    pub language: String,
    pub platform: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "operator/product.html")]
struct Product {
    page: Page,
    product: ProductRow,
    kind: String,
    price: String,
    keys_left: i64,
    low: bool,
    key_format: String,
    contents: String,
    files: Vec<FileView>,
    restricted: Vec<String>,
}

/// The product of a catalog page's `{id}`; 404 if there is none.
pub async fn product_of(ctx: &Ctx<OperatePortal>, id: Uuid) -> AppResult<ProductRow> {
    catalog::product(ctx.db(), id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn show(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    let rows = catalog::variants_with_files(ctx.db(), product.id).await?;
    let restricted = catalog::restricted_countries(ctx.db(), product.id).await?;
    let keys_left = crate::store::keys::free_count(ctx.db(), product.id).await?;
    let page = ctx.page("catalog")?;
    let files = rows.into_iter().map(|r| file_view(&page, r)).collect();
    let kind = page.t(product.kind().message_id());
    let price = crate::format::money(product.unit_price_minor, &product.currency);
    let key_format = page.t(&format!("key-format-{}", product.key_format().as_str()));
    let contents = [
        (product.has_keys, "catalog-contents-keys"),
        (product.has_downloads, "catalog-contents-downloads"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| page.t(id))
    .collect::<Vec<_>>();
    let contents = if contents.is_empty() {
        "—".to_owned()
    } else {
        contents.join(", ")
    };
    crate::routes::ok(&Product {
        page,
        low: product.has_keys && keys_left <= product.low_stock_at,
        product,
        kind,
        price,
        keys_left,
        key_format,
        contents,
        files,
        restricted,
    })
}

fn file_view(page: &Page, r: FileRow) -> FileView {
    let platform = VariantSpec {
        version: String::new(),
        language: String::new(),
        bitness: r.bitness,
        file_type: r.file_type,
        os: r.os,
    }
    .platform();
    FileView {
        id: r.id,
        version: r.version,
        language: r.language,
        platform,
        file_name: r.file_name.unwrap_or_else(|| page.t("catalog-no-file")),
        size: r.size_bytes.map(human_size).unwrap_or_default(),
        sha256: r.sha256.unwrap_or_default(),
    }
}

// Attachments' pages name it from here.
pub use crate::web::respond::human_size;
