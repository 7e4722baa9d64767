//! `GET /operator/catalog` (products, files and keys left, low stock flagged)
//! and `GET /operator/catalog/{id}` (a product's variants and files).

use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::domain::money;
use crate::error::{AppError, AppResult};
use crate::store::catalog::{self, FileRow, ProductRow};
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
    low_count: usize,
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
            price: money::format(r.unit_price_minor, &r.currency),
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
    let low_count = products.iter().filter(|p| p.low).count();
    crate::routes::ok(&Catalog {
        page,
        products,
        low_count,
    })
}

pub struct FileView {
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
    files: Vec<FileView>,
    restricted: Vec<String>,
}

pub async fn show(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let product = catalog::product(ctx.db(), *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = catalog::variants_with_files(ctx.db(), product.id).await?;
    let restricted = catalog::restricted_countries(ctx.db(), product.id).await?;
    let keys_left = crate::store::keys::free_count(ctx.db(), product.id).await?;
    let page = ctx.page("catalog")?;
    let files = rows.into_iter().map(|r| file_view(&page, r)).collect();
    let kind = page.t(product.kind().message_id());
    let price = money::format(product.unit_price_minor, &product.currency);
    crate::routes::ok(&Product {
        page,
        product,
        kind,
        price,
        keys_left,
        files,
        restricted,
    })
}

fn file_view(page: &Page, r: FileRow) -> FileView {
    let platform = if r.bitness.is_empty() {
        format!("{} · {}", r.file_type, r.os)
    } else {
        r.bitness.clone()
    };
    FileView {
        version: r.version,
        language: r.language,
        platform,
        file_name: r.file_name.unwrap_or_else(|| page.t("catalog-no-file")),
        size: r.size_bytes.map(human_size).unwrap_or_default(),
        sha256: r.sha256.unwrap_or_default(),
    }
}

/// Bytes in binary units, as a download page shows them.
pub fn human_size(bytes: i64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.1} {}", UNITS.get(unit).copied().unwrap_or("TiB"))
    }
}
