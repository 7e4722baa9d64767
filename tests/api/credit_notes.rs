//! Credit notes as documents: numbered per partner without gaps (also when
//! approvals run at once), a page of their own that only the partner's staff
//! and operators see, linked from the request, the order and the purchase;
//! and the trace a rejected request leaves on its purchase.

use chrono::{DateTime, Utc};
use csp_portal::domain::role::Role;
use csp_portal::domain::scope::Scope;
use csp_portal::store::{catalog, credit_notes, orders, organisations};
use reqwest::StatusCode;
use uuid::Uuid;

use crate::cancel::{
    Purchase, cancel_form, decide, file_cancellation, operator_path, purchase, status_of,
};
use crate::helpers::{Browser, TestApp, spawn_app};

fn capture(body: &str, pattern: &str) -> String {
    regex::Regex::new(pattern)
        .unwrap()
        .captures(body)
        .unwrap_or_else(|| panic!("{pattern} not in page: {body}"))[1]
        .to_owned()
}

/// Approves a cancellation filed by `admin`; the credit note's address.
async fn file_and_approve(app: &TestApp, admin: &mut Browser, p: &Purchase) -> (String, String) {
    let filed = file_cancellation(admin, p, None).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let request = filed.location().unwrap().to_owned();
    let res = decide(app, &operator_path(&request), "approve", "Refunded.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let shown = admin.get(&request).await;
    let note = capture(&shown.body, r#"href="(/credit-notes/[0-9a-f-]+)""#);
    (request, note)
}

#[tokio::test]
async fn an_approved_cancellation_issues_a_numbered_credit_note_with_its_own_page() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let (request, note) = file_and_approve(&app, &mut admin, &p).await;
    let number = capture(&admin.get(&request).await.body, r"(SR-[A-Z0-9]+)");

    let page = admin.get(&note).await;
    assert_eq!(page.status, StatusCode::OK);
    for text in [
        "Credit note CN-000001",
        "13,542.00 USD",
        "6,771.00 USD",
        "Windows Server 2022 Datacenter",
        "Northwind Partners",
        "Contoso",
        &p.tenant,
        &number,
        "100% of the purchase",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    // It leads back to the request, the order and the purchase.
    assert!(page.body.contains(&format!(r#"href="{request}""#)));
    assert!(
        page.body
            .contains(&format!("/customers/{}/software/{}", p.customer, p.sub))
    );
    let order = capture(
        &page.body,
        &format!(r#"href="(/customers/{}/orders/[0-9a-f-]+)""#, p.customer),
    );

    // The order's cancelled line: key revoked, and its credit note.
    let order_page = admin.get(&order).await;
    assert!(order_page.body.contains("Key revoked"));
    assert!(order_page.body.contains(&format!(r#"href="{note}""#)));
    let line = order_page
        .body
        .split("<tr>")
        .find(|row| row.contains("Windows Server 2022 Datacenter"))
        .unwrap();
    assert!(!line.contains("Key assigned"), "{line}");
    // The other line of the order keeps its key.
    assert!(order_page.body.contains("Key assigned"));

    // The purchase's page.
    let purchase_page = admin
        .get(&format!("/customers/{}/software/{}", p.customer, p.sub))
        .await;
    assert!(purchase_page.body.contains(&format!(r#"href="{note}""#)));
    assert!(purchase_page.body.contains("CN-000001"));

    // The operator's request page links to it too.
    let mut op = app.sign_in_as(Role::Operator).await;
    let op_request = op.get(&operator_path(&request)).await;
    assert!(op_request.body.contains(&format!(r#"href="{note}""#)));
    let op_page = op.get(&note).await;
    assert_eq!(op_page.status, StatusCode::OK);
    assert!(
        op_page
            .body
            .contains(&format!(r#"href="{}""#, operator_path(&request)))
    );
    assert!(
        !op_page.body.contains(&format!("/customers/{}", p.customer)),
        "operators have no customer pages"
    );
}

#[tokio::test]
async fn a_credit_note_is_seen_by_its_partners_staff_and_operators_only() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let (_, note) = file_and_approve(&app, &mut admin, &p).await;
    for (email, status) in [
        ("sales@northwind.example", StatusCode::OK),
        ("helpdesk@northwind.example", StatusCode::OK),
        ("owner@northwind.example", StatusCode::FORBIDDEN),
        ("admin@fabrikam.example", StatusCode::NOT_FOUND),
        ("ga@contoso.example", StatusCode::FORBIDDEN),
        ("user@contoso.example", StatusCode::FORBIDDEN),
    ] {
        let mut b = app.signed_in(email).await;
        assert_eq!(b.get(&note).await.status, status, "{email}");
    }
    // Sales agents cannot open the purchase's page: no link to it.
    let mut sales = app.sign_in_as(Role::SalesAgent).await;
    let page = sales.get(&note).await;
    assert!(!page.body.contains(&format!("/software/{}", p.sub)));
    assert_eq!(
        admin
            .get(&format!("/credit-notes/{}", Uuid::new_v4()))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.browser().get(&note).await.status,
        StatusCode::SEE_OTHER,
        "signed out: to sign-in"
    );
}

/// A purchase of the Azure reserved instance (no key, sold everywhere but
/// the 18 countries) for `customer` of `partner`, bought `at`.
async fn ri_purchase(app: &TestApp, customer: Uuid, partner: Uuid, at: DateTime<Utc>) -> Purchase {
    let ri = catalog::product_by_sku(&app.db, "AZURE-RI-D2SV5-1Y")
        .await
        .unwrap()
        .unwrap();
    let lines = [orders::PlaceLine {
        product: &ri,
        quantity: 1,
    }];
    let placed = orders::place_unaudited(
        &app.db,
        at,
        &orders::PlaceOrder {
            customer_id: customer,
            partner_id: partner,
            placed_by: None,
            idempotency_key: Uuid::new_v4(),
            lines: &lines,
            currency: "USD",
            total_minor: ri.unit_price_minor,
        },
    )
    .await
    .unwrap();
    let orders::Placed::New(order) = placed else {
        panic!("placed");
    };
    let sub = csp_portal::store::software::of_order(&app.db, partner, customer, order)
        .await
        .unwrap()[0];
    let c = organisations::customer(&app.db, Scope::Vendor, customer)
        .await
        .unwrap()
        .unwrap();
    Purchase {
        customer,
        tenant: c.tenant_guid.to_string(),
        sub,
        file: Uuid::nil(),
        cancel_until: at + chrono::Duration::days(60),
    }
}

/// Files a cancellation of `p` with the form as a partner's admin sends it;
/// the operator's address of the request.
async fn file(admin: &mut Browser, p: &Purchase) -> String {
    admin.get("/support/new").await;
    let filed = admin
        .post_multipart("/support", |f| cancel_form(f, p, "100%"))
        .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    operator_path(filed.location().unwrap())
}

#[tokio::test]
async fn concurrent_approvals_number_each_partners_credit_notes_without_gaps_or_repeats() {
    let app = spawn_app().await;
    let now = app.clock_now();
    let northwind = app.org_id("Northwind Partners").await;
    let fabrikam = app.org_id("Fabrikam Resellers").await;
    let contoso = app.org_id("Contoso").await;
    let fourth = app.org_id("Fourth Coffee").await;
    let mut nw_admin = app.sign_in_as(Role::AdminAgent).await;
    let mut fb_admin = app.signed_in("admin@fabrikam.example").await;
    let mut requests = Vec::new();
    let mut subs = Vec::new();
    for i in 0..8 {
        let p = ri_purchase(&app, contoso, northwind, now - chrono::Duration::minutes(i)).await;
        requests.push(file(&mut nw_admin, &p).await);
        subs.push((northwind, p.sub));
    }
    for i in 0..3 {
        let p = ri_purchase(&app, fourth, fabrikam, now - chrono::Duration::minutes(i)).await;
        requests.push(file(&mut fb_admin, &p).await);
        subs.push((fabrikam, p.sub));
    }

    // Every approval at once, from one operator's session.
    let mut op = app.sign_in_as(Role::Operator).await;
    op.get(&requests[0]).await;
    let cookies = op.cookies().unwrap();
    let token = op.csrf.clone().unwrap();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let posts = requests.iter().map(|r| {
        client
            .post(format!("{}{r}/decision", app.base))
            .header("cookie", cookies.as_str())
            .form(&[
                ("csrf_token", token.as_str()),
                ("decision", "approve"),
                ("reply", ""),
                ("confirmed", "1"),
            ])
            .send()
    });
    for res in futures_util::future::join_all(posts).await {
        assert_eq!(res.unwrap().status(), StatusCode::SEE_OTHER);
    }

    assert_eq!(
        credit_notes::numbers_of(&app.db, northwind).await.unwrap(),
        (1..=8).collect::<Vec<i64>>()
    );
    assert_eq!(
        credit_notes::numbers_of(&app.db, fabrikam).await.unwrap(),
        vec![1, 2, 3]
    );
    for (_, sub) in subs {
        assert!(
            credit_notes::for_subscription(&app.db, sub)
                .await
                .unwrap()
                .is_some()
        );
    }
}

#[tokio::test]
async fn a_rejected_request_leaves_a_trace_on_the_purchase_linking_to_the_reply() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let purchase_path = format!("/customers/{}/software/{}", p.customer, p.sub);
    let before = admin.get(&purchase_path).await;
    assert!(!before.body.contains("Cancellation rejected"));
    let filed = file_cancellation(&mut admin, &p, None).await;
    let request = filed.location().unwrap().to_owned();
    let number = capture(&admin.get(&request).await.body, r"(SR-[A-Z0-9]+)");
    app.clock.advance(chrono::Duration::days(1));
    let res = decide(
        &app,
        &operator_path(&request),
        "reject",
        "The keys were activated.",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &p).await, "active");
    // A day later: a new session.
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let after = admin.get(&purchase_path).await;
    assert!(after.body.contains("Cancellation rejected"));
    assert!(
        after
            .body
            .contains(&format!(r#"href="{request}#the-reply""#))
    );
    assert!(after.body.contains(&format!("{number}: read the reply")));
    assert!(!after.body.contains("/credit-notes/"), "no credit note");
    let reply = admin.get(&request).await;
    assert!(reply.body.contains(r#"id="the-reply""#));
    assert!(reply.body.contains("The keys were activated."));
    // The customer's own view shows no request of the partner's.
    let mut ga = app.sign_in_as(Role::CustomerGlobalAdmin).await;
    let own = ga.get(&format!("/my/software/{}", p.sub)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(!own.body.contains("Cancellation rejected"));
}
