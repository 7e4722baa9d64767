//! The reminder job: 7 days left to cancel, and links that expire tomorrow;
//! each sent once, even when two instances run the job at the same moment.

use chrono::Duration;
use reqwest::StatusCode;

use crate::helpers::{TestApp, spawn_app};

fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails()
        .into_iter()
        .filter(|m| m.contains(&format!("To: {to}")))
        .collect()
}

#[tokio::test]
async fn admin_agents_hear_once_when_a_purchase_has_seven_days_left() {
    let app = spawn_app().await;
    let state = app.state();
    // Nothing is due at load time: the earliest window (bought 45 days
    // before) closes in 15 days.
    assert_eq!(
        csp_portal::reminders::run(&**state, app.clock_now())
            .await
            .unwrap(),
        0
    );
    app.clock.advance(Duration::days(8) - Duration::seconds(1));
    assert_eq!(
        csp_portal::reminders::run(&**state, app.clock_now())
            .await
            .unwrap(),
        0,
        "7 days and a second left"
    );
    app.clock.advance(Duration::seconds(2));
    // Two instances run the job at the same moment: one mail.
    let (a, b) = tokio::join!(
        csp_portal::reminders::run(&**state, app.clock_now()),
        csp_portal::reminders::run(&**state, app.clock_now())
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let mails = mails_to(&app, "admin@northwind.example");
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("SQL Server 2022 Standard") && mails[0].contains("Contoso"));
    assert!(
        mails_to(&app, "sales@northwind.example").is_empty(),
        "admin agents only"
    );
    app.clock.advance(Duration::days(1));
    assert_eq!(
        csp_portal::reminders::run(&**state, app.clock_now())
            .await
            .unwrap(),
        0,
        "never twice"
    );
}

#[tokio::test]
async fn admin_agents_get_one_daily_summary_of_links_expiring_tomorrow() {
    let app = spawn_app().await;
    let (sub, file) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    let contoso = app.org_id("Contoso").await;
    let mut admin = app.signed_in("admin@northwind.example").await;
    admin
        .get(&format!("/customers/{contoso}/software/{sub}?show=1"))
        .await;
    let res = admin
        .post(
            &format!("/customers/{contoso}/software/{sub}/links"),
            &[("file_id", &file.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let state = app.state();
    app.clock.advance(Duration::days(12));
    csp_portal::reminders::run(&**state, app.clock_now())
        .await
        .unwrap();
    let before = mails_to(&app, "admin@northwind.example").len();
    // The link expires 14 days after it was made: tomorrow, seen from day 13.
    app.clock.advance(Duration::days(1));
    csp_portal::reminders::run(&**state, app.clock_now())
        .await
        .unwrap();
    let mails = mails_to(&app, "admin@northwind.example");
    assert_eq!(mails.len(), before + 1);
    assert!(
        mails
            .iter()
            .any(|m| m.contains("ws2022-dat_2022_en-us_64bit.iso"))
    );
    csp_portal::reminders::run(&**state, app.clock_now() + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        mails_to(&app, "admin@northwind.example").len(),
        before + 1,
        "one summary a day"
    );
}
