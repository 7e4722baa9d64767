//! Demo data: two partners, their customers, and one user per role, so that a
//! first `cargo run` has something to show.

use serde_json::json;

use crate::auth;
use crate::clock::Clock;
use crate::config::Secret;
use crate::domain::country::Country;
use crate::domain::customer::{Domain, NewCustomer};
use crate::domain::email::Email;
use crate::domain::role::{OrgKind, Role};
use crate::store::{Db, StoreResult, audit, organisations, users};

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

/// Loads the demo organisations and users in one transaction.
pub async fn load(db: &Db, clock: &dyn Clock, password: &Secret<String>) -> anyhow::Result<()> {
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
            action: "demo_loaded",
            detail: json!({ "at": now.to_rfc3339() }),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
