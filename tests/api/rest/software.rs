//! A customer's software over the API: days left to cancel, the key (admin
//! agents and the customer's own global admin, audited), files filtered,
//! and links (made, listed, revoked; the cap holds under concurrency).

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use super::api_as;
use crate::helpers::spawn_app;
use crate::software::contoso_purchase;

#[tokio::test]
async fn the_software_list_says_the_days_left_to_cancel() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let path = format!("/api/v1/customers/{contoso}/software?limit=100");
    for role in [Role::HelpdeskAgent, Role::CustomerGlobalAdmin] {
        let res = api_as(&app, role).await.get(&path).await;
        assert_eq!(res.status, StatusCode::OK, "{role:?}");
        let mut days: Vec<Option<i64>> = res.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["days_left_to_cancel"].as_i64())
            .collect();
        days.dedup();
        // Bought 5, 45 and 75 days ago with a 60-day window.
        assert_eq!(days, [Some(55), Some(15), None], "{role:?}");
    }
    let api = api_as(&app, Role::AdminAgent).await;
    let res = api
        .get(&format!(
            "/api/v1/customers/{contoso}/software?status=cancellable&q=server%202022"
        ))
        .await;
    assert!(
        res.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["product"].as_str().unwrap().contains("Server 2022")
                && s["days_left_to_cancel"].as_i64().is_some())
    );
    let bad = api
        .get(&format!("/api/v1/customers/{contoso}/software?status=lost"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Contoso's admin sees no other tenant; a customer user nothing.
    let litware = app.org_id("Litware").await;
    let ga = api_as(&app, Role::CustomerGlobalAdmin).await;
    assert_eq!(
        ga.get(&format!("/api/v1/customers/{litware}/software"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let user = api_as(&app, Role::CustomerUser).await;
    assert_eq!(user.get(&path).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_key_goes_to_admin_agents_and_the_customers_global_admin_and_is_audited() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let path = format!("/api/v1/customers/{contoso}/software/{sub}/key");
    for role in [Role::AdminAgent, Role::CustomerGlobalAdmin] {
        let res = api_as(&app, role).await.post(&path, json!({})).await;
        assert_eq!(res.status, StatusCode::OK, "{role:?}");
        assert!(!res.body["key"].as_str().unwrap().is_empty(), "{res:?}");
    }
    for role in [
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::CustomerUser,
        Role::Operator,
    ] {
        let res = api_as(&app, role).await.post(&path, json!({})).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    let unknown = format!(
        "/api/v1/customers/{contoso}/software/{}/key",
        Uuid::new_v4()
    );
    let res = api_as(&app, Role::AdminAgent)
        .await
        .post(&unknown, json!({}))
        .await;
    assert_eq!(res.problem(), "not-found");
    // Audited like the page's Get key, naming the token.
    let events = csp_portal::store::audit::recent_for_org(
        &app.db,
        app.org_id("Northwind Partners").await,
        100,
    )
    .await
    .unwrap();
    let revealed = events
        .iter()
        .find(|e| e.action.to_string() == "key_revealed")
        .expect("audited");
    assert!(revealed.detail.contains("api_token"), "{}", revealed.detail);
}

#[tokio::test]
async fn files_are_filtered_by_version_language_and_bitness() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "OFFICE-LTSC2021-PP").await;
    let api = api_as(&app, Role::AdminAgent).await;
    let base = format!("/api/v1/customers/{contoso}/software/{sub}/files");
    let all = api.get(&base).await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.body.as_array().unwrap().len();
    let some = api
        .get(&format!("{base}?language=pl-PL&bitness=64-bit"))
        .await;
    let some = some.body.as_array().unwrap();
    assert_eq!(some.len(), 1, "{some:?}");
    assert_eq!(some[0]["language"], "pl-PL");
    assert_eq!(some[0]["bitness"], "64-bit");
    assert!(all > some.len());
    let none = api.get(&format!("{base}?version=1999")).await;
    assert!(none.body.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn links_are_made_listed_revoked_and_their_cap_holds_under_concurrency() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let api = api_as(&app, Role::AdminAgent).await;
    let base = format!("/api/v1/customers/{contoso}/software/{sub}/links");
    let made = api.post(&base, json!({ "file_id": file })).await;
    assert_eq!(made.status, StatusCode::CREATED, "{made:?}");
    assert_eq!(made.body["given"], "made");
    assert_eq!(made.body["download_cap"], 50);
    let url = made.body["url"].as_str().unwrap().to_owned();
    // Copy link again renews the same address.
    let renewed = api.post(&base, json!({ "file_id": file })).await;
    assert_eq!(renewed.body["given"], "renewed");
    assert_eq!(renewed.body["url"], url.as_str());
    let list = api.get(&base).await;
    assert_eq!(list.body[0]["url"], url.as_str());
    assert_eq!(list.body[0]["downloads_used"], 0);
    // 51 downloads at once: exactly 50 get the file.
    let client = reqwest::Client::new();
    let statuses = futures_util::future::join_all((0..51).map(|_| client.get(&url).send())).await;
    let ok = statuses
        .iter()
        .filter(|r| r.as_ref().unwrap().status() == StatusCode::OK)
        .count();
    assert_eq!(ok, 50);
    let list = api.get(&base).await;
    assert_eq!(list.body[0]["downloads_used"], 50);
    assert_eq!(list.body[0]["live"], false);
    // A new link, then revoked: it stops at once.
    let made = api.post(&base, json!({ "file_id": file })).await;
    assert_eq!(made.body["given"], "made");
    let id = made.body["id"].as_str().unwrap();
    let revoked = api.post(&format!("{base}/{id}/revoke"), json!({})).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let url = made.body["url"].as_str().unwrap();
    assert_eq!(
        client.get(url).send().await.unwrap().status(),
        StatusCode::GONE
    );
    let again = api.post(&format!("{base}/{id}/revoke"), json!({})).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    // Another product's file, and roles without links.
    let other = api.post(&base, json!({ "file_id": Uuid::new_v4() })).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    for role in [Role::SalesAgent, Role::CustomerGlobalAdmin] {
        let res = api_as(&app, role).await.get(&base).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    // A link expires with its lifetime.
    app.clock.advance(Duration::days(400));
    let list = api.get(&base).await;
    assert!(
        list.body
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["live"] == false)
    );
}
