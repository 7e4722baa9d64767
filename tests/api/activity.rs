//! The activity log and its CSV export (SPEC 3.6).

use csp_portal::domain::audit_action::Action;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_partner_sees_its_own_activity_filtered_and_exported_exactly() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    app.signed_in("sales@northwind.example").await;
    app.signed_in("admin@fabrikam.example").await;
    // A customer whose name needs quoting and would be a formula.
    admin.get("/customers/new").await;
    let res = admin
        .post(
            "/customers",
            &[
                ("company_name", "=HYPERLINK(\"x\"), Inc"),
                ("primary_domain", "quoted.onmicrosoft.com"),
                ("country", "US"),
                ("billing_name", "B"),
                ("billing_email", "b@quoted.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let page = admin.get("/activity").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("sales@northwind.example"));
    assert!(
        !page.body.contains("admin@fabrikam.example"),
        "another partner's events are not shown"
    );

    let page = admin.get("/activity?action=sign_in").await;
    let rows = page.body.matches("<td>Signed in</td>").count();
    assert_eq!(rows, 2, "admin and sales signed in");
    assert!(!page.body.contains("<td>Customer created</td>"));
    let by_user = admin
        .get("/activity?action=sign_in&user=SALES@northwind.example")
        .await;
    assert_eq!(by_user.body.matches("<td>Signed in</td>").count(), 1);

    let csv = admin.get("/activity.csv?action=sign_in").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "at,organisation,user,action,subject_type,subject_id,customer,ip,detail"
    );
    assert_eq!(lines.len(), 1 + rows, "exactly the filtered rows");
    assert!(lines[1..].iter().all(|l| l.contains(",sign_in,")));

    let created = admin.get("/activity.csv?action=customer_created").await;
    let record = created
        .body
        .split("\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    // The name sits in the JSON detail: quoted once for CSV, quotes doubled.
    assert!(
        record.contains(r#""{""name"":""=HYPERLINK(\""x\""), Inc"""#),
        "{record}"
    );
    assert!(
        record.contains(",'=HYPERLINK") || record.contains(",\"'=HYPERLINK"),
        "the customer cell is defused: {record}"
    );

    let tomorrow = (app.clock_now() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let today = app.clock_now().format("%Y-%m-%d").to_string();
    assert!(
        admin
            .get(&format!("/activity?from={tomorrow}"))
            .await
            .body
            .contains("No activity matches.")
    );
    assert!(
        admin
            .get(&format!("/activity?from={today}&to={today}"))
            .await
            .body
            .contains("<td>Signed in</td>")
    );
    let bad = admin.get("/activity?from=yesterday").await;
    assert!(bad.body.contains("must be a date"));
    assert_eq!(
        admin.get("/activity.csv?from=yesterday").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_filters_offer_every_action_and_find_a_customer_by_name_or_domain() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get("/activity").await;
    // Every action is offered, whether or not the log holds one yet.
    for a in Action::ALL {
        assert!(
            page.body
                .contains(&format!("<option value=\"{}\"", a.as_str())),
            "{a}"
        );
    }
    // No customer is listed: the filter takes a name or a domain.
    assert!(!page.body.contains("<option value=\"b8"));
    let contoso = app.org_id("Contoso").await;
    let rows = |b: &str| b.matches("<td>Order placed</td>").count();
    let by_id = admin
        .get(&format!("/activity?action=order_placed&customer={contoso}"))
        .await;
    assert!(rows(&by_id.body) > 0, "Contoso has orders in the demo");
    for typed in ["contoso", "  CONTOSO ", "contoso.onmicrosoft.com"] {
        let page = admin
            .get(&format!(
                "/activity?action=order_placed&customer={}",
                typed.replace(' ', "+")
            ))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(rows(&page.body), rows(&by_id.body), "{typed}");
    }
    // Another partner's customer, or nobody: a message, no rows.
    for typed in ["Fourth Coffee", "nobody.example"] {
        let page = admin
            .get(&format!("/activity?customer={}", typed.replace(' ', "+")))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("None of your customers has that name"),
            "{typed}"
        );
        assert!(!page.body.contains("<td>"), "{typed}");
    }
    let bad = admin.get("/activity?action=drop_tables").await;
    assert!(bad.body.contains("There is no such action."));
    assert_eq!(
        admin.get("/activity.csv?action=drop_tables").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn operators_see_everyone_and_agents_without_admin_rights_see_nothing() {
    let app = spawn_app().await;
    app.signed_in("admin@fabrikam.example").await;
    let mut op = app.signed_in("operator@portal.example").await;
    let page = op.get("/activity?action=sign_in").await;
    assert!(page.body.contains("admin@fabrikam.example"));
    assert!(page.body.contains("operator@portal.example"));
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    assert_eq!(owner.get("/activity").await.status, StatusCode::OK);
    for email in [
        "sales@northwind.example",
        "helpdesk@northwind.example",
        "ga@contoso.example",
    ] {
        let mut b = app.signed_in(email).await;
        assert_eq!(
            b.get("/activity").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        assert_eq!(
            b.get("/activity.csv").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
}

#[tokio::test]
async fn the_csv_export_streams_the_whole_log_past_one_page() {
    let app = spawn_app().await;
    let northwind = app.org_id("Northwind Partners").await;
    let now = app.clock_now();
    for i in 0..2_345 {
        csp_portal::store::audit::record(
            &app.db,
            now - chrono::Duration::seconds(i),
            &csp_portal::store::audit::NewEvent {
                organisation_id: Some(northwind),
                ..csp_portal::store::audit::NewEvent::of(Action::KeyRevealed)
            },
        )
        .await
        .expect("event");
    }
    let mut admin = app.signed_in("admin@northwind.example").await;
    let csv = admin.get("/activity.csv?action=key_revealed").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 2_345, "every row, across pages, once");
    let mut at: Vec<&str> = lines[1..].iter().map(|l| &l[..25]).collect();
    at.dedup();
    assert_eq!(at.len(), 2_345, "no row twice at a page boundary");
}
