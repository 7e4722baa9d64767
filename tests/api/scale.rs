//! The benchmarks' large data set (`csp-portal demo --scale`), loaded at a
//! tiny scale on top of the demo data: its counts, its rules, and the demo
//! accounts still at work on it.

use csp_portal::demo::scale::{self, Size};
use csp_portal::domain::role::Role;
use csp_portal::domain::scope::Scope;
use csp_portal::store::keyset::{Cursor, Order};
use csp_portal::store::{Db, software};
use reqwest::StatusCode;

use crate::helpers::{TestApp, spawn_app};

async fn count(db: &Db, sql: &str) -> i64 {
    let q = sqlx::AssertSqlSafe(sql.to_owned());
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(q).fetch_one(p).await.unwrap(),
        Db::Pg(p) => sqlx::query_scalar(q).fetch_one(p).await.unwrap(),
    }
}

const TABLES: [&str; 6] = [
    "organisations",
    "orders",
    "subscriptions",
    "product_keys WHERE subscription_id IS NOT NULL",
    "download_links",
    "audit_events",
];

async fn counts(app: &TestApp) -> Vec<i64> {
    let mut n = Vec::new();
    for t in TABLES {
        n.push(count(&app.db, &format!("SELECT COUNT(*) FROM {t}")).await);
    }
    n
}

/// How each index of the audit log is defined: the load drops the log's
/// indexes while it writes the sign-ins and builds them again.
async fn audit_indexes(db: &Db) -> Vec<String> {
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events' \
             AND sql IS NOT NULL ORDER BY name",
        )
        .fetch_all(p)
        .await
        .unwrap(),
        Db::Pg(p) => sqlx::query_scalar(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() \
             AND tablename = 'audit_events' ORDER BY indexname",
        )
        .fetch_all(p)
        .await
        .unwrap(),
    }
}

/// No filter: every purchase.
fn all(app: &TestApp) -> software::Filter<'static> {
    software::Filter {
        product: None,
        status: None,
        now: app.clock_now(),
    }
}

#[tokio::test]
async fn a_scaled_store_holds_what_its_size_says_and_the_demo_accounts_use_it() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (demo_rows, _) = software::list(
        &app.db,
        Scope::Vendor,
        contoso,
        &all(&app),
        Order::NewestFirst,
        Cursor::First,
        100,
    )
    .await
    .unwrap();
    let before = counts(&app).await;
    let indexes = audit_indexes(&app.db).await;
    assert!(indexes.len() >= 6, "{indexes:#?}");
    let size = Size::new(0.002, Some(120)).unwrap();
    let report = scale::load(&app.db, &app.state().cipher, app.clock_now(), &size)
        .await
        .unwrap();
    if let Some(file) = app.settings.database_url.strip_prefix("sqlite://") {
        // The load's write-ahead log is in the database, not left for the
        // next process to read through (a page or two may follow since).
        let wal = std::fs::metadata(format!("{file}-wal")).map_or(0, |m| m.len());
        assert!(wal < 64 * 1024, "a {wal}-byte WAL left behind");
    }
    assert_eq!(audit_indexes(&app.db).await, indexes);
    let after = counts(&app).await;
    let added: Vec<i64> = after.iter().zip(&before).map(|(a, b)| a - b).collect();
    let [orgs, orders, purchases, keys, links, events] = added[..] else {
        unreachable!()
    };
    assert_eq!(orgs as u64, size.partners + size.customers);
    assert_eq!(purchases as u64, size.purchases);
    assert_eq!(purchases, 1_200);
    assert_eq!(orders as u64, report.rows("orders"));
    assert!(orders >= purchases / 3 && orders <= purchases);
    assert_eq!(links as u64, size.links);
    assert_eq!(events as u64, size.events);
    // Every keyed purchase holds a key of its own; the others hold none.
    assert_eq!(keys as u64, report.rows("keys"));
    let keyless = count(
        &app.db,
        "SELECT COUNT(*) FROM subscriptions s JOIN products p ON p.id = s.product_id \
         WHERE p.has_keys = (NOT EXISTS (SELECT 1 FROM product_keys k WHERE k.subscription_id = s.id))",
    )
    .await;
    assert_eq!(keyless, 0);
    // A link names a file of its purchase's product, within its cap.
    let stray = count(
        &app.db,
        "SELECT COUNT(*) FROM download_links l JOIN subscriptions s ON s.id = l.subscription_id \
         JOIN download_files f ON f.id = l.download_file_id JOIN variants v ON v.id = f.variant_id \
         WHERE v.product_id <> s.product_id OR l.downloads_used > l.download_cap",
    )
    .await;
    assert_eq!(stray, 0);
    let contosos = count(
        &app.db,
        "SELECT COUNT(*) FROM subscriptions s JOIN organisations o ON o.id = s.customer_id \
         WHERE o.name = 'Contoso'",
    )
    .await;
    assert_eq!(contosos as usize, 120 + demo_rows.len());
    // The bulk loader's purchases are counted as an order's are.
    let miscounted = count(
        &app.db,
        "SELECT COUNT(*) FROM (SELECT customer_id, partner_id, product_id, COUNT(*) AS n \
         FROM subscriptions GROUP BY customer_id, partner_id, product_id) s \
         LEFT JOIN purchase_counts pc ON pc.customer_id = s.customer_id \
         AND pc.partner_id = s.partner_id AND pc.product_id = s.product_id \
         WHERE COALESCE(pc.purchases, -1) <> s.n",
    )
    .await;
    assert_eq!(miscounted, 0);

    // The demo admin pages through Contoso's software and reveals the key of
    // a purchase the load made: it decrypts with the portal's data key.
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get(&format!("/customers/{contoso}/software")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<code class=\"id\"").count(), 2 * 50);
    let next = regex::Regex::new(r#"rel="next" href="([^"]+)""#)
        .unwrap()
        .captures(&page.body)
        .expect("a next page")[1]
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = b.get(&next).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.body.matches("<code class=\"id\"").count(), 2 * 50);
    let (rows, _) = software::list(
        &app.db,
        Scope::Vendor,
        contoso,
        &all(&app),
        Order::NewestFirst,
        Cursor::First,
        200,
    )
    .await
    .unwrap();
    let made = rows
        .iter()
        .find(|r| r.has_keys && !demo_rows.iter().any(|d| d.id == r.id))
        .expect("a keyed purchase of the load");
    let path = format!("/customers/{contoso}/software/{}", made.id);
    assert_eq!(
        b.get(&format!("{path}?show=1")).await.status,
        StatusCode::OK
    );
    let key = b.post(&format!("{path}/key"), &[]).await;
    assert_eq!(key.status, StatusCode::OK);
    assert!(key.body.contains("id=\"product-key\""), "{}", key.body);

    // The customer's global admin sees the same software; a partner the
    // load made signs in with the demo password.
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    let own = ga.get("/my/software").await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(
        own.body.matches("data-copy-id=\"").count(),
        50,
        "a page of the customer's own software"
    );
    let mut other = app.signed_in("admin@partner001.example").await;
    assert_eq!(other.get("/customers").await.status, StatusCode::OK);
}
