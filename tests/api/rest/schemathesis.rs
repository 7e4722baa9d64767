//! Schemathesis (PyPI) against the running server and its own OpenAPI
//! document, with tokens of several roles: no answer may be a server error
//! or fall outside the document (status, content type, body schema).
//!
//! It needs the schemathesis CLI: `.ci/run` installs it into `target/venv`,
//! sets PORTAL_SCHEMATHESIS_REQUIRED=1 (so there a missing CLI fails;
//! elsewhere the test says loudly that it skipped) and runs it on its own
//! after each store's suite (`cargo test --test api schemathesis --
//! --ignored`): alongside the other tests its load slowed them past the
//! server's keep-alive on a busy machine.

use std::path::PathBuf;

use csp_portal::domain::role::Role;

use super::api_as;
use crate::helpers::spawn_app_with;

fn cli() -> Option<PathBuf> {
    let path = std::env::var_os("SCHEMATHESIS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/venv/bin/schemathesis")
        });
    path.exists().then_some(path)
}

#[tokio::test]
#[ignore = "run on its own by .ci/run: cargo test --test api schemathesis -- --ignored"]
async fn schemathesis_finds_no_server_error_and_no_answer_outside_the_document() {
    let Some(cli) = cli() else {
        assert!(
            std::env::var("PORTAL_SCHEMATHESIS_REQUIRED").as_deref() != Ok("1"),
            "PORTAL_SCHEMATHESIS_REQUIRED=1 but no schemathesis CLI in target/venv"
        );
        eprintln!(
            "SKIPPED: schemathesis is not installed (python3 -m venv target/venv && \
             target/venv/bin/pip install schemathesis, or run .ci/run)"
        );
        return;
    };
    // Schemathesis sends hundreds of requests a token.
    let app = spawn_app_with(|s| s.api_rate_per_minute = 1_000_000).await;
    let dir = tempfile::tempdir().unwrap();
    for role in [Role::AdminAgent, Role::CustomerGlobalAdmin, Role::Operator] {
        let token = api_as(&app, role).await.token;
        let schema = format!("{}/api/v1/openapi.json", app.base);
        let base = app.base.clone();
        let cli = cli.clone();
        let cwd = dir.path().to_owned();
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(cli)
                .current_dir(cwd)
                .args(["run", &schema, "--url", &base])
                .args(["--header", &format!("Authorization: Bearer {token}")])
                .args([
                    "--checks",
                    "not_a_server_error,status_code_conformance,content_type_conformance,\
                     response_schema_conformance,response_headers_conformance",
                ])
                .args(["--phases", "examples,coverage,fuzzing"])
                .args(["--max-examples", "5", "--seed", "15", "--workers", "1"])
                .args(["--generation-database", "none", "--no-color"])
                .env("NO_COLOR", "1")
                .output()
                .expect("run schemathesis")
        })
        .await
        .unwrap();
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "schemathesis as {role:?}:\n{text}");
    }
}
