//! Every POST needs the session's CSRF token and a same-site origin; a refused
//! request writes nothing.

use reqwest::StatusCode;

use crate::helpers::{TestApp, spawn_app};

async fn customer_count(app: &TestApp) -> i64 {
    csp_portal::store::organisations::count(&app.db)
        .await
        .expect("count")
}

fn new_customer(token: &str) -> Vec<(&str, &str)> {
    vec![
        ("csrf_token", token),
        ("company_name", "Blue Yonder"),
        ("primary_domain", "blueyonder.onmicrosoft.com"),
        ("country", "US"),
        ("billing_name", "Bea Billing"),
        ("billing_email", "billing@blueyonder.example"),
    ]
}

#[tokio::test]
async fn a_post_without_a_token_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    let before = customer_count(&app).await;
    let mut fields = new_customer("");
    fields.remove(0);
    let res = b.post_raw("/customers", &fields, &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        res.body
            .contains("This form has expired or did not come from this site.")
    );
    assert_eq!(customer_count(&app).await, before);
}

#[tokio::test]
async fn a_post_with_a_wrong_token_is_refused() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    let before = customer_count(&app).await;
    let res = b
        .post_raw("/customers", &new_customer("forged-token"), &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(customer_count(&app).await, before);
}

#[tokio::test]
async fn another_sessions_token_does_not_work() {
    let app = spawn_app().await;
    let mut attacker = app.signed_in("sales@northwind.example").await;
    attacker.get("/customers").await;
    let their_token = attacker.csrf.clone().expect("token");
    let mut victim = app.signed_in("admin@northwind.example").await;
    let res = victim
        .post_raw("/customers", &new_customer(&their_token), &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_token() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    b.get("/customers/new").await;
    let token = b.csrf.clone().expect("token");
    let before = customer_count(&app).await;
    let res = b
        .post_raw(
            "/customers",
            &new_customer(&token),
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = b
        .post_raw(
            "/customers",
            &new_customer(&token),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(customer_count(&app).await, before);
    // The same request from the portal's own origin goes through.
    let origin = app.base.clone();
    let res = b
        .post_raw(
            "/customers",
            &new_customer(&token),
            &[("origin", &origin), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(customer_count(&app).await, before + 1);
}

#[tokio::test]
async fn sign_in_itself_needs_the_token() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b
        .post_raw(
            "/sign-in",
            &[
                ("email", "admin@northwind.example"),
                ("password", crate::helpers::PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn sign_out_needs_the_token() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    let res = b.post_raw("/sign-out", &[], &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
}

#[tokio::test]
async fn sec_fetch_site_decides_when_origin_is_null() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    b.get("/customers/new").await;
    let token = b.csrf.clone().expect("token");
    // A page sent with Referrer-Policy: no-referrer posts with Origin: null.
    let res = b
        .post_raw(
            "/customers",
            &new_customer(&token),
            &[("origin", "null"), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = b
        .post_raw("/customers", &new_customer(&token), &[("origin", "null")])
        .await;
    assert_eq!(
        res.status,
        StatusCode::FORBIDDEN,
        "without Sec-Fetch-Site, a null origin is refused"
    );
}
