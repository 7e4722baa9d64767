//! What cannot be undone is asked first (issue #12, item 5): revoking a
//! link, approving or rejecting a cancellation, deactivating a user. With
//! JavaScript the browser's dialog asks and the form goes with
//! `confirmed=1`; without it, the POST that lacks the field changes nothing
//! and answers with a page whose form sends it again, confirmed.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::cancel::{file_cancellation, operator_path, purchase, status_of};
use crate::helpers::{Browser, Page, TestApp, spawn_app};
use crate::software::{contoso_purchase, fetch, make_link};

/// The form of `body` that posts to an address ending in `action_end`: its
/// action and every hidden field it carries (the CSRF token among them).
fn form_posting_to(body: &str, action_end: &str) -> (String, Vec<(String, String)>) {
    let forms =
        regex::Regex::new(r#"(?s)<form method="post" action="([^"]+)"[^>]*>(.*?)</form>"#).unwrap();
    let form = forms
        .captures_iter(body)
        .find(|c| c[1].ends_with(action_end))
        .unwrap_or_else(|| panic!("a form posting to …{action_end}: {body}"));
    let fields = regex::Regex::new(r#"<input type="hidden" name="([a-z_]+)" value="([^"]*)">"#)
        .unwrap()
        .captures_iter(&form[2])
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect();
    (form[1].to_owned(), fields)
}

/// Posts exactly the fields a page's form carries.
async fn send(b: &mut Browser, (action, fields): (String, Vec<(String, String)>)) -> Page {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post_raw(&action, &fields, &[]).await
}

fn confirmed(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(k, v)| k == "confirmed" && v == "1")
}

async fn audit(app: &TestApp, org: &str) -> Vec<String> {
    app.audit_actions(app.org_id(org).await).await
}

#[tokio::test]
async fn revoking_a_link_asks_first_and_nothing_changes_until_confirmed() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    // With JavaScript: the browser's dialog, naming the file.
    assert!(page.body.contains(
        "data-confirm=\"Revoke the download link for ws2022-dat_2022_en-us_64bit.iso? It stops working at once"
    ), "{}", page.body);
    let form = form_posting_to(&page.body, "/revoke");
    assert!(!confirmed(&form.1), "the page's own form is not confirmed");

    // Without JavaScript: the confirmation page, and nothing else.
    let asked = send(&mut b, form).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("<h1>Revoke this download link?</h1>"));
    assert!(asked.body.contains("ws2022-dat_2022_en-us_64bit.iso"));
    assert!(asked.body.contains("0 / 50"));
    assert!(asked.body.contains("This cannot be undone."));
    assert!(
        asked.body.contains(&format!(
            r#"href="/customers/{contoso}/software/{sub}#links">Keep the link</a>"#
        )),
        "leaving changes nothing: {}",
        asked.body
    );
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK);
    assert!(
        !audit(&app, "Northwind Partners")
            .await
            .contains(&"link_revoked".to_owned())
    );
    // Reloading the confirmation (the same unconfirmed POST) asks again.
    let again = send(&mut b, form_posting_to(&page.body, "/revoke")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK);

    // Its form is confirmed and carries a token.
    let form = form_posting_to(&asked.body, "/revoke");
    assert!(confirmed(&form.1));
    assert!(
        form.1
            .iter()
            .any(|(k, v)| k == "csrf_token" && !v.is_empty())
    );
    let done = send(&mut b, form).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::GONE);
    assert!(
        audit(&app, "Northwind Partners")
            .await
            .contains(&"link_revoked".to_owned())
    );
}

#[tokio::test]
async fn a_confirmed_revoke_without_a_csrf_token_is_refused() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    let link = make_link(&mut b, contoso, sub, file).await;
    let page = b.get(&format!("/customers/{contoso}/software/{sub}")).await;
    let asked = send(&mut b, form_posting_to(&page.body, "/revoke")).await;
    let (action, fields) = form_posting_to(&asked.body, "/revoke");
    let without_token: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(k, _)| k != "csrf_token")
        .collect();
    let res = send(&mut b, (action.clone(), without_token)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = b
        .post_raw(
            &action,
            &[("confirmed", "1"), ("csrf_token", "forged")],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        fetch(&app, &link, &[]).await.0,
        StatusCode::OK,
        "still works"
    );
}

#[tokio::test]
async fn approving_a_cancellation_asks_first_saying_what_it_does() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    make_link(&mut admin, p.customer, p.sub, p.file).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    let (request, mut op, page) = as_operator(&app, filed.location().unwrap()).await;
    // The dialog says it all: the credit, the key, the links.
    let dialog = regex::Regex::new(r#"(?s)value="approve" class="primary" data-confirm="([^"]*)""#)
        .unwrap()
        .captures(&page.body)
        .expect("Approve asks")[1]
        .to_owned();
    for said in [
        "Approve the cancellation SR-",
        "credit 13,542.00 USD (100% of the purchase) to Northwind Partners",
        "revoke its product key",
        "disable its download links at once (1 live now)",
        "This cannot be undone.",
    ] {
        assert!(dialog.contains(said), "{said}: {dialog}");
    }

    let asked = ask(&mut op, &request, "approve", "Refunded in full.").await;
    assert_eq!(asked.status, StatusCode::OK);
    for said in [
        "<h1>Approve this cancellation?</h1>",
        "<dt>Request</dt><dd>SR-",
        "Approving will:",
        "credit 13,542.00 USD",
        "revoke its product key",
        "(1 live now)",
        "Refunded in full.",
        "Back to the request, deciding nothing",
    ] {
        assert!(asked.body.contains(said), "{said}: {}", asked.body);
    }
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
    assert!(
        csp_portal::store::credit_notes::for_subscription(&app.db, p.sub)
            .await
            .unwrap()
            .is_none()
    );

    let form = form_posting_to(&asked.body, "/decision");
    assert!(form.1.contains(&("decision".into(), "approve".into())));
    assert!(
        form.1
            .contains(&("reply".into(), "Refunded in full.".into()))
    );
    let done = send(&mut op, form).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "cancelled");
}

#[tokio::test]
async fn rejecting_asks_first_once_the_reason_is_there() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    let (request, mut op, page) = as_operator(&app, filed.location().unwrap()).await;
    assert!(
        page.body
            .contains(r#"data-confirm-needs="reply">Reject</button>"#),
        "the dialog waits for a reason"
    );
    // No reason: the form says so, before anything is asked.
    let missing = ask(&mut op, &request, "reject", " ").await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Give the partner a reason"));

    let asked = ask(
        &mut op,
        &request,
        "reject",
        "Keys were activated.\nSee the log.",
    )
    .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.body.contains("<h1>Reject this cancellation?</h1>"));
    assert!(asked.body.contains("nothing is cancelled or credited"));
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
    let (action, fields) = form_posting_to(&asked.body, "/decision");
    assert!(
        fields.contains(&("reply".into(), "Keys were activated.\nSee the log.".into())),
        "the reply goes again as typed, lines and all: {fields:?}"
    );
    let done = send(&mut op, (action, fields)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "active");
    let shown = admin.get(filed.location().unwrap()).await;
    assert!(shown.body.contains("Keys were activated.\nSee the log."));
}

/// Request `filed` (its partner's address) as an operator opens it: its
/// address in the queue, the operator's browser, the page.
async fn as_operator(app: &TestApp, filed: &str) -> (String, Browser, Page) {
    let request = operator_path(filed);
    let mut op = app.sign_in_as(Role::Operator).await;
    let page = op.get(&request).await;
    (request, op, page)
}

/// A decision sent as the request page's form sends it, unconfirmed.
async fn ask(op: &mut Browser, request: &str, decision: &str, reply: &str) -> Page {
    op.post(
        &format!("{request}/decision"),
        &[("decision", decision), ("reply", reply)],
    )
    .await
}

/// A billing question a sales agent filed, as an operator opens it.
pub async fn question_for_operator(app: &TestApp) -> (String, Browser) {
    let mut sales = app.sign_in_as(Role::SalesAgent).await;
    sales.get("/support/new").await;
    let filed = sales
        .post_multipart("/support", crate::helpers::question)
        .await;
    let (request, op, _) = as_operator(app, filed.location().unwrap()).await;
    (request, op)
}

#[tokio::test]
async fn closing_another_kind_of_request_asks_nothing() {
    let app = spawn_app().await;
    let (request, mut op) = question_for_operator(&app).await;
    let res = ask(&mut op, &request, "close", "On page 2.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn deactivating_a_user_asks_first_and_they_stay_signed_in_until_confirmed() {
    let app = spawn_app().await;
    let mut helpdesk = app.sign_in_as(Role::HelpdeskAgent).await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    let users = owner.get("/users").await;
    let row = users
        .body
        .split("<tr>")
        .find(|r| r.contains("helpdesk@northwind.example"))
        .expect("the helpdesk agent's row");
    assert!(row.contains(r#"data-confirm="Deactivate "#), "{row}");
    let (action, fields) = form_posting_to(row, "/deactivate");
    let asked = send(&mut owner, (action, fields)).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(
        asked
            .body
            .contains("is signed out at once and can no longer sign in")
    );
    assert!(asked.body.contains("helpdesk@northwind.example"));
    assert!(
        asked.body.contains("Helpdesk agent"),
        "the roles: {}",
        asked.body
    );
    assert_eq!(helpdesk.get("/customers").await.status, StatusCode::OK);

    let done = send(&mut owner, form_posting_to(&asked.body, "/deactivate")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        helpdesk.get("/customers").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
}
