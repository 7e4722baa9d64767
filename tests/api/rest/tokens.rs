//! API tokens: made on the settings page and shown once, the user's current
//! roles, revoked or expired or a deactivated user -> 401, cookies not
//! accepted by the API nor tokens by the pages, per-token rate limits.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use super::{Api, api_as, make_token};
use crate::helpers::{TestApp, spawn_app, spawn_app_with};

async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    csp_portal::store::users::credentials_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn a_token_is_shown_once_stored_hashed_and_shows_when_it_was_last_used() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let token = make_token(&mut b, "Billing sync", "").await;
    assert!(token.starts_with("csp_"));
    let list = b.get("/account/api-tokens").await;
    assert!(list.body.contains("Billing sync"));
    assert!(!list.body.contains(&token), "shown again");
    assert!(list.body.contains("Never"), "not used yet");
    // Only the SHA-256 is kept.
    let hash = csp_portal::app::api_tokens::hash(&token);
    let row = csp_portal::store::api_tokens::by_hash(&app.db, &hash)
        .await
        .unwrap()
        .expect("stored by its hash");
    assert_eq!(row.name, "Billing sync");
    let res = Api::new(&app, &token).get("/api/v1/customers").await;
    assert_eq!(res.status, StatusCode::OK, "{res:?}");
    assert!(res.body["items"].as_array().unwrap().len() > 1);
    let list = b.get("/account/api-tokens").await;
    // Written as every moment on the pages is, in the reader's language.
    let used = csp_portal::i18n::I18n::default().date_time(&app.clock_now());
    assert!(list.body.contains(&used), "last used shown: {used}");
    assert!(
        app.audit_actions(app.org_id("Northwind Partners").await)
            .await
            .contains(&"api_token_created".to_owned())
    );
}

#[tokio::test]
async fn a_name_is_required_and_an_expiry_must_lie_ahead() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/account/api-tokens").await;
    let page = b
        .post("/account/api-tokens", &[("name", " "), ("expires_on", "")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Fill this in."));
    let page = b
        .post(
            "/account/api-tokens",
            &[("name", "x"), ("expires_on", "2026-02-28")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Choose a day after today."));
    let page = b
        .post(
            "/account/api-tokens",
            &[("name", "x"), ("expires_on", "soon")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(super::shown_token(&page.body).is_none());
}

#[tokio::test]
async fn a_revoked_or_expired_token_is_refused_like_none() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let lasting = make_token(&mut b, "lasting", "").await;
    let today = make_token(&mut b, "today only", "2026-03-01").await;
    for t in [&lasting, &today] {
        assert_eq!(
            Api::new(&app, t).get("/api/v1/customers").await.status,
            StatusCode::OK
        );
    }
    // The end of the day chosen (UTC): a second before it still works.
    app.clock
        .advance(Duration::hours(15) - Duration::seconds(1));
    assert_eq!(
        Api::new(&app, &today).get("/api/v1/customers").await.status,
        StatusCode::OK
    );
    app.clock.advance(Duration::seconds(1));
    let res = Api::new(&app, &today).get("/api/v1/customers").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.problem(), "unauthorized");
    assert_eq!(res.header("www-authenticate"), Some("Bearer realm=\"api\""));
    // Revoked on the page: refused at once (signed in again: the
    // session ended while the clock moved on).
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let page = b.get("/account/api-tokens").await;
    let id = regex::Regex::new(r#"action="/account/api-tokens/([0-9a-f-]+)/revoke""#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned();
    // First the page that asks, naming the token; nothing changes yet.
    let asked = b
        .post(&format!("/account/api-tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked.body.contains("Revoke this API token?"),
        "{}",
        asked.body
    );
    assert!(asked.body.contains("<dd>lasting</dd>"), "{}", asked.body);
    assert_eq!(
        Api::new(&app, &lasting)
            .get("/api/v1/customers")
            .await
            .status,
        StatusCode::OK
    );
    let revoked = b
        .post(
            &format!("/account/api-tokens/{id}/revoke"),
            &[("confirmed", "1")],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let res = Api::new(&app, &lasting).get("/api/v1/customers").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    // Another user cannot revoke it (nor learn it exists).
    let mut other = app.sign_in_as(Role::AdminAgent).await;
    other.get("/account/api-tokens").await;
    for confirmed in [&[][..], &[("confirmed", "1")][..]] {
        let page = other
            .post(&format!("/account/api-tokens/{id}/revoke"), confirmed)
            .await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
    }
    // Nor is a revoked token asked about again, nor an expired one revoked.
    let again = b
        .post(&format!("/account/api-tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let sql = "SELECT id FROM api_tokens WHERE name = 'today only'";
    let expired: Uuid = match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        csp_portal::store::Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    };
    for confirmed in [&[][..], &[("confirmed", "1")][..]] {
        let res = b
            .post(&format!("/account/api-tokens/{expired}/revoke"), confirmed)
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    }
    // No token, a malformed one, an unknown one, another scheme: the same 401.
    for auth in [
        None,
        Some("Bearer nope"),
        Some("Bearer csp_unknown"),
        Some("Basic abc"),
    ] {
        let mut req = reqwest::Client::new().get(format!("{}/api/v1/customers", app.base));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
    }
}

#[tokio::test]
async fn a_token_carries_the_users_current_roles_and_stops_with_the_user() {
    let app = spawn_app().await;
    let admin = api_as(&app, Role::AdminAgent).await;
    let customer = app.org_id("Contoso").await;
    let (sub, _) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    let key_path = format!("/api/v1/customers/{customer}/software/{sub}/key");
    assert_eq!(
        admin.post(&key_path, json!({})).await.status,
        StatusCode::OK
    );
    // The owner takes the admin agent role away: the token loses it too.
    let admin_id = user_id(&app, "admin@northwind.example").await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users").await;
    let saved = owner
        .post(
            &format!("/users/{admin_id}/roles"),
            &[("role", "helpdesk_agent")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let res = admin.post(&key_path, json!({})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.problem(), "forbidden");
    assert!(res.body["detail"].as_str().unwrap().contains("Admin agent"));
    // Still a helpdesk agent: the customers are there.
    assert_eq!(admin.get("/api/v1/customers").await.status, StatusCode::OK);
    // Deactivated: the token stops at once.
    owner.get("/users").await;
    let gone = owner
        .post(
            &format!("/users/{admin_id}/deactivate"),
            &[("confirmed", "1")],
        )
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER, "{}", gone.body);
    assert_eq!(
        admin.get("/api/v1/customers").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_api_takes_no_cookie_and_the_pages_take_no_token() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let token = make_token(&mut b, "t", "").await;
    // The signed-in browser's session cookie is not a credential here.
    let page = b.get("/api/v1/customers").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    // Nor does a cookie-less POST need a CSRF token: the bearer is enough.
    let res = Api::new(&app, &token)
        .post(
            "/api/v1/customers",
            json!({"company_name": "Api Co", "primary_domain": "apico.example",
                   "country": "US", "billing_name": "Ann", "billing_email": "ann@apico.example"}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{res:?}");
    // A token is not accepted by the pages: they send it to sign in.
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/customers", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/sign-in")
    );
    // The API sets no cookie.
    let res = Api::new(&app, &token).get("/api/v1/customers").await;
    assert!(res.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn each_token_has_its_own_rate_limit_with_headers() {
    let app = spawn_app_with(|s| s.api_rate_per_minute = 3).await;
    // 09:00:00 exactly: the window resets in 60 s.
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let one = Api::new(&app, &make_token(&mut b, "one", "").await);
    let two = Api::new(&app, &make_token(&mut b, "two", "").await);
    for remaining in [2, 1, 0] {
        let res = one.get("/api/v1/customers").await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(
            res.header("ratelimit-policy"),
            Some("\"per-token\";q=3;w=60")
        );
        assert_eq!(
            res.header("ratelimit"),
            Some(format!("\"per-token\";r={remaining};t=60").as_str())
        );
    }
    app.clock.advance(Duration::seconds(20));
    let res = one.get("/api/v1/customers").await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.problem(), "rate-limited");
    assert_eq!(res.header("retry-after"), Some("40"));
    assert_eq!(res.header("ratelimit"), Some("\"per-token\";r=0;t=40"));
    // Another token of the same user is not held back.
    assert_eq!(two.get("/api/v1/customers").await.status, StatusCode::OK);
    // Nor is the user on the pages.
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    // Nor can anyone without the token spend its allowance: a wrong token
    // is a 401 and counts nothing.
    app.clock.advance(Duration::seconds(40));
    for _ in 0..5 {
        let res = Api::new(&app, "csp_wrong").get("/api/v1/customers").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let res = one.get("/api/v1/customers").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("ratelimit"), Some("\"per-token\";r=2;t=60"));
}

#[tokio::test]
async fn a_store_that_is_down_gives_the_api_a_503_problem_not_a_page() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::AdminAgent).await;
    assert_eq!(api.get("/api/v1/customers").await.status, StatusCode::OK);
    app.stores.close().await;
    // The first failure is the token's lookup; it marks the store down.
    let first = api.get("/api/v1/customers").await;
    assert_eq!(first.status, StatusCode::SERVICE_UNAVAILABLE, "{first:?}");
    assert_eq!(
        first.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(first.problem(), "unavailable");
    assert!(
        app.health.is_down(),
        "an API failure marks the store down too"
    );
    // From now on the answer comes without asking the store, still a problem.
    let second = api.get("/api/v1/customers").await;
    assert_eq!(second.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        second.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(second.problem(), "unavailable");
}
