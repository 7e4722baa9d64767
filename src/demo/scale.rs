//! `csp-portal demo --scale N`: a large data set on top of the demo data, for
//! the benchmarks (`bench/run`). At scale 1: 50 partners, 10,000 customers,
//! 1,000,000 purchases of which Contoso holds 100,000, 200,000 download links
//! and 2,000,000 audit events; a smaller scale makes proportionally less.
//!
//! Rows keep every rule the portal keeps: each order's lines are
//! subscriptions of products sold in the customer's country, each keyed
//! purchase holds one key of its own (encrypted, with its fingerprint), links
//! name a file of their purchase's product within its cap, and purchase dates
//! spread over the past year, so most are past their cancellation window.
//! The random choices come from a fixed seed: two loads differ only in the
//! keys' nonces and in how long ago "now" is.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;
use uuid::Uuid;

use super::{CUSTOMERS, PARTNER_1, PARTNER_2, random_key};
use crate::crypto::{self, KeyCipher};
use crate::domain::product::term_end;
use crate::domain::role::{OrgKind, Role};
use crate::domain::scope::Scope;
use crate::store::bulk::{self, Column, Rows};
use crate::store::catalog::{self, ProductRow};
use crate::store::{Db, Tx, organisations, software, users};
use secrecy::SecretString;

use crate::domain::audit_action::Action;

/// How much to add to the demo data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Partners besides Northwind and Fabrikam.
    pub partners: u64,
    /// Customers besides the demo's.
    pub customers: u64,
    /// Purchases (subscriptions) in all, Contoso's among them.
    pub purchases: u64,
    /// Contoso's purchases.
    pub contoso: u64,
    pub links: u64,
    pub events: u64,
}

impl Size {
    /// The data set at `scale` (1 is the full one). `contoso` sizes the
    /// purchases by Contoso's instead: it holds a tenth of them either way,
    /// so `--contoso 1000` is the benchmarks' small set.
    pub fn new(scale: f64, contoso: Option<u64>) -> anyhow::Result<Size> {
        anyhow::ensure!(
            scale.is_finite() && scale > 0.0 && scale <= 10.0,
            "the scale must be above 0 and at most 10"
        );
        anyhow::ensure!(
            contoso.is_none_or(|c| c <= 1_000_000),
            "Contoso can hold at most 1,000,000 purchases"
        );
        let of = |n: f64| (n * scale).round() as u64;
        let contoso = contoso.unwrap_or_else(|| of(100_000.0));
        let purchases = contoso * 10;
        Ok(Size {
            partners: of(50.0).saturating_sub(2).max(1),
            customers: of(10_000.0).saturating_sub(CUSTOMERS.len() as u64).max(1),
            purchases,
            contoso,
            links: purchases / 5,
            events: of(2_000_000.0),
        })
    }
}

/// What a load wrote: rows per table and how long each part took.
#[derive(Debug, Default)]
pub struct Report {
    pub parts: Vec<(&'static str, u64, f64)>,
}

impl Report {
    fn add(&mut self, part: &'static str, rows: u64, since: Instant) {
        self.parts.push((part, rows, since.elapsed().as_secs_f64()));
    }

    /// Rows written for `part`.
    pub fn rows(&self, part: &str) -> u64 {
        self.parts.iter().filter(|p| p.0 == part).map(|p| p.1).sum()
    }
}

/// Purchases (with their keys, links and audit events) written per transaction.
const BATCH: usize = 20_000;
/// Share of the new customers that are Northwind's, so its customer list
/// and activity log are long (2,000 customers at scale 1).
const NORTHWIND_SHARE: u64 = 5;
const COUNTRIES: &[&str] = &[
    "US", "GB", "DE", "FR", "PL", "CZ", "NL", "SE", "ES", "IT", "JP", "AU", "CA", "BR", "IN", "CN",
    "RU", "MX",
];
const WORDS_1: &[&str] = &[
    "Alpine", "Blue", "Bright", "Cedar", "Coastal", "Crimson", "Delta", "Eastern", "Falcon",
    "Golden", "Granite", "Harbor", "Iron", "Juniper", "Lakeside", "Maple", "Northern", "Oak",
    "Pioneer", "Quartz", "Redwood", "Silver", "Summit", "Valley",
];
const WORDS_2: &[&str] = &[
    "Analytics",
    "Bakery",
    "Clinics",
    "Consulting",
    "Dental",
    "Engineering",
    "Freight",
    "Foods",
    "Hotels",
    "Insurance",
    "Labs",
    "Logistics",
    "Media",
    "Motors",
    "Pharmacy",
    "Robotics",
    "Software",
    "Textiles",
    "Travel",
    "Utilities",
];

/// Adds the data set to a store that holds the demo data (and nothing
/// else's: it looks the demo's partners, Contoso and catalog up by name).
pub async fn load(
    db: &Db,
    cipher: &KeyCipher,
    now: DateTime<Utc>,
    size: &Size,
) -> anyhow::Result<Report> {
    let mut g = Gen {
        rng: StdRng::seed_from_u64(11),
        seq: 0,
        now,
    };
    let mut report = Report::default();
    let catalog = Catalog::read(db).await?;
    let t = Instant::now();
    let mut partners = demo_partners(db).await?;
    add_partners(db, &mut g, &mut partners, size.partners).await?;
    report.add("partners", size.partners, t);

    let t = Instant::now();
    let mut customers = add_customers(db, &mut g, &partners, size.customers).await?;
    let new_customers = customers.len() as u64;
    report.add("customers", new_customers, t);

    // Contoso first, then the others' purchases spread at random.
    let contoso = contoso(db, &partners).await?;
    for _ in 0..size.purchases.saturating_sub(size.contoso) {
        let i = g.rng.gen_range(0..customers.len());
        if let Some(c) = customers.get_mut(i) {
            c.purchases += 1;
        }
    }
    customers.insert(
        0,
        Customer {
            purchases: size.contoso,
            ..contoso
        },
    );
    let t = Instant::now();
    let written = add_purchases(db, cipher, &mut g, &catalog, &partners, &customers, size).await?;
    report.add("orders", written.orders, t);
    report.add("purchases", written.purchases, t);
    report.add("keys", written.keys, t);
    report.add("links", written.links, t);

    // Each customer and order written so far came with its audit event.
    let t = Instant::now();
    let so_far = written.events + new_customers;
    let sign_ins = size.events.saturating_sub(so_far);
    add_sign_ins(db, &mut g, &partners, sign_ins).await?;
    report.add("audit events", so_far + sign_ins, t);

    let t = Instant::now();
    bulk::settle(
        db,
        &[
            "organisations",
            "users",
            "orders",
            "subscriptions",
            "product_keys",
            "download_links",
            "audit_events",
        ],
    )
    .await?;
    report.add("VACUUM ANALYZE (PostgreSQL), WAL checkpoint (SQLite)", 0, t);
    Ok(report)
}

/// Random choices from the seed, and ids that grow: rows arrive in their
/// primary key's order, so the key's index is appended to rather than split
/// page by page (still version-4 UUIDs; nothing reads order into them).
struct Gen {
    rng: StdRng,
    seq: u64,
    now: DateTime<Utc>,
}

impl Gen {
    fn id(&mut self) -> Uuid {
        self.seq += 1;
        let mut bytes = [0u8; 16];
        let (head, tail) = bytes.split_at_mut(6);
        head.copy_from_slice(self.seq.to_be_bytes().get(2..).unwrap_or_default());
        self.rng.fill(tail);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    /// A moment up to `days` before now (to the microsecond, as the clock).
    fn ago(&mut self, days: i64) -> DateTime<Utc> {
        let span = Duration::days(days).num_microseconds().unwrap_or(1).max(1);
        self.now - Duration::microseconds(self.rng.gen_range(0..span))
    }

    /// A moment between `from` and `to`.
    fn between(&mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
        let span = (to - from).num_microseconds().unwrap_or(0).max(1);
        from + Duration::microseconds(self.rng.gen_range(0..span))
    }

    /// A random version-4 UUID (tenant GUIDs, idempotency keys).
    fn random_uuid(&mut self) -> Uuid {
        uuid::Builder::from_random_bytes(self.rng.r#gen()).into_uuid()
    }

    fn ip(&mut self) -> String {
        // TEST-NET-3 (RFC 5737): addresses for documentation.
        format!("203.0.113.{}", self.rng.gen_range(1..255))
    }
}

struct Partner {
    id: Uuid,
    /// Who acts for it: (user id, e-mail).
    users: Vec<(Uuid, String)>,
}

impl Partner {
    fn actor(&self, rng: &mut StdRng) -> Option<&(Uuid, String)> {
        self.users.choose(rng)
    }
}

#[derive(Clone)]
struct Customer {
    id: Uuid,
    /// Index into the partners.
    partner: usize,
    country: String,
    purchases: u64,
}

/// The products and where each may be sold, with their download files.
struct Catalog {
    products: Vec<ProductRow>,
    files: Vec<Vec<(Uuid, String)>>,
    sellable: HashMap<String, Vec<usize>>,
}

impl Catalog {
    async fn read(db: &Db) -> anyhow::Result<Catalog> {
        let mut products: Vec<ProductRow> = Vec::new();
        let mut sellable = HashMap::new();
        for country in COUNTRIES {
            let mut here = Vec::new();
            for p in catalog::sellable_in(db, country).await? {
                let i = match products.iter().position(|q| q.id == p.id) {
                    Some(i) => i,
                    None => {
                        products.push(p);
                        products.len() - 1
                    }
                };
                here.push(i);
            }
            anyhow::ensure!(!here.is_empty(), "nothing is sold in {country}");
            sellable.insert((*country).to_owned(), here);
        }
        let mut files = Vec::new();
        for p in &products {
            let of_product = software::files_of_product(db, p.id).await?;
            files.push(
                of_product
                    .into_iter()
                    .map(|f| (f.id, f.file_name))
                    .collect(),
            );
        }
        Ok(Catalog {
            products,
            files,
            sellable,
        })
    }
}

async fn demo_partners(db: &Db) -> anyhow::Result<Vec<Partner>> {
    let mut partners = Vec::new();
    for (name, emails) in [
        (
            PARTNER_1,
            &["admin@northwind.example", "sales@northwind.example"][..],
        ),
        (PARTNER_2, &["admin@fabrikam.example"][..]),
    ] {
        let (id, _) = organisations::find_by_name(db, name)
            .await?
            .ok_or_else(|| anyhow::anyhow!("load the demo data first: {name} is missing"))?;
        let mut found = Vec::new();
        for email in emails {
            let user = users::credentials_by_email(db, email)
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo user {email} missing"))?;
            found.push((user.id, (*email).to_owned()));
        }
        partners.push(Partner { id, users: found });
    }
    Ok(partners)
}

/// More partners, each with an admin agent who signs in with the demo
/// password (the same hash as Northwind's admin).
async fn add_partners(
    db: &Db,
    g: &mut Gen,
    partners: &mut Vec<Partner>,
    n: u64,
) -> anyhow::Result<()> {
    let hash = users::credentials_by_email(db, "admin@northwind.example")
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo user admin@northwind.example missing"))?
        .password_hash;
    let mut tx = db.begin().await?;
    for i in 1..=n {
        let at = g.ago(400);
        let id = organisations::insert_org(
            &mut tx,
            at,
            OrgKind::Partner,
            &format!("Bench Partner {i:03}"),
        )
        .await?;
        let email = format!("admin@partner{i:03}.example");
        let user = users::insert(
            &mut tx,
            at,
            &users::NewUser {
                organisation_id: id,
                email: &email,
                display_name: &format!("Admin of Bench Partner {i:03}"),
                phone: None,
                password_hash: &hash,
                roles: &[Role::AdminAgent],
            },
        )
        .await?;
        partners.push(Partner {
            id,
            users: vec![(user, email)],
        });
    }
    tx.commit().await?;
    Ok(())
}

async fn add_customers(
    db: &Db,
    g: &mut Gen,
    partners: &[Partner],
    n: u64,
) -> anyhow::Result<Vec<Customer>> {
    let mut made = Vec::new();
    let mut rows = OrgRows::default();
    let mut events = EventRows::default();
    for i in 1..=n {
        // Northwind takes every fifth; the other partners share the rest.
        let partner = if i % NORTHWIND_SHARE == 0 {
            0
        } else {
            1 + (i as usize) % (partners.len() - 1).max(1)
        };
        let p = partners
            .get(partner)
            .ok_or_else(|| anyhow::anyhow!("no partner {partner}"))?;
        let w1 = WORDS_1.choose(&mut g.rng).copied().unwrap_or("Blue");
        let w2 = WORDS_2.choose(&mut g.rng).copied().unwrap_or("Labs");
        let country = COUNTRIES.choose(&mut g.rng).copied().unwrap_or("US");
        let slug = format!("{}{}{i}", w1.to_lowercase(), w2.to_lowercase());
        let name = format!("{w1} {w2} {i:05}");
        let domain = format!("{slug}.onmicrosoft.com");
        let id = g.id();
        // Before any purchase: purchases go back a year.
        let at = g.between(g.now - Duration::days(400), g.now - Duration::days(366));
        rows.id.push(id);
        rows.name.push(name.clone());
        rows.partner.push(Some(p.id));
        rows.tenant.push(Some(g.random_uuid()));
        rows.domain.push(Some(domain.clone()));
        rows.country.push(Some(country.to_owned()));
        rows.billing_name.push(Some("Accounts Payable".to_owned()));
        rows.billing_email
            .push(Some(format!("billing@{slug}.example")));
        rows.created_at.push(at);
        let actor = p.actor(&mut g.rng).map(|a| a.0);
        let event = g.id();
        let ip = g.ip();
        events.push(Event {
            id: event,
            at,
            org: Some(p.id),
            actor,
            action: Action::CustomerCreated,
            subject: Some(("customer", id)),
            customer: Some(id),
            ip: Some(ip),
            detail: json!({ "name": name, "primary_domain": domain }),
        });
        made.push(Customer {
            id,
            partner,
            country: country.to_owned(),
            purchases: 0,
        });
    }
    let mut tx = db.begin().await?;
    bulk::insert(&mut tx, &rows.into_rows()).await?;
    bulk::insert(&mut tx, &events.into_rows()).await?;
    tx.commit().await?;
    Ok(made)
}

/// The demo's Contoso, as one of Northwind's customers.
async fn contoso(db: &Db, partners: &[Partner]) -> anyhow::Result<Customer> {
    let (id, _) = organisations::find_by_name(db, "Contoso")
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo customer Contoso is missing"))?;
    let c = organisations::customer(db, Scope::Vendor, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo customer Contoso is missing"))?;
    let partner = partners
        .iter()
        .position(|p| p.id == c.partner_id)
        .ok_or_else(|| anyhow::anyhow!("Contoso's partner is not a demo partner"))?;
    Ok(Customer {
        id,
        partner,
        country: c.country,
        purchases: 0,
    })
}

#[derive(Default)]
struct Written {
    orders: u64,
    purchases: u64,
    keys: u64,
    links: u64,
    /// Audit events written with them (one an order and one a link).
    events: u64,
}

async fn add_purchases(
    db: &Db,
    cipher: &KeyCipher,
    g: &mut Gen,
    catalog: &Catalog,
    partners: &[Partner],
    customers: &[Customer],
    size: &Size,
) -> anyhow::Result<Written> {
    let mut written = Written::default();
    let mut batch = Batch::default();
    // Links go to purchases picked evenly across the whole load (selection
    // sampling); a pick that has nothing to download passes its link on.
    let mut links_left = size.links;
    let mut purchases_left = size.purchases.max(1);
    let mut owed = 0u64;
    for c in customers {
        let partner = partners
            .get(c.partner)
            .ok_or_else(|| anyhow::anyhow!("no partner {}", c.partner))?;
        let sellable = catalog
            .sellable
            .get(&c.country)
            .or_else(|| catalog.sellable.get("US"))
            .ok_or_else(|| anyhow::anyhow!("nothing sellable in {}", c.country))?;
        let mut left = c.purchases;
        while left > 0 {
            let lines = g.rng.gen_range(1..=3u64).min(left);
            left -= lines;
            let order = g.id();
            let at = g.ago(365);
            let by = partner.actor(&mut g.rng).map(|a| a.0);
            let mut total = 0i64;
            let mut currency = None;
            let mut subs = Vec::new();
            for line in 1..=lines {
                let pi = sellable.choose(&mut g.rng).copied().unwrap_or(0);
                let p = catalog
                    .products
                    .get(pi)
                    .ok_or_else(|| anyhow::anyhow!("no product {pi}"))?;
                // An order is in one currency (the basket refuses a mix).
                if currency.get_or_insert_with(|| p.currency.clone()) != &p.currency {
                    continue;
                }
                let quantity = g.rng.gen_range(1..=20i64);
                total += p.unit_price_minor * quantity;
                let sub = g.id();
                batch.subs.push(SubRow {
                    id: sub,
                    order,
                    line: line as i64,
                    customer: c.id,
                    partner: partner.id,
                    product: p,
                    quantity,
                    at,
                });
                subs.push(sub);
                if p.has_keys {
                    let key = random_key(p.key_format(), &mut g.rng);
                    let (ciphertext, nonce) = cipher.encrypt(&SecretString::from(key.clone()))?;
                    batch.keys.id.push(g.id());
                    batch.keys.product.push(p.id);
                    batch.keys.ciphertext.push(ciphertext);
                    batch.keys.nonce.push(nonce);
                    batch.keys.fingerprint.push(cipher.fingerprint(&key));
                    batch.keys.subscription.push(Some(sub));
                    batch.keys.created_at.push(at - Duration::days(1));
                }
                let picked = links_left > 0
                    && g.rng.gen_range(0..purchases_left) < links_left.saturating_sub(owed);
                purchases_left = purchases_left.saturating_sub(1).max(1);
                let files = catalog.files.get(pi).map(Vec::as_slice).unwrap_or(&[]);
                if picked {
                    owed += 1;
                }
                if owed > 0 && !files.is_empty() {
                    owed -= 1;
                    links_left -= 1;
                    let file = files.choose(&mut g.rng).cloned();
                    if let (Some((file, file_name)), Some((user, _))) =
                        (file, partner.actor(&mut g.rng).cloned())
                    {
                        add_link(
                            g, &mut batch, p, sub, c.id, partner.id, user, file, file_name, at,
                        );
                    }
                }
            }
            batch.orders.id.push(order);
            batch.orders.customer.push(c.id);
            batch.orders.partner.push(partner.id);
            batch.orders.placed_by.push(by);
            batch.orders.placed_at.push(at);
            batch.orders.key.push(g.random_uuid());
            batch.orders.total.push(total);
            batch.orders.currency.push(currency.unwrap_or_default());
            let event = g.id();
            let ip = g.ip();
            batch.events.push(Event {
                id: event,
                at,
                org: Some(partner.id),
                actor: by,
                action: Action::OrderPlaced,
                subject: Some(("order", order)),
                customer: Some(c.id),
                ip: Some(ip),
                detail: json!({ "subscriptions": subs }),
            });
            if batch.subs.id.len() >= BATCH {
                std::mem::take(&mut batch).write(db, &mut written).await?;
            }
        }
    }
    batch.write(db, &mut written).await?;
    Ok(written)
}

#[allow(clippy::too_many_arguments, reason = "one link's facts, from one loop")]
fn add_link(
    g: &mut Gen,
    batch: &mut Batch,
    p: &ProductRow,
    sub: Uuid,
    customer: Uuid,
    partner: Uuid,
    user: Uuid,
    file: Uuid,
    file_name: String,
    purchased: DateTime<Utc>,
) {
    let latest = (purchased + Duration::days(30)).min(g.now);
    let created = g.between(purchased, latest);
    let id = g.id();
    let (_, token_hash) = crypto::new_token();
    let revoked = g.rng.gen_ratio(1, 20);
    let l = &mut batch.links;
    l.id.push(id);
    l.subscription.push(sub);
    l.file.push(file);
    l.token_hash.push(token_hash);
    l.created_by.push(Some(user));
    l.created_at.push(created);
    l.expires_at
        .push(created + Duration::days(p.link_lifetime_days));
    l.used.push(g.rng.gen_range(0..=p.link_download_cap.max(0)));
    l.cap.push(p.link_download_cap);
    l.revoked_at
        .push(revoked.then(|| created + Duration::hours(1)));
    l.revoked_by.push(revoked.then_some(user));
    let event = g.id();
    let ip = g.ip();
    batch.events.push(Event {
        id: event,
        at: created,
        org: Some(partner),
        actor: Some(user),
        action: Action::LinkCreated,
        subject: Some(("download_link", id)),
        customer: Some(customer),
        ip: Some(ip),
        detail: json!({ "subscription_id": sub, "file_name": file_name }),
    });
}

/// The rest of the audit log: sign-ins, a tenth of them failed, a fifth of
/// them Northwind's. Most of the log, so written in one transaction with
/// the log's indexes built after it rather than kept row by row.
async fn add_sign_ins(db: &Db, g: &mut Gen, partners: &[Partner], n: u64) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    bulk::without_indexes(&mut tx, "audit_events", async |tx: &mut Tx| {
        let mut events = EventRows::default();
        for i in 0..n {
            let p = if g.rng.gen_ratio(1, NORTHWIND_SHARE as u32) {
                partners.first()
            } else {
                partners.choose(&mut g.rng)
            };
            let Some(p) = p else { break };
            let Some((user, email)) = p.actor(&mut g.rng).cloned() else {
                continue;
            };
            let failed = g.rng.gen_ratio(1, 10);
            let id = g.id();
            let at = g.ago(365);
            let ip = g.ip();
            events.push(Event {
                id,
                at,
                org: Some(p.id),
                actor: Some(user),
                action: if failed {
                    Action::SignInFailed
                } else {
                    Action::SignIn
                },
                subject: None,
                customer: None,
                ip: Some(ip),
                detail: if failed {
                    json!({ "email": email, "reason": "password" })
                } else {
                    json!({})
                },
            });
            if events.id.len() >= 5 * BATCH || i + 1 == n {
                bulk::insert(tx, &std::mem::take(&mut events).into_rows()).await?;
            }
        }
        Ok(())
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Rows waiting to be written together, in foreign-key order.
#[derive(Default)]
struct Batch {
    orders: OrderRows,
    subs: SubRows,
    keys: KeyRows,
    links: LinkRows,
    events: EventRows,
}

impl Batch {
    async fn write(self, db: &Db, written: &mut Written) -> anyhow::Result<()> {
        let mut tx = db.begin().await?;
        written.orders += bulk::insert(&mut tx, &self.orders.into_rows()).await?;
        written.purchases += bulk::insert(&mut tx, &self.subs.into_rows()).await?;
        written.keys += bulk::insert(&mut tx, &self.keys.into_rows()).await?;
        written.links += bulk::insert(&mut tx, &self.links.into_rows()).await?;
        written.events += bulk::insert(&mut tx, &self.events.into_rows()).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[derive(Default)]
struct OrgRows {
    id: Vec<Uuid>,
    name: Vec<String>,
    partner: Vec<Option<Uuid>>,
    tenant: Vec<Option<Uuid>>,
    domain: Vec<Option<String>>,
    country: Vec<Option<String>>,
    billing_name: Vec<Option<String>>,
    billing_email: Vec<Option<String>>,
    created_at: Vec<DateTime<Utc>>,
}

impl OrgRows {
    fn into_rows(self) -> Rows {
        let kinds = vec!["customer".to_owned(); self.id.len()];
        Rows::new("organisations")
            .column("id", Column::Uuid(self.id))
            .column("kind", Column::Text(kinds))
            .column("name", Column::Text(self.name))
            .column("partner_id", Column::OptUuid(self.partner))
            .column("tenant_guid", Column::OptUuid(self.tenant))
            .column("primary_domain", Column::OptText(self.domain))
            .column("country", Column::OptText(self.country))
            .column("billing_name", Column::OptText(self.billing_name))
            .column("billing_email", Column::OptText(self.billing_email))
            .column("created_at", Column::Time(self.created_at))
    }
}

#[derive(Default)]
struct OrderRows {
    id: Vec<Uuid>,
    customer: Vec<Uuid>,
    partner: Vec<Uuid>,
    placed_by: Vec<Option<Uuid>>,
    placed_at: Vec<DateTime<Utc>>,
    key: Vec<Uuid>,
    total: Vec<i64>,
    currency: Vec<String>,
}

impl OrderRows {
    fn into_rows(self) -> Rows {
        let status = vec!["placed".to_owned(); self.id.len()];
        Rows::new("orders")
            .column("id", Column::Uuid(self.id))
            .column("customer_id", Column::Uuid(self.customer))
            .column("partner_id", Column::Uuid(self.partner))
            .column("placed_by", Column::OptUuid(self.placed_by))
            .column("placed_at", Column::Time(self.placed_at))
            .column("idempotency_key", Column::Uuid(self.key))
            .column("total_minor", Column::Int(self.total))
            .column("currency", Column::Text(self.currency))
            .column("status", Column::Text(status))
    }
}

struct SubRow<'a> {
    id: Uuid,
    order: Uuid,
    line: i64,
    customer: Uuid,
    partner: Uuid,
    product: &'a ProductRow,
    quantity: i64,
    at: DateTime<Utc>,
}

#[derive(Default)]
struct SubRows {
    id: Vec<Uuid>,
    order: Vec<Uuid>,
    line: Vec<i64>,
    customer: Vec<Uuid>,
    partner: Vec<Uuid>,
    product: Vec<Uuid>,
    quantity: Vec<i64>,
    price: Vec<i64>,
    currency: Vec<String>,
    at: Vec<DateTime<Utc>>,
    cancel_until: Vec<DateTime<Utc>>,
    term_ends_at: Vec<Option<DateTime<Utc>>>,
}

impl SubRows {
    /// A purchase as `store::orders::insert` writes it.
    fn push(&mut self, s: SubRow<'_>) {
        let p = s.product;
        self.id.push(s.id);
        self.order.push(s.order);
        self.line.push(s.line);
        self.customer.push(s.customer);
        self.partner.push(s.partner);
        self.product.push(p.id);
        self.quantity.push(s.quantity);
        self.price.push(p.unit_price_minor);
        self.currency.push(p.currency.clone());
        self.at.push(s.at);
        self.cancel_until.push(p.policy().cancel_until(s.at));
        self.term_ends_at.push(term_end(s.at, p.term_months));
    }

    fn into_rows(self) -> Rows {
        let status = vec!["active".to_owned(); self.id.len()];
        Rows::new("subscriptions")
            .column("id", Column::Uuid(self.id))
            .column("order_id", Column::Uuid(self.order))
            .column("line_no", Column::Int(self.line))
            .column("customer_id", Column::Uuid(self.customer))
            .column("partner_id", Column::Uuid(self.partner))
            .column("product_id", Column::Uuid(self.product))
            .column("quantity", Column::Int(self.quantity))
            .column("unit_price_minor", Column::Int(self.price))
            .column("currency", Column::Text(self.currency))
            .column("purchased_at", Column::Time(self.at))
            .column("cancel_until", Column::Time(self.cancel_until))
            .column("term_ends_at", Column::OptTime(self.term_ends_at))
            .column("status", Column::Text(status))
    }
}

#[derive(Default)]
struct KeyRows {
    id: Vec<Uuid>,
    product: Vec<Uuid>,
    ciphertext: Vec<Vec<u8>>,
    nonce: Vec<Vec<u8>>,
    fingerprint: Vec<String>,
    subscription: Vec<Option<Uuid>>,
    created_at: Vec<DateTime<Utc>>,
}

impl KeyRows {
    fn into_rows(self) -> Rows {
        Rows::new("product_keys")
            .column("id", Column::Uuid(self.id))
            .column("product_id", Column::Uuid(self.product))
            .column("key_ciphertext", Column::Bytes(self.ciphertext))
            .column("key_nonce", Column::Bytes(self.nonce))
            .column("key_fingerprint", Column::Text(self.fingerprint))
            .column("subscription_id", Column::OptUuid(self.subscription))
            .column("created_at", Column::Time(self.created_at))
    }
}

#[derive(Default)]
struct LinkRows {
    id: Vec<Uuid>,
    subscription: Vec<Uuid>,
    file: Vec<Uuid>,
    token_hash: Vec<String>,
    created_by: Vec<Option<Uuid>>,
    created_at: Vec<DateTime<Utc>>,
    expires_at: Vec<DateTime<Utc>>,
    used: Vec<i64>,
    cap: Vec<i64>,
    revoked_at: Vec<Option<DateTime<Utc>>>,
    revoked_by: Vec<Option<Uuid>>,
}

impl LinkRows {
    fn into_rows(self) -> Rows {
        Rows::new("download_links")
            .column("id", Column::Uuid(self.id))
            .column("subscription_id", Column::Uuid(self.subscription))
            .column("download_file_id", Column::Uuid(self.file))
            .column("token_hash", Column::Text(self.token_hash))
            .column("created_by", Column::OptUuid(self.created_by))
            .column("created_at", Column::Time(self.created_at))
            .column("expires_at", Column::Time(self.expires_at))
            .column("downloads_used", Column::Int(self.used))
            .column("download_cap", Column::Int(self.cap))
            .column("revoked_at", Column::OptTime(self.revoked_at))
            .column("revoked_by", Column::OptUuid(self.revoked_by))
    }
}

struct Event {
    id: Uuid,
    at: DateTime<Utc>,
    org: Option<Uuid>,
    actor: Option<Uuid>,
    action: Action,
    subject: Option<(&'static str, Uuid)>,
    customer: Option<Uuid>,
    ip: Option<String>,
    detail: serde_json::Value,
}

#[derive(Default)]
struct EventRows {
    id: Vec<Uuid>,
    at: Vec<DateTime<Utc>>,
    org: Vec<Option<Uuid>>,
    actor: Vec<Option<Uuid>>,
    action: Vec<String>,
    subject_type: Vec<Option<String>>,
    subject_id: Vec<Option<Uuid>>,
    customer: Vec<Option<Uuid>>,
    ip: Vec<Option<String>>,
    detail: Vec<String>,
}

impl EventRows {
    /// An event as `store::audit::record` writes it.
    fn push(&mut self, e: Event) {
        self.id.push(e.id);
        self.at.push(e.at);
        self.org.push(e.org);
        self.actor.push(e.actor);
        self.action.push(e.action.as_str().to_owned());
        self.subject_type.push(e.subject.map(|s| s.0.to_owned()));
        self.subject_id.push(e.subject.map(|s| s.1));
        self.customer.push(e.customer);
        self.ip.push(e.ip);
        self.detail.push(e.detail.to_string());
    }

    fn into_rows(self) -> Rows {
        Rows::new("audit_events")
            .column("id", Column::Uuid(self.id))
            .column("at", Column::Time(self.at))
            .column("organisation_id", Column::OptUuid(self.org))
            .column("actor_user_id", Column::OptUuid(self.actor))
            .column("action", Column::Text(self.action))
            .column("subject_type", Column::OptText(self.subject_type))
            .column("subject_id", Column::OptUuid(self.subject_id))
            .column("customer_id", Column::OptUuid(self.customer))
            .column("ip", Column::OptText(self.ip))
            .column("detail", Column::Text(self.detail))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_one_is_the_issues_data_set_and_smaller_scales_shrink_it() {
        let full = Size::new(1.0, None).unwrap();
        assert_eq!(
            (full.partners + 2, full.customers + CUSTOMERS.len() as u64),
            (50, 10_000)
        );
        assert_eq!(
            (full.purchases, full.contoso, full.links, full.events),
            (1_000_000, 100_000, 200_000, 2_000_000)
        );
        let small = Size::new(0.01, None).unwrap();
        assert_eq!(
            (small.purchases, small.contoso, small.links, small.events),
            (10_000, 1_000, 2_000, 20_000)
        );
        let by_contoso = Size::new(1.0, Some(1_000)).unwrap();
        assert_eq!((by_contoso.contoso, by_contoso.purchases), (1_000, 10_000));
        assert_eq!(by_contoso.events, 2_000_000);
        assert!(Size::new(0.0, None).is_err());
        assert!(Size::new(f64::NAN, None).is_err());
    }
}
