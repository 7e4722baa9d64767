//! `spawn_app()` and a tiny browser: cookie jar, CSRF token read from forms.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use csp_portal::clock::ManualClock;
use csp_portal::config::{Secret, Settings, ThrottlePolicy};
use csp_portal::demo;
use csp_portal::startup::Application;
use csp_portal::store::Db;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery staple";
/// Keys per keyed product in the test demo data (the served demo has 300).
pub const KEYS_PER_PRODUCT: usize = 20;

pub struct TestApp {
    pub base: String,
    pub settings: Settings,
    pub db: Db,
    pub clock: ManualClock,
    /// Whether the server holds the store for down.
    pub health: Arc<csp_portal::web::store_health::StoreHealth>,
    _dir: tempfile::TempDir,
}

/// Everything logged by any test in this binary, so tests can show that no
/// secret reaches a log line.
static LOGS: std::sync::OnceLock<Arc<std::sync::Mutex<Vec<u8>>>> = std::sync::OnceLock::new();

struct LogWriter(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() {
    let buf = LOGS
        .get_or_init(|| Arc::new(std::sync::Mutex::new(Vec::new())))
        .clone();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("trace"))
        .with_ansi(false)
        .with_writer(move || LogWriter(buf.clone()))
        .try_init();
}

pub fn captured_logs() -> String {
    LOGS.get()
        .and_then(|b| {
            b.lock()
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        })
        .unwrap_or_default()
}

/// Starts the portal on a random port with a fresh store holding the demo data.
pub async fn spawn_app() -> TestApp {
    capture_logs();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => fresh_pg_schema(&url).await,
        _ => format!("sqlite://{}", dir.path().join("portal.db").display()),
    };
    let settings = Settings {
        database_url,
        data_dir: dir.path().to_path_buf(),
        https: false,
        production: false,
        cookie_key: Some(Secret::new((0..64).map(|_| rand_byte()).collect())),
        demo_password: None,
        session_idle: chrono::Duration::minutes(30),
        session_absolute: chrono::Duration::hours(12),
        throttle: ThrottlePolicy::default(),
        trust_proxy: false,
        run_jobs: false,
        operator_2fa: true,
    };
    let clock = ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .single()
            .expect("date"),
    );
    let db = Db::connect(&settings.database_url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let cipher = csp_portal::crypto::KeyCipher::from_settings(&settings).expect("data key");
    let files = csp_portal::files::FileStore::new(settings.files_dir());
    let assets = demo::DemoAssets {
        cipher: &cipher,
        files: &files,
        keys_per_product: KEYS_PER_PRODUCT,
        file_bytes: 4096,
    };
    demo::load(&db, &clock, &Secret::new(PASSWORD.to_owned()), &assets)
        .await
        .expect("demo data");
    let app_settings = settings.clone();
    let app =
        Application::build_with_db(settings, Arc::new(clock.clone()), db.clone(), "127.0.0.1:0")
            .expect("build app");
    let base = format!("http://127.0.0.1:{}", app.port());
    let health = app.store_health();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        settings: app_settings,
        db,
        clock,
        health,
        _dir: dir,
    }
}

fn rand_byte() -> u8 {
    Uuid::new_v4().as_bytes()[0]
}

/// A schema of its own for each test, in the scratch database CI made.
async fn fresh_pg_schema(url: &str) -> String {
    use sqlx::Connection;
    let schema = format!("t_{}", Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .expect("TEST_DATABASE_URL is set but PostgreSQL cannot be reached");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut conn)
        .await
        .expect("create schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }

    pub fn csrf(&self) -> Option<String> {
        let re = regex::Regex::new(r#"name="csrf_token" value="([^"]+)""#).expect("regex");
        re.captures(&self.body).map(|c| c[1].to_owned())
    }
}

/// A browser: its own cookie jar, no automatic redirects (tests look at them).
pub struct Browser {
    pub base: String,
    client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
    pub csrf: Option<String>,
}

impl TestApp {
    pub fn browser(&self) -> Browser {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        Browser {
            base: self.base.clone(),
            client: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            jar,
            csrf: None,
        }
    }

    /// A browser signed in as one of the demo users.
    pub async fn signed_in(&self, email: &str) -> Browser {
        let mut b = self.browser();
        let res = b.sign_in(email, PASSWORD).await;
        assert_eq!(
            res.status,
            StatusCode::SEE_OTHER,
            "sign-in of {email} failed: {}",
            res.body
        );
        // Land where the browser would, picking up the new session's token.
        let mut next = res.location().map(str::to_owned);
        while let Some(path) = next {
            let page = b.get(&path).await;
            next = page.location().map(str::to_owned);
        }
        b
    }

    /// The id of an organisation by name.
    pub async fn org_id(&self, name: &str) -> Uuid {
        csp_portal::store::organisations::find_by_name(&self.db, name)
            .await
            .expect("query")
            .expect("organisation exists")
            .0
    }

    /// The application's state, for running jobs as the server would.
    pub fn state(&self) -> csp_portal::web::state::AppState {
        csp_portal::web::state::AppState {
            db: self.db.clone(),
            clock: Arc::new(self.clock.clone()),
            settings: self.settings.clone(),
            cipher: csp_portal::crypto::KeyCipher::from_settings(&self.settings).expect("data key"),
            files: csp_portal::files::FileStore::new(self.settings.files_dir()),
            attachments: csp_portal::files::FileStore::new(
                self.settings.data_dir.join("attachments"),
            ),
            mailer: csp_portal::mail::Mailer::Outbox(self.settings.data_dir.join("outbox")),
        }
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        csp_portal::clock::Clock::now(&self.clock)
    }

    pub async fn audit_actions(&self, org: Uuid) -> Vec<String> {
        csp_portal::store::audit::recent_for_org(&self.db, org, 100)
            .await
            .expect("audit")
            .into_iter()
            .map(|e| e.action)
            .collect()
    }
}

impl Browser {
    async fn page(&mut self, res: reqwest::Response) -> Page {
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.text().await.expect("body");
        let page = Page {
            status,
            headers,
            body,
        };
        if let Some(t) = page.csrf() {
            self.csrf = Some(t);
        }
        page
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("GET");
        self.page(res).await
    }

    /// Posts a form with the CSRF token last seen in a page.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf.clone().unwrap_or_default();
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all, &[]).await
    }

    /// Posts exactly these fields and headers (for CSRF tests).
    pub async fn post_raw(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .form(fields);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("POST");
        self.page(res).await
    }

    /// Posts a multipart form; the CSRF token rides in the query string, as
    /// the portal's upload forms carry it.
    pub async fn post_multipart(&mut self, path: &str, form: reqwest::multipart::Form) -> Page {
        let token = self.csrf.clone().unwrap_or_default();
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = format!("{}{path}{sep}csrf_token={}", self.base, token);
        let res = self
            .client
            .post(url)
            .multipart(form)
            .send()
            .await
            .expect("POST");
        self.page(res).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.get("/sign-in").await;
        self.post("/sign-in", &[("email", email), ("password", password)])
            .await
    }

    /// The cookies the browser would send (`name=value; ...`).
    pub fn cookies(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().expect("url");
        self.jar
            .cookies(&url)
            .and_then(|v| v.to_str().ok().map(str::to_owned))
    }

    /// A GET sent with exactly this `Cookie` header, as an attacker replaying
    /// a stolen cookie would.
    pub async fn replay(&self, cookies: &str, path: &str) -> Page {
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(format!("{}{path}", self.base))
            .header("cookie", cookies)
            .send()
            .await
            .expect("GET");
        let status = res.status();
        let headers = res.headers().clone();
        Page {
            status,
            headers,
            body: res.text().await.expect("body"),
        }
    }
}
