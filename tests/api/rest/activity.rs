//! The activity log over the API: the partner's events (operators all),
//! the page's filters, cursor paging.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::json;

use super::api_as;
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_log_is_filtered_and_paged_like_the_page() {
    let app = spawn_app().await;
    let admin = api_as(&app, Role::AdminAgent).await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    admin
        .post(
            &format!("/api/v1/customers/{contoso}/software/{sub}/key"),
            json!({}),
        )
        .await;
    let res = admin.get("/api/v1/activity?action=key_revealed").await;
    assert_eq!(res.status, StatusCode::OK, "{res:?}");
    let items = res.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["user_email"], "admin@northwind.example");
    assert!(items[0]["detail"]["api_token"].is_string());
    let page = admin.get("/api/v1/activity?limit=2").await;
    let cursor = page.body["next_cursor"].as_str().unwrap();
    let next = admin
        .get(&format!("/api/v1/activity?limit=2&cursor={cursor}"))
        .await;
    assert_ne!(page.body["items"][0]["id"], next.body["items"][0]["id"]);
    let bad = admin
        .get("/api/v1/activity?from=yesterday&action=nothing")
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["errors"].as_array().unwrap().len(), 2);
    // Fabrikam's log holds none of it; sales agents have no log.
    let mut b = app.signed_in("admin@fabrikam.example").await;
    let fabrikam = super::Api::new(&app, &super::make_token(&mut b, "f", "").await);
    let theirs = fabrikam.get("/api/v1/activity?action=key_revealed").await;
    assert!(theirs.body["items"].as_array().unwrap().is_empty());
    let sales = api_as(&app, Role::SalesAgent).await;
    assert_eq!(
        sales.get("/api/v1/activity").await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_document_and_the_reference_are_served() {
    let app = spawn_app().await;
    let doc: serde_json::Value = serde_json::from_str(
        &reqwest::get(format!("{}/api/v1/openapi.json", app.base))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/customers/{id}/orders"]["post"].is_object());
    let page = reqwest::get(format!("{}/api/v1/reference", app.base))
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!csp.contains("unsafe-inline"));
    let html = page.text().await.unwrap();
    assert!(html.contains("POST /api/v1/customers/{id}/orders"));
    assert!(html.contains("id=\"problem-rate-limited\""));
    // Linked from the token settings page.
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    assert!(
        b.get("/account/api-tokens")
            .await
            .body
            .contains("/api/v1/reference")
    );
    // An unknown API path is a problem too.
    let res = reqwest::get(format!("{}/api/v1/nothing", app.base))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}
