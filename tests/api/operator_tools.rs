//! The operator's web tools: products created and edited, key files and
//! download files uploaded, with the command line's checks and an audit
//! event for each change; no key ever shown back or logged.

use csp_portal::domain::role::Role;
use csp_portal::store::catalog::{self, ProductRow};
use csp_portal::store::{audit, keys};
use reqwest::StatusCode;
use reqwest::multipart::Part;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, capture_logs, spawn_app};

const KEY_A: &str = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
const KEY_B: &str = "2222BBBBCCCCDDDDEEEEFFFFGGGGHHHH";

async fn product(app: &TestApp, sku: &str) -> ProductRow {
    catalog::product_by_sku(&app.db, sku)
        .await
        .unwrap()
        .unwrap()
}

async fn operator(app: &TestApp) -> Browser {
    app.sign_in_as(Role::Operator).await
}

async fn vendor_events(app: &TestApp) -> Vec<audit::EventRow> {
    let vendor = app.org_id(csp_portal::demo::VENDOR).await;
    audit::recent_for_org(&app.db, vendor, 100).await.unwrap()
}

/// The operators' one event of `action` (the clock stands still in tests,
/// so the log's order does not tell).
async fn only_event(app: &TestApp, action: &str) -> audit::EventRow {
    let mut found: Vec<_> = vendor_events(app)
        .await
        .into_iter()
        .filter(|e| e.action.as_str() == action)
        .collect();
    assert_eq!(found.len(), 1, "one {action} event");
    found.remove(0)
}

/// Uploads `text` as the key file of product `id` (the form's page first,
/// for its token).
async fn upload_keys(b: &mut Browser, id: Uuid, text: &str) -> crate::helpers::Page {
    let path = format!("/operator/catalog/{id}/keys");
    b.get(&path).await;
    let bytes = text.as_bytes().to_vec();
    b.post_multipart(&path, |f| {
        f.part("keys_file", Part::bytes(bytes).file_name("keys.txt"))
    })
    .await
}

/// The product form's fields for a good perpetual product; `changes`
/// replace or add fields.
fn product_form(changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("sku", "WS2025-STD"),
        ("name", "Windows Server 2025 Standard"),
        ("family", "Windows Server"),
        ("kind", "perpetual"),
        ("term_months", ""),
        ("keys", "on"),
        ("downloads", "on"),
        ("key_format", "chars32"),
        ("unit_price", "1,176.00"),
        ("currency", "USD"),
        ("restricted_countries", "ru, CN"),
        ("low_stock_at", "10"),
        ("cancel_window_days", "30"),
        ("link_lifetime_days", "7"),
        ("link_download_cap", "20"),
        ("version", "2025"),
        ("languages", "en-US, pl-PL"),
        ("platforms", "ISO/Windows"),
        ("platforms", "ZIP/Linux"),
    ];
    for (k, v) in changes {
        match fields.iter_mut().find(|(f, _)| f == k) {
            Some(slot) => slot.1 = v,
            None => fields.push((k, v)),
        }
    }
    fields
}

#[tokio::test]
async fn a_bad_key_line_is_refused_with_its_line_number_and_nothing_is_added() {
    let app = spawn_app().await;
    let ws = product(&app, "WS2022-STA").await;
    let before = keys::free_count(&app.db, ws.id).await.unwrap();
    let mut b = operator(&app).await;
    let logs = capture_logs();
    let text = format!("# new stock\n{KEY_A}\nNOT-A-KEY\n\n{KEY_B}\n");
    let res = upload_keys(&mut b, ws.id, &text).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Line 3: This is not a key of this product&#39;s format")
            || res
                .body
                .contains("Line 3: This is not a key of this product's format"),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("No key was added: one line needs fixing.")
    );
    assert_eq!(
        keys::free_count(&app.db, ws.id).await.unwrap(),
        before,
        "nothing added"
    );
    // Neither the page nor the log repeats a key, in any spelling.
    for secret in [
        "AAAA-BBBB",
        "AAAABBBB",
        "2222BBBB",
        "2222-BBBB",
        "NOT-A-KEY",
    ] {
        assert!(!res.body.contains(secret), "{secret} on the page");
        assert!(!logs.text().contains(secret), "{secret} in the log");
    }
    assert!(
        !vendor_events(&app)
            .await
            .iter()
            .any(|e| e.action.as_str() == "keys_added")
    );
}

#[tokio::test]
async fn keys_load_once_and_a_key_seen_before_is_refused() {
    let app = spawn_app().await;
    let ws = product(&app, "WS2022-STA").await;
    let before = keys::free_count(&app.db, ws.id).await.unwrap();
    let mut b = operator(&app).await;
    let logs = capture_logs();
    let res = upload_keys(&mut b, ws.id, &format!("{KEY_A}\r\n{KEY_B}\r\n")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        Some(format!("/operator/catalog/{}", ws.id).as_str())
    );
    let shown = b.get(&format!("/operator/catalog/{}", ws.id)).await;
    assert!(
        shown.body.contains(&format!(
            "2 keys were added to Windows Server 2022 Standard. Free keys now: {}.",
            before + 2
        )),
        "{}",
        shown.body
    );
    assert_eq!(keys::free_count(&app.db, ws.id).await.unwrap(), before + 2);
    let event = only_event(&app, "keys_added").await;
    assert_eq!(event.subject_id, Some(ws.id));
    assert!(event.detail.contains("\"count\":2"), "{}", event.detail);

    // The same key again, in the inventory now and twice in the file.
    let again = format!("{}\n{}\n", KEY_A.to_lowercase(), KEY_A.replace('-', ""));
    let res = upload_keys(&mut b, ws.id, &again).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Line 1: This key is already in the inventory."),
        "{}",
        res.body
    );
    assert!(res.body.contains("Line 2: The same key as line 1."));
    assert_eq!(keys::free_count(&app.db, ws.id).await.unwrap(), before + 2);
    for e in vendor_events(&app).await {
        assert!(!e.detail.contains("AAAA"), "an event names a key");
    }
    for secret in ["AAAA", "aaaa", "2222BBBB"] {
        assert!(!res.body.contains(secret), "{secret} on the page");
        assert!(!logs.text().contains(secret), "{secret} in the log");
    }
}

#[tokio::test]
async fn a_key_file_of_the_other_format_or_of_no_keys_is_refused() {
    let app = spawn_app().await;
    let office = product(&app, "OFFICE-LTSC2021-PP").await;
    let mut b = operator(&app).await;
    let res = upload_keys(&mut b, office.id, KEY_B).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("25 letters and digits"), "{}", res.body);
    let res = upload_keys(&mut b, office.id, "# only a comment\n\n").await;
    assert!(res.body.contains("Line 1: The file holds no keys."));
    let path = format!("/operator/catalog/{}/keys", office.id);
    let res = b.post_multipart(&path, |f| f).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Choose the key file to upload."));
}

#[tokio::test]
async fn a_key_file_past_its_limit_gets_the_form_back_with_the_limit() {
    let app = spawn_app().await;
    let ws = product(&app, "WS2022-STA").await;
    let before = keys::free_count(&app.db, ws.id).await.unwrap();
    let mut b = operator(&app).await;
    let line = format!("{KEY_B}\n");
    let big = line.repeat(4 * 1024 * 1024 / line.len() + 1);
    let res = upload_keys(&mut b, ws.id, &big).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("The key file is larger than 4.0 MiB"),
        "{}",
        res.body
    );
    assert_eq!(keys::free_count(&app.db, ws.id).await.unwrap(), before);
}

#[tokio::test]
async fn an_uploaded_file_records_its_sha256_and_size() {
    let app = spawn_app().await;
    let sql = product(&app, "SQL2022-STA").await;
    let variant = catalog::variants_of(&app.db, sql.id)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.language == "pl-PL" && v.os == "Linux")
        .unwrap();
    let mut b = operator(&app).await;
    let path = format!("/operator/catalog/{}/files", sql.id);
    let form = b.get(&path).await;
    assert!(
        form.body.contains("2022 · pl-PL · ZIP · Linux"),
        "{}",
        form.body
    );
    let vid = variant.id.to_string();
    let res = b
        .post_multipart(&path, |f| {
            f.text("variant", vid.clone()).text("name", "").part(
                "file",
                Part::bytes(b"abc".to_vec()).file_name("C:\\x\\sql-pl.zip"),
            )
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    let shown = b.get(res.location().unwrap()).await;
    assert!(
        shown.body.contains(&format!(
            "sql-pl.zip (3 B) was added to 2022 · pl-PL · ZIP · Linux. SHA-256: {sha}"
        )),
        "{}",
        shown.body
    );
    let row = catalog::variants_with_files(&app.db, sql.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.file_name.as_deref() == Some("sql-pl.zip"))
        .unwrap();
    assert_eq!(
        (row.size_bytes, row.sha256.as_deref()),
        (Some(3), Some(sha))
    );
    let event = only_event(&app, "download_file_added").await;
    assert!(event.detail.contains(sha), "{}", event.detail);

    // The same name again replaces the bytes, not the file: its links stay.
    let files_dir = app.settings.files_dir();
    let stored_before = std::fs::read_dir(&files_dir).unwrap().count();
    let res = b
        .post_multipart(&path, |f| {
            f.text("variant", vid.clone())
                .text("name", "sql-pl.zip")
                .part("file", Part::bytes(b"abcd".to_vec()).file_name("new.zip"))
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let again = catalog::variants_with_files(&app.db, sql.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.file_name.as_deref() == Some("sql-pl.zip"))
        .unwrap();
    assert_eq!((again.id, again.size_bytes), (row.id, Some(4)));
    assert_eq!(
        std::fs::read_dir(&files_dir).unwrap().count(),
        stored_before,
        "the replaced bytes are gone"
    );
}

#[tokio::test]
async fn a_refused_file_upload_keeps_nothing() {
    let app = spawn_app().await;
    let sql = product(&app, "SQL2022-STA").await;
    let files_dir = app.settings.files_dir();
    let stored_before = std::fs::read_dir(&files_dir).unwrap().count();
    let mut b = operator(&app).await;
    let path = format!("/operator/catalog/{}/files", sql.id);
    b.get(&path).await;
    // A variant of another product, and a name with a slash.
    let foreign = catalog::variants_of(&app.db, product(&app, "WS2022-DAT").await.id)
        .await
        .unwrap()
        .remove(0)
        .id
        .to_string();
    let res = b
        .post_multipart(&path, |f| {
            f.text("variant", foreign)
                .text("name", "a/b.iso")
                .part("file", Part::bytes(b"abc".to_vec()).file_name("x.iso"))
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Choose one of the product&#39;s variants.")
            || res.body.contains("Choose one of the product's variants."),
        "{}",
        res.body
    );
    let vid = catalog::variants_of(&app.db, sql.id).await.unwrap()[0]
        .id
        .to_string();
    let res = b
        .post_multipart(&path, |f| {
            f.text("variant", vid)
                .text("name", "a/b.iso")
                .part("file", Part::bytes(b"abc".to_vec()).file_name("x.iso"))
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("without slashes"), "{}", res.body);
    assert_eq!(
        std::fs::read_dir(&files_dir).unwrap().count(),
        stored_before,
        "no file left behind"
    );
}

#[tokio::test]
async fn an_operator_creates_a_product_with_its_variants_and_policy() {
    let app = spawn_app().await;
    let mut b = operator(&app).await;
    b.get("/operator/catalog/new").await;
    let res = b.post("/operator/catalog", &product_form(&[])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = product(&app, "WS2025-STD").await;
    assert_eq!(
        res.location(),
        Some(format!("/operator/catalog/{}", p.id).as_str())
    );
    assert_eq!(
        (
            p.unit_price_minor,
            p.cancel_window_days,
            p.link_lifetime_days
        ),
        (117600, 30, 7)
    );
    assert_eq!((p.link_download_cap, p.low_stock_at), (20, 10));
    assert_eq!(
        catalog::restricted_countries(&app.db, p.id).await.unwrap(),
        ["CN", "RU"]
    );
    assert_eq!(catalog::variant_count(&app.db, p.id).await.unwrap(), 4);
    let event = only_event(&app, "product_created").await;
    assert_eq!(event.subject_id, Some(p.id));

    // Its SKU is taken now.
    b.get("/operator/catalog/new").await;
    let again = b
        .post("/operator/catalog", &product_form(&[("name", "Another")]))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        again
            .body
            .contains("A product with this SKU exists already.")
    );
    assert_eq!(product(&app, "WS2025-STD").await.name, p.name);
}

#[tokio::test]
async fn a_product_with_downloads_needs_a_variant() {
    let app = spawn_app().await;
    let mut b = operator(&app).await;
    b.get("/operator/catalog/new").await;
    let fields: Vec<_> = product_form(&[("version", ""), ("languages", "")])
        .into_iter()
        .filter(|(k, _)| *k != "platforms")
        .collect();
    let res = b.post("/operator/catalog", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("A product with downloads needs at least one variant"),
        "{}",
        res.body
    );
    assert!(
        catalog::product_by_sku(&app.db, "WS2025-STD")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_product_edit_is_checked_like_a_catalog_file_and_a_bad_one_changes_nothing() {
    let app = spawn_app().await;
    let ws = product(&app, "WS2022-DAT").await;
    let countries = catalog::restricted_countries(&app.db, ws.id).await.unwrap();
    let mut b = operator(&app).await;
    let path = format!("/operator/catalog/{}/edit", ws.id);
    let form = b.get(&path).await;
    assert!(form.body.contains("value=\"6,771.00\""), "{}", form.body);
    let bad = product_form(&[
        ("name", "Windows Server 2022 Datacenter (new)"),
        ("currency", "usd"),
        ("term_months", "12"),
        ("restricted_countries", "CN XX"),
        ("cancel_window_days", "-1"),
        ("link_download_cap", "0"),
        ("unit_price", "12.345"),
        ("languages", "english"),
        ("platforms", "64-bit"),
    ]);
    let res = b.post(&path, &bad).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Enter the currency as an ISO 4217 code",
        "Perpetual software has no term.",
        "is not an ISO 3166-1 alpha-2 country code.",
        "Enter a whole number, such as 14.",
        "The downloads a link allows must be 1 to 1000000.",
        "Enter a price such as 6771.00.",
        "is not a BCP 47 language tag such as en-US.",
        "but not both.",
    ] {
        assert!(res.body.contains(message), "{message}: {}", res.body);
    }
    // What was typed is kept; nothing was written.
    assert!(res.body.contains("Windows Server 2022 Datacenter (new)"));
    let same = product(&app, "WS2022-DAT").await;
    assert_eq!(same.name, ws.name);
    assert_eq!(
        catalog::restricted_countries(&app.db, ws.id).await.unwrap(),
        countries
    );

    // A good edit: the SKU stays whatever is sent, the countries are replaced.
    let good = product_form(&[
        ("sku", "CHANGED"),
        ("name", "Windows Server 2022 Datacenter (new)"),
        ("restricted_countries", "BY"),
        ("version", ""),
        ("languages", ""),
    ]);
    let good: Vec<_> = good
        .into_iter()
        .filter(|(k, _)| *k != "platforms")
        .collect();
    let res = b.post(&path, &good).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let changed = product(&app, "WS2022-DAT").await;
    assert_eq!(
        (
            changed.id,
            changed.name.as_str(),
            changed.cancel_window_days
        ),
        (ws.id, "Windows Server 2022 Datacenter (new)", 30)
    );
    assert_eq!(
        catalog::restricted_countries(&app.db, ws.id).await.unwrap(),
        ["BY"]
    );
    let event = only_event(&app, "product_updated").await;
    assert!(
        event
            .detail
            .contains("\"cancel_window_days\":{\"from\":60,\"to\":30}"),
        "{}",
        event.detail
    );
}

#[tokio::test]
async fn only_operators_reach_the_catalog_tools() {
    let app = spawn_app().await;
    let ws = product(&app, "WS2022-STA").await;
    let keys_before = keys::free_count(&app.db, ws.id).await.unwrap();
    for role in [
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::PartnerGlobalAdmin,
        Role::CustomerGlobalAdmin,
        Role::CustomerUser,
    ] {
        let mut b = app.sign_in_as(role).await;
        for path in [
            "/operator/catalog/new".to_owned(),
            format!("/operator/catalog/{}/edit", ws.id),
            format!("/operator/catalog/{}/keys", ws.id),
            format!("/operator/catalog/{}/files", ws.id),
        ] {
            assert_eq!(
                b.get(&path).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {path}"
            );
        }
        let res = b.post("/operator/catalog", &product_form(&[])).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?} create");
        let edit = format!("/operator/catalog/{}/edit", ws.id);
        let res = b.post(&edit, &product_form(&[("name", "Hijacked")])).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?} edit");
        let res = upload_keys(&mut b, ws.id, KEY_A).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?} keys");
        let files = format!("/operator/catalog/{}/files", ws.id);
        let res = b
            .post_multipart(&files, |f| {
                f.text("variant", Uuid::nil().to_string())
                    .part("file", Part::bytes(b"abc".to_vec()).file_name("x.iso"))
            })
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?} files");
    }
    assert!(
        catalog::product_by_sku(&app.db, "WS2025-STD")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(product(&app, "WS2022-STA").await.name, ws.name);
    assert_eq!(keys::free_count(&app.db, ws.id).await.unwrap(), keys_before);
}
