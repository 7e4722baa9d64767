//! Report a problem's upload limits: the form as a whole is bounded (parts,
//! each text field, all text, the body) and refused with a message as soon as
//! it passes a limit, writing nothing; and a form refused after its files
//! were stored leaves none of them on disk.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::Part;

use crate::helpers::{Browser, TestApp, question, spawn_app};

const BOUNDARY: &str = "limits-test-boundary";

/// Nothing filed and no attachment left on disk.
async fn nothing_written(app: &TestApp, b: &mut Browser) {
    let list = b.get("/support").await;
    assert!(!list.body.contains("SR-"), "no request filed");
    let stored = std::fs::read_dir(app.settings.data_dir.join("attachments"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(stored, 0, "no attachment on disk");
}

/// The opening of a hand-written multipart body: the token part, then the
/// head of a file part whose content follows.
fn token_then_file_head(token: &str, file_name: &str) -> Vec<u8> {
    format!(
        "--{BOUNDARY}\r\ncontent-disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n\
         --{BOUNDARY}\r\ncontent-disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\n\
         content-type: application/pdf\r\n\r\n"
    )
    .into_bytes()
}

fn multipart_type() -> (&'static str, String) {
    (
        "content-type",
        format!("multipart/form-data; boundary={BOUNDARY}"),
    )
}

async fn report_form(app: &TestApp) -> (Browser, String) {
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/support/new").await;
    let token = b.csrf.clone().expect("token");
    (b, token)
}

#[tokio::test]
async fn a_form_with_too_many_parts_is_refused() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    let res = b
        .post_multipart("/support", |f| {
            (0..60).fold(question(f), |f, i| f.text(format!("extra{i}"), "x"))
        })
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    assert!(res.body.contains("This form has more than 40 parts."));
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn a_text_field_past_its_limit_is_refused_with_a_message() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    let res = b
        .post_multipart("/support", |f| {
            question(f).text("description", "a".repeat(64 * 1024 + 1))
        })
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    assert!(res.body.contains("A text field is longer than 64.0 KiB."));
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn text_fields_past_their_total_are_refused() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    let res = b
        .post_multipart("/support", |f| {
            (0..5).fold(question(f), |f, i| {
                f.text(format!("extra{i}"), "a".repeat(60 * 1024))
            })
        })
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    assert!(
        res.body
            .contains("The text fields add up to more than 256.0 KiB.")
    );
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn a_body_declared_past_the_limit_is_refused_before_it_is_sent() {
    let app = spawn_app().await;
    let (mut b, token) = report_form(&app).await;
    // Only the token and the head of a file are ever sent: a server that
    // read on would wait for the rest.
    let res = b
        .raw_post(
            "/support",
            &[
                multipart_type(),
                ("content-length", (1u64 << 30).to_string()),
            ],
            Box::new(std::iter::once(token_then_file_head(&token, "big.pdf"))),
        )
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    assert!(
        res.body
            .contains("This form is larger than 36.0 MiB in all.")
    );
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn a_chunked_body_is_counted_as_it_streams() {
    let app = spawn_app().await;
    let (mut b, token) = report_form(&app).await;
    // 40 MiB of one file, sent chunked (no length declared): the file alone
    // would only be "larger than 10 MiB"; the body passes the whole limit.
    let piece = vec![b'x'; 64 * 1024];
    let body = std::iter::once(token_then_file_head(&token, "big.pdf"))
        .chain(std::iter::repeat_n(piece, 640))
        .chain(std::iter::once(
            format!("\r\n--{BOUNDARY}--\r\n").into_bytes(),
        ))
        .map(|p| {
            let mut framed = format!("{:x}\r\n", p.len()).into_bytes();
            framed.extend_from_slice(&p);
            framed.extend_from_slice(b"\r\n");
            framed
        })
        .chain(std::iter::once(b"0\r\n\r\n".to_vec()));
    let res = b
        .raw_post(
            "/support",
            &[
                multipart_type(),
                ("transfer-encoding", "chunked".to_owned()),
            ],
            Box::new(body),
        )
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    assert!(
        res.body
            .contains("This form is larger than 36.0 MiB in all.")
    );
    nothing_written(&app, &mut b).await;
}

fn attachments_on_disk(app: &TestApp) -> usize {
    std::fs::read_dir(app.settings.data_dir.join("attachments"))
        .map(|d| d.count())
        .unwrap_or(0)
}

fn proof() -> Part {
    Part::bytes(b"%PDF-1.4 proof".repeat(1000)).file_name("proof.pdf")
}

#[tokio::test]
async fn a_file_then_an_oversize_text_field_leaves_no_file() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    let res = b
        .post_multipart("/support", |f| {
            question(f)
                .part("files", proof())
                .text("refund_reason", "a".repeat(64 * 1024 + 1))
        })
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn a_file_then_malformed_text_leaves_no_file() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    let res = b
        .post_multipart("/support", |f| {
            question(f)
                .part("files", proof())
                .part("refund_reason", Part::bytes(vec![b'a', 0xff, 0xfe]))
        })
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    nothing_written(&app, &mut b).await;
}

#[tokio::test]
async fn an_upload_aborted_after_a_file_leaves_no_file() {
    let app = spawn_app().await;
    let (mut b, token) = report_form(&app).await;
    // A whole file, then the start of a text field...
    let mut sent = token_then_file_head(&token, "proof.pdf");
    sent.extend_from_slice(&b"%PDF-1.4 proof".repeat(1000));
    sent.extend_from_slice(
        format!(
            "\r\n--{BOUNDARY}\r\ncontent-disposition: form-data; name=\"title\"\r\n\r\nInvoice"
        )
        .as_bytes(),
    );
    let declared = sent.len() + 1000;
    let mut post = b
        .raw_post_start(
            "/support",
            &[multipart_type(), ("content-length", declared.to_string())],
        )
        .await;
    post.send(&sent).await;
    // ...and once the server has stored the file, the browser goes away.
    let stored = async {
        while attachments_on_disk(&app) == 0 || parts_on_disk(&app) > 0 {
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(60), stored)
        .await
        .expect("the file is stored");
    post.half_close().await;
    let res = post.response().await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    nothing_written(&app, &mut b).await;
}

/// Files still being written (under their temporary name).
fn parts_on_disk(app: &TestApp) -> usize {
    std::fs::read_dir(app.settings.data_dir.join("attachments"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
                .count()
        })
        .unwrap_or(0)
}

/// Runs one statement on the test's store, behind the server's back.
async fn execute(app: &TestApp, sql: &str) {
    match &app.db {
        csp_portal::store::Db::Sqlite(pool) => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(pool)
            .await
            .map(|_| ()),
        csp_portal::store::Db::Pg(pool) => sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .expect(sql);
}

#[tokio::test]
async fn a_store_failure_after_files_are_written_leaves_no_file() {
    let app = spawn_app().await;
    let (mut b, _) = report_form(&app).await;
    // The request's transaction fails at its attachment rows...
    execute(&app, "ALTER TABLE attachments RENAME TO attachments_away").await;
    let res = b
        .post_multipart("/support", |f| question(f).part("files", proof()))
        .await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(attachments_on_disk(&app), 0, "transaction failed");
    execute(&app, "ALTER TABLE attachments_away RENAME TO attachments").await;
    // ...or the store fails before the transaction (the double-submit check).
    execute(&app, "ALTER TABLE service_requests RENAME TO requests_away").await;
    b.get("/support/new").await;
    let res = b
        .post_multipart("/support", |f| question(f).part("files", proof()))
        .await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(attachments_on_disk(&app), 0, "store failed before filing");
    execute(&app, "ALTER TABLE requests_away RENAME TO service_requests").await;
    nothing_written(&app, &mut b).await;
    // With the store back, the same form is filed and its file kept.
    b.get("/support/new").await;
    let res = b
        .post_multipart("/support", |f| question(f).part("files", proof()))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(attachments_on_disk(&app), 1);
}
