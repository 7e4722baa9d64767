//! `csp-portal catalog import FILE`: a TOML catalog, loaded or updated by SKU.
//! The format is documented in `docs/catalog.md`; `demo/catalog.toml` is an
//! example.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::{FileErrors, LineError, line_of};
use crate::domain::country::Country;
use crate::domain::money;
use crate::domain::product::{KeyFormat, Policy, ProductKind};
use crate::store::catalog::{ProductSpec, VariantSpec, upsert_product};
use crate::store::{Db, Tx};

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

const BITNESS: [&str; 2] = ["32-bit", "64-bit"];
const FILE_TYPES: [&str; 3] = ["ISO", "EXE", "ZIP"];
const SYSTEMS: [&str; 2] = ["Windows", "Linux"];

/// Parses and checks a whole catalog file; every problem is reported with its line.
pub fn parse(text: &str) -> Result<Vec<ProductSpec>, FileErrors> {
    let file: CatalogFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        FileErrors(vec![LineError {
            line,
            message: e.message().to_owned(),
        }])
    })?;
    let mut errors = Vec::new();
    let mut err = |offset: usize, message: String| {
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
                format!("unknown product kind {kind:?} in [policy]"),
            ),
        }
    }

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut products = Vec::new();
    for entry in &file.product {
        let p = entry.get_ref();
        let sku = p.sku.get_ref().trim().to_owned();
        if sku.is_empty()
            || sku.len() > 64
            || !sku
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            err(
                at(&p.sku),
                "sku must be 1-64 letters, digits, '-' or '_'".into(),
            );
        } else if let Some(first) = seen.insert(sku.clone(), line_of(text, at(&p.sku))) {
            err(
                at(&p.sku),
                format!("sku {sku} is also used on line {first}"),
            );
        }
        for (field, value) in [("name", &p.name), ("family", &p.family)] {
            if value.get_ref().trim().is_empty() || value.get_ref().chars().count() > 200 {
                err(at(value), format!("{field} must be 1-200 characters"));
            }
        }
        let kind = p.kind.get_ref().parse::<ProductKind>();
        if kind.is_err() {
            err(
                at(&p.kind),
                "kind must be perpetual, subscription or reserved_instance".into(),
            );
        }
        let term = p.term_months.as_ref().map(|t| *t.get_ref());
        match (&kind, &p.term_months) {
            (Ok(ProductKind::Perpetual), Some(t)) => {
                err(at(t), "perpetual software has no term".into())
            }
            (Ok(ProductKind::Subscription | ProductKind::ReservedInstance), None) => err(
                entry.span().start,
                "term_months (12 or 36) is required for this kind".into(),
            ),
            (Ok(_), Some(t)) if !matches!(*t.get_ref(), 12 | 36) => {
                err(at(t), "term_months must be 12 or 36".into())
            }
            _ => {}
        }
        if matches!(kind, Ok(ProductKind::ReservedInstance)) && (p.keys || p.downloads) {
            err(
                entry.span().start,
                "reserved instances have no keys and no downloads".into(),
            );
        }
        let key_format = match &p.key_format {
            None => Ok(KeyFormat::Chars32),
            Some(f) => f
                .get_ref()
                .parse::<KeyFormat>()
                .map_err(|_| err(at(f), "key_format must be chars32 or chars25".into())),
        };
        if *p.unit_price_minor.get_ref() < 0 {
            err(
                at(&p.unit_price_minor),
                "unit_price_minor cannot be negative".into(),
            );
        }
        if !money::valid_currency(p.currency.get_ref()) {
            err(
                at(&p.currency),
                "currency must be an ISO 4217 code such as USD".into(),
            );
        }
        let mut countries = Vec::new();
        if let Some(list) = &p.restricted_countries {
            for c in list.get_ref() {
                match Country::parse(c) {
                    Some(c) => countries.push(c.code().to_owned()),
                    None => err(
                        at(list),
                        format!("{c:?} is not an ISO 3166-1 alpha-2 country code"),
                    ),
                }
            }
        }
        countries.sort();
        countries.dedup();
        let base = kind
            .as_ref()
            .ok()
            .and_then(|k| policies.get(k))
            .copied()
            .unwrap_or_default();
        let policy = apply(base, &p.policy);
        if policy.cancel_window_days < 0
            || policy.link_lifetime_days < 1
            || policy.link_download_cap < 1
        {
            err(entry.span().start, "policy values must be positive".into());
        }
        let mut variants = Vec::new();
        for v in &p.variants {
            let vf = v.get_ref();
            let line = v.span().start;
            if vf.version.trim().is_empty() || vf.languages.is_empty() {
                err(
                    line,
                    "a variant needs a version and at least one language".into(),
                );
            }
            if vf.bitness.is_empty() == vf.platforms.is_empty() {
                err(line, "a variant has either bitness or platforms (file type and OS), not both or neither".into());
            }
            for lang in &vf.languages {
                if lang.parse::<unic_langid::LanguageIdentifier>().is_err() || !lang.contains('-') {
                    err(
                        line,
                        format!("{lang:?} is not a BCP 47 language tag such as en-US"),
                    );
                }
            }
            for b in &vf.bitness {
                if !BITNESS.contains(&b.as_str()) {
                    err(line, format!("bitness must be one of {BITNESS:?}"));
                }
            }
            for pf in &vf.platforms {
                if !FILE_TYPES.contains(&pf.file_type.as_str())
                    || !SYSTEMS.contains(&pf.os.as_str())
                {
                    err(
                        line,
                        format!(
                            "file_type must be one of {FILE_TYPES:?} and os one of {SYSTEMS:?}"
                        ),
                    );
                }
            }
            for lang in &vf.languages {
                for b in &vf.bitness {
                    variants.push(VariantSpec {
                        version: vf.version.trim().to_owned(),
                        language: lang.clone(),
                        bitness: b.clone(),
                        file_type: String::new(),
                        os: String::new(),
                    });
                }
                for pf in &vf.platforms {
                    variants.push(VariantSpec {
                        version: vf.version.trim().to_owned(),
                        language: lang.clone(),
                        bitness: String::new(),
                        file_type: pf.file_type.clone(),
                        os: pf.os.clone(),
                    });
                }
            }
        }
        if p.downloads && variants.is_empty() {
            err(
                entry.span().start,
                "a product with downloads needs at least one variant".into(),
            );
        }
        if let (Ok(kind), Ok(key_format)) = (kind, key_format) {
            products.push(ProductSpec {
                sku,
                name: p.name.get_ref().trim().to_owned(),
                family: p.family.get_ref().trim().to_owned(),
                kind,
                term_months: term,
                has_keys: p.keys,
                has_downloads: p.downloads,
                key_format,
                unit_price_minor: *p.unit_price_minor.get_ref(),
                currency: p.currency.get_ref().clone(),
                policy,
                low_stock_at: p.low_stock_at.as_ref().map(|l| *l.get_ref()).unwrap_or(20),
                restricted_countries: countries,
                variants,
            });
        }
    }
    if file.product.is_empty() {
        errors.push(LineError {
            line: 1,
            message: "the file has no [[product]] entries".into(),
        });
    }
    if errors.is_empty() {
        Ok(products)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(FileErrors(errors))
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

/// Parses, then writes in one transaction: nothing is written on any error.
pub async fn import(
    db: &Db,
    now: chrono::DateTime<chrono::Utc>,
    text: &str,
) -> anyhow::Result<usize> {
    let products = parse(text)?;
    let mut tx = db.begin().await?;
    write(&mut tx, now, &products).await?;
    tx.commit().await?;
    Ok(products.len())
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
        assert!(e.contains("line 13: currency must be"), "{e}");
        assert!(e.contains("line 21: term_months must be 12 or 36"), "{e}");
    }

    #[test]
    fn a_duplicate_sku_names_the_first_line() {
        let bad = GOOD.replace("O365-SUB", "WS2022-STD");
        let e = parse(&bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.contains("line 17: sku WS2022-STD is also used on line 6"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_carry_a_line_too() {
        let e = parse("[[product]]\nsku = \n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("line 2:"), "{e}");
    }
}
