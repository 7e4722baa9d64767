//! Placing orders over the API: the basket's checks, the country rule, and
//! an `Idempotency-Key` that places one order however often it is sent.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use super::{Api, api_as};
use crate::helpers::{TestApp, spawn_app};

pub async fn product_id(app: &TestApp, sku: &str) -> Uuid {
    csp_portal::store::catalog::product_by_sku(&app.db, sku)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Places an order of one line; the answer.
pub async fn place(api: &Api, customer: Uuid, product: Uuid, qty: i64, key: &str) -> super::Res {
    api.post_with(
        &format!("/api/v1/customers/{customer}/orders"),
        json!({"lines": [{"product_id": product, "quantity": qty}]}),
        &[("Idempotency-Key", key)],
    )
    .await
}

#[tokio::test]
async fn an_order_is_placed_once_per_idempotency_key() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::SalesAgent).await;
    let contoso = app.org_id("Contoso").await;
    let product = product_id(&app, "WS2022-DAT").await;
    let before = csp_portal::store::orders::order_count(&app.db)
        .await
        .unwrap();
    let key = Uuid::new_v4().to_string();
    let first = place(&api, contoso, product, 2, &key).await;
    assert_eq!(first.status, StatusCode::CREATED, "{first:?}");
    assert_eq!(first.body["lines"][0]["quantity"], 2);
    assert_eq!(first.body["lines"][0]["has_key"], true);
    let again = place(&api, contoso, product, 2, &key).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["id"], first.body["id"]);
    // The key again with another basket (a quantity, a product): refused,
    // not answered with the first order as if it were this one.
    let other = product_id(&app, "SQL2022-STA").await;
    for (p, qty) in [(product, 3), (other, 2)] {
        let reused = place(&api, contoso, p, qty, &key).await;
        assert_eq!(
            reused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{reused:?}"
        );
        assert_eq!(reused.body["errors"][0]["field"], "Idempotency-Key");
    }
    // Sent at once, ten times: still the one order.
    let key2 = Uuid::new_v4().to_string();
    let answers =
        futures_util::future::join_all((0..10).map(|_| place(&api, contoso, product, 1, &key2)))
            .await;
    let ids: std::collections::HashSet<_> =
        answers.iter().map(|r| r.body["id"].to_string()).collect();
    assert_eq!(ids.len(), 1, "{answers:?}");
    assert_eq!(
        answers
            .iter()
            .filter(|r| r.status == StatusCode::CREATED)
            .count(),
        1
    );
    assert_eq!(
        csp_portal::store::orders::order_count(&app.db)
            .await
            .unwrap(),
        before + 2
    );
    // The order is listed and read back.
    let id = first.body["id"].as_str().unwrap();
    let one = api
        .get(&format!("/api/v1/customers/{contoso}/orders/{id}"))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.body["total_minor"], first.body["total_minor"]);
    let list = api
        .get(&format!("/api/v1/customers/{contoso}/orders?limit=1"))
        .await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 1);
    let cursor = list.body["next_cursor"].as_str().unwrap();
    let next = api
        .get(&format!(
            "/api/v1/customers/{contoso}/orders?limit=100&cursor={cursor}"
        ))
        .await;
    // Two placed here and three in the demo history, one on the first page.
    assert_eq!(next.body["items"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn a_bad_basket_or_key_is_refused_and_places_nothing() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::AdminAgent).await;
    let wingtip = app.org_id("Wingtip Toys").await;
    let azure = product_id(&app, "AZURE-RI-D2SV5-1Y").await;
    let before = csp_portal::store::orders::order_count(&app.db)
        .await
        .unwrap();
    // Not sold in Brazil (SPEC 3.1).
    let res = place(&api, wingtip, azure, 1, &Uuid::new_v4().to_string()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.body["errors"][0]["field"], "lines");
    let ws = product_id(&app, "WS2022-DAT").await;
    for qty in [0, -1, 1001] {
        let res = place(&api, wingtip, ws, qty, &Uuid::new_v4().to_string()).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{qty}");
    }
    let empty = api
        .post_with(
            &format!("/api/v1/customers/{wingtip}/orders"),
            json!({"lines": []}),
            &[("Idempotency-Key", &Uuid::new_v4().to_string())],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let twice = api
        .post_with(
            &format!("/api/v1/customers/{wingtip}/orders"),
            json!({"lines": [{"product_id": ws, "quantity": 1}, {"product_id": ws, "quantity": 2}]}),
            &[("Idempotency-Key", &Uuid::new_v4().to_string())],
        )
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The key is required, and a UUID.
    for headers in [vec![], vec![("Idempotency-Key", "again")]] {
        let res = api
            .post_with(
                &format!("/api/v1/customers/{wingtip}/orders"),
                json!({"lines": [{"product_id": ws, "quantity": 1}]}),
                &headers,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.problem(), "bad-request");
    }
    assert_eq!(
        csp_portal::store::orders::order_count(&app.db)
            .await
            .unwrap(),
        before
    );
    // Helpdesk agents do not buy; another partner's customer is unknown.
    let helpdesk = api_as(&app, Role::HelpdeskAgent).await;
    let res = place(&helpdesk, wingtip, ws, 1, &Uuid::new_v4().to_string()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let fourth = app.org_id("Fourth Coffee").await;
    let res = place(&api, fourth, ws, 1, &Uuid::new_v4().to_string()).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let contoso = app.org_id("Contoso").await;
    let res = api
        .get(&format!(
            "/api/v1/customers/{contoso}/orders/{}",
            Uuid::new_v4()
        ))
        .await;
    assert_eq!(res.problem(), "not-found");
}
