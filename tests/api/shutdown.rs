//! Stopping as SIGTERM does: no new connections, requests in flight
//! (downloads too) finished up to the shutdown limit, the job loop stopped.

use std::time::Duration;

use chrono::{DateTime, Utc};
use csp_portal::domain::role::Role;
use csp_portal::store::Db;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app, spawn_app_with};

/// Registers a download file of `bytes` bytes on `sku` (a new en-GB
/// variant) at `now`; its id.
pub async fn add_big_file(
    db: &Db,
    files_dir: &std::path::Path,
    now: DateTime<Utc>,
    sku: &str,
    bytes: u64,
) -> Uuid {
    let product = csp_portal::store::catalog::product_by_sku(db, sku)
        .await
        .unwrap()
        .unwrap();
    let variant = csp_portal::store::catalog::VariantSpec {
        version: "2022".into(),
        language: "en-GB".into(),
        bitness: "64-bit".into(),
        file_type: String::new(),
        os: String::new(),
    };
    let files = csp_portal::files::FileStore::new(files_dir);
    let mut tx = db.begin().await.unwrap();
    let stored = csp_portal::import::files::add(
        &mut tx,
        &files,
        now,
        &product,
        &variant,
        "big.iso",
        tokio::io::repeat(0x5a).take(bytes),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    csp_portal::store::software::files_of_product(db, product.id)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.storage_name == stored.storage_name)
        .expect("the new file")
        .id
}

/// A download whose client reads the head and then stops reading, with a
/// small receive buffer, so the server is left with the body to send.
pub struct StalledDownload {
    stream: tokio::net::TcpStream,
    pub status: u16,
    pub length: usize,
    body_so_far: usize,
}

impl StalledDownload {
    pub async fn start(b: &Browser, path: &str) -> StalledDownload {
        let addr: std::net::SocketAddr = b.base.trim_start_matches("http://").parse().unwrap();
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_recv_buffer_size(16 * 1024).unwrap();
        let mut stream = socket.connect(addr).await.unwrap();
        let cookie = b.cookies().unwrap_or_default();
        let head = format!(
            "GET {path} HTTP/1.1\r\nhost: {addr}\r\ncookie: {cookie}\r\nconnection: close\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "closed before the head");
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map(|v| v.trim().parse().unwrap())
            .unwrap_or(0);
        StalledDownload {
            stream,
            status,
            length,
            body_so_far: buf.len() - end,
        }
    }

    /// Reads on to the end of the connection; the body's bytes in all.
    pub async fn finish(mut self) -> usize {
        let mut total = self.body_so_far;
        let mut chunk = vec![0u8; 64 * 1024];
        let read = async {
            loop {
                match self.stream.read(&mut chunk).await {
                    Ok(0) | Err(_) => return total,
                    Ok(n) => total += n,
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(60), read)
            .await
            .expect("the connection ended")
    }
}

/// Whether a new connection to `base` is refused, asked until it is (or 10
/// s on a loaded machine).
pub async fn refuses_connections(base: &str) -> bool {
    let addr = base.trim_start_matches("http://").to_owned();
    for _ in 0..500 {
        if tokio::net::TcpStream::connect(&addr).await.is_err() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}

const BIG: u64 = 16 * 1024 * 1024;

/// An admin agent's download of a big file on a Contoso purchase, stalled.
async fn a_big_download(app: &TestApp) -> StalledDownload {
    let (sub, _) = crate::software::contoso_purchase(app, "WS2022-DAT").await;
    let files = app.settings.files_dir();
    let file = add_big_file(&app.db, &files, app.clock_now(), "WS2022-DAT", BIG).await;
    let contoso = app.org_id("Contoso").await;
    let b = app.sign_in_as(Role::AdminAgent).await;
    let path = format!("/customers/{contoso}/software/{sub}/files/{file}");
    let download = StalledDownload::start(&b, &path).await;
    assert_eq!(download.status, 200);
    download
}

#[tokio::test]
async fn a_download_in_flight_when_the_server_stops_is_finished_while_new_connections_are_refused()
{
    let mut app = spawn_app().await;
    let download = a_big_download(&app).await;
    assert_eq!(download.length as u64, BIG);

    let stopper = app.stopper.clone();
    let stopping = tokio::spawn(async move { stopper.stop().await });
    assert!(refuses_connections(&app.base).await, "the listener closes");
    assert!(!stopping.is_finished(), "the stop waits for the download");
    assert_eq!(download.finish().await as u64, BIG, "the whole file");
    stopping.await.unwrap();
    app.stopped().await.expect("a clean stop");
}

#[tokio::test]
async fn a_download_still_running_at_the_shutdown_limit_is_cut_off() {
    let mut app = spawn_app_with(|s| s.shutdown_limit = Duration::from_secs(1)).await;
    let download = a_big_download(&app).await;
    // The client reads nothing until the stop is over: the limit passes.
    app.stopper.stop().await;
    app.stopped().await.expect("a clean stop");
    assert!((download.finish().await as u64) < BIG, "cut off");
}

#[tokio::test]
async fn the_job_loop_finishes_its_pass_and_stops_with_the_server() {
    let capture = crate::helpers::capture_logs();
    let mut app = spawn_app_with(|s| s.run_jobs = true).await;
    // The first pass runs at start; each pass logs under an id of its own.
    let ran = regex::Regex::new(r"job\{id=[0-9a-f]{12}\}:.* jobs ran").unwrap();
    for _ in 0..500 {
        if ran.is_match(&capture.text()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(ran.is_match(&capture.text()), "{}", capture.text());
    app.stopper.stop().await;
    tokio::time::timeout(Duration::from_secs(10), app.stopped())
        .await
        .expect("the loops stop at once between passes")
        .expect("a clean stop");
}
