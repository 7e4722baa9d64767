//! One product as an operator gives it, a `[[product]]` of a catalog file or
//! the product form, checked field by field: the one place the catalog's
//! rules live. The file reports a problem at its line, the form at its field.

use super::Message;
use crate::domain::country::Country;
use crate::domain::money;
use crate::domain::product::{KeyFormat, Policy, ProductKind};
use crate::store::catalog::{ProductSpec, VariantSpec};

pub const BITNESS: [&str; 2] = ["32-bit", "64-bit"];
pub const FILE_TYPES: [&str; 3] = ["ISO", "EXE", "ZIP"];
pub const SYSTEMS: [&str; 2] = ["Windows", "Linux"];
pub const SKU_MAX: usize = 64;
pub const TEXT_MAX: usize = 200;
/// Policy values past ten years (or a million downloads) are typing errors,
/// and would overflow the date arithmetic long before they meant anything.
pub const DAYS_MAX: i64 = 3650;
pub const CAP_MAX: i64 = 1_000_000;
/// The `low_stock_at` of a product that does not say.
pub const LOW_STOCK_DEFAULT: i64 = 20;

/// A product as typed, before any check.
#[derive(Debug, Clone, Default)]
pub struct ProductDraft {
    pub sku: String,
    pub name: String,
    pub family: String,
    pub kind: String,
    pub term_months: Option<i64>,
    pub keys: bool,
    pub downloads: bool,
    /// None: the default, chars32.
    pub key_format: Option<String>,
    pub unit_price_minor: i64,
    pub currency: String,
    pub restricted_countries: Vec<String>,
    pub low_stock_at: Option<i64>,
    pub policy: Policy,
    pub variants: Vec<VariantsDraft>,
}

/// Variants as the file gives them: the cross product of the languages with
/// either the bitnesses or the platforms.
#[derive(Debug, Clone, Default)]
pub struct VariantsDraft {
    pub version: String,
    pub languages: Vec<String>,
    pub bitness: Vec<String>,
    /// (file type, operating system)
    pub platforms: Vec<(String, String)>,
}

/// Where a problem is: a field of the product, or of its `i`th variants block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Sku,
    Name,
    Family,
    Kind,
    TermMonths,
    /// Keys and downloads, against the kind.
    Contents,
    KeyFormat,
    UnitPrice,
    Currency,
    RestrictedCountries,
    LowStockAt,
    CancelWindowDays,
    LinkLifetimeDays,
    LinkDownloadCap,
    /// The product has downloads but no variant.
    Variants,
    Version(usize),
    Languages(usize),
    Platforms(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: Message,
}

/// Checks a draft; `has_variants` says whether the product has variants in
/// the store already (an edit may add none). Every problem is reported.
pub fn check(d: &ProductDraft, has_variants: bool) -> Result<ProductSpec, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut err = |field: Field, message: Message| problems.push(Problem { field, message });

    let sku = d.sku.trim().to_owned();
    if !valid_sku(&sku) {
        err(
            Field::Sku,
            Message::new("catalog-error-sku").num("max", SKU_MAX),
        );
    }
    for (field, id, value) in [
        (Field::Name, "catalog-error-name", &d.name),
        (Field::Family, "catalog-error-family", &d.family),
    ] {
        let v = value.trim();
        if v.is_empty() || v.chars().count() > TEXT_MAX || v.chars().any(char::is_control) {
            err(field, Message::new(id).num("max", TEXT_MAX));
        }
    }
    let kind = d.kind.parse::<ProductKind>().ok();
    if kind.is_none() {
        err(Field::Kind, Message::new("catalog-error-kind"));
    }
    match (kind, d.term_months) {
        (Some(ProductKind::Perpetual), Some(_)) => err(
            Field::TermMonths,
            Message::new("catalog-error-term-perpetual"),
        ),
        (Some(ProductKind::Subscription | ProductKind::ReservedInstance), None) => err(
            Field::TermMonths,
            Message::new("catalog-error-term-required"),
        ),
        (Some(_), Some(t)) if !matches!(t, 12 | 36) => {
            err(Field::TermMonths, Message::new("catalog-error-term"))
        }
        _ => {}
    }
    if kind == Some(ProductKind::ReservedInstance) && (d.keys || d.downloads) {
        err(Field::Contents, Message::new("catalog-error-ri-contents"));
    }
    let key_format = match &d.key_format {
        None => Some(KeyFormat::Chars32),
        Some(f) => f.parse::<KeyFormat>().ok(),
    };
    if key_format.is_none() {
        err(Field::KeyFormat, Message::new("catalog-error-key-format"));
    }
    if d.unit_price_minor < 0 {
        err(Field::UnitPrice, Message::new("catalog-error-price"));
    }
    if !money::valid_currency(&d.currency) {
        err(Field::Currency, Message::new("catalog-error-currency"));
    }
    let mut countries = Vec::new();
    for c in &d.restricted_countries {
        match Country::parse(c) {
            Some(c) => countries.push(c.code().to_owned()),
            None => err(
                Field::RestrictedCountries,
                Message::new("catalog-error-country").arg("code", c),
            ),
        }
    }
    countries.sort();
    countries.dedup();
    let low_stock_at = d.low_stock_at.unwrap_or(LOW_STOCK_DEFAULT);
    if low_stock_at < 0 {
        err(Field::LowStockAt, Message::new("catalog-error-low-stock"));
    }
    let p = d.policy;
    for (field, id, value, range) in [
        (
            Field::CancelWindowDays,
            "catalog-error-cancel-window",
            p.cancel_window_days,
            0..=DAYS_MAX,
        ),
        (
            Field::LinkLifetimeDays,
            "catalog-error-link-lifetime",
            p.link_lifetime_days,
            1..=DAYS_MAX,
        ),
        (
            Field::LinkDownloadCap,
            "catalog-error-link-cap",
            p.link_download_cap,
            1..=CAP_MAX,
        ),
    ] {
        if !range.contains(&value) {
            err(
                field,
                Message::new(id)
                    .num("min", *range.start())
                    .num("max", *range.end()),
            );
        }
    }
    let mut variants = Vec::new();
    for (i, v) in d.variants.iter().enumerate() {
        for problem in check_variants(v, i, &mut variants) {
            err(problem.field, problem.message);
        }
    }
    if d.downloads && variants.is_empty() && !has_variants {
        err(Field::Variants, Message::new("catalog-error-no-variants"));
    }
    match (kind, key_format) {
        (Some(kind), Some(key_format)) if problems.is_empty() => Ok(ProductSpec {
            sku,
            name: d.name.trim().to_owned(),
            family: d.family.trim().to_owned(),
            kind,
            term_months: d.term_months,
            has_keys: d.keys,
            has_downloads: d.downloads,
            key_format,
            unit_price_minor: d.unit_price_minor,
            currency: d.currency.clone(),
            policy: p,
            low_stock_at,
            restricted_countries: countries,
            variants,
        }),
        _ => Err(problems),
    }
}

pub fn valid_sku(sku: &str) -> bool {
    !sku.is_empty()
        && sku.len() <= SKU_MAX
        && sku
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks the `i`th variants block, adding the variants it makes to `out`.
fn check_variants(v: &VariantsDraft, i: usize, out: &mut Vec<VariantSpec>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut err = |field: Field, message: Message| problems.push(Problem { field, message });
    let version = v.version.trim();
    if version.is_empty()
        || version.chars().count() > TEXT_MAX
        || version.contains(char::is_control)
    {
        err(
            Field::Version(i),
            Message::new("catalog-error-version").num("max", TEXT_MAX),
        );
    }
    if v.languages.is_empty() {
        err(Field::Languages(i), Message::new("catalog-error-languages"));
    }
    for lang in &v.languages {
        if !valid_language(lang) {
            err(
                Field::Languages(i),
                Message::new("catalog-error-language").arg("tag", lang),
            );
        }
    }
    if v.bitness.is_empty() == v.platforms.is_empty() {
        err(Field::Platforms(i), Message::new("catalog-error-platforms"));
    }
    if v.bitness.iter().any(|b| !BITNESS.contains(&b.as_str())) {
        err(
            Field::Platforms(i),
            Message::new("catalog-error-bitness").arg("values", BITNESS.join(", ")),
        );
    }
    if v.platforms
        .iter()
        .any(|(t, os)| !FILE_TYPES.contains(&t.as_str()) || !SYSTEMS.contains(&os.as_str()))
    {
        err(
            Field::Platforms(i),
            Message::new("catalog-error-platform")
                .arg("types", FILE_TYPES.join(", "))
                .arg("systems", SYSTEMS.join(", ")),
        );
    }
    for lang in &v.languages {
        for b in &v.bitness {
            out.push(VariantSpec {
                version: version.to_owned(),
                language: lang.clone(),
                bitness: b.clone(),
                file_type: String::new(),
                os: String::new(),
            });
        }
        for (file_type, os) in &v.platforms {
            out.push(VariantSpec {
                version: version.to_owned(),
                language: lang.clone(),
                bitness: String::new(),
                file_type: file_type.clone(),
                os: os.clone(),
            });
        }
    }
    problems
}

/// A BCP 47 tag with a region or script, such as `en-US`.
pub fn valid_language(tag: &str) -> bool {
    tag.parse::<unic_langid::LanguageIdentifier>().is_ok() && tag.contains('-')
}

/// The problems of one variant named in full (`files add` names one).
pub fn check_variant(v: &VariantSpec) -> Vec<Problem> {
    let block = VariantsDraft {
        version: v.version.clone(),
        languages: vec![v.language.clone()],
        bitness: [v.bitness.clone()]
            .into_iter()
            .filter(|b| !b.is_empty())
            .collect(),
        platforms: [(v.file_type.clone(), v.os.clone())]
            .into_iter()
            .filter(|(t, os)| !t.is_empty() || !os.is_empty())
            .collect(),
    };
    check_variants(&block, 0, &mut Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProductDraft {
        ProductDraft {
            sku: "WS2022-STD".into(),
            name: "Windows Server 2022 Standard".into(),
            family: "Windows Server".into(),
            kind: "perpetual".into(),
            keys: true,
            downloads: true,
            unit_price_minor: 97200,
            currency: "USD".into(),
            restricted_countries: vec!["ru".into(), "CN".into(), "RU".into()],
            variants: vec![VariantsDraft {
                version: "2022".into(),
                languages: vec!["en-US".into(), "pl-PL".into()],
                bitness: vec!["64-bit".into()],
                platforms: Vec::new(),
            }],
            ..ProductDraft::default()
        }
    }

    fn fields(d: &ProductDraft, has_variants: bool) -> Vec<Field> {
        check(d, has_variants)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_good_draft_expands_its_variants_and_sorts_its_countries() {
        let spec = check(&draft(), false).ok();
        let spec = spec.as_ref();
        assert_eq!(spec.map(|s| s.variants.len()), Some(2));
        assert_eq!(
            spec.map(|s| s.restricted_countries.join(",")),
            Some("CN,RU".into())
        );
        assert_eq!(spec.map(|s| s.low_stock_at), Some(LOW_STOCK_DEFAULT));
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ProductDraft {
            sku: "no spaces".into(),
            name: " ".into(),
            kind: "reserved_instance".into(),
            currency: "usd".into(),
            unit_price_minor: -1,
            restricted_countries: vec!["XX".into()],
            low_stock_at: Some(-1),
            policy: Policy {
                cancel_window_days: -1,
                link_lifetime_days: 0,
                link_download_cap: CAP_MAX + 1,
            },
            variants: vec![VariantsDraft {
                version: String::new(),
                languages: vec!["english".into()],
                bitness: vec!["16-bit".into()],
                platforms: vec![("ISO".into(), "Windows".into())],
            }],
            ..draft()
        };
        assert_eq!(
            fields(&bad, false),
            [
                Field::Sku,
                Field::Name,
                Field::TermMonths,
                Field::Contents,
                Field::UnitPrice,
                Field::Currency,
                Field::RestrictedCountries,
                Field::LowStockAt,
                Field::CancelWindowDays,
                Field::LinkLifetimeDays,
                Field::LinkDownloadCap,
                Field::Version(0),
                Field::Languages(0),
                Field::Platforms(0),
                Field::Platforms(0),
            ]
        );
    }

    #[test]
    fn downloads_need_a_variant_unless_the_product_has_some() {
        let d = ProductDraft {
            variants: Vec::new(),
            ..draft()
        };
        assert_eq!(fields(&d, false), [Field::Variants]);
        assert!(check(&d, true).is_ok());
    }

    #[test]
    fn terms_follow_the_kind() {
        let sub = ProductDraft {
            kind: "subscription".into(),
            ..draft()
        };
        assert_eq!(fields(&sub, false), [Field::TermMonths]);
        let odd = ProductDraft {
            term_months: Some(24),
            ..sub.clone()
        };
        assert_eq!(fields(&odd, false), [Field::TermMonths]);
        assert!(
            check(
                &ProductDraft {
                    term_months: Some(36),
                    ..sub
                },
                false
            )
            .is_ok()
        );
    }

    #[test]
    fn one_variant_is_checked_like_a_block() {
        let v = VariantSpec {
            version: "2022".into(),
            language: "de-DE".into(),
            bitness: String::new(),
            file_type: "ISO".into(),
            os: "Windows".into(),
        };
        assert!(check_variant(&v).is_empty());
        let bad = VariantSpec {
            language: "xx".into(),
            bitness: "64-bit".into(),
            ..v
        };
        assert_eq!(check_variant(&bad).len(), 2);
    }
}
