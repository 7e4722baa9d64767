//! Copy link and the links of a purchase (SPEC 3.3 steps 5 and 7, issue #12
//! items 1 and 2): post/redirect/get, renewal in place, the page's script,
//! and the history of links that no longer work.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, spawn_app};
use crate::software::{
    contoso_purchase, fetch, link_on, link_use, make_link, press_copy_link, set_link_use,
};

/// Every link of the purchase, whatever its state.
async fn links_of(app: &TestApp, sub: Uuid) -> Vec<csp_portal::store::links::ListedLink> {
    csp_portal::store::links::of_subscription(&app.db, sub)
        .await
        .unwrap()
}

/// The file of the purchase's product in `language`.
async fn file_in(app: &TestApp, sku: &str, language: &str) -> Uuid {
    let product = csp_portal::store::catalog::product_by_sku(&app.db, sku)
        .await
        .unwrap()
        .unwrap();
    csp_portal::store::software::files_of_product(&app.db, product.id)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.language == language)
        .unwrap()
        .id
}

/// The part of a page that lists the links that no longer work.
fn history(body: &str) -> String {
    let start = body
        .find(r#"<details class="link-history">"#)
        .expect("a history");
    body[start..start + body[start..].find("</details>").unwrap()].to_owned()
}

/// Copy link as the page's script sends it; the JSON answer.
async fn copy_link_with_js(b: &mut Browser, path: &str, file: Uuid) -> serde_json::Value {
    let token = b.csrf.clone().unwrap();
    let res = b
        .post_raw(
            path,
            &[("csrf_token", &token), ("file_id", &file.to_string())],
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(
        res.headers
            .get("referrer-policy")
            .and_then(|v| v.to_str().ok()),
        Some("no-referrer")
    );
    assert_eq!(
        res.headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    serde_json::from_str(&res.body).unwrap()
}

#[tokio::test]
async fn copy_link_redirects_to_the_page_showing_the_link_so_a_reload_makes_no_other() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let file = file_in(&app, "WS2022-DAT", "pl-PL").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b
        .get(&format!(
            "/customers/{contoso}/software/{sub}?version=2022&language=pl-PL&platform=64-bit&show=1"
        ))
        .await;
    assert!(
        !page.body.contains(r#"id="new-link-url""#),
        "no link before Copy link"
    );
    let res = b
        .post(
            &format!("/customers/{contoso}/software/{sub}/links"),
            &[
                ("file_id", &file.to_string()),
                ("version", "2022"),
                ("language", "pl-PL"),
                ("platform", "64-bit"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let id = links_of(&app, sub).await[0].id;
    let location = res.location().unwrap().to_owned();
    assert_eq!(
        location,
        format!(
            "/customers/{contoso}/software/{sub}?version=2022&language=pl-PL&platform=64-bit&show=1&link={id}#new-link"
        ),
        "back to the same choices, at the link"
    );
    let first = b.get(&location).await;
    let link = link_on(&first.body).expect("the link is shown");
    assert!(
        first
            .body
            .contains("New download link for ws2022-dat_2022_pl-pl_64bit.iso")
    );
    assert!(
        first.body.contains("ws2022-dat_2022_pl-pl_64bit.iso"),
        "files still shown"
    );
    // The reload a user makes after the redirect repeats the GET only.
    let again = b.get(&location).await;
    assert_eq!(link_on(&again.body), Some(link.clone()));
    assert_eq!(links_of(&app, sub).await.len(), 1, "no second link");
    let northwind = app.org_id("Northwind Partners").await;
    let made = app
        .audit_actions(northwind)
        .await
        .iter()
        .filter(|a| *a == "link_created")
        .count();
    assert_eq!(made, 1);
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK);
}

#[tokio::test]
async fn pressing_copy_link_while_the_link_works_renews_it_at_the_same_address() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    set_link_use(&app, &link, 30).await;
    app.clock.advance(Duration::days(10));
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let renewed = make_link(&mut b, contoso, sub, file).await;
    assert_eq!(renewed, link, "the address already sent keeps working");
    assert_eq!(links_of(&app, sub).await.len(), 1, "renewed, not piled up");
    assert_eq!(link_use(&app, &link).await, 0, "50 downloads from now");
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    assert!(page.body.contains("0 / 50"));
    assert!(page.body.contains("and 30 before the last renewal"));
    assert!(page.body.contains("renewed "), "{}", page.body);
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"link_renewed".to_owned())
    );
    // Fourteen days from the renewal, not from the first making.
    app.clock.advance(Duration::days(14) - Duration::seconds(1));
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK, "day 24");
    app.clock.advance(Duration::seconds(1));
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::GONE);
}

#[tokio::test]
async fn once_a_link_has_ended_copy_link_makes_a_new_one_and_each_row_tells_which() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let first = make_link(&mut b, contoso, sub, file).await;
    set_link_use(&app, &first, 50).await;
    let second = make_link(&mut b, contoso, sub, file).await;
    assert_ne!(second, first, "a used-up link is not renewed");
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    // Two rows for one file: their addresses tell them apart.
    let start = |l: &str| l["/d/".len().."/d/".len() + 6].to_owned();
    assert!(page.body.contains(&format!("/d/{}…", start(&second))));
    assert!(history(&page.body).contains(&format!("/d/{}…", start(&first))));
    assert!(page.body.contains("Alex Admin"), "who made it");
}

#[tokio::test]
async fn used_up_expired_and_revoked_links_stay_in_the_history_with_why_and_when() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let (en, pl, cs) = (
        file_in(&app, "WS2022-DAT", "en-US").await,
        file_in(&app, "WS2022-DAT", "pl-PL").await,
        file_in(&app, "WS2022-DAT", "cs-CZ").await,
    );
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let used_up = make_link(&mut b, contoso, sub, en).await;
    make_link(&mut b, contoso, sub, pl).await;
    make_link(&mut b, contoso, sub, cs).await;
    let made = app.clock_now();

    // Day 3: the en-US link's 50th download.
    app.clock.advance(Duration::days(3));
    set_link_use(&app, &used_up, 49).await;
    assert_eq!(fetch(&app, &used_up, &[]).await.0, StatusCode::OK);
    let fiftieth = app.clock_now();
    // Day 5: the cs-CZ link revoked.
    app.clock.advance(Duration::days(2));
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    assert!(history(&page.body).contains("Links that no longer work (1)"));
    let cs_live = page
        .body
        .split("<tr>")
        .find(|row| row.contains("ws2022-dat_2022_cs-cz") && row.contains("/revoke"))
        .expect("the cs-CZ link's row");
    let revoke = regex::Regex::new(r#"action="([^"]+/revoke)""#)
        .unwrap()
        .captures(cs_live)
        .unwrap()[1]
        .to_owned();
    assert_eq!(
        b.post(&revoke, &[("confirmed", "1")]).await.status,
        StatusCode::SEE_OTHER
    );
    let revoked = app.clock_now();
    // Day 20: the pl-PL link expired on day 14.
    app.clock.advance(Duration::days(15));
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    assert!(page.body.contains("No live links for this purchase."));
    let h = history(&page.body);
    assert!(h.contains("Links that no longer work (3)"), "{h}");
    let at = |t: chrono::DateTime<chrono::Utc>| csp_portal::i18n::I18n::default().date_time(&t);
    let row = |file: &str| {
        let i = h.find(file).unwrap();
        h[i..i + h[i..].find("</tr>").unwrap()].to_owned()
    };
    let en_row = row("ws2022-dat_2022_en-us");
    assert!(
        en_row.contains(&format!("Used up</span> {}", at(fiftieth))),
        "used up on day 3, not expired on day 14: {en_row}"
    );
    assert!(en_row.contains("50 / 50"));
    let cs_row = row("ws2022-dat_2022_cs-cz");
    assert!(
        cs_row.contains(&format!("Revoked</span> {} by Alex Admin", at(revoked))),
        "{cs_row}"
    );
    let pl_row = row("ws2022-dat_2022_pl-pl");
    assert!(
        pl_row.contains(&format!("Expired</span> {}", at(made + Duration::days(14)))),
        "{pl_row}"
    );
    // Ended links are collapsed, the latest to end first.
    assert!(h.starts_with(r#"<details class="link-history">"#));
    assert!(h.find("pl-pl").unwrap() < h.find("cs-cz").unwrap());
    assert!(h.find("cs-cz").unwrap() < h.find("en-us").unwrap());
}

#[tokio::test]
async fn revoking_keeps_the_chosen_version_language_and_bitness() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, _) = contoso_purchase(&app, "WS2022-DAT").await;
    let pl = file_in(&app, "WS2022-DAT", "pl-PL").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    make_link(&mut b, contoso, sub, pl).await;
    let chosen = format!(
        "/customers/{contoso}/software/{sub}?version=2022&language=pl-PL&platform=64-bit&show=1"
    );
    let page = b.get(&chosen).await;
    // The revoke form as the page has it, then (without JavaScript) the
    // confirmation page's form: every field each carries.
    let (action, fields) = revoke_form(&page.body);
    let asked = b.post_raw(&action, &as_refs(&fields), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("Revoke this download link?"));
    let (action, fields) = revoke_form(&asked.body);
    let res = b.post_raw(&action, &as_refs(&fields), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some(format!("{chosen}#links").as_str()));
    let back = b.get(&chosen).await;
    assert!(
        back.body
            .contains("The link was revoked; it no longer works.")
    );
    assert!(back.body.contains("ws2022-dat_2022_pl-pl_64bit.iso"));
    assert!(!back.body.contains("ws2022-dat_2022_en-us_64bit.iso"));
}

#[tokio::test]
async fn with_javascript_copy_link_answers_the_link_and_the_links_part_to_put_in_place() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b
        .get(&format!("/customers/{contoso}/software/{sub}?show=1"))
        .await;
    assert!(
        page.body
            .contains(r#"<p id="link-status" class="visually-hidden" role="status""#),
        "a live region, there before anything is said in it"
    );
    let path = format!("/customers/{contoso}/software/{sub}/links");
    let given = copy_link_with_js(&mut b, &path, file).await;
    let url = given["url"].as_str().unwrap().to_owned();
    let html = given["html"].as_str().unwrap();
    assert!(
        html.trim_start().starts_with(r#"<section id="links""#),
        "{html}"
    );
    assert!(html.contains(&format!(r#"id="new-link-url" value="{url}""#)));
    assert!(html.contains("0 / 50"), "the table with the new link");
    assert!(
        given["copied"]
            .as_str()
            .unwrap()
            .contains("ws2022-dat_2022_en-us_64bit.iso is on the clipboard")
    );
    assert!(!given["copy_failed"].as_str().unwrap().is_empty());
    let path_of = |u: &str| format!("/d/{}", u.split_once("/d/").unwrap().1);
    assert_eq!(fetch(&app, &path_of(&url), &[]).await.0, StatusCode::OK);
    // A second press renews the same link.
    let again = copy_link_with_js(&mut b, &path, file).await;
    assert_eq!(again["url"], given["url"]);
    assert!(
        again["html"]
            .as_str()
            .unwrap()
            .contains("renewed, at the same address")
    );
    assert_eq!(links_of(&app, sub).await.len(), 1);
}

#[tokio::test]
async fn without_javascript_no_copy_button_shows() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let location = press_copy_link(&mut b, contoso, sub, file).await;
    let shown = b.get(&location).await;
    // The script unhides it; the box's text field is there to copy from.
    assert!(
        shown
            .body
            .contains(r##"<button type="button" hidden data-copy-from="#new-link-url""##)
    );
    assert!(
        shown
            .body
            .contains(r#"<input type="text" id="new-link-url""#)
    );
    // The stylesheet lets `hidden` win over the button's `display` (which
    // showed the dead button before).
    let css = reqwest::get(format!("{}/static/css/portal.css", app.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("[hidden] { display: none !important; }"));
}

#[tokio::test]
async fn the_page_shows_a_links_address_only_to_whoever_gave_it_last() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut alex = app.sign_in_as(Role::AdminAgent).await;
    let location = press_copy_link(&mut alex, contoso, sub, file).await;
    // Olivia, the global admin, made an admin agent too.
    let owner_id = app.user_id("owner@northwind.example").await;
    let mut olivia = app.signed_in("owner@northwind.example").await;
    olivia.get("/users").await;
    olivia
        .post(
            &format!("/users/{owner_id}/roles"),
            &[("role", "partner_global_admin"), ("role", "admin_agent")],
        )
        .await;
    let page = olivia.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("0 / 50"), "she sees the link listed");
    assert_eq!(link_on(&page.body), None, "but not its address");
    assert!(link_on(&alex.get(&location).await.body).is_some());
    // Once revoked, not even to Alex.
    let revoke = regex::Regex::new(r#"action="([^"]+/revoke)""#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned();
    olivia.post(&revoke, &[("confirmed", "1")]).await;
    assert_eq!(link_on(&alex.get(&location).await.body), None);
}

#[tokio::test]
async fn presses_at_the_same_moment_give_one_link() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let path = format!("/customers/{contoso}/software/{sub}/links");
    let mut browsers = Vec::new();
    for _ in 0..4 {
        let mut b = app.sign_in_as(Role::AdminAgent).await;
        b.get(&format!("/customers/{contoso}/software/{sub}?show=1"))
            .await;
        browsers.push(b);
    }
    let file_id = file.to_string();
    let statuses = futures_util::future::join_all(browsers.iter_mut().map(|b| {
        let (path, file_id) = (&path, &file_id);
        async move { b.post(path, &[("file_id", file_id)]).await.status }
    }))
    .await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
        "{statuses:?}"
    );
    assert_eq!(links_of(&app, sub).await.len(), 1);
}

/// The first form posting to a revoke address in `body`: its action and
/// every hidden field it carries.
fn revoke_form(body: &str) -> (String, Vec<(String, String)>) {
    let form = regex::Regex::new(r#"(?s)<form method="post" action="([^"]+/revoke)".*?</form>"#)
        .unwrap()
        .captures(body)
        .expect("a revoke form");
    let fields = regex::Regex::new(r#"<input type="hidden" name="([a-z_]+)" value="([^"]*)">"#)
        .unwrap()
        .captures_iter(&form[0])
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect();
    (form[1].to_owned(), fields)
}

fn as_refs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}
