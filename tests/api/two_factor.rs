//! Two-factor sign-in: enrolment, codes that work once, recovery codes, and
//! an organisation that requires it.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use secrecy::ExposeSecret;

use crate::helpers::{Browser, PASSWORD, TestApp, spawn_app};
use csp_portal::auth::totp;

async fn secret_of(app: &TestApp, email: &str) -> Vec<u8> {
    let id = csp_portal::store::users::credentials_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id;
    let tf = csp_portal::store::two_factor::state(&app.db, id)
        .await
        .unwrap();
    let plain = app
        .state()
        .cipher
        .decrypt(&tf.ciphertext.unwrap(), &tf.nonce.unwrap())
        .unwrap();
    totp::secret_from_text(plain.expose_secret())
}

async fn enrol(app: &TestApp, b: &mut Browser, email: &str) -> Vec<String> {
    let page = b.get("/account/2fa").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("data:image/svg+xml;base64,"),
        "a QR code"
    );
    let key = regex::Regex::new(r#"id="totp-secret">([A-Z2-7]+)<"#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned();
    assert_eq!(key.len(), 32, "a 160-bit key, 32 base32 characters to type");
    let secret = secret_of(app, email).await;
    let wrong = b
        .post(
            "/account/2fa/enable",
            &[("code", "000000"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = totp::code_at(&secret, email, app.clock_now()).unwrap();
    let no_password = b
        .post(
            "/account/2fa/enable",
            &[("code", &code), ("password", "wrong")],
        )
        .await;
    assert_eq!(
        no_password.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "re-authentication is needed"
    );
    let done = b
        .post(
            "/account/2fa/enable",
            &[("code", &code), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    let codes: Vec<String> = regex::Regex::new(r"<li><code>([a-z0-9]{4}-[a-z0-9]{4})</code></li>")
        .unwrap()
        .captures_iter(&done.body)
        .map(|c| c[1].to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    codes
}

#[tokio::test]
async fn after_enrolment_sign_in_needs_a_code_that_works_once() {
    let app = spawn_app().await;
    let email = "admin@northwind.example";
    let mut b = app.signed_in(email).await;
    let recovery = enrol(&app, &mut b, email).await;
    let secret = secret_of(&app, email).await;
    app.clock.advance(Duration::seconds(30));

    let mut fresh = app.browser();
    let res = fresh.sign_in(email, PASSWORD).await;
    assert_eq!(res.location(), Some("/sign-in/code"));
    assert_eq!(
        fresh.get("/customers").await.status,
        StatusCode::SEE_OTHER,
        "not signed in yet"
    );
    fresh.get("/sign-in/code").await;
    let wrong = fresh.post("/sign-in/code", &[("code", "123456")]).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let code = totp::code_at(&secret, email, app.clock_now()).unwrap();
    let ok = fresh.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(fresh.get("/customers").await.status, StatusCode::OK);

    // The same code a second time is refused (RFC 6238: accept once).
    let mut replay = app.browser();
    replay.sign_in(email, PASSWORD).await;
    replay.get("/sign-in/code").await;
    assert_eq!(
        replay
            .post("/sign-in/code", &[("code", &code)])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    // A recovery code works, once.
    let ok = replay
        .post("/sign-in/code", &[("code", &recovery[0].to_uppercase())])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let mut again = app.browser();
    again.sign_in(email, PASSWORD).await;
    again.get("/sign-in/code").await;
    assert_eq!(
        again
            .post("/sign-in/code", &[("code", &recovery[0])])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    // The code page is nothing without a password first.
    let mut nobody = app.browser();
    assert_eq!(
        nobody.get("/sign-in/code").await.location(),
        Some("/sign-in")
    );
}

#[tokio::test]
async fn a_partner_that_requires_a_second_factor_sends_its_users_to_set_one_up() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users").await;
    let res = owner
        .post("/users/require-2fa", &[("required", "on")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let email = "sales@northwind.example";
    let mut sales = app.browser();
    sales.sign_in(email, PASSWORD).await;
    let blocked = sales.get("/customers").await;
    assert_eq!(blocked.location(), Some("/account/2fa"));
    let page = sales.get("/account/2fa").await;
    assert!(page.body.contains("requires two-factor sign-in"));
    enrol(&app, &mut sales, email).await;
    assert_eq!(sales.get("/customers").await.status, StatusCode::OK);
    // Required: it cannot be turned off.
    let off = sales
        .post("/account/2fa/disable", &[("password", PASSWORD)])
        .await;
    assert_eq!(off.status, StatusCode::CONFLICT);
    // Other partners are not affected.
    let mut fab = app.signed_in("admin@fabrikam.example").await;
    assert_eq!(fab.get("/customers").await.status, StatusCode::OK);
}
