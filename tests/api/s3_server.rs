//! A real S3-compatible server for the object-storage tests: moto's server
//! mode (from PyPI; `bash .ci/s3-server` installs it into target/s3-venv, or
//! PORTAL_TEST_MOTO names its `moto_server`), started once per test process
//! on a port of its own and stopped when the process ends. Without it the
//! bucket tests say loudly that they were skipped, unless
//! PORTAL_S3_REQUIRED=1 (as `.ci/run` sets), which makes that a failure.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use csp_portal::files::location::S3Location;
use tokio::sync::OnceCell;
use uuid::Uuid;

pub struct S3Server {
    pub endpoint: String,
    /// One bucket per test process; each test has a prefix of its own.
    pub bucket: String,
    /// The watchdog shell, which outlives nothing but this process.
    _watchdog: std::sync::Mutex<std::process::Child>,
}

static SERVER: OnceCell<Option<S3Server>> = OnceCell::const_new();

fn moto_server() -> Option<PathBuf> {
    let given = std::env::var_os("PORTAL_TEST_MOTO").map(PathBuf::from);
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/s3-venv/bin/moto_server");
    given.or(Some(venv)).filter(|p| p.exists())
}

/// The server, or `None` (said on stderr) when none is installed here.
pub async fn s3() -> Option<&'static S3Server> {
    SERVER.get_or_init(start).await.as_ref()
}

async fn start() -> Option<S3Server> {
    let Some(moto) = moto_server() else {
        assert!(
            std::env::var("PORTAL_S3_REQUIRED").ok().as_deref() != Some("1"),
            "PORTAL_S3_REQUIRED=1 but no moto_server: run `bash .ci/s3-server`"
        );
        eprintln!(
            "SKIPPED: the object-storage tests need an S3-compatible server; \
             `bash .ci/s3-server` installs moto into target/s3-venv"
        );
        return None;
    };
    let log =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("moto-{}.log", std::process::id()));
    // A watchdog shell: moto goes when this test process does (statics are
    // never dropped, so nothing else would stop it).
    let script = format!(
        "'{}' -H 127.0.0.1 -p 0 > '{}' 2>&1 & m=$!; \
         while kill -0 {} 2>/dev/null && kill -0 $m 2>/dev/null; do sleep 1; done; kill $m",
        moto.display(),
        log.display(),
        std::process::id()
    );
    let watchdog = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto_server");
    let mut endpoint = None;
    for _ in 0..1500 {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Some(url) = text
            .lines()
            .find_map(|l| l.split("Running on ").nth(1))
            .map(|u| u.trim().to_owned())
        {
            endpoint = Some(url);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let endpoint = endpoint.unwrap_or_else(|| {
        panic!(
            "moto_server did not start:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        )
    });
    let bucket = format!("csp-{}", Uuid::new_v4().simple());
    // moto takes an unsigned request; the portal's own are signed.
    let made = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .expect("create the bucket");
    assert!(
        made.status().is_success(),
        "create bucket: {}",
        made.status()
    );
    Some(S3Server {
        endpoint,
        bucket,
        _watchdog: std::sync::Mutex::new(watchdog),
    })
}

impl S3Server {
    /// A fresh prefix in the bucket, as `PORTAL_FILES_URL` and the `AWS_*`
    /// variables would give it.
    pub fn location(&self) -> S3Location {
        S3Location {
            bucket: self.bucket.clone(),
            prefix: format!("t{}", Uuid::new_v4().simple()),
            endpoint: Some(self.endpoint.clone()),
            region: "us-east-1".into(),
            access_key_id: Some("testing".into()),
            secret_access_key: Some(secrecy::SecretString::from("testing-secret")),
            allow_http: true,
        }
    }

    /// The environment an instance needs for `location`.
    pub fn env(&self, location: &S3Location) -> Vec<(&'static str, String)> {
        vec![
            ("PORTAL_FILES_URL", location.url()),
            ("AWS_ENDPOINT_URL", self.endpoint.clone()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", "testing".into()),
            ("AWS_SECRET_ACCESS_KEY", "testing-secret".into()),
            ("AWS_ALLOW_HTTP", "true".into()),
        ]
    }
}
