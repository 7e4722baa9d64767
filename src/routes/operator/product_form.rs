//! `GET /operator/catalog/new`, `POST /operator/catalog` (add a product) and
//! `GET|POST /operator/catalog/{id}/edit` (change one, add variants). The
//! form holds what a catalog file's `[[product]]` holds and is checked by
//! the same code (`import::product::check`); a refused form changes nothing.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use super::catalog::product_of;
use crate::app::catalog::{self, By, Saved};
use crate::domain::money;
use crate::domain::number::parse_whole;
use crate::domain::product::{KeyFormat, Policy, ProductKind};
use crate::error::AppResult;
use crate::import::Message;
use crate::import::product::{self, BITNESS, FILE_TYPES, Field, ProductDraft, SYSTEMS};
use crate::routes::{render, see_other};
use crate::store::catalog::ProductRow;
use crate::web::access::OperatePortal;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: String,
    pub term_months: String,
    pub keys: bool,
    pub downloads: bool,
    pub key_format: String,
    pub unit_price: String,
    pub currency: String,
    pub restricted_countries: String,
    pub low_stock_at: String,
    pub cancel_window_days: String,
    pub link_lifetime_days: String,
    pub link_download_cap: String,
    pub version: String,
    pub languages: String,
    /// "64-bit", or "ISO/Windows" for a platform.
    pub platforms: Vec<String>,
}

impl ProductInput {
    fn blank() -> ProductInput {
        let policy = Policy::default();
        ProductInput {
            key_format: KeyFormat::Chars32.as_str().into(),
            currency: "USD".into(),
            low_stock_at: product::LOW_STOCK_DEFAULT.to_string(),
            cancel_window_days: policy.cancel_window_days.to_string(),
            link_lifetime_days: policy.link_lifetime_days.to_string(),
            link_download_cap: policy.link_download_cap.to_string(),
            ..ProductInput::default()
        }
    }

    fn of(p: &ProductRow, countries: &[String]) -> ProductInput {
        let price = money::format(p.unit_price_minor, &p.currency);
        ProductInput {
            sku: p.sku.clone(),
            name: p.name.clone(),
            family: p.family.clone(),
            kind: p.kind.clone(),
            term_months: p.term_months.map(|t| t.to_string()).unwrap_or_default(),
            keys: p.has_keys,
            downloads: p.has_downloads,
            key_format: p.key_format.clone(),
            unit_price: price.trim_end_matches(&p.currency).trim().to_owned(),
            currency: p.currency.clone(),
            restricted_countries: countries.join(", "),
            low_stock_at: p.low_stock_at.to_string(),
            cancel_window_days: p.cancel_window_days.to_string(),
            link_lifetime_days: p.link_lifetime_days.to_string(),
            link_download_cap: p.link_download_cap.to_string(),
            ..ProductInput::default()
        }
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> ProductInput {
        let mut f = ProductInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "sku" => f.sku = v,
                "name" => f.name = v,
                "family" => f.family = v,
                "kind" => f.kind = v,
                "term_months" => f.term_months = v,
                "keys" => f.keys = true,
                "downloads" => f.downloads = true,
                "key_format" => f.key_format = v,
                "unit_price" => f.unit_price = v,
                "currency" => f.currency = v,
                "restricted_countries" => f.restricted_countries = v,
                "low_stock_at" => f.low_stock_at = v,
                "cancel_window_days" => f.cancel_window_days = v,
                "link_lifetime_days" => f.link_lifetime_days = v,
                "link_download_cap" => f.link_download_cap = v,
                "version" => f.version = v,
                "languages" => f.languages = v,
                "platforms" => f.platforms.push(v),
                _ => {}
            }
        }
        f
    }

    fn has(&self, platform: &str) -> bool {
        self.platforms.iter().any(|p| p == platform)
    }

    /// The draft `import::product::check` takes, and the problems of fields
    /// that are not even the right shape (a price that is not a number).
    fn draft(&self) -> (ProductDraft, Vec<(&'static str, Message)>) {
        let mut problems = Vec::new();
        let mut whole = |field: &'static str, value: &str, fallback: i64| {
            parse_whole(value, 0..=i64::MAX).unwrap_or_else(|| {
                problems.push((field, Message::new("catalog-error-whole-number")));
                fallback
            })
        };
        let defaults = Policy::default();
        let policy = Policy {
            cancel_window_days: whole(
                "cancel_window_days",
                &self.cancel_window_days,
                defaults.cancel_window_days,
            ),
            link_lifetime_days: whole(
                "link_lifetime_days",
                &self.link_lifetime_days,
                defaults.link_lifetime_days,
            ),
            link_download_cap: whole(
                "link_download_cap",
                &self.link_download_cap,
                defaults.link_download_cap,
            ),
        };
        let low_stock_at = whole(
            "low_stock_at",
            &self.low_stock_at,
            product::LOW_STOCK_DEFAULT,
        );
        let term_months = match self.term_months.trim() {
            "" => None,
            t => Some(whole("term_months", t, 12)),
        };
        let currency = self.currency.trim().to_owned();
        let mark = crate::format::decimal_mark();
        let unit_price_minor =
            money::parse(&self.unit_price, &currency, mark).unwrap_or_else(|| {
                problems.push(("unit_price", Message::new("catalog-error-price-format")));
                0
            });
        let (platforms, bitness): (Vec<&String>, Vec<&String>) =
            self.platforms.iter().partition(|p| p.contains('/'));
        let variants = if self.version.trim().is_empty()
            && self.languages.trim().is_empty()
            && self.platforms.is_empty()
        {
            Vec::new()
        } else {
            vec![product::VariantsDraft {
                version: self.version.clone(),
                languages: list(&self.languages),
                bitness: bitness.into_iter().cloned().collect(),
                platforms: platforms
                    .into_iter()
                    .map(|p| {
                        let (t, os) = p.split_once('/').unwrap_or((p, ""));
                        (t.to_owned(), os.to_owned())
                    })
                    .collect(),
            }]
        };
        let draft = ProductDraft {
            sku: self.sku.clone(),
            name: self.name.clone(),
            family: self.family.clone(),
            kind: self.kind.clone(),
            term_months,
            keys: self.keys,
            downloads: self.downloads,
            key_format: Some(self.key_format.clone()),
            unit_price_minor,
            currency,
            restricted_countries: list(&self.restricted_countries),
            low_stock_at: Some(low_stock_at),
            policy,
            variants,
        };
        (draft, problems)
    }
}

/// Items typed as a list: separated by commas, semicolons or spaces.
fn list(s: &str) -> Vec<String> {
    s.split([',', ';', ' ', '\t', '\n', '\r'])
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

fn form_field(f: Field) -> &'static str {
    match f {
        Field::Sku => "sku",
        Field::Name => "name",
        Field::Family => "family",
        Field::Kind => "kind",
        Field::TermMonths => "term_months",
        Field::Contents => "keys",
        Field::KeyFormat => "key_format",
        Field::UnitPrice => "unit_price",
        Field::Currency => "currency",
        Field::RestrictedCountries => "restricted_countries",
        Field::LowStockAt => "low_stock_at",
        Field::CancelWindowDays => "cancel_window_days",
        Field::LinkLifetimeDays => "link_lifetime_days",
        Field::LinkDownloadCap => "link_download_cap",
        Field::Variants | Field::Version(_) => "version",
        Field::Languages(_) => "languages",
        Field::Platforms(_) => "platforms",
    }
}

const LABELS: &[(&str, &str)] = &[
    ("sku", "product-sku"),
    ("name", "catalog-form-name"),
    ("family", "product-family"),
    ("kind", "product-kind"),
    ("term_months", "catalog-term"),
    ("keys", "catalog-contents"),
    ("key_format", "catalog-key-format"),
    ("unit_price", "catalog-form-price"),
    ("currency", "catalog-form-currency"),
    ("restricted_countries", "catalog-restricted"),
    ("low_stock_at", "catalog-low-stock-at"),
    ("cancel_window_days", "catalog-form-cancel-days"),
    ("link_lifetime_days", "catalog-form-link-days"),
    ("link_download_cap", "catalog-form-link-cap"),
    ("version", "variant-version"),
    ("languages", "catalog-form-languages"),
    ("platforms", "catalog-form-platforms"),
];

#[derive(Template)]
#[template(path = "operator/product_form.html")]
struct ProductForm {
    page: Page,
    heading: String,
    action: String,
    back: String,
    /// The product being edited (its SKU is fixed).
    editing: Option<ProductRow>,
    /// What an edit says of the variants the product has.
    existing_variants: String,
    form: ProductInput,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    key_formats: Vec<(&'static str, String)>,
    /// (value, label) of each bitness, then each platform.
    platforms: Vec<(String, String)>,
}

fn form_page(
    page: Page,
    editing: Option<ProductRow>,
    existing_variants: i64,
    form: ProductInput,
    errors: FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (heading, action, back) = match &editing {
        Some(p) => (
            page.t1("catalog-edit-title", "name", &p.name),
            format!("/operator/catalog/{}/edit", p.id),
            format!("/operator/catalog/{}", p.id),
        ),
        None => (
            page.t("catalog-new-title"),
            "/operator/catalog".to_owned(),
            "/operator/catalog".to_owned(),
        ),
    };
    let kinds = [
        ProductKind::Perpetual,
        ProductKind::Subscription,
        ProductKind::ReservedInstance,
    ]
    .into_iter()
    .map(|k| (k.as_str(), page.t(k.message_id())))
    .collect();
    let key_formats = [KeyFormat::Chars32, KeyFormat::Chars25]
        .into_iter()
        .map(|f| (f.as_str(), page.t(&format!("key-format-{}", f.as_str()))))
        .collect();
    let platforms = BITNESS
        .iter()
        .map(|b| (b.to_string(), b.to_string()))
        .chain(FILE_TYPES.iter().flat_map(|t| {
            SYSTEMS
                .iter()
                .map(move |os| (format!("{t}/{os}"), format!("{t} · {os}")))
        }))
        .collect();
    let errors = errors.labelled(&page.i18n, LABELS);
    let existing_variants =
        page.i18n
            .t_count("catalog-form-variants-existing", "count", existing_variants);
    render(
        &ProductForm {
            page,
            heading,
            action,
            back,
            editing,
            existing_variants,
            form,
            errors,
            kinds,
            key_formats,
            platforms,
        },
        status,
    )
}

pub async fn new(ctx: Ctx<OperatePortal>) -> AppResult<HttpResponse> {
    let page = ctx.page("catalog")?;
    form_page(
        page,
        None,
        0,
        ProductInput::blank(),
        FormErrors::default(),
        StatusCode::OK,
    )
}

pub async fn edit(ctx: Ctx<OperatePortal>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    let countries = crate::store::catalog::restricted_countries(ctx.db(), product.id).await?;
    let variants = crate::store::catalog::variant_count(ctx.db(), product.id).await?;
    let page = ctx.page("catalog")?;
    let form = ProductInput::of(&product, &countries);
    form_page(
        page,
        Some(product),
        variants,
        form,
        FormErrors::default(),
        StatusCode::OK,
    )
}

pub async fn create(
    ctx: Ctx<OperatePortal>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    save(ctx, None, ProductInput::from_pairs(form.into_inner())).await
}

pub async fn update(
    ctx: Ctx<OperatePortal>,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let product = product_of(&ctx, *id).await?;
    let mut input = ProductInput::from_pairs(form.into_inner());
    // The SKU names the product to the command line: it stays.
    input.sku = product.sku.clone();
    save(ctx, Some(product), input).await
}

async fn save(
    ctx: Ctx<OperatePortal>,
    editing: Option<ProductRow>,
    input: ProductInput,
) -> AppResult<HttpResponse> {
    let variants = match &editing {
        Some(p) => crate::store::catalog::variant_count(ctx.db(), p.id).await?,
        None => 0,
    };
    let (draft, shape) = input.draft();
    let checked = product::check(&draft, variants > 0);
    let mut found: Vec<(&str, &Message)> = shape.iter().map(|(f, m)| (*f, m)).collect();
    // A field already refused for its shape is not refused again for its value.
    for p in checked.as_ref().err().into_iter().flatten() {
        let field = form_field(p.field);
        if !shape.iter().any(|(f, _)| *f == field) {
            found.push((field, &p.message));
        }
    }
    // In the form's order, for the summary.
    found.sort_by_key(|(f, _)| LABELS.iter().position(|(l, _)| l == f));
    let mut errors = FormErrors::default();
    for (field, message) in found {
        errors.push(field, message.text(&ctx.i18n));
    }
    let refuse = |errors: FormErrors, editing: Option<ProductRow>, input: ProductInput| {
        let page = ctx.page("catalog")?;
        form_page(
            page,
            editing,
            variants,
            input,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let spec = match checked {
        Ok(spec) if errors.is_empty() => spec,
        _ => return refuse(errors, editing, input),
    };
    let actor = ctx.actor();
    let by = By::Operator(&actor);
    let now = ctx.state.clock.now();
    let saved = match &editing {
        Some(p) => catalog::update_product(ctx.db(), now, by, p, &spec).await?,
        None => catalog::create_product(ctx.db(), now, by, &spec).await?,
    };
    let id = match saved {
        Saved::Created(id) => {
            ctx.flash(ctx.i18n.t1("catalog-created", "name", &spec.name))?;
            id
        }
        Saved::Updated(id) => {
            ctx.flash(ctx.i18n.t1("catalog-saved", "name", &spec.name))?;
            id
        }
        Saved::SkuTaken => {
            let mut errors = FormErrors::default();
            errors.push("sku", ctx.i18n.t("catalog-error-sku-taken"));
            return refuse(errors, editing, input);
        }
    };
    Ok(see_other(&format!("/operator/catalog/{id}")))
}
