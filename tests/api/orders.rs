//! Add products, review, Place order: SPEC 3.1.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};
use csp_portal::store::{catalog, keys, orders};

async fn product_id(app: &TestApp, sku: &str) -> Uuid {
    catalog::product_by_sku(&app.db, sku)
        .await
        .expect("query")
        .expect("product")
        .id
}

async fn order_count(app: &TestApp) -> i64 {
    orders::order_count(&app.db).await.expect("count")
}

fn field(id: Uuid) -> String {
    format!("qty_{id}")
}

/// The review page for these quantities, and the idempotency key it carries.
pub async fn review(
    b: &mut Browser,
    customer: Uuid,
    lines: &[(Uuid, &str)],
) -> (crate::helpers::Page, String) {
    let query: Vec<(String, String)> = lines
        .iter()
        .map(|(id, q)| (field(*id), (*q).to_owned()))
        .collect();
    let qs = serde_urlencoded::to_string(&query).expect("query");
    let page = b
        .get(&format!("/customers/{customer}/add-products/review?{qs}"))
        .await;
    let key = regex::Regex::new(r#"name="idempotency_key" value="([^"]+)""#)
        .expect("regex")
        .captures(&page.body)
        .map(|c| c[1].to_owned())
        .unwrap_or_default();
    (page, key)
}

pub async fn place(
    b: &mut Browser,
    customer: Uuid,
    key: &str,
    lines: &[(Uuid, &str)],
) -> crate::helpers::Page {
    let fields: Vec<(String, String)> = lines
        .iter()
        .map(|(id, q)| (field(*id), (*q).to_owned()))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("idempotency_key", key)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    b.post(&format!("/customers/{customer}/orders"), &form)
        .await
}

#[tokio::test]
async fn an_admin_agent_buys_software_and_each_keyed_line_gets_a_key() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-STA").await;
    let ri = product_id(&app, "AZURE-RI-D2SV5-1Y").await;
    let keys_before = keys::free_count(&app.db, ws).await.expect("count");
    let mut b = app.sign_in_as(Role::AdminAgent).await;

    let catalog_page = b.get(&format!("/customers/{contoso}/add-products")).await;
    assert_eq!(catalog_page.status, StatusCode::OK);
    assert!(catalog_page.body.contains("Windows Server 2022 Standard"));
    assert!(
        catalog_page.body.contains("Azure Reserved VM Instance"),
        "sold in the US"
    );
    assert!(catalog_page.body.contains("1,069.00 USD"));

    let (rev, key) = review(&mut b, contoso, &[(ws, "3"), (ri, "2")]).await;
    assert_eq!(rev.status, StatusCode::OK, "{}", rev.body);
    assert!(rev.body.contains("3,207.00 USD"), "line total 3 x 1,069.00");
    assert!(
        rev.body.contains("4,887.00 USD"),
        "order total 3,207.00 + 2 x 840.00"
    );
    assert!(!key.is_empty());
    assert_eq!(order_count(&app).await, 7, "the review writes nothing");

    let res = place(&mut b, contoso, &key, &[(ws, "3"), (ri, "2")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let location = res.location().expect("location").to_owned();
    assert!(location.starts_with(&format!("/customers/{contoso}/orders/")));
    let order = b.get(&location).await;
    assert!(order.body.contains("Order placed."));
    assert!(order.body.contains("4,887.00 USD"));
    assert_eq!(
        order.body.matches("Key assigned").count(),
        1,
        "the reserved instance has no key"
    );
    assert_eq!(
        keys::free_count(&app.db, ws).await.expect("count"),
        keys_before - 1
    );
    assert_eq!(order_count(&app).await, 8);
    let tab = b.get(&format!("/customers/{contoso}/orders")).await;
    assert!(tab.body.contains("4,887.00 USD"));
    // Who placed it, on the order and on its line of the tab.
    assert!(order.body.contains("<dd>Alex Admin</dd>"), "{}", order.body);
    assert!(
        tab.body
            .contains("· Alex Admin · Total <strong>4,887.00 USD"),
        "{}",
        tab.body
    );
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"order_placed".to_owned())
    );
}

#[tokio::test]
async fn submitting_the_same_order_twice_places_it_once() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-STA").await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let (_, key) = review(&mut b, contoso, &[(ws, "1")]).await;
    let first = place(&mut b, contoso, &key, &[(ws, "1")]).await;
    let second = place(&mut b, contoso, &key, &[(ws, "1")]).await;
    assert_eq!(first.location(), second.location());
    assert_eq!(order_count(&app).await, 8);
    let again = b.get(second.location().expect("location")).await;
    assert!(again.body.contains("This order was already placed"));
}

#[tokio::test]
async fn another_partners_idempotency_key_places_a_fresh_order() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let litware = app.org_id("Litware").await;
    let fourth = app.org_id("Fourth Coffee").await;
    let ws = product_id(&app, "WS2022-STA").await;
    let mut northwind = app.sign_in_as(Role::AdminAgent).await;
    let (_, key) = review(&mut northwind, contoso, &[(ws, "1")]).await;
    let first = place(&mut northwind, contoso, &key, &[(ws, "1")]).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let northwind_order = first.location().expect("location").to_owned();
    let before = northwind.get(&northwind_order).await.body;

    // Fabrikam's admin sends the same key (seen in a URL, or guessed).
    let mut fabrikam = app.signed_in("admin@fabrikam.example").await;
    review(&mut fabrikam, fourth, &[(ws, "2")]).await;
    let res = place(&mut fabrikam, fourth, &key, &[(ws, "2")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let location = res.location().expect("location").to_owned();
    assert!(location.starts_with(&format!("/customers/{fourth}/orders/")));
    assert_ne!(location, northwind_order);
    let theirs = fabrikam.get(&location).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("Order placed."), "{}", theirs.body);
    assert!(theirs.body.contains("2,138.00 USD"));
    assert_eq!(order_count(&app).await, 9);

    // The same partner's key for another customer is a fresh order too
    // (it used to find Contoso's order and send the browser to a 404).
    review(&mut northwind, litware, &[(ws, "1")]).await;
    let res = place(&mut northwind, litware, &key, &[(ws, "1")]).await;
    let location = res.location().expect("location").to_owned();
    assert!(location.starts_with(&format!("/customers/{litware}/orders/")));
    assert!(
        northwind
            .get(&location)
            .await
            .body
            .contains("Order placed.")
    );
    assert_eq!(order_count(&app).await, 10);

    // Northwind's order is untouched, and its key still finds it.
    let again = place(&mut northwind, contoso, &key, &[(ws, "1")]).await;
    assert_eq!(again.location(), Some(northwind_order.as_str()));
    let after = northwind.get(&northwind_order).await.body;
    assert!(after.contains("This order was already placed"));
    let order_part = |s: &str| s.split("<h1>").nth(1).unwrap_or_default().to_owned();
    assert!(!order_part(&before).is_empty());
    assert_eq!(order_part(&before), order_part(&after));
    assert_eq!(order_count(&app).await, 10);
}

#[tokio::test]
async fn reserved_instances_are_not_offered_in_brazil_and_a_forged_order_is_refused() {
    let app = spawn_app().await;
    let wingtip = app.org_id("Wingtip Toys").await;
    let ri = product_id(&app, "AZURE-RI-D2SV5-1Y").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get(&format!("/customers/{wingtip}/add-products")).await;
    assert!(page.body.contains("Office LTSC"));
    assert!(!page.body.contains("Azure Reserved VM Instance"));
    let (rev, _) = review(&mut b, wingtip, &[(ri, "1")]).await;
    assert_eq!(rev.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = place(&mut b, wingtip, &Uuid::new_v4().to_string(), &[(ri, "1")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("not offered to this customer"));
    assert_eq!(order_count(&app).await, 7);
}

#[tokio::test]
async fn quantities_must_be_between_one_and_a_thousand() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let office = product_id(&app, "OFFICE-LTSC2021-PP").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let (ok, _) = review(&mut b, contoso, &[(office, "1000")]).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.body.contains("439,000.00 USD"));
    let (ok, _) = review(&mut b, contoso, &[(office, "1")]).await;
    assert_eq!(ok.status, StatusCode::OK);
    for bad in ["1001", "-1", "2.5", "ten"] {
        let (res, _) = review(&mut b, contoso, &[(office, bad)]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(
            res.body.contains("must be a whole number from 1 to 1000"),
            "{bad}"
        );
        assert!(
            res.body.contains(&format!(r#"value="{bad}""#)),
            "the input is kept: {bad}"
        );
    }
    let (none, _) = review(&mut b, contoso, &[(office, "0")]).await;
    assert!(none.body.contains("Choose at least one product"));
    let res = place(
        &mut b,
        contoso,
        &Uuid::new_v4().to_string(),
        &[(office, "1001")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = place(
        &mut b,
        contoso,
        &Uuid::new_v4().to_string(),
        &[(Uuid::new_v4(), "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(order_count(&app).await, 7);
}

#[tokio::test]
async fn a_quantity_with_a_sign_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-STA").await;
    let keys_before = keys::free_count(&app.db, ws).await.expect("count");
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    for bad in ["+5", "+0", "-0", " +1"] {
        let (res, key) = review(&mut b, contoso, &[(ws, bad)]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(
            res.body.contains(
                "The quantity of Windows Server 2022 Standard must be a whole number from 1 to 1000."
            ),
            "{bad:?}: {}",
            res.body
        );
        assert!(key.is_empty(), "{bad:?}: no review page to place from");
    }
    // A forged Place order with the same quantity is refused too.
    let res = place(&mut b, contoso, &Uuid::new_v4().to_string(), &[(ws, "+5")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("Enter a whole number from 1 to 1000"));
    assert_eq!(order_count(&app).await, 7);
    assert_eq!(
        keys::free_count(&app.db, ws).await.expect("count"),
        keys_before
    );
    // Digits alone still buy.
    let (ok, key) = review(&mut b, contoso, &[(ws, "5")]).await;
    assert_eq!(ok.status, StatusCode::OK);
    let placed = place(&mut b, contoso, &key, &[(ws, "5")]).await;
    assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.body);
    assert_eq!(order_count(&app).await, 8);
}

/// Takes keys of a product until `left` remain.
async fn drain_keys(app: &TestApp, sku: &str, left: i64) {
    let product = catalog::product_by_sku(&app.db, sku)
        .await
        .expect("query")
        .expect("product");
    let contoso = app.org_id("Contoso").await;
    let northwind = app.org_id("Northwind Partners").await;
    while keys::free_count(&app.db, product.id).await.expect("count") > left {
        let lines = [orders::PlaceLine {
            product: &product,
            quantity: 1,
        }];
        orders::place_unaudited(
            &app.db,
            app.clock_now(),
            &orders::PlaceOrder {
                customer_id: contoso,
                partner_id: northwind,
                placed_by: None,
                idempotency_key: Uuid::new_v4(),
                lines: &lines,
                currency: "USD",
                total_minor: product.unit_price_minor,
            },
        )
        .await
        .expect("place");
    }
}

#[tokio::test]
async fn with_no_key_left_the_order_is_refused_naming_the_product_and_nothing_is_written() {
    let app = spawn_app().await;
    drain_keys(&app, "WS2019-STA", 0).await;
    let contoso = app.org_id("Contoso").await;
    let ws19 = product_id(&app, "WS2019-STA").await;
    let office = product_id(&app, "OFFICE-LTSC2021-PP").await;
    let office_keys = keys::free_count(&app.db, office).await.expect("count");
    let before = order_count(&app).await;
    let subs = orders::subscription_count(&app.db).await.expect("count");
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    // The Office line comes first and takes its key before WS2019 fails: the
    // whole order must still roll back.
    let (_, key) = review(&mut b, contoso, &[(office, "2"), (ws19, "1")]).await;
    let res = place(&mut b, contoso, &key, &[(office, "2"), (ws19, "1")]).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(
        res.body
            .contains("There are no product keys left for Windows Server 2019 Standard"),
        "{}",
        res.body
    );
    assert_eq!(order_count(&app).await, before);
    assert_eq!(
        orders::subscription_count(&app.db).await.expect("count"),
        subs
    );
    assert_eq!(
        keys::free_count(&app.db, office).await.expect("count"),
        office_keys
    );
}

#[tokio::test]
async fn concurrent_orders_never_share_a_key_and_stop_when_keys_run_out() {
    let app = spawn_app().await;
    drain_keys(&app, "WS2022-DAT", 5).await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-DAT").await;
    let before = order_count(&app).await;
    let mut buyers = Vec::new();
    for _ in 0..10 {
        let mut b = app.sign_in_as(Role::AdminAgent).await;
        let (_, key) = review(&mut b, contoso, &[(ws, "1")]).await;
        buyers.push((b, key));
    }
    let results = futures_util::future::join_all(
        buyers
            .iter_mut()
            .map(|(b, key)| async move { place(b, contoso, key, &[(ws, "1")]).await.status }),
    )
    .await;
    let placed = results
        .iter()
        .filter(|s| **s == StatusCode::SEE_OTHER)
        .count();
    let refused = results
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((placed, refused), (5, 5), "{results:?}");
    assert_eq!(order_count(&app).await, before + 5);
    assert_eq!(keys::free_count(&app.db, ws).await.expect("count"), 0);
}

#[tokio::test]
async fn only_admin_and_sales_agents_buy_and_only_for_their_own_customers() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-STA").await;
    for email in [
        "helpdesk@northwind.example",
        "ga@contoso.example",
        "user@contoso.example",
        "operator@portal.example",
    ] {
        let mut b = app.signed_in(email).await;
        assert_eq!(
            b.get(&format!("/customers/{contoso}/add-products"))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let res = place(&mut b, contoso, &Uuid::new_v4().to_string(), &[(ws, "1")]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{email}");
        assert!(
            res.body.contains("role for this page"),
            "{email}: refused for the role, not the token"
        );
    }
    let mut b = app.signed_in("admin@fabrikam.example").await;
    assert_eq!(
        b.get(&format!("/customers/{contoso}/add-products"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.get(&format!("/customers/{contoso}/orders")).await.status,
        StatusCode::NOT_FOUND
    );
    b.get("/customers").await;
    let res = place(&mut b, contoso, &Uuid::new_v4().to_string(), &[(ws, "1")]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(order_count(&app).await, 7);
}

#[tokio::test]
async fn an_order_of_another_customer_is_a_404() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let litware = app.org_id("Litware").await;
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
    let tab = b.get(&format!("/customers/{contoso}/orders")).await;
    assert_eq!(tab.status, StatusCode::OK);
    let order_link =
        regex::Regex::new(r#"/customers/[0-9a-f-]+/orders/([0-9a-f-]{36})"#).expect("regex");
    let order_id = order_link.captures(&tab.body).expect("an order")[1].to_owned();
    assert_eq!(
        b.get(&format!("/customers/{contoso}/orders/{order_id}"))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        b.get(&format!("/customers/{litware}/orders/{order_id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn going_back_to_the_review_page_and_placing_again_finds_the_first_order() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product_id(&app, "WS2022-STA").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let catalog = b.get(&format!("/customers/{contoso}/add-products")).await;
    let order_key = regex::Regex::new(r#"name="order_key" value="([^"]+)""#)
        .expect("regex")
        .captures(&catalog.body)
        .expect("an order key")[1]
        .to_owned();
    let review_url = format!(
        "/customers/{contoso}/add-products/review?order_key={order_key}&{}=2",
        field(ws)
    );
    let first_review = b.get(&review_url).await;
    let key_of = |body: &str| {
        regex::Regex::new(r#"name="idempotency_key" value="([^"]+)""#)
            .expect("regex")
            .captures(body)
            .map(|c| c[1].to_owned())
            .unwrap_or_default()
    };
    let key = key_of(&first_review.body);
    assert_eq!(key, order_key);
    let placed = place(&mut b, contoso, &key, &[(ws, "2")]).await;
    // Back: the browser loads the review page again (it is not cached).
    let again = b.get(&review_url).await;
    assert_eq!(key_of(&again.body), key);
    let replaced = place(&mut b, contoso, &key_of(&again.body), &[(ws, "2")]).await;
    assert_eq!(placed.location(), replaced.location());
    assert_eq!(order_count(&app).await, 8);
}

/// The orders tab (each scope, the first page, Next and Previous, with its
/// counts or not) reads the customer's orders from
/// `orders (customer_id, placed_at, id)` in the tab's order, sorts nothing,
/// and from a cursor seeks the cursor's row: a customer's thousandth order
/// costs what its first does (issue 11). On PostgreSQL the plan is the
/// generic one every pooled connection runs.
#[tokio::test]
async fn every_page_of_the_orders_tab_reads_the_customers_orders_in_order() {
    use csp_portal::domain::scope::Scope;
    use csp_portal::store::keyset::{Counting, Cursor};
    use csp_portal::store::orders::{Key, for_customer_statement};

    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let northwind = app.org_id("Northwind Partners").await;
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    let key = Key {
        placed_at: app.clock_now(),
        id: Uuid::new_v4(),
    };
    let mut shapes = 0;
    for scope in [
        Scope::Vendor,
        Scope::Partner(northwind),
        Scope::Customer(contoso),
    ] {
        for cursor in [Cursor::First, Cursor::After(key), Cursor::Before(key)] {
            for counted in [None, Some(false), Some(true)] {
                let ahead = counted.map(|count_ahead| {
                    Counting {
                        cursor,
                        count_ahead,
                    }
                    .ahead_of()
                });
                let sql = for_customer_statement(scope, cursor, 50, ahead);
                let plan = tx.plan(&sql).await.unwrap().join("\n");
                let shape = format!("{scope:?} {cursor:?} counted={counted:?}");
                let read = if pg {
                    assert!(!plan.contains("Sort"), "{shape}:\n{plan}");
                    assert!(!plan.contains("Seq Scan"), "{shape}:\n{plan}");
                    // Nothing between the index and the LIMIT: with a join
                    // to the users, statistics of a real store made the
                    // generic plan hash-join all of a customer's orders and
                    // sort them (bench/RESULTS.md).
                    assert!(!plan.contains(" Join"), "{shape}:\n{plan}");
                    let mut lines = plan.lines().skip_while(|l| !l.ends_with(" on orders o"));
                    let scan = lines.next().unwrap_or_default();
                    format!("{scan}{}", lines.next().unwrap_or_default()).replace(' ', "")
                } else {
                    assert!(!plan.contains("TEMP B-TREE"), "{shape}:\n{plan}");
                    plan.lines()
                        .find(|l| l.starts_with("SEARCH o "))
                        .unwrap_or_default()
                        .to_string()
                };
                assert!(read.contains("customer_id="), "{shape}:\n{plan}");
                let seeks_cursor = if pg {
                    read.contains("ROW(placed_at,id)")
                } else {
                    read.contains("(placed_at,id)")
                };
                assert_eq!(seeks_cursor, cursor != Cursor::First, "{shape}:\n{plan}");
                shapes += 1;
            }
        }
    }
    assert_eq!(shapes, 3 * 3 * 3);
}

/// An order takes a product's free key, and the stock counts them, seeking
/// the product's free keys: PostgreSQL's generic plan read the free keys of
/// every product through the unique index on `subscription_id` and kept the
/// product's, inside the order's transaction (bench/RESULTS.md). There it
/// reads the index of free keys (migration 0031); SQLite seeks the product's
/// unassigned keys in `product_keys_free`.
#[tokio::test]
async fn taking_and_counting_free_keys_read_only_the_products_free_keys() {
    use csp_portal::store::keys::{FREE_COUNT, take_statement};

    let app = spawn_app().await;
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    let index_name = regex::Regex::new(r"using (\w+) on").unwrap();
    for sql in [take_statement(pg), FREE_COUNT] {
        let plan = tx.plan(sql).await.unwrap().join("\n");
        let lines: Vec<&str> = plan.lines().collect();
        if pg {
            // The step whose index condition names the product.
            let step = lines
                .windows(2)
                .find(|w| w[0].contains(" on product_keys") && w[1].contains("product_id ="))
                .map(|w| w[0])
                .unwrap_or_else(|| panic!("{sql}:\n{plan}"));
            let name = index_name
                .captures(step)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_owned())
                .unwrap_or_else(|| panic!("{sql}:\n{plan}"));
            let csp_portal::store::Tx::Pg(c) = &mut tx else {
                unreachable!()
            };
            let index: String = sqlx::query_scalar(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1",
            )
            .bind(&name)
            .fetch_one(&mut **c)
            .await
            .unwrap();
            assert!(
                index.contains("WHERE ((subscription_id IS NULL) AND (revoked_at IS NULL))"),
                "{sql}:\n{plan}\n{index}"
            );
        } else {
            assert!(
                lines.iter().any(|l| l.starts_with("SEARCH product_keys ")
                    && l.contains("(product_id=? AND subscription_id=?)")),
                "{sql}:\n{plan}"
            );
        }
    }
}
