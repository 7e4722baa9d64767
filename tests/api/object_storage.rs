//! The same file-store tests on the local directory and on an S3-compatible
//! bucket (moto, see `s3_server.rs`), streamed through the portal and, where
//! configured, redirected to presigned URLs: downloads with their headers
//! and ranges, a link's count and cap under concurrency, a file uploaded by
//! an operator and downloaded by a partner, attachments (never presigned)
//! only for those who may see them, and `files migrate`.

use std::time::Duration;

use csp_portal::domain::role::Role;
use csp_portal::files::{FileStore, Kind, migrate};
use csp_portal::store::{catalog, software, stored_files};
use reqwest::StatusCode;
use reqwest::multipart::Part;
use sha2::{Digest, Sha256};

use crate::helpers::{TestApp, question, spawn_app, spawn_app_with};
use crate::s3_server::s3;
use crate::software::{contoso_purchase, link_use, make_link, set_link_use};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Disk,
    /// Streamed through the portal from the bucket.
    Bucket,
    /// Download files redirected to URLs the bucket signs for 5 minutes.
    Presigned,
}

/// A test's portal with its files where `w` says: in a bucket, the demo's
/// files are copied there by `files migrate` and gone from the disk. `None`
/// when no S3 server is installed (the skip is said on stderr).
async fn app_on(w: Where) -> Option<TestApp> {
    if w == Where::Disk {
        return Some(spawn_app().await);
    }
    let s3 = s3().await?;
    let location = s3.location();
    let presign = (w == Where::Presigned).then(|| Duration::from_secs(300));
    let configured = location.clone();
    let app = spawn_app_with(move |s| {
        s.files_s3 = Some(configured);
        s.files_presign = presign;
    })
    .await;
    let report = migrate::to_bucket(&app.db, &app.settings.data_dir, &location)
        .await
        .unwrap();
    assert!(
        report.complete() && report.copied > 0,
        "the demo's files copied: {report:?}"
    );
    std::fs::remove_dir_all(app.settings.data_dir.join("files")).unwrap();
    Some(app)
}

/// A GET that does not follow redirects (a presigned answer is looked at).
async fn get(
    url: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client.get(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.bytes().await.unwrap().to_vec())
}

fn header(h: &reqwest::header::HeaderMap, name: &str) -> String {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Follows a presigned redirect to the bucket, checking it is one.
async fn from_bucket(location: &str) -> Vec<u8> {
    assert!(location.contains("X-Amz-Expires=300"), "{location}");
    assert!(location.contains("X-Amz-Signature="), "{location}");
    let (status, _, body) = get(location, &[]).await;
    assert_eq!(status, StatusCode::OK, "{location}");
    body
}

macro_rules! on {
    ($test:ident: $($w:ident),+) => {
        mod $test {
            $(
                #[tokio::test]
                #[allow(non_snake_case)]
                async fn $w() {
                    super::$test(super::Where::$w).await
                }
            )+
        }
    };
}

on!(downloads_carry_their_headers_and_honour_range_and_if_range: Disk, Bucket);
async fn downloads_carry_their_headers_and_honour_range_and_if_range(w: Where) {
    let Some(app) = app_on(w).await else { return };
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let f = software::file_by_id(&app.db, file).await.unwrap().unwrap();
    let b = app.sign_in_as(Role::AdminAgent).await;
    let url = format!(
        "{}/customers/{contoso}/software/{sub}/files/{file}",
        app.base
    );
    let cookies = b.cookies().unwrap();
    let c = cookies.as_str();
    let (status, h, full) = get(&url, &[("cookie", c)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&h, "content-length"), f.size_bytes.to_string());
    assert!(header(&h, "content-disposition").contains(&format!("filename=\"{}\"", f.file_name)));
    assert_eq!(header(&h, "accept-ranges"), "bytes");
    assert!(header(&h, "repr-digest").starts_with("sha-256=:"));
    assert_eq!(sha256_hex(&full), f.sha256);
    let etag = header(&h, "etag");
    assert!(!etag.is_empty());

    let (status, h, part) = get(&url, &[("cookie", c), ("range", "bytes=100-199")]).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(part, full[100..200].to_vec());
    assert_eq!(
        header(&h, "content-range"),
        format!("bytes 100-199/{}", f.size_bytes)
    );
    assert_eq!(header(&h, "content-length"), "100");
    let (_, _, tail) = get(&url, &[("cookie", c), ("range", "bytes=4000-")]).await;
    assert_eq!(tail, full[4000..].to_vec());
    let (_, _, last) = get(&url, &[("cookie", c), ("range", "bytes=-10")]).await;
    assert_eq!(last, full[full.len() - 10..].to_vec());
    let same = get(
        &url,
        &[("cookie", c), ("range", "bytes=10-19"), ("if-range", &etag)],
    )
    .await;
    assert_eq!(
        (same.0, same.2),
        (StatusCode::PARTIAL_CONTENT, full[10..20].to_vec())
    );
    let changed = get(
        &url,
        &[
            ("cookie", c),
            ("range", "bytes=10-19"),
            ("if-range", "\"other\""),
        ],
    )
    .await;
    assert_eq!(
        (changed.0, changed.2.len()),
        (StatusCode::OK, full.len()),
        "a changed file is sent whole"
    );
    let past = get(&url, &[("cookie", c), ("range", "bytes=9000-9999")]).await;
    assert_eq!(past.0, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(
        header(&past.1, "content-range"),
        format!("bytes */{}", f.size_bytes)
    );
    let cached = get(&url, &[("cookie", c), ("if-none-match", &etag)]).await;
    assert_eq!((cached.0, cached.2.len()), (StatusCode::NOT_MODIFIED, 0));

    // A download manager's HEAD on a link: the headers, no body, no count.
    let mut b = b;
    let link = make_link(&mut b, contoso, sub, file).await;
    let res = reqwest::Client::new()
        .head(format!("{}{link}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        header(res.headers(), "content-length"),
        f.size_bytes.to_string()
    );
    assert_eq!(res.bytes().await.unwrap().len(), 0);
    assert_eq!(link_use(&app, &link).await, 0);
}

on!(a_links_cap_holds_under_concurrency_and_resumes_are_free: Disk, Bucket, Presigned);
async fn a_links_cap_holds_under_concurrency_and_resumes_are_free(w: Where) {
    let Some(app) = app_on(w).await else { return };
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let f = software::file_by_id(&app.db, file).await.unwrap().unwrap();
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let url = format!("{}{link}", app.base);
    set_link_use(&app, &link, 40).await;
    let answers = futures_util::future::join_all((0..30).map(|_| get(&url, &[]))).await;
    let served = if w == Where::Presigned {
        StatusCode::FOUND
    } else {
        StatusCode::OK
    };
    let ok = answers.iter().filter(|a| a.0 == served).count();
    let gone = answers.iter().filter(|a| a.0 == StatusCode::GONE).count();
    assert_eq!(
        (ok, gone),
        (10, 20),
        "{:?}",
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    assert_eq!(link_use(&app, &link).await, 50);
    for (status, h, body) in answers.iter().filter(|a| a.0 == served) {
        let bytes = if *status == StatusCode::FOUND {
            assert!(body.is_empty());
            assert_eq!(header(h, "cache-control"), "no-store");
            from_bucket(&header(h, "location")).await
        } else {
            body.clone()
        };
        assert_eq!(sha256_hex(&bytes), f.sha256);
    }
    // The 50th transfer may still be resumed, uncounted.
    let (status, h, body) = get(&url, &[("range", "bytes=4000-")]).await;
    if w == Where::Presigned {
        assert_eq!(status, StatusCode::FOUND);
        let (status, _, rest) = get(&header(&h, "location"), &[("range", "bytes=4000-")]).await;
        assert_eq!((status, rest.len()), (StatusCode::PARTIAL_CONTENT, 96));
    } else {
        assert_eq!((status, body.len()), (StatusCode::PARTIAL_CONTENT, 96));
    }
    assert_eq!(link_use(&app, &link).await, 50);
    // Expired: refused, never redirected.
    app.clock.advance(chrono::Duration::days(14));
    let (status, h, _) = get(&url, &[("range", "bytes=4000-")]).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(h.get("location").is_none());
}

on!(a_file_an_operator_uploads_is_downloaded_whole: Disk, Bucket, Presigned);
async fn a_file_an_operator_uploads_is_downloaded_whole(w: Where) {
    let Some(app) = app_on(w).await else { return };
    let ws = catalog::product_by_sku(&app.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    let variant = catalog::variants_of(&app.db, ws.id)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.language == "pl-PL")
        .unwrap();
    // Past a part's 8 MiB: a bucket takes it as a multipart upload.
    let bytes: Vec<u8> = (0..9 * 1024 * 1024 + 123u32)
        .map(|i| (i * 31 / 7) as u8)
        .collect();
    let sha = sha256_hex(&bytes);
    let mut op = app.sign_in_as(Role::Operator).await;
    let path = format!("/operator/catalog/{}/files", ws.id);
    op.get(&path).await;
    let vid = variant.id.to_string();
    let sent = bytes.clone();
    let res = op
        .post_multipart(&path, move |f| {
            f.text("variant", vid)
                .text("name", "")
                .part("file", Part::bytes(sent).file_name("ws-pl.iso"))
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let row = catalog::variants_with_files(&app.db, ws.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.file_name.as_deref() == Some("ws-pl.iso"))
        .unwrap();
    assert_eq!(row.sha256.as_deref(), Some(sha.as_str()));
    let file = row.id;

    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let b = app.sign_in_as(Role::AdminAgent).await;
    let url = format!(
        "{}/customers/{contoso}/software/{sub}/files/{file}",
        app.base
    );
    let cookies = b.cookies().unwrap();
    let (status, h, body) = get(&url, &[("cookie", &cookies)]).await;
    let got = if w == Where::Presigned {
        assert_eq!(status, StatusCode::FOUND);
        from_bucket(&header(&h, "location")).await
    } else {
        assert_eq!(status, StatusCode::OK);
        body
    };
    assert_eq!(got.len(), bytes.len());
    assert_eq!(sha256_hex(&got), sha, "the file arrives byte for byte");
    // The download was audited before it was answered, either way.
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"file_downloaded".to_owned())
    );
}

on!(attachments_are_streamed_only_to_those_who_may_see_them: Disk, Bucket, Presigned);
async fn attachments_are_streamed_only_to_those_who_may_see_them(w: Where) {
    let Some(app) = app_on(w).await else { return };
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    let log: String = (0..200_000u32)
        .map(|i| char::from(b'a' + ((i * 7 + i / 13) % 26) as u8))
        .collect();
    let sent = log.clone();
    let res = admin
        .post_multipart("/support", move |f| {
            question(f).part("files", Part::text(sent).file_name("server.log"))
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let request = res.location().unwrap().to_owned();
    let page = admin.get(&request).await;
    let href = regex::Regex::new(r#"href="(/support/[^"]+/attachments/[^"]+)""#)
        .unwrap()
        .captures(&page.body)
        .expect("an attachment link")[1]
        .to_owned();
    let cookies = admin.cookies().unwrap();
    let (status, h, body) = get(&format!("{}{href}", app.base), &[("cookie", &cookies)]).await;
    assert_eq!(status, StatusCode::OK, "streamed, never redirected");
    assert!(body == log.as_bytes(), "the file arrives byte for byte");
    assert!(header(&h, "content-type").starts_with("text/plain"));
    assert!(header(&h, "content-disposition").contains("server.log"));
    let (status, _, part) = get(
        &format!("{}{href}", app.base),
        &[("cookie", &cookies), ("range", "bytes=0-9")],
    )
    .await;
    assert_eq!(
        (status, part),
        (StatusCode::PARTIAL_CONTENT, log.as_bytes()[..10].to_vec())
    );

    let op = app.sign_in_as(Role::Operator).await;
    let op_href = href.replace("/support/", "/operator/requests/");
    let (status, _, body) = get(
        &format!("{}{op_href}", app.base),
        &[("cookie", &op.cookies().unwrap())],
    )
    .await;
    assert_eq!((status, body.len()), (StatusCode::OK, log.len()));
    let fabrikam = app.signed_in("admin@fabrikam.example").await;
    let (status, _, _) = get(
        &format!("{}{href}", app.base),
        &[("cookie", &fabrikam.cookies().unwrap())],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another partner's attachment"
    );
}

/// `files migrate` copies what the database names, checks each copy, keeps
/// what is there intact when run again, and copies nothing it cannot check.
#[tokio::test]
async fn files_migrate_copies_checks_and_can_be_run_again() {
    let Some(s3) = s3().await else { return };
    let app = spawn_app().await;
    // An attachment too, so both kinds are copied.
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    let res = admin
        .post_multipart("/support", |f| {
            question(f).part("files", Part::text("disk full").file_name("a.log"))
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let files = stored_files::all(&app.db, Kind::Files).await.unwrap();
    let attachments = stored_files::all(&app.db, Kind::Attachments).await.unwrap();
    assert_eq!(attachments.len(), 1);
    let all = files.len() + attachments.len();
    let to = s3.location();
    let dir = &app.settings.data_dir;

    let first = migrate::to_bucket(&app.db, dir, &to).await.unwrap();
    assert_eq!(
        (first.copied, first.present, first.failed.len()),
        (all, 0, 0)
    );
    let bucket =
        FileStore::in_bucket(csp_portal::files::Bucket::open(&to, Kind::Files, None).unwrap());
    for f in &files {
        assert!(
            bucket
                .holds(&f.storage_name, f.size_bytes as u64, &f.sha256)
                .await
                .unwrap()
        );
    }
    let again = migrate::to_bucket(&app.db, dir, &to).await.unwrap();
    assert_eq!(
        (again.copied, again.present, again.failed.len()),
        (0, all, 0)
    );

    // One copy lost, and its local file damaged: reported, not copied.
    let victim = &files[0];
    bucket
        .bucket()
        .unwrap()
        .delete(&victim.storage_name)
        .await
        .unwrap();
    let local = dir.join("files").join(&victim.storage_name);
    let mut damaged = std::fs::read(&local).unwrap();
    damaged[0] ^= 0xff;
    std::fs::write(&local, &damaged).unwrap();
    let third = migrate::to_bucket(&app.db, dir, &to).await.unwrap();
    assert!(!third.complete());
    assert_eq!((third.copied, third.present), (0, all - 1));
    assert!(
        third.failed[0].contains(&victim.storage_name),
        "{:?}",
        third.failed
    );
    assert!(third.failed[0].contains("SHA-256"), "{:?}", third.failed);
    assert_eq!(
        bucket
            .bucket()
            .unwrap()
            .size(&victim.storage_name)
            .await
            .unwrap(),
        None,
        "a copy that does not match is not left behind"
    );
}

/// The attachments stored, wherever they are.
async fn stored_attachments(app: &TestApp) -> Vec<String> {
    let state = app.state();
    match state.attachments.bucket() {
        Some(b) => b.names().await.unwrap(),
        None => std::fs::read_dir(app.settings.data_dir.join("attachments"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

on!(a_refused_form_leaves_no_attachment_behind: Disk, Bucket);
async fn a_refused_form_leaves_no_attachment_behind(w: Where) {
    let Some(app) = app_on(w).await else { return };
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    // The file is written before the oversize field after it is read.
    let res = admin
        .post_multipart("/support", |f| {
            question(f)
                .part(
                    "files",
                    Part::bytes(b"%PDF-1.4 proof".repeat(1000)).file_name("proof.pdf"),
                )
                .text("refund_reason", "a".repeat(64 * 1024 + 1))
        })
        .await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", res.body);
    // A bucket's delete is sent on its way as the form is refused.
    let mut left = stored_attachments(&app).await;
    for _ in 0..250 {
        if left.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        left = stored_attachments(&app).await;
    }
    assert!(left.is_empty(), "{left:?}");
    // And one that is filed stays.
    let res = admin
        .post_multipart("/support", |f| {
            question(f).part(
                "files",
                Part::bytes(b"%PDF-1.4 ok".to_vec()).file_name("ok.pdf"),
            )
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(stored_attachments(&app).await.len(), 1);
}
