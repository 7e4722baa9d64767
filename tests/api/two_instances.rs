//! Two `csp-portal serve` processes on one store: PostgreSQL when
//! TEST_DATABASE_URL names one (as in `.ci/run`), else one SQLite file.
//! Nothing that must hold across instances lives in a process: a session
//! made on one is valid on the other and signing out on one ends it on
//! both; a link's cap, an order's idempotency key and a reminder hold across
//! both; a signal stops an instance without cutting off its downloads; and
//! every line either logs while serving carries the id of its request or
//! job pass.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use base64::Engine;
use csp_portal::clock::{Clock, ManualClock, SystemClock};
use csp_portal::store::{Db, catalog, links, orders, organisations};
use reqwest::StatusCode;
use secrecy::SecretString;
use uuid::Uuid;

use crate::helpers::{
    Browser, KEYS_PER_PRODUCT, PASSWORD, create_schema, pg_url, test_settings, with_search_path,
};
use crate::shutdown::{StalledDownload, add_big_file, refuses_connections};

const ADMIN: &str = "admin@northwind.example";

/// One store with the demo data, loaded 50 days ago: Contoso's purchase
/// made 5 days before that now has 5 days left to cancel, so a reminder is
/// due the moment the instances start.
struct SharedStore {
    url: String,
    data_dir: PathBuf,
    /// Set the same on every instance, as the README says.
    cookie_key: String,
    db: Db,
    _dir: tempfile::TempDir,
}

async fn shared_store() -> SharedStore {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let url = match pg_url() {
        Some(base) => {
            let schema = format!("multi_{}", Uuid::new_v4().simple());
            create_schema(&base, &schema).await;
            with_search_path(&base, &schema)
        }
        None => format!("sqlite://{}", data_dir.join("portal.db").display()),
    };
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let settings = test_settings(url.clone(), data_dir.clone(), Vec::new());
    let cipher = csp_portal::crypto::KeyCipher::from_settings(&settings).unwrap();
    let files = csp_portal::files::FileStore::new(settings.files_dir());
    let clock = ManualClock::new(SystemClock.now() - chrono::Duration::days(50));
    let assets = csp_portal::demo::DemoAssets {
        cipher: &cipher,
        files: &files,
        keys_per_product: KEYS_PER_PRODUCT,
        file_bytes: 4096,
    };
    csp_portal::demo::load(&db, &clock, &SecretString::from(PASSWORD), &assets)
        .await
        .unwrap();
    let key: Vec<u8> = (0..64).map(|_| Uuid::new_v4().as_bytes()[0]).collect();
    SharedStore {
        url,
        data_dir,
        cookie_key: base64::engine::general_purpose::STANDARD.encode(key),
        db,
        _dir: dir,
    }
}

/// A `csp-portal serve` process, killed if the test ends without stopping it.
struct Instance {
    name: &'static str,
    child: Child,
    log: PathBuf,
    base: String,
}

impl Instance {
    /// Starts the built binary with its own port and log file; `ready`
    /// waits for it.
    fn spawn(store: &SharedStore, name: &'static str) -> Instance {
        Instance::spawn_with(store, name, &[])
    }

    /// `spawn`, with more of the environment (a bucket's settings).
    fn spawn_with(store: &SharedStore, name: &'static str, env: &[(&str, String)]) -> Instance {
        let log = store.data_dir.join(format!("{name}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_csp-portal"))
            .args(["serve", "--bind", "127.0.0.1:0", "--no-demo"])
            // Only what is set here: none of the caller's PORTAL_* settings.
            .env_clear()
            .env("DATABASE_URL", &store.url)
            .env("PORTAL_DATA_DIR", &store.data_dir)
            .env("PORTAL_COOKIE_KEY", &store.cookie_key)
            .env("PORTAL_JOBS", "true")
            .env("PORTAL_SHUTDOWN_SECONDS", "30")
            .env("NO_COLOR", "1")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap();
        Instance {
            name,
            child,
            log,
            base: String::new(),
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits (up to 60 s, on a loaded machine) for `found` in the log.
    async fn log_shows(&mut self, found: impl Fn(&str) -> bool) -> String {
        for _ in 0..3000 {
            let text = self.log_text();
            if found(&text) {
                return text;
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("{} exited ({status}):\n{text}", self.name);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("{} never logged it:\n{}", self.name, self.log_text());
    }

    /// Waits for the address the instance prints once it listens.
    async fn ready(&mut self) {
        let text = self
            .log_shows(|t| t.contains("Serving the portal at "))
            .await;
        let line = text
            .lines()
            .find_map(|l| l.strip_prefix("Serving the portal at "))
            .unwrap();
        self.base = line.trim().to_owned();
    }

    fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([format!("-{signal}"), self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal}");
    }

    /// Waits (up to 60 s) for the process to exit.
    async fn exit(&mut self) -> ExitStatus {
        for _ in 0..3000 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("{} did not exit:\n{}", self.name, self.log_text());
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// (To, Subject) of every mail in the shared outbox, with how often each
/// was sent.
fn mails(data_dir: &Path) -> BTreeMap<(String, String), usize> {
    let mut sent = BTreeMap::new();
    for e in std::fs::read_dir(data_dir.join("outbox"))
        .map(|d| d.filter_map(Result::ok).collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let header = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_default()
                .to_owned()
        };
        *sent
            .entry((header("To: "), header("Subject: ")))
            .or_insert(0) += 1;
    }
    sent
}

/// The portal's log lines (not what it prints) from the moment it serves
/// until a signal stops it, that carry no id of a request or job pass.
/// Stopping is left out: as worker threads end, sqlx may log that a pooled
/// connection opened on one of them failed its check on release, a line of
/// the pool's own with no request to name.
fn lines_without_an_id(log: &str) -> Vec<String> {
    let log_line =
        regex::Regex::new(r"^\d{4}-\d\d-\d\dT\S+\s+(TRACE|DEBUG|INFO|WARN|ERROR) ").unwrap();
    log.lines()
        .filter(|l| log_line.is_match(l))
        .skip_while(|l| !l.contains(" serving "))
        .skip(1)
        .take_while(|l| !l.contains(" stopping: "))
        .filter(|l| !l.contains("request{id=") && !l.contains("job{id="))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn two_instances_on_one_store_share_sessions_caps_orders_and_reminders() {
    let store = shared_store().await;
    let now = SystemClock.now();
    let (sub, file) = crate::software::contoso_purchase_in(&store.db, "WS2022-DAT").await;
    let big_size: u64 = 16 * 1024 * 1024;
    let big = add_big_file(
        &store.db,
        &store.data_dir.join("files"),
        now,
        "WS2022-DAT",
        big_size,
    )
    .await;
    let contoso = organisations::find_by_name(&store.db, "Contoso")
        .await
        .unwrap()
        .unwrap()
        .0;

    // Both start at once, and each runs the reminder job as it starts.
    let mut a = Instance::spawn(&store, "a");
    let mut b = Instance::spawn(&store, "b");
    a.ready().await;
    b.ready().await;
    for i in [&mut a, &mut b] {
        i.log_shows(|t| t.contains("jobs ran")).await;
    }
    let sent = mails(&store.data_dir);
    assert!(
        sent.keys()
            .any(|(to, subject)| to == ADMIN && subject.starts_with("7 days left to cancel")),
        "the due reminder was sent: {sent:?}"
    );
    assert!(sent.values().all(|n| *n == 1), "each mail once: {sent:?}");

    // A session made on A is valid on B; signing out on B ends it on both.
    let mut on_a = Browser::new(&a.base);
    let signed = on_a.sign_in(ADMIN, PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let mut on_b = on_a.at(&b.base);
    let page = on_b.get("/customers").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Contoso"));
    let cookie = on_a.cookies().unwrap();
    let out = on_b.post("/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER, "{}", out.body);
    for (name, base) in [("A", &a.base), ("B", &b.base)] {
        let replayed = Browser::new(base).replay(&cookie, "/customers").await;
        assert_eq!(replayed.status, StatusCode::SEE_OTHER, "{name}");
        assert!(
            replayed
                .location()
                .unwrap_or_default()
                .starts_with("/sign-in"),
            "{name}: the old cookie opens nothing"
        );
    }

    // A link's 50 downloads, asked for 70 times at once across both.
    let mut admin = Browser::new(&a.base);
    assert_eq!(
        admin.sign_in(ADMIN, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let link = crate::software::make_link(&mut admin, contoso, sub, file).await;
    let client = reqwest::Client::new();
    let fetches = (0..70).map(|i| {
        let url = format!("{}{link}", if i % 2 == 0 { &a.base } else { &b.base });
        let client = client.clone();
        async move {
            let res = client.get(url).send().await.unwrap();
            let status = res.status();
            (status, res.bytes().await.unwrap().len())
        }
    });
    let answers = futures_util::future::join_all(fetches).await;
    let whole = answers
        .iter()
        .filter(|(s, len)| *s == StatusCode::OK && *len == 4096)
        .count();
    assert_eq!(whole, 50, "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(s, _)| *s == StatusCode::OK || s.is_client_error()),
        "{answers:?}"
    );
    let hash = csp_portal::crypto::token_hash(link.trim_start_matches("/d/"));
    let used = links::by_token(&store.db, &hash)
        .await
        .unwrap()
        .unwrap()
        .downloads_used;
    assert_eq!(used, 50);

    // One order, though its form is submitted to both at once.
    let ws = catalog::product_by_sku(&store.db, "WS2022-STA")
        .await
        .unwrap()
        .unwrap()
        .id;
    let orders_before = orders::order_count(&store.db).await.unwrap();
    let (_, key) = crate::orders::review(&mut admin, contoso, &[(ws, "1")]).await;
    assert!(!key.is_empty());
    let mut admin_on_b = admin.at(&b.base);
    let line = [(ws, "1")];
    let (first, second) = tokio::join!(
        crate::orders::place(&mut admin, contoso, &key, &line),
        crate::orders::place(&mut admin_on_b, contoso, &key, &line)
    );
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    assert_eq!(first.location(), second.location());
    assert_eq!(
        orders::order_count(&store.db).await.unwrap(),
        orders_before + 1
    );

    // SIGINT (Ctrl-C) stops A gracefully: its listener closes, the download
    // under way is finished, and the process exits cleanly; B serves on.
    let download = StalledDownload::start(
        &admin,
        &format!("/customers/{contoso}/software/{sub}/files/{big}"),
    )
    .await;
    assert_eq!(download.status, 200);
    a.signal("INT");
    assert!(refuses_connections(&a.base).await, "A stops accepting");
    assert_eq!(download.finish().await as u64, big_size, "the whole file");
    assert!(a.exit().await.success(), "{}", a.log_text());
    assert!(a.log_text().contains("stopped"));
    let ready = Browser::new(&b.base).get("/health/ready").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    b.signal("TERM");
    assert!(b.exit().await.success(), "{}", b.log_text());

    for i in [&a, &b] {
        let bare = lines_without_an_id(&i.log_text());
        assert!(
            bare.is_empty(),
            "{}: lines without an id: {bare:#?}\nin:\n{}",
            i.name,
            i.log_text()
        );
    }
}

/// Two instances on one store and one bucket, the files moved there by
/// `csp-portal files migrate` and the switch made with PORTAL_FILES_URL:
/// a file an operator uploads through A is downloaded through B (redirected
/// to a presigned URL), an attachment filed through A is streamed by B, and
/// a link asked for 70 times across both is counted 50 times.
#[tokio::test]
async fn two_instances_on_one_bucket_serve_each_others_files_and_hold_a_links_cap() {
    let Some(s3) = crate::s3_server::s3().await else {
        return;
    };
    let store = shared_store().await;
    let location = s3.location();
    let bucket_env = s3.env(&location);
    let migrated = Command::new(env!("CARGO_BIN_EXE_csp-portal"))
        .args(["files", "migrate", "--to", &location.url()])
        .env_clear()
        .env("DATABASE_URL", &store.url)
        .env("PORTAL_DATA_DIR", &store.data_dir)
        .envs(
            bucket_env
                .iter()
                .filter(|(k, _)| *k != "PORTAL_FILES_URL")
                .map(|(k, v)| (*k, v.as_str())),
        )
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&migrated.stdout).into_owned();
    assert!(
        migrated.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&migrated.stderr)
    );
    assert!(said.contains("Nothing was switched"), "{said}");
    std::fs::remove_dir_all(store.data_dir.join("files")).unwrap();

    let mut env = bucket_env.clone();
    env.push(("PORTAL_FILES_PRESIGN", "300s".into()));
    let mut a = Instance::spawn_with(&store, "a", &env);
    let mut b = Instance::spawn_with(&store, "b", &env);
    a.ready().await;
    b.ready().await;
    let contoso = organisations::find_by_name(&store.db, "Contoso")
        .await
        .unwrap()
        .unwrap()
        .0;
    let (sub, demo_file) = crate::software::contoso_purchase_in(&store.db, "WS2022-DAT").await;

    // An operator uploads a file through A.
    let ws = catalog::product_by_sku(&store.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    let variant = catalog::variants_of(&store.db, ws.id)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.language == "pl-PL")
        .unwrap();
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let mut op = Browser::new(&a.base);
    assert_eq!(
        op.sign_in("operator@portal.example", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let path = format!("/operator/catalog/{}/files", ws.id);
    op.get(&path).await;
    let (vid, sent) = (variant.id.to_string(), bytes.clone());
    let added = op
        .post_multipart(&path, move |f| {
            f.text("variant", vid).text("name", "").part(
                "file",
                reqwest::multipart::Part::bytes(sent).file_name("ws-pl.iso"),
            )
        })
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let file = catalog::variants_with_files(&store.db, ws.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.file_name.as_deref() == Some("ws-pl.iso"))
        .unwrap()
        .id;

    // B hands the partner a presigned URL to it.
    let mut admin = Browser::new(&b.base);
    assert_eq!(
        admin.sign_in(ADMIN, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = no_redirects
        .get(format!(
            "{}/customers/{contoso}/software/{sub}/files/{file}",
            b.base
        ))
        .header("cookie", admin.cookies().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let signed = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(signed.starts_with(&s3.endpoint), "{signed}");
    let got = reqwest::get(&signed).await.unwrap().bytes().await.unwrap();
    assert!(
        got.as_ref() == bytes.as_slice(),
        "the file arrives byte for byte"
    );

    // An attachment filed through A is streamed by B to the operator.
    let mut filer = Browser::new(&a.base);
    assert_eq!(
        filer.sign_in(ADMIN, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    filer.get("/support/new").await;
    let filed = filer
        .post_multipart("/support", |f| {
            crate::helpers::question(f).part(
                "files",
                reqwest::multipart::Part::text("disk full on node 3").file_name("node3.log"),
            )
        })
        .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let request = filed.location().unwrap().to_owned();
    let page = filer.get(&request).await;
    let href = regex::Regex::new(r#"href="(/support/[^"]+/attachments/[^"]+)""#)
        .unwrap()
        .captures(&page.body)
        .expect("an attachment link")[1]
        .replace("/support/", "/operator/requests/");
    let mut op_on_b = op.at(&b.base);
    let fetched = op_on_b.get(&href).await;
    assert_eq!(fetched.status, StatusCode::OK, "streamed, never redirected");
    assert_eq!(fetched.body, "disk full on node 3");

    // A link's 50 downloads, asked for 70 times at once across both.
    let link = crate::software::make_link(&mut admin, contoso, sub, demo_file).await;
    let fetches = (0..70).map(|i| {
        let url = format!("{}{link}", if i % 2 == 0 { &a.base } else { &b.base });
        let client = no_redirects.clone();
        async move { client.get(url).send().await.unwrap().status() }
    });
    let answers = futures_util::future::join_all(fetches).await;
    let redirected = answers.iter().filter(|s| **s == StatusCode::FOUND).count();
    assert_eq!(redirected, 50, "{answers:?}");
    // The rest are refused: used up, or (a loaded machine's pool wait) busy
    // with nothing counted.
    assert!(
        answers.iter().all(|s| matches!(
            *s,
            StatusCode::FOUND | StatusCode::GONE | StatusCode::SERVICE_UNAVAILABLE
        )),
        "{answers:?}"
    );
    let hash = csp_portal::crypto::token_hash(link.trim_start_matches("/d/"));
    let used = links::by_token(&store.db, &hash)
        .await
        .unwrap()
        .unwrap()
        .downloads_used;
    assert_eq!(used, 50);
    a.signal("TERM");
    b.signal("TERM");
    assert!(a.exit().await.success(), "{}", a.log_text());
    assert!(b.exit().await.success(), "{}", b.log_text());
}
