//! Choosing the language (a signed-in user's saved choice, else the
//! switch's cookie, else Accept-Language, else English), the switch on
//! every page, formatting in the page's language and time zone, and mail
//! in the recipient's language.

use chrono::Duration;
use reqwest::StatusCode;

use csp_portal::domain::role::Role;
use csp_portal::i18n::I18n;

use crate::helpers::{Page, TestApp, spawn_app};

fn html_lang(page: &Page) -> &str {
    let start = page.body.find("<html lang=\"").expect("html lang") + 12;
    let len = page.body[start..].find('"').unwrap();
    &page.body[start..start + len]
}

fn set_cookies(page: &Page) -> Vec<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

fn selected_language(page: &Page) -> bool {
    let lang = html_lang(page);
    page.body.contains(&format!(
        r#"<option value="{lang}" lang="{lang}" selected>"#
    ))
}

#[tokio::test]
async fn accept_language_chooses_a_supported_language_else_english() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for (header, lang) in [
        ("pl-PL,pl;q=0.9,en;q=0.5", "pl-PL"),
        ("de-DE, cs;q=0.8", "cs-CZ"),
        ("zh", "zh-CN"),
        ("de-DE, fr;q=0.5", "en-US"),
        ("", "en-US"),
    ] {
        let page = b.get_with("/sign-in", &[("accept-language", header)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(html_lang(&page), lang, "{header}");
        assert!(selected_language(&page), "the switch shows {lang}");
    }
    // Error pages too carry the language and the switch.
    let missing = b
        .get_with("/no-such-page", &[("accept-language", "ru")])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(html_lang(&missing), "ru-RU");
    assert!(missing.body.contains(r#"action="/language""#));
}

#[tokio::test]
async fn the_switch_leaves_a_cookie_for_a_visitor_and_comes_back_only_to_this_site() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.get("/sign-in").await;
    let res = b
        .post(
            "/language",
            &[("lang", "cs-CZ"), ("next", "/sign-in?next=%2Fusers")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), Some("/sign-in?next=%2Fusers"));
    assert!(
        set_cookies(&res)
            .iter()
            .any(|c| c.starts_with("lang=cs-CZ;")),
        "{:?}",
        set_cookies(&res)
    );
    // The cookie beats the browser's own preferences.
    let page = b
        .get_with("/sign-in", &[("accept-language", "ru-RU")])
        .await;
    assert_eq!(html_lang(&page), "cs-CZ");
    // The form on the page carries where it is.
    assert!(page.body.contains(r#"name="next" value="/sign-in""#));

    for hostile in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "evil.example",
        "",
    ] {
        let res = b
            .post("/language", &[("lang", "pl-PL"), ("next", hostile)])
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(res.location(), Some("/"), "{hostile}");
    }

    // A language the portal does not offer changes nothing.
    let res = b
        .post("/language", &[("lang", "de-DE"), ("next", "/sign-in")])
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(set_cookies(&res).iter().all(|c| !c.starts_with("lang=")));
    assert_eq!(html_lang(&b.get("/sign-in").await), "pl-PL");

    // Without the form's token: refused.
    let res = b
        .post_raw("/language", &[("lang", "ru-RU"), ("next", "/sign-in")], &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(html_lang(&b.get("/sign-in").await), "pl-PL");
}

#[tokio::test]
async fn a_signed_in_users_choice_is_saved_and_beats_the_browser() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let page = b.get_with("/customers", &[("accept-language", "ru")]).await;
    assert_eq!(html_lang(&page), "ru-RU", "no choice saved yet");
    let res = b
        .post("/language", &[("lang", "zh-CN"), ("next", "/customers")])
        .await;
    assert_eq!(res.location(), Some("/customers"));

    // Another browser, no cookie, asking for Russian: the saved choice wins.
    let mut other = app.sign_in_as(Role::AdminAgent).await;
    let page = other
        .get_with("/customers", &[("accept-language", "ru-RU")])
        .await;
    assert_eq!(html_lang(&page), "zh-CN");
    assert!(selected_language(&page));
}

#[tokio::test]
async fn dates_and_money_are_written_in_the_pages_language() {
    let app = spawn_app().await;
    let mut op = app.sign_in_as(Role::Operator).await;
    let en = op.get("/operator/catalog").await;
    assert!(en.body.contains("6,771.00 USD"), "WS2022-DAT in English");
    let ru = I18n::with_lang("ru-RU");
    let page = op
        .get_with("/operator/catalog", &[("accept-language", "ru-RU")])
        .await;
    assert!(page.body.contains(&ru.money(677100, "USD")), "6 771,00 USD");
    assert!(!page.body.contains("6,771.00 USD"));

    // The partners page lists when each partner joined: the demo's load.
    let loaded = app.clock_now();
    for lang in ["en-US", "ru-RU", "zh-CN", "pl-PL", "cs-CZ"] {
        let page = op
            .get_with("/operator/partners", &[("accept-language", lang)])
            .await;
        let day = I18n::with_lang(lang).date(&loaded);
        assert!(page.body.contains(&day), "{lang}: {day}");
    }
    assert!(
        op.get_with("/operator/partners", &[("accept-language", "pl")])
            .await
            .body
            .contains(&loaded.format("%d.%m.%Y").to_string())
    );
}

#[tokio::test]
async fn the_time_zone_preference_moves_the_times_shown_and_the_page_says_so() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let contoso = app.org_id("Contoso").await;
    let path = format!("/customers/{contoso}");
    let page = b.get(&path).await;
    assert!(page.body.contains("Times are shown in UTC."));

    let form = b.get("/account/preferences").await;
    assert_eq!(form.status, StatusCode::OK);
    // A zone that does not exist: said at the field, nothing saved.
    let bad = b
        .post(
            "/account/preferences",
            &[("language", ""), ("time_zone", "Mars/Olympus")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Choose one of the time zones offered."));
    let bad = b
        .post(
            "/account/preferences",
            &[("language", "xx-YY"), ("time_zone", "")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Choose one of the languages offered."));
    assert!(b.get(&path).await.body.contains("Times are shown in UTC."));

    let saved = b
        .post(
            "/account/preferences",
            &[("language", ""), ("time_zone", "Asia/Shanghai")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let page = b.get(&path).await;
    assert!(page.body.contains("Times are shown in Asia/Shanghai."));
    // The customer's page shows when it was created (the demo's load), now
    // eight hours on from UTC.
    let loaded = app.clock_now();
    let shanghai = I18n::default()
        .in_time_zone(Some("Asia/Shanghai"))
        .date_time(&loaded);
    assert!(page.body.contains(&shanghai), "{shanghai}");
    assert!(!page.body.contains(&I18n::default().date_time(&loaded)));
}

async fn with_language(app: &TestApp, role: Role, lang: &str, tz: &str) {
    let mut b = app.sign_in_as(role).await;
    b.get("/account/preferences").await;
    let res = b
        .post(
            "/account/preferences",
            &[("language", lang), ("time_zone", tz)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_reminder_is_written_in_its_recipients_language_and_time_zone() {
    let app = spawn_app().await;
    let loaded = app.clock_now();
    with_language(&app, Role::AdminAgent, "pl-PL", "Europe/Warsaw").await;
    app.clock.advance(Duration::days(8) + Duration::seconds(1));
    let state = app.state();
    csp_portal::reminders::run(&**state, app.clock_now())
        .await
        .unwrap();
    let mails: Vec<String> = app
        .mails()
        .into_iter()
        .filter(|m| m.contains("To: admin@northwind.example"))
        .collect();
    assert_eq!(mails.len(), 1);
    // Bought 45 days before the load, cancellable for 60 days.
    let until = loaded + Duration::days(15);
    let pl = I18n::with_lang("pl-PL").in_time_zone(Some("Europe/Warsaw"));
    let expected = format!("{} (Europe/Warsaw)", pl.date_time(&until));
    assert!(mails[0].contains(&expected), "{expected} in {}", mails[0]);
    assert!(
        mails[0].contains(&pl.t_with(
            "mail-window-subject",
            &[("product", "SQL Server 2022 Standard".into())]
        )),
        "{}",
        mails[0]
    );
}

#[tokio::test]
async fn a_reset_mail_follows_the_account_holders_language_and_an_invitation_the_inviters() {
    let app = spawn_app().await;
    with_language(&app, Role::SalesAgent, "ru-RU", "").await;
    // Asked for from an English page: written in the holder's Russian.
    let mut anon = app.browser();
    anon.get_with("/forgot-password", &[("accept-language", "en")])
        .await;
    anon.post("/forgot-password", &[("email", "sales@northwind.example")])
        .await;
    let mails = app
        .mails_when(|m| m.iter().any(|m| m.contains("To: sales@northwind.example")))
        .await;
    let reset = mails
        .iter()
        .find(|m| m.contains("To: sales@northwind.example"))
        .unwrap();
    let ru = I18n::with_lang("ru-RU");
    assert!(reset.contains(&format!("Subject: {}", ru.t("mail-reset-subject"))));
    let body_start = ru.t_with(
        "mail-reset-body",
        &[("link", "LINK".into()), ("minutes", 60_i64.into())],
    );
    let before_link = body_start.split("LINK").next().unwrap();
    assert!(reset.contains(before_link.trim()), "{reset}");

    // A new invitee has no language yet: the inviter's page's.
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner
        .post("/language", &[("lang", "cs-CZ"), ("next", "/users")])
        .await;
    let form = owner.get("/users/invite").await;
    assert_eq!(html_lang(&form), "cs-CZ");
    let res = owner
        .post(
            "/users/invite",
            &[("email", "nova@northwind.example"), ("role", "sales_agent")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mails = app
        .mails_when(|m| m.iter().any(|m| m.contains("To: nova@northwind.example")))
        .await;
    let invite = mails
        .iter()
        .find(|m| m.contains("To: nova@northwind.example"))
        .unwrap();
    let cs = I18n::with_lang("cs-CZ");
    assert!(
        invite.contains(&cs.t1("mail-invite-subject", "org", "Northwind Partners")),
        "{invite}"
    );
}
