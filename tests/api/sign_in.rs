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
async fn five_failures_slow_the_account_down_with_growing_delays_but_never_lock_it() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for _ in 0..5 {
        let res = b.sign_in("sales@northwind.example", "guess").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let slowed = b.sign_in("sales@northwind.example", PASSWORD).await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(slowed.body.contains("Try again in 30 s"), "{}", slowed.body);
    assert_eq!(
        slowed
            .headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("30")
    );
    // Other accounts are not slowed by it.
    assert_eq!(
        app.browser()
            .sign_in("admin@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Once the delay is over one attempt passes; a wrong one doubles it.
    app.clock.advance(Duration::seconds(30));
    assert_eq!(
        b.sign_in("sales@northwind.example", "guess").await.status,
        StatusCode::UNAUTHORIZED
    );
    app.clock.advance(Duration::seconds(59));
    let slowed = b.sign_in("sales@northwind.example", PASSWORD).await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(slowed.body.contains("Try again in 1 s"), "{}", slowed.body);
    app.clock.advance(Duration::seconds(1));
    assert_eq!(
        b.sign_in("sales@northwind.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    // The count starts over after a sign-in.
    for _ in 0..4 {
        app.browser()
            .sign_in("sales@northwind.example", "guess")
            .await;
    }
    assert_eq!(
        app.browser()
            .sign_in("sales@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_owner_signs_in_from_a_known_device_while_someone_else_guesses() {
    let app = spawn_app().await;
    // The owner signed in on this browser before, then signed out.
    let mut owner = app.signed_in("sales@northwind.example").await;
    owner.post("/sign-out", &[]).await;
    // Someone else hammers the account from elsewhere.
    let mut attacker = app.browser();
    for _ in 0..12 {
        attacker.sign_in("sales@northwind.example", "guess").await;
    }
    assert_eq!(
        attacker
            .sign_in("sales@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The owner is not locked out, and is told what happened.
    let res = owner.sign_in("sales@northwind.example", PASSWORD).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let home = owner.get("/").await;
    let landing = owner.get(home.location().unwrap_or("/customers")).await;
    assert!(
        landing
            .body
            .contains("Since your last sign-in, 5 attempts to sign in to your account failed"),
        "{}",
        landing.body
    );
    // A forged or foreign device cookie counts for nothing.
    let forged = app
        .browser()
        .replay_post_cookie("portal_device=AAAA", "sales@northwind.example", PASSWORD)
        .await;
    assert_eq!(forged, StatusCode::TOO_MANY_REQUESTS);
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
async fn many_failures_from_one_address_slow_it_down_but_not_known_devices() {
    let app = spawn_app().await;
    let mut colleague = app.signed_in("admin@northwind.example").await;
    colleague.post("/sign-out", &[]).await;
    let mut b = app.browser();
    for i in 0..30 {
        let res = b.sign_in(&format!("nobody{i}@example.com"), "guess").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let res = app
        .browser()
        .sign_in("sales@northwind.example", PASSWORD)
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        colleague
            .sign_in("admin@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    app.clock.advance(Duration::seconds(2));
    assert_eq!(
        app.browser()
            .sign_in("sales@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
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
