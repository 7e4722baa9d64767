//! Server-side sessions: renewed at sign-in, destroyed at sign-out, ended by
//! the idle timeout and the absolute maximum.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::{PASSWORD, spawn_app};

#[tokio::test]
async fn signing_in_issues_a_new_session_id() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.get("/sign-in").await;
    let before = b
        .cookies()
        .expect("an anonymous session for the sign-in form");
    b.post(
        "/sign-in",
        &[("email", "admin@northwind.example"), ("password", PASSWORD)],
    )
    .await;
    let after = b.cookies().expect("session cookie");
    assert_ne!(before, after);
    // The cookie fixed before sign-in does not carry the signed-in user.
    assert_eq!(
        b.replay(&before, "/customers").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(b.replay(&after, "/customers").await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_out_destroys_the_session_on_the_server() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    b.get("/customers").await;
    let stolen = b.cookies().expect("cookie");
    let res = b.post("/sign-out", &[]).await;
    assert_eq!(res.location(), Some("/sign-in?signed_out=1"));
    // Even a copy of the old cookie no longer works.
    let replayed = b.replay(&stolen, "/customers").await;
    assert_eq!(replayed.status, StatusCode::SEE_OTHER);
    let user = csp_portal::store::users::credentials_by_email(&app.db, "admin@northwind.example")
        .await
        .expect("query")
        .expect("user");
    let live = csp_portal::store::sessions::count_for_user(&app.db, user.id, app.clock_now())
        .await
        .expect("count");
    assert_eq!(live, 0);
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"sign_out".to_owned())
    );
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    // Each request restarts the idle timer.
    app.clock.advance(Duration::minutes(29));
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    app.clock
        .advance(Duration::minutes(30) + Duration::seconds(1));
    assert_eq!(b.get("/customers").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_busy_session_still_ends_twelve_hours_after_sign_in() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    for _ in 0..(12 * 3 - 1) {
        app.clock.advance(Duration::minutes(20));
        assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    }
    app.clock.advance(Duration::minutes(20));
    assert_eq!(b.get("/customers").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_lax() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let res = b.sign_in("admin@northwind.example", PASSWORD).await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("portal_session="))
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.starts_with("portal_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
}

/// When the (only) session row was last written.
async fn last_written(app: &crate::helpers::TestApp) -> chrono::DateTime<chrono::Utc> {
    let sql = "SELECT last_seen_at FROM sessions";
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        csp_portal::store::Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .expect("the session row")
}

#[tokio::test]
async fn reading_pages_writes_the_session_at_most_once_a_minute() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let signed_in = last_written(&app).await;
    app.clock.advance(Duration::seconds(59));
    for _ in 0..3 {
        assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    }
    assert_eq!(last_written(&app).await, signed_in);
    app.clock.advance(Duration::seconds(1));
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
    assert_eq!(last_written(&app).await, signed_in + Duration::seconds(60));
}

/// Runs `sql` with `$1` = `id` and `$2` = the app's now.
async fn behind_the_back(app: &crate::helpers::TestApp, sql: &'static str, id: uuid::Uuid) {
    let now = app.clock_now();
    crate::helpers::on_pool!(app, |p| sqlx::query(sql).bind(id).bind(now).execute(p));
}

/// The account is read with the session, in the same statement: what it
/// reads is the account as it is now. Roles taken away, the user or their
/// organisation deactivated, even with the session's row left in place,
/// count from the next page on.
#[tokio::test]
async fn the_account_read_with_the_session_is_the_current_one() {
    let app = spawn_app().await;
    let admin_id = app.user_id("admin@northwind.example").await;
    let mut admin = app.signed_in("admin@northwind.example").await;
    assert_eq!(admin.get("/activity").await.status, StatusCode::OK);
    behind_the_back(
        &app,
        "DELETE FROM user_roles WHERE user_id = $1 AND $2 IS NOT NULL",
        admin_id,
    )
    .await;
    assert_eq!(admin.get("/activity").await.status, StatusCode::FORBIDDEN);
    behind_the_back(
        &app,
        "UPDATE users SET deactivated_at = $2 WHERE id = $1",
        admin_id,
    )
    .await;
    assert_sent_to_sign_in(&mut admin).await;

    let mut fab = app.signed_in("admin@fabrikam.example").await;
    assert_eq!(fab.get("/customers").await.status, StatusCode::OK);
    let fabrikam = app.org_id("Fabrikam Resellers").await;
    behind_the_back(
        &app,
        "UPDATE organisations SET deactivated_at = $2 WHERE id = $1",
        fabrikam,
    )
    .await;
    assert_sent_to_sign_in(&mut fab).await;
}

/// The next page sends `b` to the sign-in form: its session has ended.
async fn assert_sent_to_sign_in(b: &mut crate::helpers::Browser) {
    let res = b.get("/customers").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().unwrap_or_default().starts_with("/sign-in"));
}
