//! Static files: built in, named by their content's hash, cached for a year,
//! gzip for those who take it, and served without a session or the store.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, IF_NONE_MATCH};

use crate::helpers::spawn_app;

/// The stylesheet's address as the sign-in page links it.
fn stylesheet(body: &str) -> String {
    let re = regex::Regex::new(r#"<link rel="stylesheet" href="([^"]+)""#).expect("regex");
    re.captures(body).expect("a stylesheet link")[1].to_owned()
}

#[tokio::test]
async fn pages_link_hashed_names_that_are_cached_for_a_year() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let css = stylesheet(&b.get("/sign-in").await.body);
    assert!(css.starts_with("/static/css/portal.") && css != "/static/css/portal.css");

    let client = reqwest::Client::new();
    let res = client
        .get(format!("{}{css}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(h["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(h["content-type"], "text/css; charset=utf-8");
    assert!(h.get("content-encoding").is_none());
    assert!(h.get("set-cookie").is_none());
    let plain = res.text().await.unwrap();
    assert!(plain.contains("font-family"), "the stylesheet itself");

    // The plain name still answers, but only for a few minutes.
    let res = client
        .get(format!("{}/static/css/portal.css", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "public, max-age=300");
    assert_eq!(res.text().await.unwrap(), plain);

    // A name with a stale hash, or none we have, is not found.
    for path in [
        "/static/css/portal.0123456789.css",
        "/static/nope.css",
        "/static/../Cargo.toml",
    ] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn gzip_goes_to_clients_that_accept_it_and_etags_save_the_body() {
    let app = spawn_app().await;
    let css = stylesheet(&app.browser().get("/sign-in").await.body);
    let url = format!("{}{css}", app.base);
    let client = reqwest::Client::new();

    let plain = client
        .get(&url)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let res = client
        .get(&url)
        .header(ACCEPT_ENCODING, "br, gzip;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(res.headers()["vary"], "Accept-Encoding");
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let zipped = res.bytes().await.unwrap();
    assert!(zipped.len() < plain.len());
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&zipped[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, plain);

    let refused = client
        .get(&url)
        .header(ACCEPT_ENCODING, "gzip;q=0, identity")
        .send()
        .await
        .unwrap();
    assert!(refused.headers().get("content-encoding").is_none());

    let res = client
        .get(&url)
        .header(IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert!(res.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn static_files_are_served_while_the_store_is_down() {
    let app = spawn_app().await;
    let css = stylesheet(&app.browser().get("/sign-in").await.body);
    app.stores.close().await;
    let res = reqwest::get(format!("{}{css}", app.base)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}
