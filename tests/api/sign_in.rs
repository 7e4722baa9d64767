//! Signing in: good and bad credentials, throttling, audit.

use chrono::Duration;
use reqwest::StatusCode;

use crate::helpers::{PASSWORD, spawn_app};

#[tokio::test]
async fn a_partner_agent_signs_in_and_lands_on_the_customer_list() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b.sign_in("admin@northwind.example", PASSWORD).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some("/"));
    let home = b.get("/").await;
    assert_eq!(home.location(), Some("/customers"));
    let list = b.get("/customers").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Contoso"));
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"sign_in".to_owned())
    );
}

#[tokio::test]
async fn sign_in_is_case_insensitive_on_the_address() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b.sign_in("  Admin@Northwind.EXAMPLE ", PASSWORD).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let wrong = b
        .sign_in("admin@northwind.example", "not the password")
        .await;
    let unknown = b.sign_in("nobody@northwind.example", PASSWORD).await;
    for res in [&wrong, &unknown] {
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert!(res.body.contains("The e-mail or password is incorrect."));
    }
    // The address typed is kept; the password never is.
    assert!(wrong.body.contains(r#"value="admin@northwind.example""#));
    assert!(!wrong.body.contains("not the password"));
    assert_eq!(b.get("/customers").await.status, StatusCode::SEE_OTHER);
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"sign_in_failed".to_owned())
    );
}

#[tokio::test]
async fn an_empty_form_is_refused_with_a_message() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b.sign_in("", "").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Enter your e-mail and password."));
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for _ in 0..5 {
        let res = b.sign_in("sales@northwind.example", "guess").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let locked = b.sign_in("sales@northwind.example", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.body.contains("Too many failed sign-ins"));
    // Other accounts are not locked by it.
    assert_eq!(
        app.browser()
            .sign_in("admin@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    app.clock.advance(Duration::minutes(14));
    assert_eq!(
        b.sign_in("sales@northwind.example", PASSWORD).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    app.clock
        .advance(Duration::minutes(1) + Duration::seconds(1));
    assert_eq!(
        b.sign_in("sales@northwind.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn four_failures_do_not_lock_the_account() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for _ in 0..4 {
        b.sign_in("sales@northwind.example", "guess").await;
    }
    assert_eq!(
        b.sign_in("sales@northwind.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn many_failures_from_one_address_across_accounts_are_throttled() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for i in 0..50 {
        let res = b.sign_in(&format!("nobody{i}@example.com"), "guess").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let res = b.sign_in("admin@northwind.example", PASSWORD).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn sign_in_returns_to_the_page_first_asked_for_but_never_off_site() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b.get("/customers?q=con").await;
    assert_eq!(res.location(), Some("/sign-in?next=%2Fcustomers%3Fq%3Dcon"));
    b.get(res.location().unwrap_or_default()).await;
    let res = b
        .post(
            "/sign-in",
            &[
                ("email", "admin@northwind.example"),
                ("password", PASSWORD),
                ("next", "/customers?q=con"),
            ],
        )
        .await;
    assert_eq!(res.location(), Some("/customers?q=con"));

    let mut b = app.browser();
    b.get("/sign-in").await;
    let res = b
        .post(
            "/sign-in",
            &[
                ("email", "admin@northwind.example"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.location(), Some("/"));
}

#[tokio::test]
async fn a_customer_global_admin_and_an_operator_can_sign_in() {
    let app = spawn_app().await;
    for email in [
        "ga@contoso.example",
        "user@contoso.example",
        "operator@portal.example",
        "owner@northwind.example",
    ] {
        let mut b = app.signed_in(email).await;
        let mut home = b.get("/").await;
        if let Some(next) = home.location().map(str::to_owned) {
            home = b.get(&next).await;
        }
        assert_eq!(home.status, StatusCode::OK, "{email}");
        assert!(home.body.contains("Sign out"), "{email}");
    }
}
