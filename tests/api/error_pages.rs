//! Error pages inside the portal's frame (issue #12, item 10): a signed-in
//! user keeps the navigation, their name and Sign out on a 403, 404 or 410,
//! however early the request failed; someone not signed in gets the bare
//! frame.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::cancel::{decide, file_cancellation, operator_path, purchase};
use crate::helpers::{Browser, Page, spawn_app};

/// The page has the signed-in frame: navigation, the user, a Sign out form
/// whose token works.
fn assert_framed(res: &Page, user: &str, nav: &str, what: &str) {
    assert!(
        res.body.contains(r#"<nav class="mainnav""#),
        "{what}: navigation: {}",
        res.body
    );
    assert!(res.body.contains(nav), "{what}: the user's own entries");
    assert!(res.body.contains(user), "{what}: the user's name");
    assert!(
        res.body.contains(r#"action="/sign-out""#),
        "{what}: Sign out"
    );
    assert!(
        res.csrf().is_some_and(|t| !t.is_empty()),
        "{what}: a token for Sign out"
    );
}

#[tokio::test]
async fn error_pages_keep_the_signed_in_users_navigation() {
    let app = spawn_app().await;
    let mut sales = app.sign_in_as(Role::SalesAgent).await;
    let customers = r#"<a href="/customers""#;
    let cases = [
        ("no such page", "/no-such-page", StatusCode::NOT_FOUND),
        (
            "no such customer",
            &format!("/customers/{}", uuid::Uuid::new_v4()),
            StatusCode::NOT_FOUND,
        ),
        (
            "a malformed id",
            "/customers/not-an-id",
            StatusCode::NOT_FOUND,
        ),
        (
            "a malformed id before access control",
            "/support/not-an-id",
            StatusCode::NOT_FOUND,
        ),
        ("a missing role", "/activity", StatusCode::FORBIDDEN),
    ];
    for (what, path, status) in cases {
        let res = sales.get(path).await;
        assert_eq!(res.status, status, "{what}");
        assert_framed(&res, "Sam Sales", customers, what);
    }
    // The operator's pages take the id before the user: framed all the same.
    let mut op = app.sign_in_as(Role::Operator).await;
    let res = op.get("/operator/requests/not-an-id").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_framed(
        &res,
        "Oscar Operator",
        r#"<a href="/operator/requests""#,
        "operator",
    );
}

#[tokio::test]
async fn a_refused_csrf_check_keeps_the_frame_and_its_sign_out_works() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let res = admin
        .post_raw("/customers", &[("company_name", "Forged")], &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body.contains("did not come from this site"));
    assert_framed(&res, "Alex Admin", r#"<a href="/customers""#, "csrf");
    let out = admin.post("/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", out.body);
    assert_eq!(admin.get("/customers").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_410_keeps_the_frame() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    decide(
        &app,
        &operator_path(filed.location().unwrap()),
        "approve",
        "",
    )
    .await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin
        .get(&format!("/customers/{}/software/{}", p.customer, p.sub))
        .await;
    // Copy link on a cancelled purchase (a page open from before).
    let res = admin
        .post(
            &format!("/customers/{}/software/{}/links", p.customer, p.sub),
            &[("file_id", &p.file.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::GONE);
    assert_framed(&res, "Alex Admin", r#"<a href="/customers""#, "410");
}

#[tokio::test]
async fn without_a_session_the_error_page_has_no_navigation() {
    let app = spawn_app().await;
    let res = Browser::new(&app.base).get("/no-such-page").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!res.body.contains(r#"<nav class="mainnav""#));
    assert!(!res.body.contains(r#"action="/sign-out""#));
    assert!(res.body.contains("Not found"));
}

#[tokio::test]
async fn a_link_that_no_longer_works_answers_410_in_the_frame_of_whoever_opens_it() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let link = crate::software::make_link(&mut admin, contoso, sub, file).await;
    let page = admin
        .get(&format!("/customers/{contoso}/software/{sub}"))
        .await;
    let revoke = regex::Regex::new(r#"action="([^"]+/revoke)""#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned();
    admin.post(&revoke, &[("confirmed", "1")]).await;
    // A partner trying the link keeps the portal around the answer.
    let res = admin.get(&link).await;
    assert_eq!(res.status, StatusCode::GONE);
    assert!(res.body.contains("This download link was revoked"));
    assert_framed(
        &res,
        "Alex Admin",
        r#"<a href="/customers""#,
        "revoked link",
    );
    // The customer who was sent it sees the page alone, and the address
    // (the token) goes nowhere as a referrer.
    let res = Browser::new(&app.base).get(&link).await;
    assert_eq!(res.status, StatusCode::GONE);
    assert!(
        res.body
            .contains("Ask your software partner for a new download link.")
    );
    assert!(!res.body.contains(r#"<nav class="mainnav""#));
    assert!(
        res.body
            .contains(r#"<meta name="referrer" content="no-referrer">"#)
    );
    assert_eq!(
        res.headers
            .get("referrer-policy")
            .and_then(|v| v.to_str().ok()),
        Some("no-referrer")
    );
}
