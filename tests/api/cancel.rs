//! Cancelling a purchase: Report a problem, the operator's decision, the
//! 100% credit and the revoked key and links (SPEC 3.4).

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use uuid::Uuid;

use crate::helpers::{Browser, Page, TestApp, spawn_app};
use crate::software::contoso_purchase;
use csp_portal::domain::scope::Scope;
use csp_portal::store::{organisations, software};

pub struct Purchase {
    pub customer: Uuid,
    pub tenant: String,
    pub sub: Uuid,
    pub file: Uuid,
    pub cancel_until: chrono::DateTime<chrono::Utc>,
}

pub async fn purchase(app: &TestApp, sku: &str) -> Purchase {
    let (sub, file) = contoso_purchase(app, sku).await;
    let customer = app.org_id("Contoso").await;
    let c = organisations::customer(&app.db, Scope::Vendor, customer)
        .await
        .unwrap()
        .unwrap();
    let row = software::one(&app.db, Scope::Vendor, customer, sub)
        .await
        .unwrap()
        .unwrap();
    Purchase {
        customer,
        tenant: c.tenant_guid.to_string(),
        sub,
        file,
        cancel_until: row.cancel_until,
    }
}

pub async fn status_of(app: &TestApp, p: &Purchase) -> String {
    software::one(&app.db, Scope::Vendor, p.customer, p.sub)
        .await
        .unwrap()
        .unwrap()
        .status
        .to_string()
}

pub fn cancel_form(f: Form, p: &Purchase, amount: &str) -> Form {
    f.text("idempotency_key", Uuid::new_v4().to_string())
        .text("problem_type", "refund")
        .text("impact", "moderate")
        .text("title", "Cancel purchase")
        .text("description", "Bought by mistake.")
        .text("customer_ref", p.tenant.clone())
        .text("purchase_ref", p.sub.to_string())
        .text("refund_reason", "The customer ordered the wrong edition.")
        .text("requested_amount", amount.to_owned())
        .text("contact_name", "Alex Admin")
        .text("contact_email", "admin@northwind.example")
        .text("contact_phone", "+1 425 555 0100")
}

/// Files the cancellation through the prefilled form, as Cancel leads to it.
pub async fn file_cancellation(
    b: &mut Browser,
    p: &Purchase,
    extra: Option<(&str, Vec<u8>)>,
) -> Page {
    let form = b
        .get(&format!(
            "/support/new?customer={}&subscription={}",
            p.customer, p.sub
        ))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let amount = regex::Regex::new(r#"name="requested_amount" value="([^"]*)""#)
        .unwrap()
        .captures(&form.body)
        .unwrap()[1]
        .to_owned();
    b.post_multipart("/support", |f| {
        let f = cancel_form(f, p, &amount);
        match extra {
            Some((name, bytes)) => f.part("files", Part::bytes(bytes).file_name(name.to_owned())),
            None => f,
        }
    })
    .await
}

pub async fn decide(app: &TestApp, request: &str, decision: &str, reply: &str) -> Page {
    let mut op = app.sign_in_as(Role::Operator).await;
    op.get(request).await;
    // Confirmed, as the browser's dialog or the confirmation page sends it.
    op.post(
        &format!("{request}/decision"),
        &[("decision", decision), ("reply", reply), ("confirmed", "1")],
    )
    .await
}

pub fn operator_path(support_path: &str) -> String {
    support_path.replace("/support/", "/operator/requests/")
}

#[tokio::test]
async fn an_approved_cancellation_credits_100_percent_and_revokes_key_and_links() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let list = admin
        .get(&format!("/customers/{}/software", p.customer))
        .await;
    assert!(
        list.body.contains(&format!(
            "/support/new?customer={}&amp;subscription={}",
            p.customer, p.sub
        )) || list.body.contains(&format!(
            "/support/new?customer={}&#38;subscription={}",
            p.customer, p.sub
        ))
    );
    assert!(list.body.contains("55 days left"));
    // A link made before the cancellation.
    admin
        .get(&format!(
            "/customers/{}/software/{}?show=1",
            p.customer, p.sub
        ))
        .await;
    let made = admin
        .post(
            &format!("/customers/{}/software/{}/links", p.customer, p.sub),
            &[("file_id", &p.file.to_string())],
        )
        .await;
    let made = admin.get(made.location().unwrap()).await;
    let link = regex::Regex::new(r#"value="https?://[^/]+(/d/[^"]+)""#)
        .unwrap()
        .captures(&made.body)
        .unwrap()[1]
        .to_owned();
    let anon = reqwest::Client::new();
    assert_eq!(
        anon.get(format!("{}{link}", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    let form = admin
        .get(&format!(
            "/support/new?customer={}&subscription={}",
            p.customer, p.sub
        ))
        .await;
    assert!(form.body.contains(&p.tenant), "tenant prefilled");
    assert!(
        form.body.contains(&p.sub.to_string()),
        "subscription prefilled"
    );
    assert!(form.body.contains("13,542.00"), "2 x 6,771.00 prefilled");
    assert!(form.body.contains(r#"<option value="refund" selected>"#));

    let filed = file_cancellation(
        &mut admin,
        &p,
        Some(("proof.pdf", b"%PDF-1.4 proof".to_vec())),
    )
    .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let request = filed.location().unwrap().to_owned();
    let shown = admin.get(&request).await;
    assert!(shown.body.contains("Submitted"));
    assert!(shown.body.contains("proof.pdf"));
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
    let list = admin
        .get(&format!("/customers/{}/software", p.customer))
        .await;
    assert!(list.body.contains("Cancellation requested"));

    let res = decide(
        &app,
        &operator_path(&request),
        "approve",
        "Refunded in full.",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "cancelled");
    let list = admin
        .get(&format!("/customers/{}/software", p.customer))
        .await;
    assert!(list.body.contains("Credited 13,542.00 USD"));
    let key = admin
        .post(
            &format!("/customers/{}/software/{}/key", p.customer, p.sub),
            &[],
        )
        .await;
    assert_eq!(key.status, StatusCode::GONE);
    assert!(key.body.contains("No longer available"));
    assert_eq!(
        anon.get(format!("{}{link}", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::GONE
    );
    let page = admin
        .get(&format!("/customers/{}/software/{}", p.customer, p.sub))
        .await;
    assert!(
        page.body
            .contains(", with the cancellation of the purchase"),
        "the link's history says why it ended"
    );
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    ga.get("/my/software").await;
    assert_eq!(
        ga.post(&format!("/my/software/{}/key", p.sub), &[])
            .await
            .status,
        StatusCode::GONE
    );
    let shown = admin.get(&request).await;
    assert!(shown.body.contains("Approved") && shown.body.contains("Refunded in full."));
    let northwind = app.org_id("Northwind Partners").await;
    let actions = app.audit_actions(northwind).await;
    assert!(actions.contains(&"cancellation_requested".to_owned()));
    assert!(actions.contains(&"cancellation_approved".to_owned()));
}

#[tokio::test]
async fn a_request_filed_a_second_before_day_60_is_accepted_and_honoured_later() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    app.clock.set(p.cancel_until - Duration::seconds(1));
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    // Decided on day 62: the filing time is what counts.
    app.clock.advance(Duration::days(2));
    let res = decide(
        &app,
        &operator_path(filed.location().unwrap()),
        "approve",
        "",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "cancelled");
}

#[tokio::test]
async fn a_second_after_day_60_cancel_is_not_offered_and_a_forged_request_is_refused() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    app.clock.set(p.cancel_until + Duration::seconds(1));
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let list = admin
        .get(&format!("/customers/{}/software", p.customer))
        .await;
    assert!(
        !list.body.contains(&format!("subscription={}", p.sub)),
        "Cancel is not offered"
    );
    let res = admin
        .post_multipart("/support", |f| cancel_form(f, &p, "13,542.00"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("The time to cancel this purchase has passed.")
    );
    assert_eq!(status_of(&app, &p).await, "active");
}

#[tokio::test]
async fn a_partial_amount_is_refused() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    for amount in ["6,771.00", "13,541.99", "50%"] {
        let res = admin
            .post_multipart("/support", |f| cancel_form(f, &p, amount))
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{amount}");
        assert!(
            res.body.contains("Only whole purchases can be cancelled")
                || res.body.contains("Enter an amount"),
            "{amount}"
        );
        // The whole form comes back with the input kept.
        assert!(res.body.contains("The customer ordered the wrong edition."));
    }
    let ok = admin
        .post_multipart("/support", |f| cancel_form(f, &p, "100%"))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
}

#[tokio::test]
async fn another_partners_purchase_is_refused_as_if_unknown() {
    let app = spawn_app().await;
    let fourth = app.org_id("Fourth Coffee").await;
    let rows = crate::software::purchases(
        &app.db,
        fourth,
        csp_portal::store::keyset::Order::NewestFirst,
    )
    .await;
    let foreign_sub = rows[0].id;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    let mut forged = Purchase {
        sub: foreign_sub,
        ..p
    };
    let res = admin
        .post_multipart("/support", |f| cancel_form(f, &forged, "100%"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("This customer has no purchase with this ID.")
    );
    let unknown = Purchase {
        sub: Uuid::new_v4(),
        ..forged
    };
    let res2 = admin
        .post_multipart("/support", |f| cancel_form(f, &unknown, "100%"))
        .await;
    assert!(
        res2.body
            .contains("This customer has no purchase with this ID.")
    );
    forged = Purchase {
        tenant: "fourthcoffee.onmicrosoft.com".into(),
        sub: foreign_sub,
        ..unknown
    };
    let res3 = admin
        .post_multipart("/support", |f| cancel_form(f, &forged, "100%"))
        .await;
    assert!(
        res3.body
            .contains("None of your customers has this tenant ID or domain.")
    );
    assert_eq!(
        software::one(&app.db, Scope::Vendor, fourth, foreign_sub)
            .await
            .unwrap()
            .unwrap()
            .status
            .as_str(),
        "active"
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_restores_the_purchase() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    let op_path = operator_path(filed.location().unwrap());
    let res = decide(&app, &op_path, "reject", "  ").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Give the partner a reason"));
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
    let res = decide(&app, &op_path, "reject", "Keys were already activated.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "active");
    let shown = admin.get(filed.location().unwrap()).await;
    assert!(shown.body.contains("Rejected") && shown.body.contains("Keys were already activated."));
    let list = admin
        .get(&format!("/customers/{}/software", p.customer))
        .await;
    assert!(
        list.body.contains(&format!("subscription={}", p.sub)),
        "Cancel is offered again"
    );
    let key = admin
        .post(
            &format!("/customers/{}/software/{}/key", p.customer, p.sub),
            &[],
        )
        .await;
    assert_eq!(key.status, StatusCode::OK);
}

#[tokio::test]
async fn a_second_approve_changes_nothing() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    let op_path = operator_path(filed.location().unwrap());
    decide(&app, &op_path, "approve", "").await;
    let mut op = app.sign_in_as(Role::Operator).await;
    op.get(&op_path).await;
    let again = op
        .post(
            &format!("{op_path}/decision"),
            &[("decision", "approve"), ("reply", "")],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(op.get(&op_path).await.body.contains("already been decided"));
    let reject = decide(&app, &op_path, "reject", "too late").await;
    assert_eq!(reject.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "cancelled");
    let (_, number, amount, currency) =
        csp_portal::store::credit_notes::for_subscription(&app.db, p.sub)
            .await
            .unwrap()
            .unwrap();
    assert_eq!((number, amount, currency.as_str()), (1, 1354200, "USD"));
}

#[tokio::test]
async fn a_failure_mid_approval_leaves_no_cancelled_purchase_with_a_live_key_nor_a_used_number() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = file_cancellation(&mut admin, &p, None).await;
    let request_id =
        Uuid::parse_str(filed.location().unwrap().trim_start_matches("/support/")).unwrap();
    // A credit note already in the way makes the last step of the approval
    // fail, after it has taken the partner's next number.
    let northwind = app.org_id("Northwind Partners").await;
    let sql = "INSERT INTO credit_notes (id, number, subscription_id, service_request_id, partner_id, customer_id, amount_minor, currency, issued_at) VALUES ($1, 999, $2, $3, $4, $5, 1, 'USD', $6)";
    match &app.db {
        csp_portal::store::Db::Sqlite(pool) => sqlx::query(sql)
            .bind(Uuid::new_v4())
            .bind(p.sub)
            .bind(request_id)
            .bind(northwind)
            .bind(p.customer)
            .bind(app.clock_now())
            .execute(pool)
            .await
            .map(|_| ()),
        csp_portal::store::Db::Pg(pool) => sqlx::query(sql)
            .bind(Uuid::new_v4())
            .bind(p.sub)
            .bind(request_id)
            .bind(northwind)
            .bind(p.customer)
            .bind(app.clock_now())
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .unwrap();
    let res = decide(
        &app,
        &operator_path(filed.location().unwrap()),
        "approve",
        "",
    )
    .await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
    assert!(
        csp_portal::store::keys::for_subscription(&app.db, p.sub)
            .await
            .unwrap()
            .is_some(),
        "the key is not revoked"
    );
    let shown = admin.get(filed.location().unwrap()).await;
    assert!(shown.body.contains("Submitted"));

    // The failed approval gave its number back: the next one is the first.
    let other = purchase(&app, "SQL2022-STA").await;
    let filed = file_cancellation(&mut admin, &other, None).await;
    let res = decide(
        &app,
        &operator_path(filed.location().unwrap()),
        "approve",
        "",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let (_, number, _, _) = csp_portal::store::credit_notes::for_subscription(&app.db, other.sub)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(number, 1);
}

#[tokio::test]
async fn attachments_are_checked_and_only_their_partner_and_operators_fetch_them() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let res = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%").part("files", Part::bytes(big).file_name("big.pdf"))
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("big.pdf is larger than 10.0 MiB"));
    assert!(res.body.contains("You had chosen big.pdf"));
    let res = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%")
                .part("files", Part::bytes(b"MZ".to_vec()).file_name("tool.exe"))
        })
        .await;
    assert!(
        res.body
            .contains("tool.exe is not a type that can be added")
    );
    assert_eq!(status_of(&app, &p).await, "active", "nothing written");
    let stored = std::fs::read_dir(app.settings.data_dir.join("attachments"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(stored, 0, "rejected uploads are removed");

    let filed = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%").part(
                "files",
                Part::bytes(b"hello".to_vec()).file_name("../../etc/evil.txt"),
            )
        })
        .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let request = filed.location().unwrap().to_owned();
    let page = admin.get(&request).await;
    assert!(
        page.body.contains(">evil.txt</a>"),
        "the name loses its path"
    );
    let href = regex::Regex::new(r#"href="(/support/[^"]+/attachments/[^"]+)""#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned();
    let fetched = admin.get(&href).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.body, "hello");
    assert!(
        fetched
            .headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .contains("attachment")
    );
    let mut sales = app.sign_in_as(Role::SalesAgent).await;
    assert_eq!(
        sales.get(&href).await.status,
        StatusCode::OK,
        "the same partner"
    );
    let mut fabrikam = app.signed_in("admin@fabrikam.example").await;
    assert_eq!(fabrikam.get(&href).await.status, StatusCode::NOT_FOUND);
    assert_eq!(fabrikam.get(&request).await.status, StatusCode::NOT_FOUND);
    let mut op = app.sign_in_as(Role::Operator).await;
    assert_eq!(op.get(&operator_path(&href)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn only_admin_agents_ask_for_refunds_and_only_operators_decide() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut sales = app.signed_in("sales@northwind.example").await;
    let form = sales.get("/support/new").await;
    assert!(!form.body.contains(r#"value="refund""#), "not offered");
    let res = sales
        .post_multipart("/support", |f| cancel_form(f, &p, "100%"))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.body.contains("Admin agent"));
    let billing = |f: Form| {
        f.text("idempotency_key", Uuid::new_v4().to_string())
            .text("problem_type", "billing")
            .text("impact", "minimal")
            .text("title", "Invoice question")
            .text("description", "Which VAT number is on the invoice?")
            .text("contact_name", "Sam Sales")
            .text("contact_email", "sales@northwind.example")
            .text("contact_phone", "+1 425 555 0100")
    };
    let res = sales.post_multipart("/support", billing).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(status_of(&app, &p).await, "active");
    let request = res.location().unwrap().to_owned();
    for email in [
        "ga@contoso.example",
        "user@contoso.example",
        "owner@northwind.example",
    ] {
        let mut b = app.signed_in(email).await;
        assert_eq!(
            b.get("/support/new").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support").await;
    let res = admin
        .post(
            &format!("{}/decision", operator_path(&request)),
            &[("decision", "close"), ("reply", "x")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let closed = decide(
        &app,
        &operator_path(&request),
        "close",
        "Your VAT number is on page 2.",
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    assert!(
        sales
            .get(&request)
            .await
            .body
            .contains("Your VAT number is on page 2.")
    );
}

#[tokio::test]
async fn submitting_the_same_form_twice_files_one_request() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/support/new").await;
    let key = Uuid::new_v4().to_string();
    let first = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%").text("idempotency_key", key.clone())
        })
        .await;
    let second = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%").text("idempotency_key", key)
        })
        .await;
    assert_eq!(first.location(), second.location());
    let list = admin.get("/support").await;
    assert_eq!(list.body.matches("SR-").count(), 1);
    let bad = admin
        .post_multipart("/support", |f| f.text("problem_type", "refund"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Title: Fill this in."));
}

/// A reader of Czech sees the amount as Czech writes it (`1 069,00`, with
/// a no-break space) and files it as shown; `12,5`-style amounts are theirs
/// too. Read as English, the comma grouped thousands: 100 times the amount.
#[tokio::test]
async fn an_amount_written_the_czech_way_is_read_as_written() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let switched = admin
        .post("/language", &[("lang", "cs-CZ"), ("next", "/support")])
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    let form = admin
        .get(&format!(
            "/support/new?customer={}&subscription={}",
            p.customer, p.sub
        ))
        .await;
    let amount = regex::Regex::new(r#"name="requested_amount" value="([^"]*)""#)
        .unwrap()
        .captures(&form.body)
        .unwrap()[1]
        .to_owned();
    assert!(
        regex::Regex::new(r"^\d{1,3}(\u{a0}\d{3})*,\d\d$")
            .unwrap()
            .is_match(&amount),
        "{amount:?}"
    );
    // With plain spaces, as typed.
    let typed = amount.replace('\u{a0}', " ");
    let filed = admin
        .post_multipart("/support", |f| cancel_form(f, &p, &typed))
        .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    assert_eq!(status_of(&app, &p).await, "cancellation_requested");
}
