//! Where Place order lands leads on (issue #12, item 10): to the
//! customer's software, and to Get keys and downloads for each purchased
//! line that has a key or files, for whoever may open them.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};
use crate::orders::{place, review};

async fn product(app: &TestApp, sku: &str) -> Uuid {
    csp_portal::store::catalog::product_by_sku(&app.db, sku)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Places an order of one each of `skus`; the order page it lands on.
async fn order(b: &mut Browser, customer: Uuid, lines: &[(Uuid, &str)]) -> crate::helpers::Page {
    let (_, key) = review(b, customer, lines).await;
    let placed = place(b, customer, &key, lines).await;
    assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.body);
    b.get(placed.location().unwrap()).await
}

/// The purchase id of the order page's line of `product`.
fn purchase_of(body: &str, product: &str) -> String {
    let lines = &body[body.find("<tbody>").expect("the lines")..];
    let row = lines
        .split("<tr>")
        .find(|r| r.contains(product) && r.contains("data-copy-id=\""))
        .unwrap_or_else(|| panic!("a line of {product}"));
    regex::Regex::new(r#"data-copy-id="([0-9a-f-]{36})""#)
        .unwrap()
        .captures(row)
        .unwrap()[1]
        .to_owned()
}

#[tokio::test]
async fn the_order_page_leads_on_to_the_software_and_each_lines_keys() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product(&app, "WS2022-STA").await;
    let ri = product(&app, "AZURE-RI-D2SV5-1Y").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = order(&mut b, contoso, &[(ws, "1"), (ri, "1")]).await;
    assert!(page.body.contains("Order placed."));
    assert!(page.body.contains(&format!(
        r#"<a href="/customers/{contoso}/software">All software of Contoso</a>"#
    )));
    let ws_line = purchase_of(&page.body, "Windows Server 2022 Standard");
    let ri_line = purchase_of(&page.body, "Azure Reserved");
    let get_keys =
        |id: &str| format!(r#"href="/customers/{contoso}/software/{id}">Get keys and downloads"#);
    assert!(page.body.contains(&get_keys(&ws_line)), "{}", page.body);
    assert!(
        !page.body.contains(&get_keys(&ri_line)),
        "a reserved instance has no keys or files"
    );
    // The link works: it is the purchase's Get keys and downloads page.
    let keys = b
        .get(&format!("/customers/{contoso}/software/{ws_line}"))
        .await;
    assert_eq!(keys.status, StatusCode::OK);
}

#[tokio::test]
async fn a_sales_agent_is_led_to_the_software_and_told_who_gets_the_keys() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let ws = product(&app, "WS2022-STA").await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let page = order(&mut b, contoso, &[(ws, "2")]).await;
    assert!(
        page.body
            .contains(&format!(r#"href="/customers/{contoso}/software""#))
    );
    assert!(!page.body.contains("Get keys and downloads"));
    assert!(
        page.body
            .contains("Keys and downloads of these purchases are for admin agents")
    );
}
