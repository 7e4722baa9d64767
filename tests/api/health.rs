//! The health checks: live (the process answers), ready (the store answers
//! and its migrations are this build's), and `/health`, an alias of ready.

use reqwest::StatusCode;

use crate::helpers::{TestApp, spawn_app};

/// Runs one statement that binds nothing, on either store.
async fn exec(app: &TestApp, sql: &'static str) {
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
        csp_portal::store::Db::Pg(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .expect(sql);
}

/// The newest migration this build carries.
fn newest_migration(app: &TestApp) -> i64 {
    app.db
        .migrator()
        .iter()
        .map(|m| m.version)
        .max()
        .expect("migrations")
}

#[tokio::test]
async fn live_and_ready_answer_when_the_store_and_its_migrations_are_current() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for (path, body) in [
        ("/health/live", "live"),
        ("/health/ready", "ready"),
        ("/health", "ready"),
    ] {
        let res = b.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}: {}", res.body);
        assert_eq!(res.body, body, "{path}");
        assert_eq!(
            res.headers
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn ready_says_which_migration_is_missing_while_live_still_answers() {
    let app = spawn_app().await;
    let newest = newest_migration(&app);
    exec(
        &app,
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)",
    )
    .await;
    let mut b = app.browser();
    for path in ["/health/ready", "/health"] {
        let res = b.get(path).await;
        assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(
            res.body,
            format!("not ready: migration {newest} is not applied"),
            "{path}"
        );
    }
    assert_eq!(b.get("/health/live").await.status, StatusCode::OK);
    assert!(
        !app.health.is_down(),
        "the store answered: it is not held for down"
    );
}

#[tokio::test]
async fn ready_refuses_a_store_migrated_by_a_newer_build_or_from_another_text() {
    let app = spawn_app().await;
    exec(
        &app,
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         SELECT 99990101000000, 'from a newer build', success, checksum, 0 \
         FROM _sqlx_migrations WHERE version = 1",
    )
    .await;
    let res = app.browser().get("/health/ready").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        res.body,
        "not ready: the store has migration 99990101000000, which this build does not know"
    );

    let app = spawn_app().await;
    exec(
        &app,
        "UPDATE _sqlx_migrations SET checksum = (SELECT checksum FROM _sqlx_migrations WHERE version = 2) \
         WHERE version = 1",
    )
    .await;
    let res = app.browser().get("/health/ready").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        res.body,
        "not ready: migration 1 differs from the one applied"
    );
}

#[tokio::test]
async fn live_answers_without_the_store_and_ready_says_it_does_not_answer() {
    let app = spawn_app().await;
    let mut signed_in = app
        .sign_in_as(csp_portal::domain::role::Role::AdminAgent)
        .await;
    app.stores.close().await;
    // With a session cookie too: the checks sit before the session store.
    let live = signed_in.get("/health/live").await;
    assert_eq!(live.status, StatusCode::OK);
    assert_eq!(live.body, "live");
    let ready = signed_in.get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ready.body, "not ready: the store does not answer");
    assert!(app.health.is_down());
    assert_eq!(
        signed_in.get("/health/live").await.status,
        StatusCode::OK,
        "live while the store is held for down"
    );
}
