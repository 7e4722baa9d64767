//! Every POST needs the session's CSRF token and a same-site origin; a refused
//! request writes nothing.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};

use crate::helpers::{Browser, TestApp, question, spawn_app};

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
    let mut b = app.sign_in_as(Role::AdminAgent).await;
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
    let mut b = app.sign_in_as(Role::AdminAgent).await;
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
    let mut attacker = app.sign_in_as(Role::SalesAgent).await;
    attacker.get("/customers").await;
    let their_token = attacker.csrf.clone().expect("token");
    let mut victim = app.sign_in_as(Role::AdminAgent).await;
    let res = victim
        .post_raw("/customers", &new_customer(&their_token), &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_token() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
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
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let res = b.post_raw("/sign-out", &[], &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
}

#[tokio::test]
async fn sec_fetch_site_decides_when_origin_is_null() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
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

/// Distinct request numbers on the partner's list.
async fn requests_filed(b: &mut Browser) -> usize {
    let body = b.get("/support").await.body;
    let re = regex::Regex::new(r"SR-[A-Z0-9]{8}").unwrap();
    re.find_iter(&body)
        .map(|m| m.as_str().to_owned())
        .collect::<std::collections::HashSet<_>>()
        .len()
}

#[tokio::test]
async fn the_upload_form_sends_its_token_as_its_first_part_and_not_in_its_url() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get("/support/new").await;
    assert!(!page.body.contains("csrf_token="), "no token in a URL");
    let form = page
        .body
        .find(r#"enctype="multipart/form-data""#)
        .expect("the upload form");
    let first_field = page.body[form..].find("name=\"").expect("a field") + form;
    assert!(
        page.body[first_field..].starts_with(r#"name="csrf_token""#),
        "the token is the form's first field"
    );
}

#[tokio::test]
async fn a_multipart_token_in_the_query_string_is_refused() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/support/new").await;
    let token = b.csrf.clone().expect("token");
    let res = b
        .post_multipart_raw(
            &format!("/support?csrf_token={token}"),
            question(Form::new()),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(requests_filed(&mut b).await, 0);
    // The same form with the token as its first part goes through.
    let res = b.post_multipart("/support", question).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(requests_filed(&mut b).await, 1);
}

#[tokio::test]
async fn a_multipart_token_counts_only_as_the_first_part_and_as_text() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/support/new").await;
    let token = b.csrf.clone().expect("token");
    let later = question(Form::new()).text("csrf_token", token.clone());
    assert_eq!(
        b.post_multipart_raw("/support", later).await.status,
        StatusCode::FORBIDDEN,
        "the token after other parts"
    );
    let as_file = question(Form::new().part(
        "csrf_token",
        Part::text(token.clone()).file_name("token.txt"),
    ));
    assert_eq!(
        b.post_multipart_raw("/support", as_file).await.status,
        StatusCode::FORBIDDEN,
        "the token as a file"
    );
    let padded = question(Form::new().text("csrf_token", format!("{token}{}", " ".repeat(5000))));
    assert_eq!(
        b.post_multipart_raw("/support", padded).await.status,
        StatusCode::FORBIDDEN,
        "a first part longer than the head the check reads"
    );
    assert_eq!(requests_filed(&mut b).await, 0);
}

#[tokio::test]
async fn an_upload_after_the_token_reaches_the_handler_unchanged() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/support/new").await;
    // Larger than the head the CSRF check reads, and not one repeated byte.
    let log: String = (0..200_000u32)
        .map(|i| char::from(b'a' + ((i * 7 + i / 13) % 26) as u8))
        .collect();
    let log2 = log.clone();
    let res = b
        .post_multipart("/support", move |f| {
            question(f).part("files", Part::text(log2).file_name("server.log"))
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let request = res.location().expect("location").to_owned();
    let page = b.get(&request).await;
    let href = regex::Regex::new(r#"href="(/support/[^"]+/attachments/[^"]+)""#)
        .unwrap()
        .captures(&page.body)
        .expect("an attachment link")[1]
        .to_owned();
    let fetched = b.get(&href).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert!(fetched.body == log, "the file arrives byte for byte");
}
