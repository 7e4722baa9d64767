//! Demo data: two partners, their customers, and one user per role, so that a
//! first `cargo run` has something to show. `scale` adds a large data set on
//! top of it for the benchmarks.

pub mod scale;

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use secrecy::SecretString;
use serde_json::json;

use crate::clock::Clock;
use crate::crypto::KeyCipher;
use crate::domain::audit_action::Action;
use crate::domain::country::Country;
use crate::domain::customer::{Domain, NewCustomer};
use crate::domain::email::Email;
use crate::domain::product::KeyFormat;
use crate::domain::role::{OrgKind, Role};
use crate::domain::scope::Scope;
use crate::files::FileStore;
use crate::store::{Db, StoreResult, audit, organisations, users};
use crate::store::{catalog, orders};
use crate::{auth, import};

pub const PARTNER_1: &str = "Northwind Partners";
pub const PARTNER_2: &str = "Fabrikam Resellers";
pub const VENDOR: &str = "CSP Portal Operations";

/// (partner, company, domain, country)
const CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    (PARTNER_1, "Contoso", "contoso.onmicrosoft.com", "US"),
    (
        PARTNER_1,
        "Wingtip Toys",
        "wingtiptoys.onmicrosoft.com",
        "BR",
    ),
    (
        PARTNER_1,
        "Tailspin Toys",
        "tailspintoys.onmicrosoft.com",
        "PL",
    ),
    (PARTNER_1, "Litware", "litware.onmicrosoft.com", "CZ"),
    (
        PARTNER_1,
        "Adventure Works",
        "adventureworks.onmicrosoft.com",
        "DE",
    ),
    (PARTNER_1, "Proseware", "proseware.onmicrosoft.com", "CN"),
    (
        PARTNER_2,
        "Fourth Coffee",
        "fourthcoffee.onmicrosoft.com",
        "GB",
    ),
    (
        PARTNER_2,
        "Margie's Travel",
        "margiestravel.onmicrosoft.com",
        "FR",
    ),
];

/// (e-mail, display name, organisation, role)
pub const USERS: &[(&str, &str, &str, Role)] = &[
    (
        "admin@northwind.example",
        "Alex Admin",
        PARTNER_1,
        Role::AdminAgent,
    ),
    (
        "sales@northwind.example",
        "Sam Sales",
        PARTNER_1,
        Role::SalesAgent,
    ),
    (
        "helpdesk@northwind.example",
        "Hana Helpdesk",
        PARTNER_1,
        Role::HelpdeskAgent,
    ),
    (
        "owner@northwind.example",
        "Olivia Owner",
        PARTNER_1,
        Role::PartnerGlobalAdmin,
    ),
    (
        "admin@fabrikam.example",
        "Fran Fabrikam",
        PARTNER_2,
        Role::AdminAgent,
    ),
    (
        "ga@contoso.example",
        "Gary Global",
        "Contoso",
        Role::CustomerGlobalAdmin,
    ),
    (
        "user@contoso.example",
        "Uma User",
        "Contoso",
        Role::CustomerUser,
    ),
    (
        "operator@portal.example",
        "Oscar Operator",
        VENDOR,
        Role::Operator,
    ),
];

/// Whether the store holds nothing yet (demo data loads only then on start).
pub async fn store_is_empty(db: &Db) -> StoreResult<bool> {
    Ok(organisations::count(db).await? == 0)
}

/// What the demo needs beyond the store, and how much of it to make.
pub struct DemoAssets<'a> {
    pub cipher: &'a KeyCipher,
    pub files: &'a FileStore,
    /// Keys loaded per keyed product ("a few hundred" for a served demo).
    pub keys_per_product: usize,
    /// Size of each generated stand-in for an ISO image.
    pub file_bytes: usize,
}

/// The demo catalog, in the format `csp-portal catalog import` reads.
pub const CATALOG: &str = include_str!("../demo/catalog.toml");

/// (sku, quantity)
type DemoLine = (&'static str, i64);

/// (customer, days before loading, lines, placed by)
const PURCHASES: &[(&str, i64, &[DemoLine], &str)] = &[
    (
        "Contoso",
        5,
        &[("WS2022-DAT", 2), ("OFFICE-LTSC2021-PP", 25)],
        "admin@northwind.example",
    ),
    (
        "Contoso",
        45,
        &[("SQL2022-STA", 4)],
        "sales@northwind.example",
    ),
    (
        "Contoso",
        75,
        &[("WS2019-STA", 1)],
        "admin@northwind.example",
    ),
    (
        "Wingtip Toys",
        10,
        &[("OFFICE-LTSC2021-PP", 10)],
        "admin@northwind.example",
    ),
    (
        "Tailspin Toys",
        20,
        &[("WS2022-STA", 1)],
        "sales@northwind.example",
    ),
    (
        "Litware",
        30,
        &[("SQL2019-ENT", 2)],
        "admin@northwind.example",
    ),
    (
        "Fourth Coffee",
        3,
        &[("WS2022-DAT", 1)],
        "admin@fabrikam.example",
    ),
];

/// Loads the demo organisations, users, catalog, files, keys and purchases.
pub async fn load(
    db: &Db,
    clock: &dyn Clock,
    password: &SecretString,
    assets: &DemoAssets<'_>,
) -> anyhow::Result<()> {
    let now = clock.now();
    // One hash for every demo account: they share the password by design, and
    // hashing once keeps a first start (and each test) quick.
    let pw = password.clone();
    let hash = tokio::task::spawn_blocking(move || auth::hash_blocking(&pw)).await??;
    let mut tx = db.begin().await?;
    let vendor = organisations::insert_org(&mut tx, now, OrgKind::Vendor, VENDOR).await?;
    let p1 = organisations::insert_org(&mut tx, now, OrgKind::Partner, PARTNER_1).await?;
    let p2 = organisations::insert_org(&mut tx, now, OrgKind::Partner, PARTNER_2).await?;
    let mut orgs = vec![(VENDOR, vendor), (PARTNER_1, p1), (PARTNER_2, p2)];
    for (partner, name, domain, country) in CUSTOMERS {
        let partner_id = if *partner == PARTNER_1 { p1 } else { p2 };
        let new = NewCustomer {
            company_name: (*name).to_owned(),
            primary_domain: Domain::parse(domain)
                .ok_or_else(|| anyhow::anyhow!("bad demo domain"))?,
            country: Country::parse(country).ok_or_else(|| anyhow::anyhow!("bad demo country"))?,
            billing_name: "Accounts Payable".to_owned(),
            billing_email: Email::parse(&format!(
                "billing@{}",
                domain.replace(".onmicrosoft.com", ".example")
            ))
            .ok_or_else(|| anyhow::anyhow!("bad demo e-mail"))?,
        };
        let c = organisations::insert_customer(&mut tx, now, partner_id, &new).await?;
        orgs.push((name, c.id));
    }
    for (email, display_name, org, role) in USERS {
        let org_id = orgs
            .iter()
            .find(|(n, _)| n == org)
            .map(|(_, id)| *id)
            .ok_or_else(|| anyhow::anyhow!("demo organisation {org} missing"))?;
        users::insert(
            &mut tx,
            now,
            &users::NewUser {
                organisation_id: org_id,
                email,
                display_name,
                phone: Some("+1 425 555 0100"),
                password_hash: &hash,
                roles: &[*role],
            },
        )
        .await?;
    }
    audit::record(
        &mut tx,
        now,
        &audit::NewEvent {
            organisation_id: Some(vendor),
            action: Action::DemoLoaded,
            detail: json!({ "at": now.to_rfc3339() }),
            ..audit::NewEvent::of(Action::DemoLoaded)
        },
    )
    .await?;
    let products = import::catalog::parse(CATALOG)?;
    import::catalog::write(&mut tx, now, &products).await?;
    tx.commit().await?;
    load_files_and_keys(db, now, assets).await?;
    load_purchases(db, now).await
}

async fn load_files_and_keys(
    db: &Db,
    now: DateTime<Utc>,
    assets: &DemoAssets<'_>,
) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    for spec in import::catalog::parse(CATALOG)? {
        let product = catalog::product_by_sku(db, &spec.sku)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo product {} missing", spec.sku))?;
        if product.has_downloads {
            for v in &spec.variants {
                let detail = if v.bitness.is_empty() {
                    v.os.to_lowercase()
                } else {
                    v.bitness.replace("-bit", "bit")
                };
                let ext = if v.file_type.is_empty() {
                    "iso".to_owned()
                } else {
                    v.file_type.to_lowercase()
                };
                let name = format!(
                    "{}_{}_{}_{detail}.{ext}",
                    spec.sku.to_lowercase(),
                    v.version,
                    v.language.to_lowercase()
                );
                let header = format!("CSP portal demo file standing in for {name}\n");
                let body: Vec<u8> = header
                    .bytes()
                    .cycle()
                    .take(assets.file_bytes.max(header.len()))
                    .collect();
                import::files::add(
                    &mut tx,
                    assets.files,
                    now,
                    &product,
                    v,
                    &name,
                    body.as_slice(),
                )
                .await?;
            }
        }
        if product.has_keys {
            let keys: Vec<String> = (0..assets.keys_per_product)
                .map(|_| random_key(product.key_format(), &mut rand::rngs::OsRng))
                .collect();
            let encrypted =
                import::keys::prepare(db, assets.cipher, product.key_format(), &keys.join("\n"))
                    .await??;
            import::keys::write(&mut tx, now, &product, &encrypted).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

fn random_key(format: KeyFormat, rng: &mut impl rand::Rng) -> String {
    // The vendor's 25-character keys avoid letters that read alike.
    let alphabet: &[u8] = match format {
        KeyFormat::Chars25 => b"BCDFGHJKMPQRTVWXY2346789",
        KeyFormat::Chars32 => b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789",
    };
    let len = match format {
        KeyFormat::Chars25 => 25,
        KeyFormat::Chars32 => 32,
    };
    (0..len)
        .filter_map(|_| alphabet.choose(rng).map(|&b| char::from(b)))
        .collect()
}

async fn load_purchases(db: &Db, now: DateTime<Utc>) -> anyhow::Result<()> {
    for (customer, days_ago, lines, by) in PURCHASES {
        let customer_id = organisations::find_by_name(db, customer)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo customer {customer} missing"))?
            .0;
        let c = organisations::customer(db, Scope::Vendor, customer_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo customer {customer} missing"))?;
        let buyer = users::credentials_by_email(db, by).await?.map(|u| u.id);
        let mut products = Vec::new();
        for (sku, qty) in *lines {
            let p = catalog::product_by_sku(db, sku)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo product {sku} missing"))?;
            products.push((p, *qty));
        }
        let place_lines: Vec<orders::PlaceLine> = products
            .iter()
            .map(|(p, q)| orders::PlaceLine {
                product: p,
                quantity: *q,
            })
            .collect();
        let total = products.iter().map(|(p, q)| p.unit_price_minor * q).sum();
        let at = now - Duration::days(*days_ago);
        let order = orders::PlaceOrder {
            customer_id,
            partner_id: c.partner_id,
            placed_by: buyer,
            idempotency_key: uuid::Uuid::new_v4(),
            lines: &place_lines,
            currency: "USD",
            total_minor: total,
        };
        let mut tx = db.begin().await?;
        let orders::Inserted::Done {
            order_id,
            subscription_ids,
        } = orders::insert(&mut tx, at, &order).await?
        else {
            anyhow::bail!("demo order for {customer} failed: out of keys");
        };
        crate::store::audit::record(
            &mut tx,
            at,
            &crate::store::audit::NewEvent {
                organisation_id: Some(c.partner_id),
                actor_user_id: buyer,
                action: Action::OrderPlaced,
                subject_type: Some("order"),
                subject_id: Some(order_id),
                customer_id: Some(customer_id),
                ip: None,
                detail: serde_json::json!({ "subscriptions": subscription_ids }),
            },
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}
