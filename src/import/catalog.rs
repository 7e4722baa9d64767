//! `csp-portal catalog import FILE`: a TOML catalog, loaded or updated by SKU.
//! The format is documented in `docs/catalog.md`; `demo/catalog.toml` is an
//! example.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::product::{self, Field, ProductDraft, VariantsDraft};
use super::{FileErrors, LineError, Message, line_of};
use crate::domain::product::{Policy, ProductKind};
use crate::store::Tx;
use crate::store::catalog::{ProductSpec, upsert_product};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    policy: BTreeMap<String, Spanned<PolicyFile>>,
    #[serde(default)]
    product: Vec<Spanned<ProductFile>>,
}

#[derive(Deserialize, Clone, Copy, Default)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    cancel_window_days: Option<i64>,
    link_lifetime_days: Option<i64>,
    link_download_cap: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProductFile {
    sku: Spanned<String>,
    name: Spanned<String>,
    family: Spanned<String>,
    kind: Spanned<String>,
    term_months: Option<Spanned<i64>>,
    #[serde(default)]
    keys: bool,
    #[serde(default)]
    downloads: bool,
    key_format: Option<Spanned<String>>,
    unit_price_minor: Spanned<i64>,
    currency: Spanned<String>,
    restricted_countries: Option<Spanned<Vec<String>>>,
    low_stock_at: Option<Spanned<i64>>,
    #[serde(flatten)]
    policy: PolicyFile,
    #[serde(default)]
    variants: Vec<Spanned<VariantsFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantsFile {
    version: String,
    languages: Vec<String>,
    #[serde(default)]
    bitness: Vec<String>,
    #[serde(default)]
    platforms: Vec<PlatformFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlatformFile {
    file_type: String,
    os: String,
}

/// Parses and checks a whole catalog file; every problem is reported with its line.
pub fn parse(text: &str) -> Result<Vec<ProductSpec>, FileErrors> {
    let file: CatalogFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        FileErrors(vec![LineError {
            line,
            message: Message::new("import-syntax").arg("detail", e.message()),
        }])
    })?;
    let mut errors = Vec::new();
    let mut err = |offset: usize, message: Message| {
        errors.push(LineError {
            line: line_of(text, offset),
            message,
        })
    };

    let mut policies: HashMap<ProductKind, Policy> = HashMap::new();
    for (kind, p) in &file.policy {
        match kind.parse::<ProductKind>() {
            Ok(k) => {
                policies.insert(k, apply(Policy::default(), p.get_ref()));
            }
            Err(_) => err(
                p.span().start,
                Message::new("catalog-error-policy-kind").arg("kind", kind),
            ),
        }
    }

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut products = Vec::new();
    for entry in &file.product {
        let p = entry.get_ref();
        let sku = p.sku.get_ref().trim().to_owned();
        if product::valid_sku(&sku)
            && let Some(first) = seen.insert(sku.clone(), line_of(text, at(&p.sku)))
        {
            err(
                at(&p.sku),
                Message::new("catalog-error-sku-repeated")
                    .arg("sku", &sku)
                    .num("line", first),
            );
        }
        let base = p
            .kind
            .get_ref()
            .parse::<ProductKind>()
            .ok()
            .and_then(|k| policies.get(&k))
            .copied()
            .unwrap_or_default();
        let draft = ProductDraft {
            sku,
            name: p.name.get_ref().clone(),
            family: p.family.get_ref().clone(),
            kind: p.kind.get_ref().clone(),
            term_months: p.term_months.as_ref().map(|t| *t.get_ref()),
            keys: p.keys,
            downloads: p.downloads,
            key_format: p.key_format.as_ref().map(|f| f.get_ref().clone()),
            unit_price_minor: *p.unit_price_minor.get_ref(),
            currency: p.currency.get_ref().clone(),
            restricted_countries: p
                .restricted_countries
                .as_ref()
                .map(|l| l.get_ref().clone())
                .unwrap_or_default(),
            low_stock_at: p.low_stock_at.as_ref().map(|l| *l.get_ref()),
            policy: apply(base, &p.policy),
            variants: p
                .variants
                .iter()
                .map(|v| {
                    let v = v.get_ref();
                    VariantsDraft {
                        version: v.version.clone(),
                        languages: v.languages.clone(),
                        bitness: v.bitness.clone(),
                        platforms: v
                            .platforms
                            .iter()
                            .map(|pf| (pf.file_type.clone(), pf.os.clone()))
                            .collect(),
                    }
                })
                .collect(),
        };
        match product::check(&draft, false) {
            Ok(spec) => products.push(spec),
            Err(problems) => {
                for problem in problems {
                    err(offset_of(entry, problem.field), problem.message);
                }
            }
        }
    }
    if file.product.is_empty() {
        errors.push(LineError {
            line: 1,
            message: Message::new("catalog-error-empty"),
        });
    }
    if errors.is_empty() {
        Ok(products)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(FileErrors(errors))
    }
}

/// Where in the file a problem with `field` of the product `entry` is: the
/// key that holds it, else the start of the product (or of its variants).
fn offset_of(entry: &Spanned<ProductFile>, field: Field) -> usize {
    let p = entry.get_ref();
    let start = entry.span().start;
    let opt = |s: Option<usize>| s.unwrap_or(start);
    match field {
        Field::Sku => at(&p.sku),
        Field::Name => at(&p.name),
        Field::Family => at(&p.family),
        Field::Kind => at(&p.kind),
        Field::TermMonths => opt(p.term_months.as_ref().map(at)),
        Field::KeyFormat => opt(p.key_format.as_ref().map(at)),
        Field::UnitPrice => at(&p.unit_price_minor),
        Field::Currency => at(&p.currency),
        Field::RestrictedCountries => opt(p.restricted_countries.as_ref().map(at)),
        Field::LowStockAt => opt(p.low_stock_at.as_ref().map(at)),
        Field::Version(i) | Field::Languages(i) | Field::Platforms(i) => {
            opt(p.variants.get(i).map(at))
        }
        Field::Contents
        | Field::CancelWindowDays
        | Field::LinkLifetimeDays
        | Field::LinkDownloadCap
        | Field::Variants => start,
    }
}

fn at<T>(s: &Spanned<T>) -> usize {
    s.span().start
}

fn apply(base: Policy, p: &PolicyFile) -> Policy {
    Policy {
        cancel_window_days: p.cancel_window_days.unwrap_or(base.cancel_window_days),
        link_lifetime_days: p.link_lifetime_days.unwrap_or(base.link_lifetime_days),
        link_download_cap: p.link_download_cap.unwrap_or(base.link_download_cap),
    }
}

/// Writes a parsed catalog inside the caller's transaction.
pub async fn write(
    tx: &mut Tx,
    now: chrono::DateTime<chrono::Utc>,
    products: &[ProductSpec],
) -> anyhow::Result<()> {
    for p in products {
        upsert_product(&mut *tx, now, p).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[policy.subscription]
cancel_window_days = 7

[[product]]
sku = "WS2022-STD"
name = "Windows Server 2022 Standard"
family = "Windows Server"
kind = "perpetual"
keys = true
downloads = true
unit_price_minor = 97200
currency = "USD"
variants = [{ version = "2022", languages = ["en-US", "pl-PL"], bitness = ["64-bit"] }]

[[product]]
sku = "O365-SUB"
name = "Some subscription"
family = "Office"
kind = "subscription"
term_months = 12
unit_price_minor = 1000
currency = "USD"
"#;

    #[test]
    fn a_good_file_expands_variants_and_applies_kind_policies() {
        let products = parse(GOOD).map_err(|e| e.to_string());
        let products = products.as_deref().unwrap_or_default();
        assert_eq!(products.len(), 2);
        assert_eq!(products[0].variants.len(), 2);
        assert_eq!(products[0].policy, Policy::default());
        assert_eq!(products[1].policy.cancel_window_days, 7);
    }

    #[test]
    fn errors_name_their_lines() {
        let bad = GOOD
            .replace(
                "currency = \"USD\"\nvariants",
                "currency = \"usd\"\nvariants",
            )
            .replace("term_months = 12", "term_months = 24");
        let e = parse(&bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.contains("Line 13: Enter the currency as an ISO 4217"),
            "{e}"
        );
        assert!(
            e.contains("Line 21: The term must be 12 or 36 months."),
            "{e}"
        );
    }

    #[test]
    fn a_duplicate_sku_names_the_first_line() {
        let bad = GOOD.replace("O365-SUB", "WS2022-STD");
        let e = parse(&bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.contains("Line 17: SKU WS2022-STD is also used on line 6."),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_carry_a_line_too() {
        let e = parse("[[product]]\nsku = \n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("Line 2:"), "{e}");
    }
}
