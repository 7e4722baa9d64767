//! Creating, listing, searching and paging customers.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::{TestApp, spawn_app};

fn form<'a>(name: &'a str, domain: &'a str, country: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("company_name", name),
        ("primary_domain", domain),
        ("country", country),
        ("billing_name", "Bea Billing"),
        ("billing_email", "billing@blueyonder.example"),
    ]
}

async fn customers(app: &TestApp) -> i64 {
    csp_portal::store::organisations::count(&app.db)
        .await
        .expect("count")
}

#[tokio::test]
async fn an_admin_agent_creates_a_customer_with_a_generated_tenant_id() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/customers/new").await;
    let res = b
        .post(
            "/customers",
            &form("Blue Yonder Airlines", "BlueYonder.onmicrosoft.com", "us"),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let location = res.location().expect("location").to_owned();
    assert!(location.starts_with("/customers/"));
    let details = b.get(&location).await;
    assert_eq!(details.status, StatusCode::OK);
    assert!(
        details
            .body
            .contains("Customer Blue Yonder Airlines created.")
    );
    assert!(details.body.contains("blueyonder.onmicrosoft.com"));
    assert!(details.body.contains("United States (US)"));
    let guid = regex::Regex::new(r"<code>([0-9a-f-]{36})</code>").expect("regex");
    assert!(guid.is_match(&details.body), "a tenant GUID is shown");
    // The flash shows once.
    assert!(!b.get(&location).await.body.contains("created."));
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"customer_created".to_owned())
    );
}

#[tokio::test]
async fn a_bad_form_comes_back_with_every_error_and_the_input_kept() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    b.get("/customers/new").await;
    let before = customers(&app).await;
    let res = b
        .post(
            "/customers",
            &[
                ("company_name", ""),
                ("primary_domain", "not a domain"),
                ("country", "XX"),
                ("billing_name", "Bea <b>Billing</b>"),
                ("billing_email", "nope"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "There is a problem",
        "Fill this in.",
        "Company name: Fill this in.",
        "Country: Choose a country from the list.",
        "Enter a domain name such as contoso.onmicrosoft.com.",
        "Choose a country from the list.",
        "Enter an e-mail address such as name@example.com.",
    ] {
        assert!(res.body.contains(message), "missing {message:?}");
    }
    assert!(res.body.contains(r#"value="not a domain""#));
    // Input is escaped when shown again.
    assert!(
        res.body.contains("Bea &#60;b&#62;Billing&#60;/b&#62;")
            || res.body.contains("Bea &lt;b&gt;Billing&lt;/b&gt;")
    );
    assert!(res.body.contains(r#"aria-invalid="true""#));
    assert_eq!(customers(&app).await, before);
}

#[tokio::test]
async fn a_partners_own_duplicate_domain_is_refused_clearly() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/customers/new").await;
    let before = customers(&app).await;
    // Contoso is Northwind's own customer.
    let res = b
        .post(
            "/customers",
            &form("Contoso Two", "Contoso.onmicrosoft.com", "US"),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("One of your customers already uses this domain.")
    );
    assert_eq!(customers(&app).await, before);
}

#[tokio::test]
async fn another_partners_customer_domain_cannot_be_detected() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@fabrikam.example").await;
    let before = customers(&app).await;
    // The answer for a domain nobody uses...
    b.get("/customers/new").await;
    let fresh = b
        .post(
            "/customers",
            &form("Blue Yonder", "blueyonder.onmicrosoft.com", "US"),
        )
        .await;
    // ...and for one a Northwind customer (Contoso) uses: the same.
    b.get("/customers/new").await;
    let taken = b
        .post(
            "/customers",
            &form("Contoso Two", "contoso.onmicrosoft.com", "US"),
        )
        .await;
    assert_eq!(fresh.status, StatusCode::SEE_OTHER, "{}", fresh.body);
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
    let page = b.get(taken.location().expect("location")).await;
    assert!(page.body.contains("Customer Contoso Two created."));
    assert!(page.body.contains("contoso.onmicrosoft.com"));
    assert_eq!(customers(&app).await, before + 2);
    // Each partner sees its own customer with that domain, nothing more.
    let found = b.get("/customers?q=contoso").await;
    assert!(found.body.contains("Contoso Two"));
    assert_eq!(found.body.matches("contoso.onmicrosoft.com").count(), 1);
    let mut northwind = app.sign_in_as(Role::AdminAgent).await;
    let theirs = northwind.get("/customers?q=contoso").await;
    assert!(!theirs.body.contains("Contoso Two"));
    assert_eq!(theirs.body.matches("contoso.onmicrosoft.com").count(), 1);
}

#[tokio::test]
async fn a_helpdesk_agent_cannot_create_a_customer() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
    b.get("/customers").await;
    let before = customers(&app).await;
    let res = b
        .post(
            "/customers",
            &form("Blue Yonder", "blueyonder.onmicrosoft.com", "US"),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(customers(&app).await, before);
}

#[tokio::test]
async fn the_customer_list_searches_by_name_or_domain() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
    let res = b.get("/customers?q=TOYS").await;
    assert!(res.body.contains("Wingtip Toys") && res.body.contains("Tailspin Toys"));
    assert!(!res.body.contains("Contoso"));
    let res = b.get("/customers?q=litware.onmicrosoft").await;
    assert!(res.body.contains("Litware"));
    // LIKE wildcards are taken literally.
    let res = b.get("/customers?q=%25").await;
    assert!(res.body.contains("No customer matches"));
}

/// Northwind's customers with these (name, primary domain), in one transaction.
async fn add_northwind_customers(app: &TestApp, customers: impl Iterator<Item = (String, String)>) {
    let northwind = app.org_id("Northwind Partners").await;
    let mut tx = app.db.begin().await.expect("tx");
    for (name, domain) in customers {
        let input = csp_portal::domain::customer::CustomerInput {
            company_name: name,
            primary_domain: domain,
            country: "US".into(),
            billing_name: "B".into(),
            billing_email: "b@example.com".into(),
        };
        let c = csp_portal::domain::customer::NewCustomer::parse(&input).expect("valid");
        csp_portal::store::organisations::insert_customer(&mut tx, app.clock_now(), northwind, &c)
            .await
            .expect("insert");
    }
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn the_customer_list_pages_by_twenty_five() {
    let app = spawn_app().await;
    add_northwind_customers(
        &app,
        (0..40).map(|i| {
            (
                format!("Zeta {i:02}"),
                format!("zeta{i:02}.onmicrosoft.com"),
            )
        }),
    )
    .await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let first = b.get("/customers").await;
    let rows = |body: &str| body.matches("<tr>").count() - 1;
    assert_eq!(rows(&first.body), 25);
    let next = regex::Regex::new(r#"rel="next" href="([^"]+)""#).expect("regex");
    let href = next.captures(&first.body).expect("a next page")[1]
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    let second = b.get(&href).await;
    assert_eq!(rows(&second.body), 46 - 25);
    assert!(!next.is_match(&second.body));
    assert!(second.body.contains("Zeta 39"));
    assert!(!second.body.contains("Adventure Works"));
}

/// A search pages as the list does, in name order, and only ever shows
/// matches: its page of ids is picked in the index, then read.
#[tokio::test]
async fn a_search_pages_through_its_matches_in_name_order() {
    let app = spawn_app().await;
    // Interleaved with names that do not match, and out of name order.
    add_northwind_customers(
        &app,
        (0..60).rev().map(|i| {
            let kind = if i % 2 == 0 { "Insurance" } else { "Freight" };
            (
                format!("Harbor {kind} {i:02}"),
                format!("harbor{i:02}.onmicrosoft.com"),
            )
        }),
    )
    .await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let names = |body: &str| -> Vec<String> {
        regex::Regex::new(r#"href="/customers/[0-9a-f-]{36}">([^<]+)<"#)
            .expect("regex")
            .captures_iter(body)
            .map(|c| c[1].to_owned())
            .collect()
    };
    let next = regex::Regex::new(r#"rel="next" href="([^"]+)""#).expect("regex");
    let first = b.get("/customers?q=INSURANCE").await;
    let expected: Vec<String> = (0..60)
        .step_by(2)
        .map(|i| format!("Harbor Insurance {i:02}"))
        .collect();
    assert_eq!(names(&first.body), expected[..25]);
    let href = next.captures(&first.body).expect("a next page")[1]
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(href.contains("q=INSURANCE"), "{href}");
    let second = b.get(&href).await;
    assert_eq!(names(&second.body), expected[25..]);
    assert!(!next.is_match(&second.body));
    // By domain too, and `_` is a character, not a wildcard.
    assert_eq!(
        names(&b.get("/customers?q=harbor07.onmicrosoft").await.body),
        ["Harbor Freight 07"]
    );
    assert!(
        b.get("/customers?q=harbor_7")
            .await
            .body
            .contains("No customer matches")
    );
}

/// On PostgreSQL a search reads the partner's customers from an index-only
/// scan that also holds `lower(name)` (migration 0026), so no entry it
/// tests has lower() called on it. EXPLAIN prints a value the scan takes
/// from an index column in its own parentheses: `(lower(name)) ~~`, where
/// the function called per entry reads `lower(name) ~~`.
#[tokio::test]
async fn a_search_on_postgresql_tests_the_lowered_name_the_index_holds() {
    let app = spawn_app().await;
    let csp_portal::store::Db::Pg(pool) = &app.db else {
        // SQLite's LIKE folds ASCII case itself: nothing is lowered. The
        // PostgreSQL pass of `.ci/run` is what runs this test.
        return;
    };
    let partner = app.org_id("Northwind Partners").await;
    // The demo's few customers would be read from the table at once; a
    // vacuumed table and no other way to read it show the plan a partner
    // with thousands gets.
    sqlx::query("VACUUM ANALYZE organisations")
        .execute(pool)
        .await
        .unwrap();
    let mut tx = app.plan_tx().await;
    let csp_portal::store::Tx::Pg(tx) = &mut tx else {
        unreachable!("a PostgreSQL store begins PostgreSQL transactions")
    };
    let sql = format!(
        "EXPLAIN (VERBOSE, COSTS OFF) {}",
        csp_portal::store::organisations::customers_sql(true, true, false, 25)
    );
    let plan: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(partner)
        .bind("%con%")
        .bind("%con%")
        .fetch_all(&mut **tx)
        .await
        .unwrap();
    let plan = plan.join("\n");
    // The test's schema is a copy whose indexes have generated names.
    assert!(
        plan.contains("Index Only Scan using organisations_"),
        "{plan}"
    );
    assert!(plan.contains("(lower(organisations_1.name)) ~~"), "{plan}");
}
