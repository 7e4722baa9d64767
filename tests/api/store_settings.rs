//! The store settings the README's configuration table promises, read back
//! from the pool's own connections.

use std::time::Duration;

use csp_portal::domain::role::Role;
use csp_portal::store::Db;
use reqwest::StatusCode;

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn connections_carry_the_chosen_store_settings() {
    let app = spawn_app().await;
    match &app.db {
        Db::Pg(pool) => {
            let show = |name: &'static str| async move {
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!("SHOW {name}")))
                    .fetch_one(pool)
                    .await
                    .expect(name)
            };
            // Planned once per connection (see store::Db::connect), never JIT-compiled.
            assert_eq!(show("plan_cache_mode").await, "force_generic_plan");
            assert_eq!(show("jit").await, "off");
        }
        Db::Sqlite(pool) => {
            // (pragma, the column its table-valued form names the value)
            let pragma = |name: &'static str| async move {
                let column = if name == "busy_timeout" {
                    "timeout"
                } else {
                    name
                };
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!(
                    "SELECT CAST({column} AS TEXT) FROM pragma_{name}"
                )))
                .fetch_one(pool)
                .await
                .expect(name)
            };
            assert_eq!(pragma("journal_mode").await, "wal");
            // NORMAL: with WAL, a crash loses no committed transaction's
            // consistency, only (at worst) the last ones before a power cut.
            assert_eq!(pragma("synchronous").await, "1");
            assert_eq!(pragma("foreign_keys").await, "1");
            assert_eq!(pragma("busy_timeout").await, "10000");
            // Built without its global allocation and page-cache locks
            // (.cargo/config.toml): those serialised eight connections.
            let built: Vec<String> =
                sqlx::query_scalar("SELECT compile_options FROM pragma_compile_options")
                    .fetch_all(pool)
                    .await
                    .expect("compile options");
            assert!(
                built.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
                "{built:?}"
            );
            assert!(
                !built.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
                "{built:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_pool_has_the_size_asked_for_else_the_stores_default() {
    let app = spawn_app().await;
    let url = app.settings.database_url.clone();
    let max = |db: &Db| match db {
        Db::Pg(p) => p.options().get_max_connections(),
        Db::Sqlite(p) => p.options().get_max_connections(),
    };
    let asked = Db::connect_sized(&url, Some(3)).await.expect("connect");
    assert_eq!(max(&asked), 3);
    let default = Db::connect(&url).await.expect("connect");
    assert_eq!(max(&default), csp_portal::store::default_pool_size(&url));
}

/// A `PORTAL_DB_POOL` that is no number of connections stops the start
/// with a message naming it, before anything is opened.
#[test]
fn a_pool_size_that_is_no_number_of_connections_is_refused() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    for bad in ["0", "many", "-2", "5000"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_csp-portal"))
            .args(["serve", "--bind", "127.0.0.1:0", "--no-demo"])
            .env_clear()
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/p.db", dir.path().display()),
            )
            .env("PORTAL_DATA_DIR", dir.path())
            .env("PORTAL_DB_POOL", bad)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(30) {
                child.kill().unwrap();
                panic!("PORTAL_DB_POOL={bad} was accepted: the portal started");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut said = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut said).unwrap();
        assert!(!status.success(), "{bad}");
        assert!(said.contains("PORTAL_DB_POOL"), "{bad}: {said}");
    }
}

/// A connection is pinged before it is handed out only when it sat idle
/// longer than `store::TRUSTED_IDLE` (not before every statement, sqlx's
/// default): one the server dropped meanwhile is replaced, and the page is
/// served rather than a 503. PostgreSQL only: an SQLite connection has no
/// server to drop it. The wait is the pool's own monotonic clock, which the
/// test's clock does not drive.
#[tokio::test]
async fn a_connection_the_server_dropped_while_idle_is_replaced_before_use() {
    let app = spawn_app().await;
    if !matches!(app.db, Db::Pg(_)) {
        return;
    }
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    assert_eq!(admin.get("/customers").await.status, StatusCode::OK);

    // Every connection the pools hold (the shared one's and each worker
    // thread's), each by its server process.
    let mut held = Vec::new();
    let mut pids = Vec::new();
    for db in app.stores.all() {
        let Db::Pg(pool) = db else { unreachable!() };
        for _ in 0..pool.size() {
            let mut conn = pool.acquire().await.expect("acquire");
            pids.push(
                sqlx::query_scalar::<_, i32>("SELECT pg_backend_pid()")
                    .fetch_one(&mut *conn)
                    .await
                    .expect("pid"),
            );
            held.push(conn);
        }
    }
    drop(held);
    assert!(!pids.is_empty());
    let mut killer = crate::helpers::admin_connection(&app.settings.database_url).await;
    for pid in &pids {
        let ended: bool = sqlx::query_scalar("SELECT pg_terminate_backend($1)")
            .bind(pid)
            .fetch_one(&mut killer)
            .await
            .expect("terminate");
        assert!(ended, "backend {pid}");
    }
    tokio::time::sleep(csp_portal::store::TRUSTED_IDLE + Duration::from_millis(500)).await;

    let page = admin.get("/customers").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Contoso"));
    assert!(!app.health.is_down());
}

/// A page's statements share one connection, which a transaction on the
/// way (a download link's count) takes over rather than waiting for a
/// second: with a single connection in the pool, every kind of request
/// still gets its answer (a wait for a second connection would end in the
/// 503 page after the pool's timeout).
#[tokio::test]
async fn every_kind_of_request_is_served_from_a_pool_of_one_connection() {
    let app = spawn_app_with(|s| s.db_pool = Some(1)).await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    for path in [
        "/customers".to_owned(),
        "/customers?q=con".to_owned(),
        "/activity".to_owned(),
        format!("/customers/{contoso}/software"),
        format!("/customers/{contoso}/software/{sub}?show=1"),
        format!("/customers/{contoso}/orders"),
    ] {
        let page = admin.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
    }
    // A GET that writes: the download's audit event.
    let download = format!("/customers/{contoso}/software/{sub}/files/{file}");
    let cookies = admin.cookies().unwrap();
    let (status, _, body) = crate::software::fetch(&app, &download, &[("cookie", &cookies)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body.len(), 4096);
    // A form's POST, then the link it made, downloaded without signing in:
    // a GET whose count is a transaction.
    let link = crate::software::make_link(&mut admin, contoso, sub, file).await;
    assert_eq!(
        crate::software::fetch(&app, &link, &[]).await.0,
        StatusCode::OK
    );
    assert_eq!(crate::software::link_use(&app, &link).await, 1);
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    assert_eq!(ga.get("/my/software").await.status, StatusCode::OK);
}
