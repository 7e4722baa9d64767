//! The browser suite (`e2e/run.js`: every journey in headless Chromium,
//! axe-core and the Nu HTML checker on every page) as part of `cargo test`,
//! against the binary cargo built for the tests, on SQLite, or on a fresh
//! schema of TEST_DATABASE_URL's PostgreSQL database when it is set.
//!
//! Chromium, Node and the suite's npm packages come from outside cargo:
//! where one is missing this test says so loudly and passes, unless
//! PORTAL_E2E_REQUIRED=1 (as `.ci/run` sets after installing them), when
//! it fails.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use uuid::Uuid;

const INSTALL: &str = "install them with `bash e2e/install` (Debian's chromium, then `npm ci --ignore-scripts --prefix e2e`)";

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

/// What the suite needs that is not there.
fn missing(e2e: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let runs = |cmd: &str| {
        Command::new(cmd)
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success())
            || Command::new(cmd)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
    };
    if !runs("node") {
        missing.push("node (Node.js 20 or later)".to_owned());
    }
    if !runs("java") {
        missing.push("java (for the Nu HTML checker)".to_owned());
    }
    if !chromium().exists() {
        missing.push(format!("{} (Debian's chromium)", chromium().display()));
    }
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !e2e.join("node_modules").join(package).exists() {
            missing.push(format!("e2e/node_modules/{package}"));
        }
    }
    missing
}

async fn pg_schema(base: &str) -> (String, String) {
    use sqlx::Connection;
    let schema = format!("e2e_{}", Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(base)
        .await
        .expect("TEST_DATABASE_URL is set but PostgreSQL cannot be reached");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut conn)
        .await
        .expect("create schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
    (schema, url)
}

async fn drop_schema(base: &str, schema: &str) {
    use sqlx::Connection;
    if let Ok(mut conn) = sqlx::PgConnection::connect(base).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE"
        )))
        .execute(&mut conn)
        .await;
    }
}

#[tokio::test]
async fn every_journey_works_in_a_real_browser_with_no_accessibility_or_html_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e2e = root.join("e2e");
    let missing = missing(&e2e);
    if !missing.is_empty() {
        let required = std::env::var("PORTAL_E2E_REQUIRED").is_ok_and(|v| v == "1");
        let message = format!(
            "BROWSER SUITE NOT RUN: missing {}; {INSTALL}",
            missing.join(", ")
        );
        assert!(!required, "{message} (PORTAL_E2E_REQUIRED=1)");
        eprintln!("\n!!!!!!!! {message} !!!!!!!!\n");
        return;
    }

    let pg_base = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty());
    let (schema, database_url) = match &pg_base {
        Some(base) => {
            let (schema, url) = pg_schema(base).await;
            (Some(schema), url)
        }
        None => (None, String::new()),
    };
    let store = if pg_base.is_some() {
        "postgres"
    } else {
        "sqlite"
    };

    let started = Instant::now();
    let out = Command::new("node")
        .arg(e2e.join("run.js"))
        .current_dir(root)
        .env("PORTAL_BIN", env!("CARGO_BIN_EXE_csp-portal"))
        .env("CHROMIUM", chromium())
        .env("E2E_DATABASE_URL", &database_url)
        .env(
            "E2E_OUT",
            root.join("target").join("e2e-screenshots").join(store),
        )
        .output()
        .expect("run node e2e/run.js");
    if let (Some(base), Some(schema)) = (&pg_base, &schema) {
        drop_schema(base, schema).await;
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}\n{stderr}");
    println!(
        "browser suite on {store}: {:.0} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        out.status.success(),
        "the browser suite failed on {store} (its report is above; screenshots in target/e2e-screenshots/{store})"
    );
}
