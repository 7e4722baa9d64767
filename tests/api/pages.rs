//! What every response carries, and the error pages.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

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
    let mut b = app.signed_in("admin@northwind.example").await;
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

#[tokio::test]
async fn a_store_that_is_down_gives_a_503_page() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    app.db.close().await;
    let res = b.get("/customers").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        res.body.contains("cannot reach its database"),
        "{}",
        res.body
    );
    let health = b.get("/health").await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn the_health_check_answers_when_the_store_does() {
    let app = spawn_app().await;
    let res = app.browser().get("/health").await;
    assert_eq!(res.status, StatusCode::OK);
}
