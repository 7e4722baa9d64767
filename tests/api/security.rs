//! What an outside audit attacked and must keep failing: link hosts, open
//! redirects, throttling without lockouts, anonymous sessions, CSRF storage.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, spawn_app, spawn_app_with};

#[tokio::test]
async fn a_reset_mail_links_to_the_configured_host_whatever_the_request_names() {
    let app = spawn_app_with(|s| {
        s.public_url =
            Some(csp_portal::config::PublicUrl::parse("https://portal.example.test").expect("url"));
    })
    .await;
    let forged: [&[(&str, &str)]; 3] = [
        &[("host", "evil.example")],
        &[
            ("x-forwarded-host", "attacker.example"),
            ("x-forwarded-proto", "https"),
        ],
        &[("forwarded", "host=attacker.example;proto=https")],
    ];
    for (i, headers) in forged.iter().enumerate() {
        let mut b = app.browser();
        b.get("/forgot-password").await;
        let token = b.csrf.clone().expect("token");
        let res = b
            .post_raw(
                "/forgot-password",
                &[("csrf_token", &token), ("email", "sales@northwind.example")],
                headers,
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{headers:?}");
        let mails = app.mails_when(|m| m.len() > i).await;
        assert_eq!(mails.len(), i + 1, "{headers:?}");
        let mail = &mails[i];
        assert!(
            mail.contains("https://portal.example.test/reset/"),
            "{headers:?}: {mail}"
        );
        assert!(!mail.contains("evil.example") && !mail.contains("attacker.example"));
    }
}

#[tokio::test]
async fn sign_in_never_redirects_off_the_site_or_fails_on_a_crafted_next() {
    let app = spawn_app().await;
    let field = regex::Regex::new(r#"name="next" value="([^"]*)""#).expect("regex");
    for next in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nSet-Cookie: a=b",
        "/\\evil.example",
        "//evil.example",
        "https://evil.example",
    ] {
        // The form drops it, and so does the handler when posted directly.
        let mut b = app.browser();
        let query = serde_urlencoded::to_string([("next", next)]).expect("query");
        let form = b.get(&format!("/sign-in?{query}")).await;
        assert_eq!(form.status, StatusCode::OK, "{next:?}");
        assert_eq!(&field.captures(&form.body).expect("next field")[1], "");
        let res = b
            .post(
                "/sign-in",
                &[
                    ("email", "admin@northwind.example"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{next:?}: {}", res.body);
        assert_eq!(res.location(), Some("/"), "{next:?}");
    }
    // A real path on the site is still followed.
    let mut b = app.browser();
    let form = b.get("/sign-in?next=%2Fcustomers%3Fq%3Dcon").await;
    let next = field.captures(&form.body).expect("next field")[1].to_owned();
    let res = b
        .post(
            "/sign-in",
            &[
                ("email", "admin@northwind.example"),
                ("password", PASSWORD),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(res.location(), Some("/customers?q=con"));
}
