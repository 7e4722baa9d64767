//! What an outside audit attacked and must keep failing: link hosts, open
//! redirects, throttling without lockouts, anonymous sessions, CSRF storage.

use csp_portal::domain::role::Role;
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

async fn session_rows(app: &crate::helpers::TestApp) -> i64 {
    let sql = "SELECT COUNT(*) FROM sessions";
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        csp_portal::store::Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await,
    }
    .expect("count sessions")
}

async fn session_states(app: &crate::helpers::TestApp) -> Vec<String> {
    let sql = "SELECT state FROM sessions";
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_all(p).await,
        csp_portal::store::Db::Pg(p) => sqlx::query_scalar(sql).fetch_all(p).await,
    }
    .expect("session states")
}

#[tokio::test]
async fn anonymous_visits_write_no_session_and_the_sign_in_form_still_works() {
    let app = spawn_app().await;
    let before = session_rows(&app).await;
    for path in ["/sign-in", "/forgot-password", "/sign-in?next=%2Fcustomers"] {
        for _ in 0..20 {
            // A fresh client each time, as a flood of anonymous visitors.
            let page = app.browser().get(path).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.csrf().is_some());
            let cookies: Vec<_> = page
                .headers
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            assert!(
                cookies.iter().all(|c| !c.starts_with("portal_session=")),
                "{cookies:?}"
            );
            let csrf = cookies
                .iter()
                .find(|c| c.starts_with("portal_csrf="))
                .expect("pre-session cookie");
            assert!(csrf.contains("HttpOnly") && csrf.contains("SameSite=Lax"));
        }
    }
    assert_eq!(
        session_rows(&app).await,
        before,
        "no row for anonymous visits"
    );
    // The form's token is bound to the cookie: another browser's token fails.
    let mut victim = app.browser();
    victim.get("/sign-in").await;
    let mut attacker = app.browser();
    attacker.get("/sign-in").await;
    victim.csrf = attacker.csrf.clone();
    let forged = victim
        .post(
            "/sign-in",
            &[("email", "admin@northwind.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // And the form works with its own.
    let ok = app
        .browser()
        .sign_in("admin@northwind.example", PASSWORD)
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(session_rows(&app).await, before + 1);
}

#[tokio::test]
async fn the_session_stores_no_csrf_token_and_sign_in_changes_it() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.get("/sign-in").await;
    let anonymous = b.csrf.clone().expect("token");
    let b = &mut app.sign_in_as(Role::AdminAgent).await;
    let token = b.csrf.clone().expect("token");
    assert_ne!(token, anonymous);
    for state in session_states(&app).await {
        assert!(!state.contains(&token), "token stored in clear: {state}");
    }
    // It is still accepted, and a previous one is not.
    let res = b.post("/customers", &[("name", "x"), ("domain", "")]).await;
    assert_ne!(res.status, StatusCode::FORBIDDEN);
    b.csrf = Some(anonymous);
    let res = b.post("/customers", &[("name", "x"), ("domain", "")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

/// How many sign-in failures with `reason` the audit log holds.
async fn failures(app: &crate::helpers::TestApp, reason: &str) -> i64 {
    let sql =
        "SELECT COUNT(*) FROM audit_events WHERE action = 'sign_in_failed' AND detail LIKE $1";
    let pattern = format!("%\"reason\":\"{reason}\"%");
    match &app.db {
        csp_portal::store::Db::Sqlite(p) => {
            sqlx::query_scalar(sql).bind(pattern).fetch_one(p).await
        }
        csp_portal::store::Db::Pg(p) => sqlx::query_scalar(sql).bind(pattern).fetch_one(p).await,
    }
    .expect("count failures")
}

/// `n` browsers, each with the sign-in form open, post at the same moment.
async fn parallel_sign_ins(
    app: &crate::helpers::TestApp,
    n: usize,
    email: impl Fn(usize) -> String,
) -> Vec<StatusCode> {
    let mut browsers = Vec::new();
    for _ in 0..n {
        let mut b = app.browser();
        b.get("/sign-in").await;
        browsers.push(b);
    }
    let posts = browsers.iter_mut().enumerate().map(|(i, b)| {
        let email = email(i);
        async move {
            b.post("/sign-in", &[("email", &email), ("password", "guess")])
                .await
                .status
        }
    });
    futures_util::future::join_all(posts).await
}

#[tokio::test]
async fn parallel_guesses_on_one_account_check_exactly_five_passwords() {
    let app = spawn_app().await;
    let statuses = parallel_sign_ins(&app, 40, |_| "sales@northwind.example".into()).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((checked, refused), (5, 35), "{statuses:?}");
    assert_eq!(failures(&app, "bad_credentials").await, 5);
}

#[tokio::test]
async fn parallel_guesses_from_one_address_check_exactly_its_allowance() {
    let app = spawn_app().await;
    let statuses = parallel_sign_ins(&app, 45, |i| format!("nobody{i}@example.com")).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(checked, 30, "{statuses:?}");
    assert_eq!(failures(&app, "bad_credentials").await, 30);
}

#[tokio::test]
async fn the_current_password_check_is_throttled() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    b.get("/account/password").await;
    let change = |current: &'static str| {
        [
            ("current", current),
            ("password", "a long and unusual passphrase"),
            ("confirm", "a long and unusual passphrase"),
        ]
    };
    for _ in 0..5 {
        let res = b.post("/account/password", &change("guess")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.body.contains("The current password is not correct."));
    }
    let res = b.post("/account/password", &change(PASSWORD)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Too many wrong passwords. Try again in 30 s"),
        "{}",
        res.body
    );
    // Turning two-factor on is guarded by the same count.
    b.get("/account/2fa").await;
    let res = b
        .post(
            "/account/2fa/enable",
            &[("password", PASSWORD), ("code", "000000")],
        )
        .await;
    assert!(
        res.body.contains("Too many wrong passwords"),
        "{}",
        res.body
    );
    app.clock.advance(chrono::Duration::seconds(30));
    b.get("/account/password").await;
    let res = b.post("/account/password", &change(PASSWORD)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn thirty_reset_requests_send_at_most_three_mails() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for _ in 0..30 {
        b.get("/forgot-password").await;
        let res = b
            .post("/forgot-password", &[("email", "sales@northwind.example")])
            .await;
        assert_eq!(res.status, StatusCode::OK);
    }
    let mails = app.mails_when(|m| m.len() >= 3).await;
    // Give any stray mail the time it would take to arrive.
    let mails = app.mails_within(25, |m| m.len() > mails.len()).await;
    assert_eq!(mails.len(), 3);
}

#[tokio::test]
async fn the_housekeeping_job_removes_ended_sessions_and_stale_counts() {
    let app = spawn_app().await;
    app.sign_in_as(Role::AdminAgent).await;
    app.browser()
        .sign_in("sales@northwind.example", "guess")
        .await;
    let sessions = session_rows(&app).await;
    assert!(sessions >= 1);
    app.clock.advance(chrono::Duration::days(3));
    let (ended, quiet) = csp_portal::housekeeping::run(&app.db, app.clock_now())
        .await
        .expect("housekeeping");
    assert_eq!(ended as i64, sessions);
    assert!(quiet >= 2, "the account's and the address's counts");
    assert_eq!(session_rows(&app).await, 0);
}

#[tokio::test]
async fn parallel_sign_ins_never_hash_more_than_the_limit_at_once() {
    let app = spawn_app().await;
    // Unknown addresses still cost a hash each, so they are the attack.
    let statuses = parallel_sign_ins(&app, 25, |i| format!("ghost{i}@example.com")).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    let (peak, limit) = csp_portal::auth::hasher::peak_and_limit();
    assert!(peak >= 1 && peak <= limit, "peak {peak}, limit {limit}");
}
