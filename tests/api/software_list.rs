//! The software list at a glance (issue #12, item 4): short ids, search by
//! product, a status filter with "cancellable now", purchase date either
//! way, paged by keyset both ways with "Showing N–M of T"; the Orders tab
//! paged the same way; a role that cannot get keys is told so once.

use chrono::{DateTime, Duration, Utc};
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::helpers::{Browser, Page, TestApp, spawn_app};

/// Places an order of one `sku` for Contoso at `at`, as the demo loader
/// does; the purchase's id and the order's.
pub async fn buy(app: &TestApp, sku: &str, at: DateTime<Utc>) -> (Uuid, Uuid) {
    let contoso = app.org_id("Contoso").await;
    let northwind = app.org_id("Northwind Partners").await;
    let product = csp_portal::store::catalog::product_by_sku(&app.db, sku)
        .await
        .unwrap()
        .unwrap();
    let lines = [csp_portal::store::orders::PlaceLine {
        product: &product,
        quantity: 1,
    }];
    let placed = csp_portal::store::orders::place_unaudited(
        &app.db,
        at,
        &csp_portal::store::orders::PlaceOrder {
            customer_id: contoso,
            partner_id: northwind,
            placed_by: None,
            idempotency_key: Uuid::new_v4(),
            lines: &lines,
            currency: &product.currency,
            total_minor: product.unit_price_minor,
        },
    )
    .await
    .unwrap();
    let csp_portal::store::orders::Placed::New(order) = placed else {
        panic!("not placed: {placed:?}")
    };
    let subs = csp_portal::store::software::of_order(&app.db, northwind, contoso, order)
        .await
        .unwrap();
    (subs[0], order)
}

/// `n` reserved-instance purchases (no keys to run out of), three at each
/// minute from `from` on, so that rows with the same purchase time meet at
/// page boundaries and only the id tells them apart.
async fn buy_many(app: &TestApp, n: i64, from: DateTime<Utc>) {
    for i in 0..n {
        buy(app, "AZURE-RI-D2SV5-1Y", from + Duration::minutes(i / 3)).await;
    }
}

/// Sets a purchase's status behind the server's back.
async fn set_status(app: &TestApp, id: Uuid, status: &str) {
    let sql = "UPDATE subscriptions SET status = $1 WHERE id = $2";
    crate::helpers::on_pool!(app, |p| sqlx::query(sql).bind(status).bind(id).execute(p));
}

/// The full ids of the purchases a list page shows, in its order.
fn ids(body: &str) -> Vec<String> {
    regex::Regex::new(r#"data-copy-id="([0-9a-f-]{36})""#)
        .unwrap()
        .captures_iter(body)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The orders the Orders tab shows, in its order.
fn order_ids(body: &str) -> Vec<String> {
    regex::Regex::new(r#"/orders/([0-9a-f-]{36})" title"#)
        .unwrap()
        .captures_iter(body)
        .map(|c| c[1].to_owned())
        .collect()
}

/// The address of the pager's `rel` link ("next", "prev"), as a browser reads it.
fn link(body: &str, rel: &str) -> Option<String> {
    regex::Regex::new(&format!(r#"rel="{rel}" href="([^"]+)""#))
        .unwrap()
        .captures(body)
        .map(|c| c[1].replace("&#38;", "&").replace("&amp;", "&"))
}

fn showing(body: &str) -> String {
    regex::Regex::new(r"Showing \d+–\d+ of \d+")
        .unwrap()
        .find(body)
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default()
}

/// Every page of a list from `path` on, following Next: the ids in order.
async fn walk(b: &mut Browser, path: &str, ids_of: fn(&str) -> Vec<String>) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut next = Some(path.to_owned());
    while let Some(path) = next {
        let page = b.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        pages.push(ids_of(&page.body));
        next = link(&page.body, "next");
    }
    pages
}

/// The store's own order of Contoso's purchases, for comparing pages with.
async fn all_ids(app: &TestApp, order: csp_portal::store::keyset::Order) -> Vec<String> {
    let contoso = app.org_id("Contoso").await;
    crate::software::purchases(&app.db, contoso, order)
        .await
        .iter()
        .map(|r| r.id.to_string())
        .collect()
}

#[tokio::test]
async fn the_list_shows_short_ids_with_the_whole_id_for_the_copy_script() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get(&format!("/customers/{contoso}/software")).await;
    let rows = ids(&page.body);
    assert_eq!(rows.len(), 4);
    for id in &rows {
        let short = &id[..8];
        // The whole id for the script, which makes the copy button and
        // shows the id on hover (once, not in a title beside it).
        assert!(
            page.body.contains(&format!(
                r#"<code class="id" data-copy-id="{id}">{short}</code>"#
            )),
            "{id}"
        );
        assert!(!page.body.contains(&format!(">{id}<")), "no UUID as text");
    }
    // The buttons' words, once for the table rather than once a row.
    assert!(
        page.body.contains(
            r#" data-copy-text="Copy" data-copied="Copied" data-copy-label="Copy the full ID {id}">"#
        ),
        "the copy buttons' labels on the table"
    );
    assert!(
        !page.body.contains("class=\"link-button copy-id\""),
        "no button per row in the markup"
    );
    assert!(page.body.contains("js/software."), "the copy script");
}

#[tokio::test]
async fn cancellable_now_keeps_a_purchase_to_the_last_second_of_day_sixty() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let bought = app.clock_now();
    let (sub, _) = buy(&app, "WS2022-STA", bought).await;
    let list = format!("/customers/{contoso}/software?status=cancellable");
    let active = format!("/customers/{contoso}/software?status=active");
    let sub = sub.to_string();
    // Signed in anew at each moment: a session does not last 60 days.
    let at = |t: DateTime<Utc>| {
        app.clock.set(t);
        app.sign_in_as(Role::AdminAgent)
    };

    // Day 60, its last second: still inside the window.
    let mut admin = at(bought + Duration::days(60) - Duration::seconds(1)).await;
    let page = admin.get(&list).await;
    assert!(ids(&page.body).contains(&sub), "day 60");
    assert!(page.body.contains("Cancel purchase"));

    // Day 61 begins: the window has closed, the purchase is still active.
    let mut admin = at(bought + Duration::days(60)).await;
    let page = admin.get(&list).await;
    assert!(!ids(&page.body).contains(&sub), "day 61");
    assert!(ids(&admin.get(&active).await.body).contains(&sub));

    // The demo's purchases: the one bought 75 days before is never cancellable.
    let mut admin = at(bought).await;
    let page = admin.get(&list).await;
    assert_eq!(ids(&page.body).len(), 4, "three demo purchases and ours");
    assert!(!page.body.contains("Windows Server 2019 Standard"));
    assert_eq!(showing(&page.body), "Showing 1–4 of 4");
}

/// "Cancellable now" reads only purchases made since the longest window any
/// purchase got began (migration 0033): a window since shortened, one made
/// longer, and one a purchase was given by hand all still count.
#[tokio::test]
async fn cancellable_now_finds_a_purchase_inside_any_window_it_was_given() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let now = app.clock_now();
    let window = "UPDATE products SET cancel_window_days = $1 WHERE sku = 'WS2022-STA'";
    // Bought with a 200-day window 150 days ago: 50 days left.
    crate::helpers::on_pool!(app, |p| sqlx::query(window).bind(200_i64).execute(p));
    let (long, _) = buy(&app, "WS2022-STA", now - Duration::days(150)).await;
    // The window shortened to 7 days: one inside it, one past it.
    crate::helpers::on_pool!(app, |p| sqlx::query(window).bind(7_i64).execute(p));
    let (short, _) = buy(&app, "WS2022-STA", now - Duration::days(3)).await;
    let (closed, _) = buy(&app, "WS2022-STA", now - Duration::days(8)).await;
    // Bought 500 days ago with the usual 60, then given until tomorrow by hand.
    let (given, _) = buy(&app, "SQL2022-STA", now - Duration::days(500)).await;
    let sql = "UPDATE subscriptions SET cancel_until = $1 WHERE id = $2";
    let tomorrow = now + Duration::days(1);
    crate::helpers::on_pool!(app, |p| sqlx::query(sql)
        .bind(tomorrow)
        .bind(given)
        .execute(p));

    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let base = format!("/customers/{contoso}/software?status=cancellable");
    let newest = ids(&admin.get(&base).await.body);
    let page = admin.get(&format!("{base}&sort=oldest")).await;
    let oldest = ids(&page.body);
    for id in [long, short, given] {
        assert!(newest.contains(&id.to_string()), "{id} newest first");
        assert!(oldest.contains(&id.to_string()), "{id} oldest first");
    }
    assert!(!newest.contains(&closed.to_string()));
    assert_eq!(oldest.first(), Some(&given.to_string()));
    assert_eq!(oldest.get(1), Some(&long.to_string()));
    let n = newest.len();
    assert_eq!(oldest.len(), n);
    assert_eq!(showing(&page.body), format!("Showing 1–{n} of {n}"));
}

#[tokio::test]
async fn search_status_and_sort_combine() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let now = app.clock_now();
    // Windows Server 2022 Standard: one bought now, one 70 days ago (window closed).
    let (recent, _) = buy(&app, "WS2022-STA", now).await;
    let (old, _) = buy(&app, "WS2022-STA", now - Duration::days(70)).await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let base = format!("/customers/{contoso}/software");

    // Any case, any part of the name: both editions of Windows Server 2022.
    let page = admin.get(&format!("{base}?q=WINDOWS+server+2022")).await;
    let found = ids(&page.body);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0], recent.to_string(), "newest first");
    assert_eq!(found[2], old.to_string());

    // ... and oldest first.
    let page = admin
        .get(&format!("{base}?q=windows+server+2022&sort=oldest"))
        .await;
    let found = ids(&page.body);
    assert_eq!(found[0], old.to_string());
    assert_eq!(found[2], recent.to_string());
    assert!(page.body.contains(r#"<option value="oldest" selected>"#));

    // With "cancellable now", the one past its window drops out.
    let page = admin
        .get(&format!(
            "{base}?q=windows+server+2022&status=cancellable&sort=oldest"
        ))
        .await;
    let found = ids(&page.body);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1], recent.to_string());
    assert!(!found.contains(&old.to_string()));
    assert_eq!(showing(&page.body), "Showing 1–2 of 2");
    assert!(
        page.body
            .contains(r#"<option value="cancellable" selected>"#)
    );

    // Cancelled: none yet, and the page says nothing matches.
    let page = admin
        .get(&format!("{base}?q=server&status=cancelled"))
        .await;
    assert!(ids(&page.body).is_empty());
    assert!(page.body.contains("No purchase matches"));
    assert!(page.body.contains("Clear filters"));

    // LIKE's wildcards are searched for as themselves.
    let page = admin.get(&format!("{base}?q=%25")).await;
    assert!(ids(&page.body).is_empty());
    let page = admin.get(&format!("{base}?q=_")).await;
    assert!(ids(&page.body).is_empty());

    // A status the list does not know shows everything, as none would.
    let page = admin.get(&format!("{base}?status=lost")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(ids(&page.body).len(), 6);
}

#[tokio::test]
async fn paging_crosses_the_page_boundary_both_ways_in_either_order() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    buy_many(&app, 60, app.clock_now()).await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let base = format!("/customers/{contoso}/software");
    for (sort, order) in [
        ("newest", csp_portal::store::keyset::Order::NewestFirst),
        ("oldest", csp_portal::store::keyset::Order::OldestFirst),
    ] {
        let expected = all_ids(&app, order).await;
        assert_eq!(expected.len(), 64);
        let first_path = format!("{base}?sort={sort}");
        let first = admin.get(&first_path).await;
        assert_eq!(showing(&first.body), "Showing 1–50 of 64", "{sort}");
        assert_eq!(ids(&first.body), expected[..50], "{sort}");
        assert!(link(&first.body, "prev").is_none());

        let next = link(&first.body, "next").expect("a next page");
        // The default order goes without saying; the other is kept.
        assert_eq!(next.contains("sort=oldest"), sort == "oldest", "{next}");
        let second = admin.get(&next).await;
        assert_eq!(showing(&second.body), "Showing 51–64 of 64", "{sort}");
        assert_eq!(ids(&second.body), expected[50..], "{sort}");
        assert!(link(&second.body, "next").is_none(), "the end");

        // Previous from the second page is the first page again.
        let prev = link(&second.body, "prev").expect("a previous page");
        let back = admin.get(&prev).await;
        assert_eq!(ids(&back.body), expected[..50], "{sort}");
        assert_eq!(showing(&back.body), "Showing 1–50 of 64");
        assert!(link(&back.body, "next").is_some());
    }
}

/// Next and Previous say how many rows lie ahead of the page they lead to,
/// so that page counts none. The figure only numbers the rows shown: an
/// edited one stays within the list's total, and one that is no count
/// (not a number, negative, left out) is counted again.
#[tokio::test]
async fn next_and_previous_carry_the_rows_ahead_which_only_number_the_rows() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    buy_many(&app, 60, app.clock_now()).await;
    let expected = all_ids(&app, csp_portal::store::keyset::Order::NewestFirst).await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let first = admin.get(&format!("/customers/{contoso}/software")).await;
    let next = link(&first.body, "next").expect("a next page");
    assert!(next.ends_with("&from=50"), "{next}");
    let second = admin.get(&next).await;
    assert_eq!(showing(&second.body), "Showing 51–64 of 64");
    let prev = link(&second.body, "prev").expect("a previous page");
    assert!(prev.ends_with("&from=0"), "{prev}");

    let with = |from: &str| next.replace("&from=50", from);
    for (from, says) in [
        // Taken as given: nothing counted.
        ("&from=7", "Showing 8–21 of 64"),
        // Past the end: the last rows of the list.
        ("&from=999", "Showing 51–64 of 64"),
        ("&from=9223372036854775807", "Showing 51–64 of 64"),
        // No count: counted.
        ("&from=-5", "Showing 51–64 of 64"),
        ("&from=fifty", "Showing 51–64 of 64"),
        ("", "Showing 51–64 of 64"),
    ] {
        let page = admin.get(&with(from)).await;
        assert_eq!(page.status, StatusCode::OK, "{from}");
        assert_eq!(showing(&page.body), says, "{from}");
        // Whatever the figure, the rows are those after the cursor.
        assert_eq!(ids(&page.body), expected[50..], "{from}");
    }
}

#[tokio::test]
async fn paging_keeps_the_filter_and_previous_at_the_top_shows_a_whole_first_page() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    buy_many(&app, 60, app.clock_now()).await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let base = format!("/customers/{contoso}/software?q=azure&status=active");
    let pages = walk(&mut admin, &base, ids).await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [50, 10]);
    let first = admin.get(&base).await;
    let second_path = link(&first.body, "next").unwrap();
    assert!(second_path.contains("q=azure") && second_path.contains("status=active"));
    let second = admin.get(&second_path).await;
    assert_eq!(showing(&second.body), "Showing 51–60 of 60");

    // A purchase on the first page leaves the filter meanwhile (a
    // cancellation is requested): going back finds 49 rows above, and shows
    // the first page whole instead.
    let leaving = &pages[0][3];
    set_status(&app, leaving.parse().unwrap(), "cancellation_requested").await;
    let back = admin.get(&link(&second.body, "prev").unwrap()).await;
    assert_eq!(showing(&back.body), "Showing 1–50 of 59");
    assert!(link(&back.body, "prev").is_none());
    assert!(!ids(&back.body).contains(leaving));
}

/// A product search reads each matching product's purchases on its own and
/// takes the page from them (`store::software::searched_from`): the pages
/// must still be the customer's matching purchases in the list's order,
/// each once, both ways, with the same total, however the products'
/// purchases interleave in time (and tie on it).
#[tokio::test]
async fn a_search_over_several_products_pages_them_in_one_order() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let from = app.clock_now() - Duration::days(3);
    // Ten of each of six products the search finds (each has 20 keys in
    // the tests' catalog), between purchases of one it does not.
    let skus = [
        "WS2019-STA",
        "SQL2019-STA",
        "WS2022-DAT",
        "SQL2019-ENT",
        "AZURE-RI-D2SV5-1Y",
        "WS2019-DAT",
        "SQL2022-STA",
    ];
    for i in 0..70 {
        buy(
            &app,
            skus[i % skus.len()],
            from + Duration::minutes(i as i64 / 4),
        )
        .await;
    }
    let matching = |order: &str| {
        format!(
            "SELECT s.id FROM subscriptions s JOIN products p ON p.id = s.product_id \
             WHERE s.customer_id = $1 AND lower(p.name) LIKE '%server%' \
             ORDER BY s.purchased_at {order}, s.id {order}"
        )
    };
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let base = format!("/customers/{contoso}/software?q=Server");
    for (sort, dir) in [("newest", "DESC"), ("oldest", "ASC")] {
        let sql = matching(dir);
        let expected: Vec<String> = match &app.db {
            csp_portal::store::Db::Sqlite(p) => {
                sqlx::query_scalar::<_, Uuid>(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(contoso)
                    .fetch_all(p)
                    .await
            }
            csp_portal::store::Db::Pg(p) => {
                sqlx::query_scalar::<_, Uuid>(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(contoso)
                    .fetch_all(p)
                    .await
            }
        }
        .unwrap()
        .iter()
        .map(Uuid::to_string)
        .collect();
        assert!(expected.len() >= 50, "{}", expected.len());
        let first_path = format!("{base}&sort={sort}");
        let pages = walk(&mut admin, &first_path, ids).await;
        assert_eq!(pages.concat(), expected, "{sort}");
        let first = admin.get(&first_path).await;
        let total = expected.len();
        assert_eq!(
            showing(&first.body),
            format!("Showing 1–50 of {total}"),
            "{sort}"
        );
        let second = admin.get(&link(&first.body, "next").unwrap()).await;
        assert_eq!(
            showing(&second.body),
            format!("Showing 51–{total} of {total}")
        );
        let back = admin.get(&link(&second.body, "prev").unwrap()).await;
        assert_eq!(ids(&back.body), expected[..50], "{sort}");
    }
    // A name no product has: nothing.
    for q in ["no+such+product", "2019+Datacenter+2022"] {
        let page = admin
            .get(&format!("/customers/{contoso}/software?q={q}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{q}");
        assert!(ids(&page.body).is_empty(), "{q}");
    }
}

#[tokio::test]
async fn the_orders_tab_pages_past_a_hundred_orders() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    // The demo's three orders are older than these 102.
    buy_many(&app, 102, app.clock_now()).await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let tab = format!("/customers/{contoso}/orders");
    let pages = walk(&mut admin, &tab, order_ids).await;
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        [20, 20, 20, 20, 20, 5]
    );
    let all: Vec<&String> = pages.iter().flatten().collect();
    let distinct: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(distinct.len(), 105, "no order twice, none skipped");

    // The last page holds the demo's oldest order (75 days old), which the
    // hundred newest left out before.
    let mut last = admin.get(&tab).await;
    while let Some(next) = link(&last.body, "next") {
        last = admin.get(&next).await;
    }
    assert_eq!(showing(&last.body), "Showing 101–105 of 105");
    assert!(last.body.contains("Windows Server 2019 Standard"));
    // From deep in the list there is a way back to the start.
    assert!(last.body.contains(&format!(r#"href="{tab}">First page"#)));
    let prev = admin.get(&link(&last.body, "prev").unwrap()).await;
    assert_eq!(showing(&prev.body), "Showing 81–100 of 105");
    assert_eq!(order_ids(&prev.body), pages[4]);
}

#[tokio::test]
async fn sales_and_helpdesk_are_told_once_why_the_list_has_no_key_or_cancel_buttons() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let note = "need the Admin agent role";
    for role in [Role::SalesAgent, Role::HelpdeskAgent] {
        let mut b = app.sign_in_as(role).await;
        let page = b.get(&format!("/customers/{contoso}/software")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body.matches(note).count(), 1, "{role:?}");
        assert!(!page.body.contains("Get keys and downloads"), "{role:?}");
        assert!(!page.body.contains("Cancel purchase"), "{role:?}");
    }
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get(&format!("/customers/{contoso}/software")).await;
    assert!(!page.body.contains(note));
    assert!(page.body.contains("Get keys and downloads"));
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    assert!(!ga.get("/my/software").await.body.contains(note));
}

/// Counting stops at 1,000 (`store::keyset::COUNT_CAP`): a customer with
/// 100,000 purchases must not have them all counted on every page.
#[tokio::test]
async fn the_count_stops_at_a_thousand() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let have = all_ids(&app, csp_portal::store::keyset::Order::NewestFirst)
        .await
        .len() as i64;
    buy_many(&app, 1_000 - have, app.clock_now() - Duration::days(30)).await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let path = format!("/customers/{contoso}/software");
    let page = b.get(&path).await;
    assert_eq!(showing(&page.body), "Showing 1–50 of 1000");
    buy_many(&app, 1, app.clock_now() - Duration::days(30)).await;
    let page = b.get(&path).await;
    assert!(
        page.body.contains("Showing 1–50 of more than 1000"),
        "{}",
        page.body
    );
}

/// Around the cap, Next and Previous count the rows ahead of a page to the
/// row: 1,000 ahead is still counted, 1,050 is past the cap.
#[tokio::test]
async fn pages_either_side_of_the_cap_count_the_rows_ahead_to_the_row() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let order = csp_portal::store::keyset::Order::NewestFirst;
    let have = all_ids(&app, order).await.len() as i64;
    buy_many(&app, 1_100 - have, app.clock_now() - Duration::days(30)).await;
    let expected = all_ids(&app, order).await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let mut page = b.get(&format!("/customers/{contoso}/software")).await;
    let mut pages = 1;
    while let Some(next) = link(&page.body, "next") {
        page = b.get(&next).await;
        pages += 1;
        if pages == 21 {
            assert!(page.body.contains("Showing 1001–1050 of more than 1000"));
        }
    }
    assert_eq!(pages, 22);
    assert!(page.body.contains("Further than the first 1000"));
    assert_eq!(ids(&page.body), expected[1050..]);
    // The figure Next carried, as large as it goes: still further, and
    // the next figure past it does not overflow.
    let last = link(&prev_of(&mut b, &page).await, "next").unwrap();
    let (cut, _) = last.rsplit_once("&from=").unwrap();
    let edited = b.get(&format!("{cut}&from=9223372036854775807")).await;
    assert_eq!(edited.status, StatusCode::OK);
    assert!(edited.body.contains("Further than the first 1000"));
    assert_eq!(ids(&edited.body), expected[1050..]);

    let prev = b.get(&link(&page.body, "prev").unwrap()).await;
    assert!(
        prev.body.contains("Showing 1001–1050 of more than 1000"),
        "{}",
        prev.body
    );
    assert_eq!(ids(&prev.body), expected[1000..1050]);
    let prev = b.get(&link(&prev.body, "prev").unwrap()).await;
    assert!(prev.body.contains("Showing 951–1000 of more than 1000"));
    assert_eq!(ids(&prev.body), expected[950..1000]);
}

/// The page before `page` (by its Previous link).
async fn prev_of(b: &mut Browser, page: &Page) -> String {
    b.get(&link(&page.body, "prev").unwrap()).await.body
}

/// What `purchase_counts` holds for a customer through a partner.
async fn kept(app: &TestApp, customer: Uuid, partner: Uuid) -> i64 {
    let sql = "SELECT CAST(COALESCE(SUM(purchases), 0) AS BIGINT) FROM purchase_counts \
               WHERE customer_id = $1 AND partner_id = $2";
    let n: Option<i64> = match &app.db {
        csp_portal::store::Db::Sqlite(p) => {
            sqlx::query_scalar(sql)
                .bind(customer)
                .bind(partner)
                .fetch_one(p)
                .await
        }
        csp_portal::store::Db::Pg(p) => {
            sqlx::query_scalar(sql)
                .bind(customer)
                .bind(partner)
                .fetch_one(p)
                .await
        }
    }
    .unwrap();
    n.unwrap_or_default()
}

/// The unfiltered list's total is the count `purchase_counts` keeps (one
/// row read, where a count read up to 1,001 index entries on every page),
/// and its triggers keep it through a purchase, a purchase moved to another
/// customer and one deleted. A filtered list still counts its rows.
#[tokio::test]
async fn the_total_is_the_kept_count_which_every_write_keeps() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let coffee = app.org_id("Fourth Coffee").await;
    let northwind = app.org_id("Northwind Partners").await;
    let have = all_ids(&app, csp_portal::store::keyset::Order::NewestFirst)
        .await
        .len() as i64;
    assert_eq!(kept(&app, contoso, northwind).await, have);
    let (moved, _) = buy(&app, "AZURE-RI-D2SV5-1Y", app.clock_now()).await;
    let (deleted, _) = buy(&app, "AZURE-RI-D2SV5-1Y", app.clock_now()).await;
    buy(&app, "AZURE-RI-D2SV5-1Y", app.clock_now()).await;
    assert_eq!(kept(&app, contoso, northwind).await, have + 3);

    let coffee_had = kept(&app, coffee, northwind).await;
    let sql = "UPDATE subscriptions SET customer_id = $1 WHERE id = $2";
    crate::helpers::on_pool!(app, |p| sqlx::query(sql)
        .bind(coffee)
        .bind(moved)
        .execute(p));
    let sql = "DELETE FROM subscriptions WHERE id = $1";
    crate::helpers::on_pool!(app, |p| sqlx::query(sql).bind(deleted).execute(p));
    assert_eq!(kept(&app, contoso, northwind).await, have + 1);
    assert_eq!(kept(&app, coffee, northwind).await, coffee_had + 1);

    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let path = format!("/customers/{contoso}/software");
    let shown = have + 1;
    let page = admin.get(&path).await;
    assert_eq!(showing(&page.body), format!("Showing 1–{shown} of {shown}"));
    // The page reads the kept count, not a count of the rows: set behind
    // the server's back (900 for the Azure product, none for the others),
    // the page says what it holds.
    let azure = csp_portal::store::catalog::product_by_sku(&app.db, "AZURE-RI-D2SV5-1Y")
        .await
        .unwrap()
        .unwrap()
        .id;
    let sql = "UPDATE purchase_counts SET purchases = CASE WHEN product_id = $2 THEN 900 ELSE 0 END \
               WHERE customer_id = $1";
    crate::helpers::on_pool!(app, |p| sqlx::query(sql)
        .bind(contoso)
        .bind(azure)
        .execute(p));
    let page = admin.get(&path).await;
    assert_eq!(showing(&page.body), format!("Showing 1–{shown} of 900"));
    // A product search's total is kept too, per product (migration 0034).
    let searched = admin.get(&format!("{path}?q=azure")).await;
    let n = ids(&searched.body).len();
    assert!(n > 0);
    assert_eq!(showing(&searched.body), format!("Showing 1–{n} of 900"));
    // A status filter still counts its rows.
    let active = admin.get(&format!("{path}?q=azure&status=active")).await;
    let n = ids(&active.body).len();
    assert_eq!(showing(&active.body), format!("Showing 1–{n} of {n}"));
    // So does /my/software, in the customer's own scope.
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    let own = ga.get("/my/software").await;
    assert_eq!(showing(&own.body), format!("Showing 1–{shown} of 900"));
    let own = ga.get("/my/software?q=azure").await;
    let n = ids(&own.body).len();
    assert_eq!(showing(&own.body), format!("Showing 1–{n} of 900"));
}

/// A purchase moved to another product moves in the per-product counts.
#[tokio::test]
async fn a_purchase_moved_to_another_product_is_counted_under_it() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = buy(&app, "AZURE-RI-D2SV5-1Y", app.clock_now()).await;
    let sql_server = csp_portal::store::catalog::product_by_sku(&app.db, "SQL2022-STA")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let path = format!("/customers/{contoso}/software?q=sql+server+2022+standard");
    let before = ids(&admin.get(&path).await.body).len();
    let sql = "UPDATE subscriptions SET product_id = $1 WHERE id = $2";
    crate::helpers::on_pool!(app, |p| sqlx::query(sql)
        .bind(sql_server)
        .bind(sub)
        .execute(p));
    let page = admin.get(&path).await;
    let after = ids(&page.body).len();
    assert_eq!(after, before + 1);
    assert_eq!(showing(&page.body), format!("Showing 1–{after} of {after}"));
}

/// Every shape of the software list (each scope, both orders, the first
/// page, Next and Previous, with its counts or not, each filter) reads the
/// customer's purchases from an index in the list's order and sorts
/// nothing, and from a cursor seeks the cursor's row in that index: what
/// makes a page 2,000 rows deep cost what page 1 does (issue 11). On
/// PostgreSQL the plan is the generic one that every pooled connection
/// runs, whatever page is asked.
#[tokio::test]
async fn every_shape_of_the_software_list_reads_an_index_in_its_order() {
    use csp_portal::domain::scope::Scope;
    use csp_portal::domain::subscription::StatusFilter;
    use csp_portal::store::keyset::{Counting, Cursor, Order};
    use csp_portal::store::software::{Filter, Key, counted_list_statement};

    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let northwind = app.org_id("Northwind Partners").await;
    let now = app.clock_now();
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    let key = Key {
        purchased_at: now,
        id: Uuid::new_v4(),
    };
    let filter = |product, status| Filter {
        product,
        status,
        now,
    };
    let filters = [
        filter(None, None),
        filter(None, Some(StatusFilter::Active)),
        filter(None, Some(StatusFilter::CancellableNow)),
        filter(Some("sql"), None),
        filter(Some("sql"), Some(StatusFilter::Cancelled)),
        filter(Some("sql"), Some(StatusFilter::CancellableNow)),
    ];
    let mut shapes = 0;
    for scope in [
        Scope::Vendor,
        Scope::Partner(northwind),
        Scope::Customer(contoso),
    ] {
        for order in [Order::NewestFirst, Order::OldestFirst] {
            for cursor in [Cursor::First, Cursor::After(key), Cursor::Before(key)] {
                for count_ahead in [false, true] {
                    for f in &filters {
                        let page = Counting {
                            cursor,
                            count_ahead,
                        };
                        let sql = counted_list_statement(pg, scope, f, order, page, 50);
                        let plan = tx.plan(&sql).await.unwrap();
                        let plan = plan.join("\n");
                        let shape = format!(
                            "{scope:?} {order:?} {cursor:?} count_ahead={count_ahead} {f:?}"
                        );
                        let searched = f.product.is_some();
                        if pg {
                            // A search sorts the page's worth it read of
                            // each matching product, and nothing else.
                            let sorts = plan.matches("Sort").count();
                            assert_eq!(sorts, if searched { 2 } else { 0 }, "{shape}:\n{plan}");
                            assert!(
                                !plan.contains("Seq Scan on subscriptions"),
                                "{shape}:\n{plan}"
                            );
                            assert!(plan.contains("Index"), "{shape}:\n{plan}");
                            if searched {
                                // Each matching product's purchases are read
                                // by the index by product, a page (or for a
                                // count, the cap) at most: the page's read
                                // and each count's.
                                let lines: Vec<&str> = plan.lines().collect();
                                let reads: Vec<usize> = (0..lines.len())
                                    .filter(|&i| lines[i].contains(" on subscriptions s"))
                                    .collect();
                                // The total without a status is the kept
                                // count per product (migration 0034).
                                let counts = usize::from(count_ahead && cursor != Cursor::First)
                                    + usize::from(f.status.is_some());
                                assert_eq!(reads.len(), 1 + counts, "{shape}:\n{plan}");
                                if f.status.is_none() {
                                    assert!(
                                        plan.contains("on purchase_counts"),
                                        "{shape}:\n{plan}"
                                    );
                                }
                                // A rare status (cancelled) may be read
                                // from the index by status instead, and
                                // the few of it kept by product.
                                let rare = matches!(
                                    f.status,
                                    Some(
                                        StatusFilter::Cancelled
                                            | StatusFilter::CancellationRequested
                                    )
                                );
                                for read in reads {
                                    let cond = lines.get(read + 1).copied().unwrap_or_default();
                                    assert!(
                                        cond.contains("Index Cond")
                                            && (cond.contains("product_id = p")
                                                || rare && cond.contains("status = '")),
                                        "{shape}:\n{plan}"
                                    );
                                    // Under a Limit (a customer's scope puts
                                    // a one-time check of it between; an
                                    // InitPlan may sit beside the read).
                                    let indent = |l: &str| l.len() - l.trim_start().len();
                                    let mut depth = indent(lines[read]);
                                    let parents: Vec<&str> = lines[..read]
                                        .iter()
                                        .rev()
                                        .filter(|l| {
                                            let parent = indent(l) < depth;
                                            if parent {
                                                depth = indent(l);
                                            }
                                            parent
                                        })
                                        .take(2)
                                        .copied()
                                        .collect();
                                    assert!(
                                        parents
                                            .iter()
                                            .any(|l| l.trim_start().starts_with("->  Limit")),
                                        "{shape}:\n{plan}"
                                    );
                                }
                            }
                        } else {
                            let temp = plan.matches("TEMP B-TREE").count();
                            assert_eq!(temp, usize::from(searched), "{shape}:\n{plan}");
                            assert!(
                                plan.contains("INDEX subscriptions_customer_"),
                                "{shape}:\n{plan}"
                            );
                            assert!(!plan.contains("SCAN s\n"), "{shape}:\n{plan}");
                            if searched {
                                // The one sort is of the page's worth read
                                // from each matching product, after them.
                                assert!(
                                    plan.ends_with("USE TEMP B-TREE FOR ORDER BY"),
                                    "{shape}:\n{plan}"
                                );
                                let each = plan
                                    .lines()
                                    .skip_while(|l| !l.starts_with("CORRELATED LIST SUBQUERY"))
                                    .nth(1)
                                    .unwrap_or_default();
                                assert!(
                                    each.starts_with("SEARCH s USING")
                                        && each.contains("INDEX subscriptions_customer_"),
                                    "{shape}:\n{plan}"
                                );
                            }
                        }
                        // From a cursor the read starts at its row: the key
                        // is a condition of the index's seek, not a filter.
                        let seek = if pg {
                            let main = plan
                                .lines()
                                .skip_while(|l| !l.ends_with(" on subscriptions s"))
                                .nth(1)
                                .unwrap_or_default();
                            main.contains("Index Cond") && main.contains("ROW(purchased_at, id)")
                        } else {
                            let main = if searched {
                                plan.lines()
                                    .skip_while(|l| !l.starts_with("CORRELATED LIST SUBQUERY"))
                                    .nth(1)
                            } else {
                                plan.lines().next()
                            };
                            main.is_some_and(|l| l.contains("(purchased_at,id)"))
                        };
                        assert_eq!(seek, cursor != Cursor::First, "{shape}:\n{plan}");
                        if f.status == Some(StatusFilter::CancellableNow) {
                            // Every read of the purchases (the page's, each
                            // count's) starts no earlier than the longest
                            // window's beginning: its seek has a lower bound,
                            // that or a cursor's.
                            let reads = if pg {
                                let lines: Vec<&str> = plan.lines().collect();
                                (0..lines.len())
                                    .filter(|&i| lines[i].ends_with(" on subscriptions s"))
                                    .map(|i| lines.get(i + 1).copied().unwrap_or_default())
                                    .collect::<Vec<_>>()
                            } else {
                                plan.lines()
                                    .filter(|l| {
                                        l.starts_with("SEARCH s USING")
                                            && !l.contains("PRIMARY KEY (rowid=?)")
                                    })
                                    .collect()
                            };
                            assert!(!reads.is_empty(), "{shape}:\n{plan}");
                            for read in reads {
                                let bounded = if pg {
                                    read.contains("Index Cond")
                                        && read.contains("(purchased_at > (")
                                } else {
                                    read.contains("purchased_at>?")
                                        || read.contains("(purchased_at,id)>(")
                                };
                                assert!(bounded, "{shape}: {read}\n{plan}");
                            }
                        }
                        shapes += 1;
                    }
                }
            }
        }
    }
    assert_eq!(shapes, 3 * 2 * 3 * 2 * 6);
}

/// A status filter reads that status's purchases from the index by status,
/// even where nearly every purchase is of another: on PostgreSQL a bound
/// status had one generic plan for all, which, told by the statistics that
/// every purchase was active, read the customer's purchases by date and
/// kept the cancelled ones, to the last purchase when there were none.
#[tokio::test]
async fn a_status_filter_reads_its_status_from_the_index_by_status() {
    use csp_portal::domain::scope::Scope;
    use csp_portal::domain::subscription::StatusFilter;
    use csp_portal::store::Tx;
    use csp_portal::store::keyset::{Counting, Cursor, Order};
    use csp_portal::store::software::{Filter, counted_list_statement};

    let app = spawn_app().await;
    let northwind = app.org_id("Northwind Partners").await;
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    if let Tx::Pg(c) = &mut tx {
        // Rolled back with the transaction.
        for sql in [
            "UPDATE subscriptions SET status = 'active'",
            "ANALYZE subscriptions",
        ] {
            sqlx::query(sql).execute(&mut **c).await.expect(sql);
        }
    }
    for status in [StatusFilter::Cancelled, StatusFilter::CancellationRequested] {
        for order in [Order::NewestFirst, Order::OldestFirst] {
            let f = Filter {
                product: None,
                status: Some(status),
                now: app.clock_now(),
            };
            let page = Counting {
                cursor: Cursor::First,
                count_ahead: false,
            };
            let sql = counted_list_statement(pg, Scope::Partner(northwind), &f, order, page, 50);
            let plan = tx.plan(&sql).await.unwrap().join("\n");
            // Every read of the purchases, the page's and its count's.
            let reads: Vec<&str> = plan
                .lines()
                .filter(|l| {
                    l.contains(" on subscriptions ")
                        || l.starts_with("SEARCH s ")
                        || l.starts_with("SCAN s ")
                })
                .collect();
            assert!(reads.len() >= 2, "{status:?} {order:?}:\n{plan}");
            for read in reads {
                let table = read.rsplit(" on ").next().unwrap_or_default().trim();
                let index = crate::helpers::index_definition(&mut tx, read, table, "s").await;
                assert!(
                    index.contains("(customer_id, status, purchased_at, id"),
                    "{status:?} {order:?}:\n{plan}\n{index}"
                );
            }
        }
    }
}
