//! The software list, Get keys and downloads, the key, downloads and links
//! (SPEC 3.2, 3.3, 3.5).

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};
use csp_portal::domain::scope::Scope;
use csp_portal::store::software;

/// A Contoso purchase of `sku` from the demo history, and its en-US file.
pub async fn contoso_purchase(app: &TestApp, sku: &str) -> (Uuid, Uuid) {
    contoso_purchase_in(&app.db, sku).await
}

/// Every purchase of a customer, newest first, as the list reads them.
pub async fn purchases(
    db: &csp_portal::store::Db,
    customer: Uuid,
    order: csp_portal::store::keyset::Order,
) -> Vec<software::ListedPurchase> {
    let (rows, more) = software::list(
        db,
        Scope::Vendor,
        customer,
        &software::Filter::default(),
        order,
        csp_portal::store::keyset::Cursor::First,
        10_000,
    )
    .await
    .unwrap();
    assert!(!more);
    rows
}

/// `contoso_purchase` in any store holding the demo data.
pub async fn contoso_purchase_in(db: &csp_portal::store::Db, sku: &str) -> (Uuid, Uuid) {
    let contoso = csp_portal::store::organisations::find_by_name(db, "Contoso")
        .await
        .unwrap()
        .expect("Contoso")
        .0;
    let product = csp_portal::store::catalog::product_by_sku(db, sku)
        .await
        .unwrap()
        .unwrap();
    let rows = purchases(db, contoso, csp_portal::store::keyset::Order::NewestFirst).await;
    let sub = rows
        .iter()
        .find(|r| r.product_id == product.id)
        .expect("a demo purchase")
        .id;
    let files = software::files_of_product(db, product.id).await.unwrap();
    let file = files
        .iter()
        .find(|f| f.language == "en-US")
        .expect("an en-US file")
        .id;
    (sub, file)
}

fn key_pattern() -> regex::Regex {
    regex::Regex::new(r#"id="product-key">([A-Z0-9-]+)<"#).unwrap()
}

/// Presses Copy link on `file` as the page's form does without JavaScript;
/// where the server redirects to.
pub async fn press_copy_link(b: &mut Browser, contoso: Uuid, sub: Uuid, file: Uuid) -> String {
    b.get(&format!("/customers/{contoso}/software/{sub}?show=1"))
        .await;
    let res = b
        .post(
            &format!("/customers/{contoso}/software/{sub}/links"),
            &[("file_id", &file.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().expect("a redirect").to_owned()
}

/// Presses Copy link on `file` without JavaScript and follows the redirect
/// to the page showing the link; its `/d/...` path.
pub async fn make_link(b: &mut Browser, contoso: Uuid, sub: Uuid, file: Uuid) -> String {
    let location = press_copy_link(b, contoso, sub, file).await;
    let page = b.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.headers
            .get("referrer-policy")
            .and_then(|v| v.to_str().ok()),
        Some("no-referrer")
    );
    link_on(&page.body).expect("the page shows the link")
}

/// The `/d/...` path of the link a page shows in its box, if any.
pub fn link_on(body: &str) -> Option<String> {
    let url = regex::Regex::new(r#"id="new-link-url" value="([^"]+)""#)
        .unwrap()
        .captures(body)?[1]
        .to_owned();
    url.split_once("/d/").map(|(_, t)| format!("/d/{t}"))
}

pub async fn fetch(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let mut req = reqwest::Client::new().get(format!("{}{path}", app.base));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.unwrap().to_vec())
}

pub async fn set_link_use(app: &TestApp, path: &str, used: i64) {
    let hash = csp_portal::crypto::token_hash(path.trim_start_matches("/d/"));
    let sql = "UPDATE download_links SET downloads_used = $1 WHERE token_hash = $2";
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query(sql)
            .bind(used)
            .bind(&hash)
            .execute(p)
            .await
            .map(|_| ()),
        csp_portal::store::Db::Pg(p) => sqlx::query(sql)
            .bind(used)
            .bind(&hash)
            .execute(p)
            .await
            .map(|_| ()),
    }
    .unwrap();
}

pub async fn link_use(app: &TestApp, path: &str) -> i64 {
    let hash = csp_portal::crypto::token_hash(path.trim_start_matches("/d/"));
    csp_portal::store::links::by_token(&app.db, &hash)
        .await
        .unwrap()
        .unwrap()
        .downloads_used
}

#[tokio::test]
async fn the_software_list_shows_every_purchase_with_its_cancellation_date() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
    let page = b.get(&format!("/customers/{contoso}/software")).await;
    assert_eq!(page.status, StatusCode::OK);
    for product in [
        "Windows Server 2022 Datacenter",
        "Office LTSC Professional Plus 2021",
        "SQL Server 2022 Standard",
        "Windows Server 2019 Standard",
    ] {
        assert!(page.body.contains(product), "{product}");
    }
    // Purchased 5 days before the demo was loaded: cancellable 55 days after it.
    let until = csp_portal::i18n::I18n::default()
        .date_time(&(app.clock_now() - Duration::days(5) + Duration::days(60)));
    assert!(page.body.contains(&until), "{until}");
    assert!(
        !page.body.contains("Get keys and downloads"),
        "helpdesk agents get no keys"
    );
}

#[tokio::test]
async fn the_selectors_offer_what_exists_and_get_keys_and_downloads_shows_matching_files() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "SQL2022-STA").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"<option value="cs-CZ">"#));
    assert!(page.body.contains(r#"<option value="ZIP · Linux">"#));
    assert!(
        !page.body.contains("64-bit"),
        "SQL Server is offered by file type and OS"
    );
    assert!(
        page.body
            .contains("Only admin agents can get keys and links.")
    );
    assert!(
        !page.body.contains("sql2022-sta_2022_"),
        "no files before Get keys and downloads"
    );
    let page = b.get(&format!("/customers/{contoso}/software/{sub}?language=pl-PL&platform=ZIP+%C2%B7+Linux&version=&show=1")).await;
    assert!(page.body.contains("sql2022-sta_2022_pl-pl_linux.zip"));
    assert_eq!(
        page.body.matches(".zip</td>").count() + page.body.matches(".iso</td>").count(),
        1
    );
    assert!(page.body.contains("4.0 KiB"));
}

#[tokio::test]
async fn get_key_shows_the_grouped_key_and_audits_the_reveal_without_the_key() {
    let app = spawn_app().await;
    let capture = crate::helpers::capture_logs();
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    let page = b
        .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let key = key_pattern().captures(&page.body).expect("a key")[1].to_owned();
    assert!(
        regex::Regex::new(r"^([A-Z0-9]{4}-){7}[A-Z0-9]{4}$")
            .unwrap()
            .is_match(&key),
        "{key}"
    );
    let northwind = app.org_id("Northwind Partners").await;
    let events = csp_portal::store::audit::recent_for_org(&app.db, northwind, 50)
        .await
        .unwrap();
    let reveal = events
        .iter()
        .find(|e| e.action.as_str() == "key_revealed")
        .expect("an audit event");
    assert_eq!(reveal.subject_id, Some(sub));
    assert!(!reveal.detail.contains(&key) && !reveal.detail.contains(&key.replace('-', "")));
    // The same key each time: it is the subscription's.
    let again = b
        .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
        .await;
    assert_eq!(
        key_pattern().captures(&again.body).map(|c| c[1].to_owned()),
        Some(key.clone())
    );
    // And never in any log line.
    let logs = capture.text();
    assert!(!logs.is_empty(), "the capture saw the requests");
    assert!(
        !logs.contains(&key) && !logs.contains(&key.replace('-', "")),
        "the key reached a log"
    );
}

#[tokio::test]
async fn office_keys_are_twenty_five_characters_in_groups_of_five() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "OFFICE-LTSC2021-PP").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    let page = b
        .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
        .await;
    let key = key_pattern().captures(&page.body).expect("a key")[1].to_owned();
    assert!(
        regex::Regex::new(r"^([A-Z0-9]{5}-){4}[A-Z0-9]{5}$")
            .unwrap()
            .is_match(&key),
        "{key}"
    );
}

#[tokio::test]
async fn download_streams_the_file_with_its_headers_and_honours_range_and_if_range() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let f = software::file_by_id(&app.db, file).await.unwrap().unwrap();
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let path = format!("/customers/{contoso}/software/{sub}/files/{file}");
    let cookies = b.cookies().unwrap();
    let full = fetch(&app, &path, &[("cookie", &cookies)]).await;
    assert_eq!(full.0, StatusCode::OK);
    let h = |name: &str| {
        full.1
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(h("content-length"), f.size_bytes.to_string());
    assert!(
        h("content-disposition").contains(&format!("filename=\"{}\"", f.file_name)),
        "{}",
        h("content-disposition")
    );
    assert_eq!(h("accept-ranges"), "bytes");
    assert!(h("repr-digest").starts_with("sha-256=:"));
    let etag = h("etag");
    assert!(!etag.is_empty());
    let digest: String = Sha256::digest(&full.2)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, f.sha256);

    let part = fetch(
        &app,
        &path,
        &[("cookie", &cookies), ("range", "bytes=100-199")],
    )
    .await;
    assert_eq!(part.0, StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.2, full.2[100..200].to_vec());
    assert_eq!(
        part.1.get("content-range").and_then(|v| v.to_str().ok()),
        Some(format!("bytes 100-199/{}", f.size_bytes).as_str())
    );
    let tail = fetch(
        &app,
        &path,
        &[("cookie", &cookies), ("range", "bytes=4000-")],
    )
    .await;
    assert_eq!(tail.2, full.2[4000..].to_vec());
    let same = fetch(
        &app,
        &path,
        &[
            ("cookie", &cookies),
            ("range", "bytes=10-19"),
            ("if-range", &etag),
        ],
    )
    .await;
    assert_eq!(
        (same.0, same.2),
        (StatusCode::PARTIAL_CONTENT, full.2[10..20].to_vec())
    );
    let changed = fetch(
        &app,
        &path,
        &[
            ("cookie", &cookies),
            ("range", "bytes=10-19"),
            ("if-range", "\"other\""),
        ],
    )
    .await;
    assert_eq!(
        (changed.0, changed.2.len()),
        (StatusCode::OK, full.2.len()),
        "a changed file is sent whole"
    );
    let _ = b.get("/").await;
}

#[tokio::test]
async fn a_link_downloads_without_signing_in_until_day_fourteen() {
    let app = spawn_app().await;
    let capture = crate::helpers::capture_logs();
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let token = link.trim_start_matches("/d/").to_owned();
    assert!(token.len() >= 22, "at least 128 bits");
    let listing = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    assert!(listing.body.contains("0 / 50"));
    let (status, headers, body) = fetch(&app, &link, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("referrer-policy").and_then(|v| v.to_str().ok()),
        Some("no-referrer")
    );
    assert_eq!(body.len(), 4096);
    assert!(
        b.get(&format!("/customers/{contoso}/software/{sub}"))
            .await
            .body
            .contains("1 / 50")
    );

    app.clock.advance(Duration::days(14) - Duration::seconds(1));
    assert_eq!(
        fetch(&app, &link, &[]).await.0,
        StatusCode::OK,
        "day 14 minus a second"
    );
    app.clock.advance(Duration::seconds(1));
    let (status, _, body) = fetch(&app, &link, &[]).await;
    assert_eq!(status, StatusCode::GONE, "day 14");
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("This download link has expired"));
    assert!(body.contains("Ask your software partner for a new download link."));
    // Not even a resume once expired.
    assert_eq!(
        fetch(&app, &link, &[("range", "bytes=100-")]).await.0,
        StatusCode::GONE
    );

    // Once it has expired, Copy link makes a new link (a new address) with
    // a fresh two weeks and 50 downloads (signed in afresh: two weeks outlast
    // any session).
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let renewed = make_link(&mut b, contoso, sub, file).await;
    assert_ne!(renewed, link);
    assert_eq!(fetch(&app, &renewed, &[]).await.0, StatusCode::OK);
    app.clock.advance(Duration::days(13));
    assert_eq!(fetch(&app, &renewed, &[]).await.0, StatusCode::OK);
    assert_eq!(link_use(&app, &renewed).await, 2);
    let northwind = app.org_id("Northwind Partners").await;
    let actions = app.audit_actions(northwind).await;
    assert!(actions.contains(&"link_created".to_owned()));
    assert!(actions.contains(&"link_download_counted".to_owned()));
    let logs = capture.text();
    assert!(!logs.is_empty(), "the capture saw the requests");
    assert!(!logs.contains(&token), "a link token reached a log");
}

#[tokio::test]
async fn download_fifty_works_and_fifty_one_is_refused() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    set_link_use(&app, &link, 48).await;
    assert_eq!(
        fetch(&app, &link, &[]).await.0,
        StatusCode::OK,
        "download 49"
    );
    assert_eq!(
        fetch(&app, &link, &[]).await.0,
        StatusCode::OK,
        "download 50"
    );
    let (status, _, body) = fetch(&app, &link, &[]).await;
    assert_eq!(status, StatusCode::GONE, "download 51");
    assert!(String::from_utf8_lossy(&body).contains("used up"));
    assert_eq!(link_use(&app, &link).await, 50);
    // The 50th transfer may still be resumed.
    let (status, _, body) = fetch(&app, &link, &[("range", "bytes=4000-")]).await;
    assert_eq!((status, body.len()), (StatusCode::PARTIAL_CONTENT, 96));
}

#[tokio::test]
async fn a_resumed_transfer_is_not_counted() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let (_, _, whole) = fetch(&app, &link, &[("range", "bytes=0-999")]).await;
    assert_eq!(
        link_use(&app, &link).await,
        1,
        "a transfer from byte 0 counts"
    );
    let (status, _, rest) = fetch(&app, &link, &[("range", "bytes=1000-")]).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(whole.len() + rest.len(), 4096);
    assert_eq!(link_use(&app, &link).await, 1, "the resume does not");
}

#[tokio::test]
async fn a_hundred_concurrent_downloads_with_ten_left_give_exactly_ten_files() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    set_link_use(&app, &link, 40).await;
    let statuses = futures_util::future::join_all((0..100).map(|_| {
        let link = link.clone();
        let app = &app;
        async move { fetch(app, &link, &[]).await.0 }
    }))
    .await;
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let gone = statuses.iter().filter(|s| **s == StatusCode::GONE).count();
    assert_eq!((ok, gone), (10, 90), "{statuses:?}");
    assert_eq!(link_use(&app, &link).await, 50);
}

#[tokio::test]
async fn a_revoked_link_stops_at_once() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK);
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    let revoke = regex::Regex::new(r#"action="([^"]+/revoke)""#)
        .unwrap()
        .captures(&page.body)
        .expect("a revoke button")[1]
        .to_owned();
    let res = b.post(&revoke, &[("confirmed", "1")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let (status, _, body) = fetch(&app, &link, &[]).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(String::from_utf8_lossy(&body).contains("revoked"));
    assert_eq!(
        fetch(&app, &link, &[("range", "bytes=10-")]).await.0,
        StatusCode::GONE
    );
    assert!(
        b.get(&format!("/customers/{contoso}/software/{sub}"))
            .await
            .body
            .contains("No live links")
    );
    // A second revoke finds nothing to revoke.
    assert_eq!(b.post(&revoke, &[]).await.status, StatusCode::NOT_FOUND);
    let unknown = fetch(&app, "/d/not-a-real-token", &[]).await;
    assert_eq!(unknown.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sales_and_helpdesk_agents_cannot_get_keys_or_make_links() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    for email in ["sales@northwind.example", "helpdesk@northwind.example"] {
        let mut b = app.signed_in(email).await;
        let key = b
            .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
            .await;
        assert_eq!(key.status, StatusCode::FORBIDDEN, "{email}");
        assert!(key.body.contains("You need the Admin agent role"));
        let link = b
            .post(
                &format!("/customers/{contoso}/software/{sub}/links"),
                &[("file_id", &file.to_string())],
            )
            .await;
        assert_eq!(link.status, StatusCode::FORBIDDEN, "{email}");
    }
    let mut fabrikam = app.signed_in("admin@fabrikam.example").await;
    assert_eq!(
        fabrikam
            .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_customer_global_admin_sees_their_own_keys_and_downloads_and_nothing_else() {
    let app = spawn_app().await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    let home = ga.get("/").await;
    assert_eq!(home.location(), Some("/my/software"));
    let list = ga.get("/my/software").await;
    assert!(list.body.contains("Your products"));
    assert!(list.body.contains("Windows Server 2022 Datacenter"));
    assert!(!list.body.contains("USD"), "no prices");
    assert!(!list.body.contains("Can be cancelled until"));
    let detail = ga.get(&format!("/my/software/{sub}?show=1")).await;
    assert!(!detail.body.contains("Copy link"));
    assert!(!detail.body.contains("Live download links"));
    let key = ga.post(&format!("/my/software/{sub}/key"), &[]).await;
    assert!(key_pattern().is_match(&key.body));
    let cookies = ga.cookies().unwrap();
    let (status, _, body) = fetch(
        &app,
        &format!("/my/software/{sub}/files/{file}"),
        &[("cookie", &cookies)],
    )
    .await;
    assert_eq!((status, body.len()), (StatusCode::OK, 4096));
    // Another tenant's purchase is unknown here.
    let litware = app.org_id("Litware").await;
    let rows = purchases(
        &app.db,
        litware,
        csp_portal::store::keyset::Order::NewestFirst,
    )
    .await;
    let foreign = rows[0].id;
    assert_eq!(
        ga.get(&format!("/my/software/{foreign}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ga.post(&format!("/my/software/{foreign}/key"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ga.get(&format!(
            "/customers/{}/software",
            app.org_id("Contoso").await
        ))
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let mut user = app.sign_in_as(Role::CustomerUser).await;
    assert_eq!(user.get("/my/software").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_head_request_on_a_link_answers_headers_and_counts_nothing() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let res = reqwest::Client::new()
        .head(format!("{}{link}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok()),
        Some("4096")
    );
    assert_eq!(link_use(&app, &link).await, 0);
    app.clock.advance(Duration::days(14));
    let res = reqwest::Client::new()
        .head(format!("{}{link}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::GONE);
}
