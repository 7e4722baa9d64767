//! The operator's tools as the command line runs them (catalog import, key
//! import, files add: the same use cases as the pages, `By::CommandLine`),
//! and the stock pages.

use csp_portal::app::catalog::{self as tools, By};
use csp_portal::domain::role::Role;
use csp_portal::store::catalog::ProductRow;
use reqwest::StatusCode;

use crate::helpers::{KEYS_PER_PRODUCT, TestApp, spawn_app};
use csp_portal::crypto::KeyCipher;
use csp_portal::store::{catalog, keys};

fn cipher(app: &TestApp) -> KeyCipher {
    KeyCipher::from_settings(&app.settings).expect("data key")
}

/// `keys import`: the number loaded, or the report of every bad line.
async fn import_keys(app: &TestApp, product: &ProductRow, text: &str) -> Result<usize, String> {
    tools::add_keys(
        &app.db,
        &cipher(app),
        app.clock_now(),
        By::CommandLine,
        product,
        text,
    )
    .await
    .unwrap()
    .map_err(|e| e.to_string())
}

/// `catalog import`: the number of products, or the report of every problem.
async fn import_catalog(app: &TestApp, text: &str) -> Result<usize, String> {
    let products = csp_portal::import::catalog::parse(text).map_err(|e| e.to_string())?;
    Ok(
        tools::import_catalog(&app.db, app.clock_now(), By::CommandLine, &products)
            .await
            .unwrap(),
    )
}

const KEY_A: &str = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
const KEY_B: &str = "2222BBBBCCCCDDDDEEEEFFFFGGGGHHHH";

#[tokio::test]
async fn keys_load_encrypted_and_count_as_stock() {
    let app = spawn_app().await;
    let product = catalog::product_by_sku(&app.db, "WS2022-STA")
        .await
        .unwrap()
        .unwrap();
    let before = keys::free_count(&app.db, product.id).await.unwrap();
    let text = format!("# two keys\n{KEY_A}\n\n{}\n", KEY_B.to_lowercase());
    let n = import_keys(&app, &product, &text).await.unwrap();
    assert_eq!(n, 2);
    assert_eq!(
        keys::free_count(&app.db, product.id).await.unwrap(),
        before + 2
    );
}

#[tokio::test]
async fn a_bad_key_file_is_refused_whole_with_line_numbers() {
    let app = spawn_app().await;
    let product = catalog::product_by_sku(&app.db, "WS2022-STA")
        .await
        .unwrap()
        .unwrap();
    import_keys(&app, &product, KEY_A).await.unwrap();
    let before = keys::free_count(&app.db, product.id).await.unwrap();
    let text =
        format!("{KEY_B}\nTOO-SHORT\n{KEY_B}\n{KEY_A}\nABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n");
    let err = import_keys(&app, &product, &text).await.unwrap_err();
    assert!(
        err.contains("Line 2: This is not a key of this product's format"),
        "{err}"
    );
    assert!(err.contains("Line 3: The same key as line 1."), "{err}");
    assert!(
        err.contains("Line 4: This key is already in the inventory."),
        "{err}"
    );
    assert!(
        err.contains("Line 5: This is not a key of this product's format"),
        "{err}"
    );
    assert!(
        !err.contains("2222BBBB"),
        "errors never repeat a key: {err}"
    );
    assert_eq!(
        keys::free_count(&app.db, product.id).await.unwrap(),
        before,
        "nothing written"
    );
}

#[tokio::test]
async fn twenty_five_character_products_take_only_their_format() {
    let app = spawn_app().await;
    let office = catalog::product_by_sku(&app.db, "OFFICE-LTSC2021-PP")
        .await
        .unwrap()
        .unwrap();
    let err = import_keys(&app, &office, KEY_A).await;
    assert!(err.is_err());
    let n = import_keys(&app, &office, "BCDFG-HJKMP-QRTVW-XY234-6789B")
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_catalog_file_with_an_error_writes_nothing() {
    let app = spawn_app().await;
    let text = csp_portal::demo::CATALOG
        .replace(
            "Windows Server 2022 Datacenter",
            "Windows Server 2022 Datacenter (renamed)",
        )
        .replace("\"MX\"", "\"XX\"");
    let err = import_catalog(&app, &text).await;
    assert!(err.unwrap_err().contains("\"XX\" is not an ISO 3166-1"));
    let p = catalog::product_by_sku(&app.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.name, "Windows Server 2022 Datacenter");
    // The same file without the error updates the product in place.
    let good = text.replace("\"XX\"", "\"MX\"");
    import_catalog(&app, &good).await.unwrap();
    let p2 = catalog::product_by_sku(&app.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (p2.id, p2.name.as_str()),
        (p.id, "Windows Server 2022 Datacenter (renamed)")
    );
}

#[tokio::test]
async fn a_registered_file_has_its_size_and_checksum() {
    let app = spawn_app().await;
    let product = catalog::product_by_sku(&app.db, "SQL2022-STA")
        .await
        .unwrap()
        .unwrap();
    let files = csp_portal::files::FileStore::new(app.settings.files_dir());
    let variant = csp_portal::store::catalog::VariantSpec {
        version: "2022".into(),
        language: "de-DE".into(),
        bitness: String::new(),
        file_type: "ISO".into(),
        os: "Windows".into(),
    };
    let upload = tools::Upload::new(&files, files.put(&b"abc"[..]).await.unwrap());
    let stored = tools::add_file(
        &app.db,
        app.clock_now(),
        By::CommandLine,
        &product,
        &variant,
        "upload.iso",
        upload,
    )
    .await
    .unwrap()
    .map_err(|_| "refused")
    .unwrap()
    .stored;
    assert_eq!(stored.size_bytes, 3);
    assert_eq!(
        stored.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let rows = catalog::variants_with_files(&app.db, product.id)
        .await
        .unwrap();
    assert!(
        rows.iter()
            .any(|r| r.language == "de-DE" && r.file_name.as_deref() == Some("upload.iso"))
    );
}

#[tokio::test]
async fn the_operator_sees_stock_and_a_low_stock_warning() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::Operator).await;
    let page = b.get("/operator/catalog").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Windows Server 2022 Datacenter"));
    // The test demo loads 20 keys a product, at the low-stock mark of 20.
    assert_eq!(KEYS_PER_PRODUCT, 20);
    assert!(page.body.contains("products are running low on keys"));
    assert!(
        page.body.contains("No keys"),
        "reserved instances have none"
    );
    let ri = catalog::product_by_sku(&app.db, "AZURE-RI-D2SV5-1Y")
        .await
        .unwrap()
        .unwrap();
    let detail = b.get(&format!("/operator/catalog/{}", ri.id)).await;
    assert!(
        detail
            .body
            .contains("AR, AZ, BR, BY, CN, ID, IN, KR, KZ, LI, MX, MY, RU, SA, TR, TW, UA, ZA")
    );
    let ws = catalog::product_by_sku(&app.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    let detail = b.get(&format!("/operator/catalog/{}", ws.id)).await;
    assert!(detail.body.contains("ws2022-dat_2022_cs-cz_64bit.iso"));
    assert!(
        detail
            .body
            .contains("Cancel within 60 days; links last 14 days or 50 downloads")
    );
}
