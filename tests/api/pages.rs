//! What every response carries, and the error pages.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::{Page, spawn_app};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for path in ["/sign-in", "/no-such-page", "/static/css/portal.css"] {
        let res = b.get(path).await;
        let h = |name: &str| {
            res.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let csp = h("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h("x-content-type-options"), "nosniff", "{path}");
        assert!(!h("referrer-policy").is_empty(), "{path}");
        assert!(!h("x-request-id").is_empty(), "{path}");
        // Plain http here, so no HSTS.
        assert!(h("strict-transport-security").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn pages_are_not_cached_but_static_files_are() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get("/customers").await;
    assert_eq!(
        page.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let css = b.get("/static/css/portal.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .contains("max-age")
    );
}

/// The security headers, and a request id that the page shows too.
fn assert_a_proper_503(res: &Page, what: &str) {
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE, "{what}");
    assert!(
        res.body.contains("cannot reach its database"),
        "{what}: {}",
        res.body
    );
    let h = |name: &str| {
        res.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        h("content-security-policy").contains("frame-ancestors 'none'"),
        "{what}"
    );
    assert_eq!(h("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(h("x-frame-options"), "DENY", "{what}");
    assert!(!h("referrer-policy").is_empty(), "{what}");
    assert_eq!(h("cache-control"), "no-store", "{what}");
    assert!(!h("retry-after").is_empty(), "{what}");
    let id = h("x-request-id");
    assert!(!id.is_empty(), "{what}");
    assert!(
        res.body.contains(&format!("Request id: {id}")),
        "{what}: the page shows the id of the header: {}",
        res.body
    );
}

#[tokio::test]
async fn a_store_that_is_down_gives_a_503_page_with_headers_and_request_id_at_once() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    assert!(!app.health.is_down());
    app.stores.close().await;
    // The session store fails first (the browser has a cookie).
    let first = b.get("/customers").await;
    assert_a_proper_503(&first, "first request");
    assert!(app.health.is_down(), "the failure marks the store down");
    // From now on the answer comes without asking the store.
    let second = b.get("/customers").await;
    assert_a_proper_503(&second, "second request");
    assert_ne!(
        first.headers.get("x-request-id"),
        second.headers.get("x-request-id")
    );
    let anonymous = app.browser().get("/sign-in").await;
    assert_a_proper_503(&anonymous, "without a cookie");
    // Static files need no store, even with a session cookie.
    let css = b.get("/static/css/portal.css").await;
    assert_eq!(css.status, StatusCode::OK);
    // The health check asks the store itself.
    let health = b.get("/health").await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(app.health.is_down());
}

#[tokio::test]
async fn while_the_store_is_held_down_requests_do_not_reach_it_and_a_probe_brings_it_back() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    // The store is up, but this instance last saw it fail: the page is
    // answered without asking it (asking would have worked).
    app.health.mark_down(app.clock_now());
    assert_a_proper_503(&b.get("/customers").await, "held down");
    assert_a_proper_503(&app.browser().get("/").await, "held down, no cookie");
    assert_eq!(b.get("/static/css/portal.css").await.status, StatusCode::OK);
    // The probe (what the background task runs) finds the store and clears it.
    assert!(
        app.health
            .probe_due(app.clock_now() + chrono::Duration::seconds(1))
    );
    app.health
        .probe(&app.db, app.clock_now())
        .await
        .expect("the store answers");
    assert!(!app.health.is_down());
    let page = b.get("/customers").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "still signed in: {}",
        page.body
    );
    assert!(page.body.contains("Contoso"));
    // The health check clears it too.
    app.health.mark_down(app.clock_now());
    assert_eq!(b.get("/health").await.status, StatusCode::OK);
    assert!(!app.health.is_down());
    assert_eq!(b.get("/customers").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_health_check_answers_when_the_store_does() {
    let app = spawn_app().await;
    let res = app.browser().get("/health").await;
    assert_eq!(res.status, StatusCode::OK);
}

/// The statements the store ran for the request that got `page`.
fn statements(capture: &crate::helpers::LogCapture, page: &Page) -> Vec<String> {
    let id = page.headers["x-request-id"].to_str().unwrap();
    capture
        .text()
        .lines()
        .filter(|l| l.contains(&format!("id={id}")) && l.contains("db.statement"))
        // A connection the pool opens on the way sets itself up first.
        .filter(|l| !l.contains("summary=\"PRAGMA"))
        .map(|l| {
            let from = l.find("summary=").unwrap_or(0);
            l[from..].chars().take(60).collect()
        })
        .collect()
}

/// A signed-in page reads its session with its user's account (one
/// statement, which also reads the customer a customer's page names) and
/// then only what it shows; reading it writes nothing.
#[tokio::test]
async fn a_page_costs_one_statement_beyond_what_it_shows() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let mut own = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = crate::software::contoso_purchase(&app, "SQL2022-STA").await;
    let capture = crate::helpers::capture_logs();
    for (customer_admin, path, content) in [
        (false, "/customers".to_owned(), 1),
        (false, "/customers?q=con".to_owned(), 1),
        (false, "/activity".to_owned(), 1),
        // A page of the customer's software that carries how many there
        // are (the "Showing 1–3 of 3"); the customer came with the session.
        (false, format!("/customers/{contoso}/software"), 1),
        (false, format!("/customers/{contoso}/orders"), 2),
        (true, "/my/software".to_owned(), 1),
        // Get keys and downloads: the purchase with its product's files,
        // and (a partner's view) its download links.
        (
            false,
            format!("/customers/{contoso}/software/{sub}?show=1"),
            2,
        ),
        (true, format!("/my/software/{sub}?show=1"), 1),
    ] {
        let who = if customer_admin { &mut own } else { &mut admin };
        let page = who.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let run = statements(&capture, &page);
        assert_eq!(run.len(), 1 + content, "{path}: {run:#?}");
        assert!(
            run.iter().all(|s| s.starts_with("summary=\"SELECT")),
            "{path}: {run:#?}"
        );
    }
}

/// The id the answer names in `X-Request-Id` ("" without one).
fn request_id(res: &Page) -> String {
    res.headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn every_error_page_shows_the_request_id_of_its_answer() {
    let app = spawn_app().await;
    let mut anonymous = app.browser();
    let mut sales = app.sign_in_as(Role::SalesAgent).await;
    let unknown = uuid::Uuid::new_v4();
    let pages = [
        ("404, no such page", anonymous.get("/no-such-page").await),
        (
            "404, no such customer",
            sales.get(&format!("/customers/{unknown}")).await,
        ),
        ("403, missing role", sales.get("/activity").await),
        (
            "403, no CSRF token",
            anonymous
                .post_raw("/sign-in", &[("email", "a@b.example")], &[])
                .await,
        ),
    ];
    for (what, res) in pages {
        let id = request_id(&res);
        assert!(!id.is_empty(), "{what}");
        assert!(
            res.body.contains(&format!("Request id: {id}")),
            "{what} ({}): {}",
            res.status,
            res.body
        );
    }
}

#[tokio::test]
async fn a_mail_sent_after_the_answer_logs_its_failure_under_the_request_id() {
    let capture = crate::helpers::capture_logs();
    let app = spawn_app().await;
    // A file where the outbox folder goes: writing the reset mail fails,
    // after the page was answered.
    std::fs::write(app.settings.data_dir.join("outbox"), b"").unwrap();
    let mut b = app.browser();
    b.get("/forgot-password").await;
    let res = b
        .post("/forgot-password", &[("email", "sales@northwind.example")])
        .await;
    let id = request_id(&res);
    let failed = |text: &str| {
        text.lines()
            .find(|l| l.contains("sending a reset mail failed"))
            .map(str::to_owned)
    };
    for _ in 0..500 {
        if failed(&capture.text()).is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let line = failed(&capture.text()).expect("the failure is logged");
    assert!(line.contains(&format!("request{{id={id}}}")), "{line}");
}

#[tokio::test]
async fn what_runs_while_a_body_streams_out_is_logged_under_the_request_id() {
    let capture = crate::helpers::capture_logs();
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    // The CSV export reads the log page by page as the body is sent, after
    // the handler has returned.
    let res = b.get("/activity.csv").await;
    assert_eq!(res.status, StatusCode::OK);
    let id = request_id(&res);
    let text = capture.text();
    let tagged = format!("request{{id={id}}}");
    let export_queries: Vec<&str> = text
        .lines()
        // The export's statement (the tests' own reads of the log are
        // written without the alias); other requests' lines are theirs.
        .filter(|l| l.contains("FROM audit_events e "))
        .filter(|l| l.contains(&tagged) || !l.contains("request{id="))
        .collect();
    assert!(!export_queries.is_empty(), "the export's query is logged");
    for line in export_queries {
        assert!(line.contains(&tagged), "{line}");
    }
}
