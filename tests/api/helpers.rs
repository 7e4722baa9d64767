//! `spawn_app()` and a tiny browser: cookie jar, CSRF token read from forms.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use actix_web::web;
use chrono::{TimeZone, Utc};
use csp_portal::clock::ManualClock;
use csp_portal::config::{DEFAULT_MAIL_FROM, Settings, ThrottlePolicy};
use csp_portal::demo;
use csp_portal::domain::role::Role;
use csp_portal::startup::{Application, Stopper};
use csp_portal::store::Db;
use csp_portal::web::state::AppState;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use secrecy::{SecretSlice, SecretString};
use tokio::sync::OnceCell;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery staple";
/// Keys per keyed product in the test demo data (the served demo has 300).
pub const KEYS_PER_PRODUCT: usize = 20;

pub struct TestApp {
    pub base: String,
    pub settings: Settings,
    pub db: Db,
    /// Every pool of the server's store (`close` takes the store down).
    pub stores: csp_portal::startup::Stores,
    pub clock: ManualClock,
    /// Whether the server holds the store for down.
    pub health: Arc<csp_portal::web::store_health::StoreHealth>,
    /// Stops the server as SIGTERM would.
    pub stopper: Stopper,
    /// The server's task, until `stopped` awaits it.
    serving: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    state: web::Data<AppState>,
    _dir: tempfile::TempDir,
}

/// The time every test (and the template's demo data) starts at.
fn start_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .expect("date")
}

// ---------------------------------------------------------------------------
// Logs: to a sink, unless TEST_LOG is set (then to the test's output, at the
// level RUST_LOG names, info by default). A test that checks what reaches the
// logs opts in with `capture_logs()`: while any such capture is open, every
// line at any level is kept.

/// Open captures; lines are kept only while there is one.
static CAPTURING: AtomicUsize = AtomicUsize::new(0);
static CAPTURED: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct CaptureWriter;

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = CAPTURED.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn init_logs() {
    use tracing_subscriber::Layer;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let capture = tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(|| CaptureWriter)
            .with_filter(tracing_subscriber::filter::dynamic_filter_fn(|_, _| {
                CAPTURING.load(Ordering::Relaxed) > 0
            }));
        let shown = std::env::var_os("TEST_LOG").map(|_| {
            tracing_subscriber::fmt::layer()
                .with_test_writer()
                .with_filter(
                    tracing_subscriber::EnvFilter::try_from_default_env()
                        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
                )
        });
        let _ = tracing_subscriber::registry()
            .with(capture)
            .with(shown)
            .try_init();
    });
}

/// Log lines kept from now until this is dropped (lines of tests running at
/// the same time included: a secret must reach none of them).
pub struct LogCapture {
    from: usize,
}

/// Starts keeping every log line, for a test that checks the logs.
pub fn capture_logs() -> LogCapture {
    init_logs();
    let from = CAPTURED.lock().map(|b| b.len()).unwrap_or(0);
    CAPTURING.fetch_add(1, Ordering::SeqCst);
    LogCapture { from }
}

impl LogCapture {
    /// The lines kept since the capture began.
    pub fn text(&self) -> String {
        CAPTURED
            .lock()
            .ok()
            .and_then(|b| {
                b.get(self.from..)
                    .map(|s| String::from_utf8_lossy(s).into_owned())
            })
            .unwrap_or_default()
    }
}

impl Drop for LogCapture {
    fn drop(&mut self) {
        CAPTURING.fetch_sub(1, Ordering::SeqCst);
    }
}

// ---------------------------------------------------------------------------
// The template: migrations and demo data, made once per test process and
// copied for each test. It is a data directory (the data key and the demo's
// download files) plus the store: a SQLite file, or a PostgreSQL schema.

struct Template {
    /// `data.key`, `files/` and (SQLite) `portal.db`.
    dir: PathBuf,
    /// The cookie key every test app signs with.
    cookie_key: Vec<u8>,
    /// PostgreSQL: the base URL and the template schema.
    pg: Option<(String, String)>,
}

static TEMPLATE: OnceCell<Template> = OnceCell::const_new();

pub fn pg_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

async fn template() -> &'static Template {
    TEMPLATE.get_or_init(build_template).await
}

async fn build_template() -> Template {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("api-templates");
    remove_stale_templates(&root);
    let dir = root.join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("template dir");
    let pg = match pg_url() {
        Some(url) => {
            let schema = format!("tmpl_{}", Uuid::new_v4().simple());
            create_schema(&url, &schema).await;
            Some((url, schema))
        }
        None => None,
    };
    let building = dir.join("building.db");
    let database_url = match &pg {
        Some((url, schema)) => with_search_path(url, schema),
        None => format!("sqlite://{}", building.display()),
    };
    let settings = test_settings(database_url.clone(), dir.clone(), Vec::new());
    let db = Db::connect(&database_url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let cipher = csp_portal::crypto::KeyCipher::from_settings(&settings).expect("data key");
    let files = csp_portal::files::FileStore::new(settings.files_dir());
    let assets = demo::DemoAssets {
        cipher: &cipher,
        files: &files,
        keys_per_product: KEYS_PER_PRODUCT,
        file_bytes: 4096,
    };
    let clock = ManualClock::new(start_time());
    demo::load(&db, &clock, &SecretString::from(PASSWORD), &assets)
        .await
        .expect("demo data");
    if let Db::Sqlite(pool) = &db {
        // One self-contained file (no WAL beside it) that a copy takes whole.
        let target = dir.join("portal.db");
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "VACUUM INTO '{}'",
            target.display().to_string().replace('\'', "''")
        )))
        .execute(pool)
        .await
        .expect("vacuum into");
    }
    db.close().await;
    let _ = std::fs::remove_file(&building);
    let _ = std::fs::remove_file(dir.join("building.db-wal"));
    let _ = std::fs::remove_file(dir.join("building.db-shm"));
    Template {
        dir,
        cookie_key: (0..64).map(|_| rand_byte()).collect(),
        pg,
    }
}

/// Templates of test processes that have ended (a process cannot clean up
/// after itself: statics are never dropped).
fn remove_stale_templates(root: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let alive = e
            .file_name()
            .to_str()
            .is_some_and(|pid| Path::new("/proc").join(pid).exists());
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

pub fn test_settings(database_url: String, data_dir: PathBuf, cookie_key: Vec<u8>) -> Settings {
    Settings {
        database_url,
        data_dir,
        https: false,
        production: false,
        cookie_key: Some(SecretSlice::from(cookie_key)),
        demo_password: None,
        session_idle: chrono::Duration::minutes(30),
        session_absolute: chrono::Duration::hours(12),
        throttle: ThrottlePolicy::default(),
        public_url: None,
        trusted_proxies: Vec::new(),
        run_jobs: false,
        operator_2fa: true,
        data_key: None,
        mail_from: DEFAULT_MAIL_FROM.into(),
        smtp: None,
        hash_threads: None,
        db_pool: None,
        // Real time: a loaded machine must not turn a count into a "busy".
        hash_wait: std::time::Duration::from_secs(120),
        shutdown_limit: std::time::Duration::from_secs(
            csp_portal::config::DEFAULT_SHUTDOWN_SECONDS,
        ),
        api_rate_per_minute: csp_portal::config::DEFAULT_API_RATE_PER_MINUTE,
        files_s3: None,
        files_presign: None,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from)
        .expect("read dir")
        .filter_map(Result::ok)
    {
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Starts the portal on a random port with a fresh store holding the demo data.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// `spawn_app` with settings changed by `configure` first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    init_logs();
    let template = template().await;
    let dir = tempfile::tempdir().expect("temp dir");
    // The template's data key and files: its product keys decrypt only with
    // that key.
    copy_dir(&template.dir, dir.path());
    let database_url = match &template.pg {
        Some((url, schema)) => copy_pg_schema(url, schema).await,
        None => format!("sqlite://{}", dir.path().join("portal.db").display()),
    };
    let mut settings = test_settings(
        database_url,
        dir.path().to_path_buf(),
        template.cookie_key.clone(),
    );
    configure(&mut settings);
    let clock = ManualClock::new(start_time());
    let db = Db::connect_sized(&settings.database_url, settings.db_pool)
        .await
        .expect("connect");
    let app_settings = settings.clone();
    let app =
        Application::build_with_db(settings, Arc::new(clock.clone()), db.clone(), "127.0.0.1:0")
            .expect("build app");
    let base = format!("http://127.0.0.1:{}", app.port());
    let health = app.store_health();
    let state = app.state();
    let stopper = app.stopper();
    let stores = app.stores();
    let serving = Some(tokio::spawn(app.run_until_stopped()));
    TestApp {
        base,
        settings: app_settings,
        db,
        stores,
        clock,
        health,
        stopper,
        serving,
        state,
        _dir: dir,
    }
}

fn rand_byte() -> u8 {
    Uuid::new_v4().as_bytes()[0]
}

pub fn with_search_path(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

pub async fn admin_connection(url: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect(url)
        .await
        .expect("TEST_DATABASE_URL is set but PostgreSQL cannot be reached")
}

pub async fn create_schema(url: &str, schema: &str) {
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut admin_connection(url).await)
        .await
        .expect("create schema");
}

/// A schema of its own for each test, in the scratch database CI made: the
/// template's tables with their data, indexes, constraints, foreign keys and
/// triggers (whose functions stay in the template schema). One statement,
/// so many tests copy at once without a lock on the template.
async fn copy_pg_schema(url: &str, template: &str) -> String {
    let schema = format!("t_{}", Uuid::new_v4().simple());
    let copy = format!(
        r#"DO $copy$
DECLARE
  r record;
  fks text[];
  triggers text[];
  statement text;
BEGIN
  CREATE SCHEMA {schema};
  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = '{template}' AND c.relkind = 'r' LOOP
    EXECUTE format('CREATE TABLE {schema}.%I (LIKE {template}.%I INCLUDING ALL)', r.relname, r.relname);
    EXECUTE format('INSERT INTO {schema}.%I SELECT * FROM {template}.%I', r.relname, r.relname);
  END LOOP;
  -- Printed while the template is the search path, definitions name its
  -- tables bare; run with the copy first on the path, they name the copy's
  -- (and the trigger functions, which only the template has, the template's).
  SELECT coalesce(array_agg(format('ALTER TABLE {schema}.%I ADD CONSTRAINT %I %s',
                                   c.relname, con.conname, pg_get_constraintdef(con.oid))), '{{}}')
    INTO fks
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = '{template}' AND con.contype = 'f';
  SELECT coalesce(array_agg(pg_get_triggerdef(t.oid, true)), '{{}}')
    INTO triggers
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = '{template}' AND NOT t.tgisinternal;
  PERFORM set_config('search_path', '{schema}, {template}', true);
  FOREACH statement IN ARRAY fks || triggers LOOP
    EXECUTE statement;
  END LOOP;
END
$copy$"#
    );
    let mut conn = admin_connection(&with_search_path(url, template)).await;
    sqlx::query(sqlx::AssertSqlSafe(copy))
        .execute(&mut conn)
        .await
        .expect("copy the template schema");
    with_search_path(url, &schema)
}

/// The demo user who holds `role`: Northwind's staff, Contoso's people, the
/// vendor's operator.
pub fn email_of(role: Role) -> &'static str {
    match role {
        Role::AdminAgent => "admin@northwind.example",
        Role::SalesAgent => "sales@northwind.example",
        Role::HelpdeskAgent => "helpdesk@northwind.example",
        Role::PartnerGlobalAdmin => "owner@northwind.example",
        Role::CustomerGlobalAdmin => "ga@contoso.example",
        Role::CustomerUser => "user@contoso.example",
        Role::Operator => "operator@portal.example",
    }
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
        Browser::new(&self.base)
    }

    /// Waits for the server (stopped through `stopper`) and its background
    /// loops to finish; the server's own result.
    pub async fn stopped(&mut self) -> std::io::Result<()> {
        self.serving
            .take()
            .expect("stopped only once")
            .await
            .expect("the server's task")
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

    /// A browser signed in as the demo user who holds `role` (at Northwind,
    /// its customer Contoso, or the vendor).
    pub async fn sign_in_as(&self, role: Role) -> Browser {
        self.signed_in(email_of(role)).await
    }

    /// The id of an organisation by name.
    /// A transaction for reading plans (`Tx::plan`): on PostgreSQL with the
    /// planner's other ways of reading a table turned off, so that the
    /// demo's few rows, which any plan would read whole and sort, show
    /// which index finds them and in what order.
    pub async fn plan_tx(&self) -> csp_portal::store::Tx {
        let mut tx = self.db.begin().await.expect("begin");
        if let csp_portal::store::Tx::Pg(c) = &mut tx {
            for off in ["enable_seqscan", "enable_bitmapscan"] {
                sqlx::query(sqlx::AssertSqlSafe(format!("SET LOCAL {off} = off")))
                    .execute(&mut **c)
                    .await
                    .expect(off);
            }
        }
        tx
    }

    pub async fn org_id(&self, name: &str) -> Uuid {
        csp_portal::store::organisations::find_by_name(&self.db, name)
            .await
            .expect("query")
            .expect("organisation exists")
            .0
    }

    /// The id of a user by email.
    pub async fn user_id(&self, email: &str) -> Uuid {
        csp_portal::store::users::credentials_by_email(&self.db, email)
            .await
            .expect("query")
            .expect("user exists")
            .id
    }

    /// The running application's state, for running jobs as the server would.
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    pub fn clock_now(&self) -> chrono::DateTime<Utc> {
        csp_portal::clock::Clock::now(&self.clock)
    }

    /// The mails written to the outbox so far, oldest first, each as
    /// `To:` and `Subject:` lines, a blank line and the body, decoded from
    /// whatever transfer encoding lettre chose (quoted-printable folds long
    /// lines, links among them). Sent order is the Message-ID's, which
    /// starts with the send time (the file names are random).
    pub fn mails(&self) -> Vec<String> {
        let mut mails: Vec<(String, String)> =
            std::fs::read_dir(self.settings.data_dir.join("outbox"))
                .map(|d| {
                    d.filter_map(Result::ok)
                        .filter_map(|e| std::fs::read(e.path()).ok())
                        .filter_map(|raw| readable_mail(&raw))
                        .collect()
                })
                .unwrap_or_default();
        mails.sort();
        mails.into_iter().map(|(_, text)| text).collect()
    }

    /// Waits (up to 10 s, on a loaded machine) for mail sent after an
    /// answer to reach the outbox.
    pub async fn mails_when(&self, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        self.mails_within(500, done).await
    }

    /// `mails_when`, giving up after `polls` polls of 20 ms.
    pub async fn mails_within(&self, polls: u32, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        for _ in 0..polls {
            let m = self.mails();
            if done(&m) {
                return m;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        self.mails()
    }

    pub async fn audit_actions(&self, org: Uuid) -> Vec<String> {
        csp_portal::store::audit::recent_for_org(&self.db, org, 100)
            .await
            .expect("audit")
            .into_iter()
            .map(|e| e.action.to_string())
            .collect()
    }
}

/// (Message-ID, readable text) of one outbox file; `None` for one whose headers
/// are not all written yet.
fn readable_mail(raw: &[u8]) -> Option<(String, String)> {
    let m = mail_parser::MessageParser::default().parse(raw)?;
    let id = m.message_id()?.to_owned();
    let to = m.to()?.first()?.address()?.to_owned();
    let subject = m.subject()?.to_owned();
    let body = m.body_text(0)?;
    Some((id, format!("To: {to}\r\nSubject: {subject}\r\n\r\n{body}")))
}

impl Browser {
    /// A browser with an empty cookie jar, at `base`.
    pub fn new(base: &str) -> Browser {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        Browser {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(reqwest::redirect::Policy::none())
                // Below the server's 5 s keep-alive: a test that checks a
                // page for longer on a loaded machine would otherwise send
                // its next request on a connection the server is closing
                // (hyper's IncompleteMessage).
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .expect("client"),
            jar,
            csrf: None,
        }
    }

    /// The same browser (cookies, CSRF token) talking to another instance
    /// at `base`: cookies are the host's, whatever the port.
    pub fn at(&self, base: &str) -> Browser {
        Browser {
            base: base.to_owned(),
            client: self.client.clone(),
            jar: self.jar.clone(),
            csrf: self.csrf.clone(),
        }
    }

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

    /// A GET with extra request headers (`Accept-Language`...).
    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut req = self.client.get(format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("GET");
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

    /// Posts a multipart form as the portal's upload form sends it: the CSRF
    /// token last seen in a page is the first part, then the parts `build`
    /// adds.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        build: impl FnOnce(reqwest::multipart::Form) -> reqwest::multipart::Form,
    ) -> Page {
        let token = self.csrf.clone().unwrap_or_default();
        let form = build(reqwest::multipart::Form::new().text("csrf_token", token));
        self.post_multipart_raw(path, form).await
    }

    /// Posts exactly this multipart form (for CSRF and limit tests).
    pub async fn post_multipart_raw(&mut self, path: &str, form: reqwest::multipart::Form) -> Page {
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .expect("POST");
        self.page(res).await
    }

    /// A POST written by hand on a connection of its own, for bodies reqwest
    /// does not send: a declared length never sent, chunked, cut short. The
    /// head carries this browser's cookies and `headers`; the body is then
    /// written with [`RawPost`].
    pub async fn raw_post_start(&self, path: &str, headers: &[(&str, String)]) -> RawPost {
        use tokio::io::AsyncWriteExt;
        let addr = self.base.trim_start_matches("http://").to_owned();
        let stream = tokio::net::TcpStream::connect(&addr)
            .await
            .expect("connect");
        let (rd, mut wr) = stream.into_split();
        let mut head = format!("POST {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n");
        if let Some(c) = self.cookies() {
            head.push_str(&format!("cookie: {c}\r\n"));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        wr.write_all(head.as_bytes()).await.expect("write head");
        RawPost { rd, wr: Some(wr) }
    }

    /// A hand-written POST whose `body` is written as it comes while the
    /// response is read, so the response is seen however much of the body
    /// the server reads; the connection stays open until then.
    pub async fn raw_post(
        &self,
        path: &str,
        headers: &[(&str, String)],
        body: Box<dyn Iterator<Item = Vec<u8>> + Send>,
    ) -> Page {
        let mut post = self.raw_post_start(path, headers).await;
        let mut wr = post.wr.take().expect("open");
        let writer = tokio::spawn(async move {
            use tokio::io::AsyncWriteExt;
            for piece in body {
                if wr.write_all(&piece).await.is_err() {
                    return;
                }
            }
            std::future::pending::<()>().await;
        });
        let page = post.response().await;
        writer.abort();
        page
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Page {
        self.get("/sign-in").await;
        self.post("/sign-in", &[("email", email), ("password", password)])
            .await
    }

    /// Fetches the sign-in form, then posts it with exactly this `Cookie`
    /// header added to the ones of the form's visit; returns the status.
    pub async fn replay_post_cookie(
        &mut self,
        extra_cookie: &str,
        email: &str,
        password: &str,
    ) -> StatusCode {
        self.get("/sign-in").await;
        let cookies = format!("{}; {extra_cookie}", self.cookies().unwrap_or_default());
        let token = self.csrf.clone().unwrap_or_default();
        let res = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .post(format!("{}/sign-in", self.base))
            .header("cookie", cookies)
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", email),
                ("password", password),
            ])
            .send()
            .await
            .expect("POST");
        res.status()
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

/// A hand-written request under way (see [`Browser::raw_post_start`]).
pub struct RawPost {
    rd: tokio::net::tcp::OwnedReadHalf,
    wr: Option<tokio::net::tcp::OwnedWriteHalf>,
}

impl RawPost {
    pub async fn send(&mut self, bytes: &[u8]) {
        use tokio::io::AsyncWriteExt;
        let wr = self.wr.as_mut().expect("open");
        wr.write_all(bytes).await.expect("write body");
    }

    /// Closes the sending side, as a browser that goes away mid-upload.
    pub async fn half_close(&mut self) {
        use tokio::io::AsyncWriteExt;
        if let Some(mut wr) = self.wr.take() {
            let _ = wr.shutdown().await;
        }
    }

    /// Reads the response (status, headers, a body of `content-length`).
    pub async fn response(mut self) -> Page {
        use tokio::io::AsyncReadExt;
        let read = async {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 8192];
            let end_of_head = loop {
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i + 4;
                }
                let n = self.rd.read(&mut chunk).await.expect("read response");
                assert!(n > 0, "connection closed without a response");
                buf.extend_from_slice(&chunk[..n]);
            };
            let head = String::from_utf8_lossy(&buf[..end_of_head]).into_owned();
            let status: u16 = head
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .expect("status");
            let mut headers = HeaderMap::new();
            for line in head.lines().skip(1) {
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                if let (Ok(k), Ok(v)) = (
                    reqwest::header::HeaderName::from_bytes(k.trim().as_bytes()),
                    reqwest::header::HeaderValue::from_str(v.trim()),
                ) {
                    headers.append(k, v);
                }
            }
            let length: usize = headers
                .get("content-length")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            while buf.len() < end_of_head + length {
                let n = self.rd.read(&mut chunk).await.expect("read response");
                assert!(n > 0, "connection closed mid-response");
                buf.extend_from_slice(&chunk[..n]);
            }
            Page {
                status: StatusCode::from_u16(status).expect("status"),
                headers,
                body: String::from_utf8_lossy(&buf[end_of_head..end_of_head + length]).into_owned(),
            }
        };
        // A guard, not a wait: a server that waits for a body never sent
        // fails the test instead of hanging it.
        tokio::time::timeout(std::time::Duration::from_secs(60), read)
            .await
            .expect("the server answered")
    }
}

/// A billing question: a form any partner agent can file.
pub fn question(f: reqwest::multipart::Form) -> reqwest::multipart::Form {
    f.text("idempotency_key", uuid::Uuid::new_v4().to_string())
        .text("problem_type", "billing")
        .text("impact", "minimal")
        .text("title", "Invoice question")
        .text("description", "Which VAT number is on the invoice?")
        .text("contact_name", "Alex Admin")
        .text("contact_email", "admin@northwind.example")
        .text("contact_phone", "+1 425 555 0100")
}

/// Runs `$run` with `$pool` bound to the app's pool, whichever store it is
/// (a change made behind the server's back), and unwraps its result.
macro_rules! on_pool {
    ($app:expr, |$pool:ident| $run:expr) => {
        match &$app.db {
            csp_portal::store::Db::Sqlite($pool) => $run.await.map(|_| ()),
            csp_portal::store::Db::Pg($pool) => $run.await.map(|_| ()),
        }
        .unwrap()
    };
}
pub(crate) use on_pool;

/// How the index a plan reads a table from was created: PostgreSQL's step
/// `... using <index> on <pg_table>`, SQLite's `SEARCH|SCAN <sqlite_name>
/// USING ... INDEX <index>`. The PostgreSQL tests' schemas are copies whose
/// indexes have generated names, so a test asks what the index holds.
pub async fn index_definition(
    tx: &mut csp_portal::store::Tx,
    plan: &str,
    pg_table: &str,
    sqlite_name: &str,
) -> String {
    let (step, name) = match tx {
        csp_portal::store::Tx::Pg(_) => (
            plan.lines()
                .find(|l| l.ends_with(&format!(" on {pg_table}"))),
            r"using (\w+) on",
        ),
        csp_portal::store::Tx::Sqlite(_) => (
            plan.lines().find(|l| {
                l.starts_with(&format!("SEARCH {sqlite_name} "))
                    || l.starts_with(&format!("SCAN {sqlite_name} "))
            }),
            r"INDEX (\w+)",
        ),
    };
    let name = step
        .and_then(|l| regex::Regex::new(name).unwrap().captures(l))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| panic!("no index read from {pg_table} in\n{plan}"));
    match tx {
        csp_portal::store::Tx::Sqlite(c) => {
            sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $1")
                .bind(&name)
                .fetch_one(&mut **c)
                .await
        }
        csp_portal::store::Tx::Pg(c) => sqlx::query_scalar(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1",
        )
        .bind(&name)
        .fetch_one(&mut **c)
        .await,
    }
    .unwrap_or_else(|e| panic!("index {name}: {e}"))
}
