//! Service requests over the API: a cancellation with the pages' checks
//! (the 60-day window at filing time, exactly 100%, admin agents only), and
//! the operators' queue, approve and reject.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use super::orders::{place, product_id};
use super::{Api, api_as};
use crate::helpers::{TestApp, spawn_app};

fn refund(customer: &str, sub: &str, amount: &str) -> Value {
    json!({
        "problem_type": "refund", "impact": "moderate", "title": "Cancel purchase",
        "description": "Bought by mistake.", "customer_ref": customer,
        "purchase_ref": sub, "refund_reason": "The wrong edition.",
        "requested_amount": amount, "contact_name": "Alex Admin",
        "contact_email": "admin@northwind.example", "contact_phone": "+1 425 555 0100"
    })
}

/// A new purchase of one Windows Server for Contoso: (subscription, amount).
async fn bought(app: &TestApp, api: &Api) -> (String, String) {
    let contoso = app.org_id("Contoso").await;
    let product = product_id(app, "WS2022-STA").await;
    let res = place(api, contoso, product, 1, &Uuid::new_v4().to_string()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{res:?}");
    let total = res.body["total_minor"].as_i64().unwrap();
    (
        res.body["lines"][0]["subscription_id"]
            .as_str()
            .unwrap()
            .to_owned(),
        format!("{}.{:02}", total / 100, total % 100),
    )
}

#[tokio::test]
async fn a_cancellation_is_filed_inside_the_window_for_exactly_100_percent() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::AdminAgent).await;
    let contoso = "contoso.onmicrosoft.com";
    let (a, amount) = bought(&app, &api).await;
    let (b, _) = bought(&app, &api).await;
    // Day 60, a second before the window closes.
    app.clock.advance(Duration::days(60) - Duration::seconds(1));
    let partial = api
        .post("/api/v1/service-requests", refund(contoso, &a, "1.00"))
        .await;
    assert_eq!(partial.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(partial.body["errors"][0]["field"], "requested_amount");
    let filed = api
        .post("/api/v1/service-requests", refund(contoso, &a, &amount))
        .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{filed:?}");
    assert_eq!(filed.body["status"], "submitted");
    assert_eq!(filed.body["problem_type"], "refund");
    // A second request for the same purchase: it is no longer active.
    let again = api
        .post("/api/v1/service-requests", refund(contoso, &a, &amount))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Day 61: closed.
    app.clock.advance(Duration::seconds(2));
    let late = api
        .post("/api/v1/service-requests", refund(contoso, &b, &amount))
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(late.body["errors"][0]["field"], "purchase_ref");
    // Another partner's customer is unknown, and sales agents do not cancel.
    let fourth = "fourthcoffee.onmicrosoft.com";
    let foreign = api
        .post("/api/v1/service-requests", refund(fourth, &b, &amount))
        .await;
    assert_eq!(foreign.body["errors"][0]["field"], "customer_ref");
    let sales = api_as(&app, Role::SalesAgent).await;
    let res = sales
        .post("/api/v1/service-requests", refund(contoso, &b, &amount))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Any other problem they may file; the list and the request are theirs.
    let mut other = refund(contoso, "", "");
    other["problem_type"] = json!("technical");
    let key = Uuid::new_v4().to_string();
    let res = sales
        .post_with(
            "/api/v1/service-requests",
            other.clone(),
            &[("Idempotency-Key", &key)],
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{res:?}");
    let retry = sales
        .post_with(
            "/api/v1/service-requests",
            other,
            &[("Idempotency-Key", &key)],
        )
        .await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.body["id"], res.body["id"]);
    let list = sales.get("/api/v1/service-requests").await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 2);
    let id = filed.body["id"].as_str().unwrap();
    assert_eq!(
        sales
            .get(&format!("/api/v1/service-requests/{id}"))
            .await
            .status,
        StatusCode::OK
    );
    let fabrikam = {
        let mut b = app.signed_in("admin@fabrikam.example").await;
        Api::new(&app, &super::make_token(&mut b, "f", "").await)
    };
    let res = fabrikam
        .get(&format!("/api/v1/service-requests/{id}"))
        .await;
    assert_eq!(res.problem(), "not-found");
}

#[tokio::test]
async fn operators_approve_and_reject_from_the_queue() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::AdminAgent).await;
    let (a, amount) = bought(&app, &api).await;
    let (b, _) = bought(&app, &api).await;
    let file = |sub: String| {
        let api = &api;
        let amount = amount.clone();
        async move {
            let res = api
                .post(
                    "/api/v1/service-requests",
                    refund("contoso.onmicrosoft.com", &sub, &amount),
                )
                .await;
            assert_eq!(res.status, StatusCode::CREATED);
            res.body["id"].as_str().unwrap().to_owned()
        }
    };
    let ra = file(a.clone()).await;
    let rb = file(b).await;
    let op = api_as(&app, Role::Operator).await;
    let queue = op.get("/api/v1/operator/requests").await;
    assert_eq!(queue.status, StatusCode::OK);
    let ids: Vec<&str> = queue.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&ra.as_str()) && ids.contains(&rb.as_str()));
    // Partners' staff have no queue and decide nothing.
    assert_eq!(
        api.get("/api/v1/operator/requests").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        api.post(
            &format!("/api/v1/operator/requests/{ra}/approve"),
            json!({})
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let approved = op
        .post(
            &format!("/api/v1/operator/requests/{ra}/approve"),
            json!({}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{approved:?}");
    assert_eq!(approved.body["status"], "approved");
    assert!(approved.body["credit_note_id"].is_string());
    let twice = op
        .post(
            &format!("/api/v1/operator/requests/{ra}/approve"),
            json!({}),
        )
        .await;
    assert_eq!(twice.problem(), "already-decided");
    // The approved purchase's key is revoked.
    let key = api
        .post(
            &format!(
                "/api/v1/customers/{}/software/{a}/key",
                app.org_id("Contoso").await
            ),
            json!({}),
        )
        .await;
    assert_eq!(key.status, StatusCode::GONE);
    // A rejection says why.
    let no_reason = op
        .post(
            &format!("/api/v1/operator/requests/{rb}/reject"),
            json!({"reply": " "}),
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_reason.body["errors"][0]["field"], "reply");
    let rejected = op
        .post(
            &format!("/api/v1/operator/requests/{rb}/reject"),
            json!({"reply": "Past the terms."}),
        )
        .await;
    assert_eq!(rejected.body["status"], "rejected");
    let bad_view = op.get("/api/v1/operator/requests?view=mine").await;
    assert_eq!(bad_view.status, StatusCode::UNPROCESSABLE_ENTITY);
    let decided = op.get("/api/v1/operator/requests?view=all").await;
    assert!(decided.body["items"].as_array().unwrap().len() >= 2);
}

#[tokio::test]
async fn a_request_is_filed_as_a_form_with_attachments_checked_like_the_pages() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::HelpdeskAgent).await;
    let form = |file: &str, bytes: &[u8]| {
        reqwest::multipart::Form::new()
            .text("problem_type", "technical")
            .text("impact", "minimal")
            .text("title", "Setup fails")
            .text("description", "The installer stops at 40%.")
            .text("contact_name", "Hal Helpdesk")
            .text("contact_email", "helpdesk@northwind.example")
            .text("contact_phone", "+1 425 555 0100")
            .part(
                "files",
                reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file.to_owned()),
            )
    };
    let send = |f: reqwest::multipart::Form| {
        reqwest::Client::new()
            .post(format!("{}/api/v1/service-requests", app.base))
            .bearer_auth(&api.token)
            .multipart(f)
            .send()
    };
    let refused = send(form("tool.exe", b"MZ")).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = serde_json::from_str(&refused.text().await.unwrap()).unwrap();
    assert_eq!(body["errors"][0]["field"], "files");
    let filed = send(form("setup.log", b"step 40: failed")).await.unwrap();
    assert_eq!(filed.status(), StatusCode::CREATED);
    let body: Value = serde_json::from_str(&filed.text().await.unwrap()).unwrap();
    let id: Uuid = body["id"].as_str().unwrap().parse().unwrap();
    let stored = csp_portal::store::requests::attachments(&app.db, id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].original_name, "setup.log");
    // Only the refused upload's file is gone from the disk; the filed one stays.
    let dir = app.settings.data_dir.join("attachments");
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}
