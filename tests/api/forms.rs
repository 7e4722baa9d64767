//! The forms as people meet them (issue #12, item 11): required fields
//! marked, "too long" saying the limit, Report a problem from Cancel, the
//! customer's global admin invitation, every password error at once, the
//! password focused after a failed sign-in.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::cancel::{cancel_form, purchase};
use crate::helpers::{PASSWORD, spawn_app};

/// The `<input>` (or select, or textarea) tag of field `name`.
fn control<'a>(body: &'a str, name: &str) -> &'a str {
    let at = body
        .find(&format!(r#"name="{name}""#))
        .unwrap_or_else(|| panic!("a field {name}"));
    let start = body[..at].rfind('<').unwrap();
    let end = at + body[at..].find('>').unwrap();
    &body[start..=end]
}

/// The label of field `name`, tags and all.
fn label<'a>(body: &'a str, name: &str) -> &'a str {
    let start = body
        .find(&format!(r#"<label for="{name}">"#))
        .unwrap_or_else(|| panic!("a label for {name}"));
    let end = start + body[start..].find("</label>").unwrap();
    &body[start..end]
}

#[tokio::test]
async fn required_fields_are_marked_for_the_eye_and_for_assistive_technology() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let form = admin.get("/customers/new").await;
    assert!(form.body.contains("Fields marked * are required."));
    for name in [
        "company_name",
        "primary_domain",
        "country",
        "billing_name",
        "billing_email",
    ] {
        assert!(
            control(&form.body, name).contains(r#"aria-required="true""#),
            "{name}"
        );
        assert!(
            label(&form.body, name)
                .contains(r#"<span class="required-mark" aria-hidden="true"> *</span>"#)
        );
    }
    let report = admin.get("/support/new").await;
    for name in [
        "problem_type",
        "impact",
        "title",
        "contact_name",
        "contact_email",
        "contact_phone",
    ] {
        assert!(
            control(&report.body, name).contains("aria-required"),
            "{name}"
        );
    }
    // Optional, or needed only for a cancellation (not chosen yet).
    for name in ["description", "customer_ref", "refund_reason", "files"] {
        assert!(
            !control(&report.body, name).contains("aria-required"),
            "{name}"
        );
        assert!(
            !label(&report.body, name).contains("required-mark"),
            "{name}"
        );
    }
    let p = purchase(&app, "WS2022-DAT").await;
    let cancelling = admin
        .get(&format!(
            "/support/new?customer={}&subscription={}",
            p.customer, p.sub
        ))
        .await;
    for name in [
        "customer_ref",
        "purchase_ref",
        "refund_reason",
        "requested_amount",
    ] {
        assert!(
            control(&cancelling.body, name).contains("aria-required"),
            "{name}"
        );
    }
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    let invite = owner.get("/users/invite").await;
    assert!(control(&invite.body, "email").contains("aria-required"));
    assert!(
        invite
            .body
            .contains("<legend>Roles<span class=\"required-mark\"")
    );
    let password = owner.get("/account/password").await;
    for name in ["current", "password", "confirm"] {
        assert!(
            control(&password.body, name).contains("aria-required"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn too_long_says_the_limit() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get("/customers/new").await;
    let long = "x".repeat(121);
    let res = admin
        .post(
            "/customers",
            &[
                ("company_name", long.as_str()),
                ("primary_domain", "long.example"),
                ("country", "US"),
                ("billing_name", "Bill"),
                ("billing_email", "bill@long.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Company name: This is too long: use at most 120 characters."),
        "{}",
        res.body
    );
    // 120 is allowed: the limit is the one said.
    let fits = "x".repeat(120);
    let res = admin
        .post(
            "/customers",
            &[
                ("company_name", fits.as_str()),
                ("primary_domain", "fits.example"),
                ("country", "US"),
                ("billing_name", "Bill"),
                ("billing_email", "bill@fits.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    admin.get("/support/new").await;
    let res = admin
        .post_multipart("/support", |f| {
            crate::helpers::question(f).text("title", "t".repeat(121))
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("use at most 120 characters"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn an_operators_reply_that_is_too_long_says_the_limit() {
    let app = spawn_app().await;
    let (request, mut op) = crate::confirmations::question_for_operator(&app).await;
    let reply = "r".repeat(5001);
    let res = op
        .post(
            &format!("{request}/decision"),
            &[("decision", "close"), ("reply", reply.as_str())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("use at most 5000 characters"));
}

#[tokio::test]
async fn report_a_problem_from_cancel_shows_the_days_left_and_leads_back_to_the_customer() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let path = format!(
        "/support/new?customer={}&subscription={}",
        p.customer, p.sub
    );
    let until = csp_portal::i18n::I18n::default().date_time(&p.cancel_until);
    // The demo's purchase is 5 days old, its window 60 days.
    assert_eq!(p.cancel_until - app.clock_now(), Duration::days(55));
    let days = 55;
    let form = admin.get(&path).await;
    assert!(
        form.body
            .contains(&format!("{days} days left to cancel, until {until}.")),
        "{}",
        form.body
    );
    let crumbs = format!(
        r#"<a href="/customers/{c}">Contoso</a> › <a href="/customers/{c}/software">Software</a>"#,
        c = p.customer
    );
    assert!(form.body.contains(&crumbs), "{}", form.body);
    assert!(
        form.body
            .contains(r#"<a href="/customers" aria-current="page">"#),
        "the navigation agrees"
    );
    assert!(form.body.contains(&format!(
        r#"<a href="/customers/{}/software">Back without submitting</a>"#,
        p.customer
    )));

    // A refused form keeps both.
    let res = admin
        .post_multipart("/support", |f| {
            cancel_form(f, &p, "100%")
                .text("refund_reason", "")
                .text("cancel_customer", p.customer.to_string())
                .text("cancel_subscription", p.sub.to_string())
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains(&crumbs));
    assert!(res.body.contains("days left to cancel"));

    // The last hours: one day, said once.
    app.clock
        .advance(p.cancel_until - app.clock_now() - Duration::hours(3));
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let form = admin.get(&path).await;
    assert!(
        form.body
            .contains(&format!("1 day left to cancel, until {until}."))
    );
    // Past the end, the form says the time has passed.
    app.clock.advance(Duration::hours(4));
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let form = admin.get(&path).await;
    assert!(
        form.body
            .contains("The time to cancel this purchase has passed.")
    );
}

#[tokio::test]
async fn another_partners_purchase_gives_the_form_no_customer_to_lead_back_to() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut fabrikam = app.signed_in("admin@fabrikam.example").await;
    let form = fabrikam
        .get(&format!(
            "/support/new?customer={}&subscription={}",
            p.customer, p.sub
        ))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(!form.body.contains("Contoso"));
    assert!(!form.body.contains("days left to cancel"));
    let res = fabrikam
        .post_multipart("/support", |f| {
            crate::helpers::question(f)
                .text("title", "")
                .text("cancel_customer", p.customer.to_string())
                .text("cancel_subscription", p.sub.to_string())
        })
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.body.contains("Contoso"));
}

#[tokio::test]
async fn the_customer_admin_invitation_validates_like_the_other_forms() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get(&format!("/customers/{contoso}")).await;
    let form = &page.body[page.body.find(r#"action="/customers/"#).unwrap()..];
    assert!(form[..form.find('>').unwrap()].contains("novalidate"));
    for (typed, message) in [
        ("", "E-mail address: Fill this in."),
        (
            "not an address",
            "E-mail address: Enter an e-mail address such as name@example.com.",
        ),
    ] {
        let res = admin
            .post(&format!("/customers/{contoso}/invite"), &[("email", typed)])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        assert!(res.body.contains(message), "{typed}: {}", res.body);
        assert!(
            res.body
                .contains(r#"<p class="field-error" id="email-error">"#)
        );
        let input = control(&res.body, "email");
        assert!(input.contains(r#"aria-invalid="true""#), "{input}");
        assert!(
            input.contains(&format!(r#"value="{typed}""#)),
            "kept: {input}"
        );
        assert!(res.body.contains("<h1>Contoso</h1>"), "the customer's page");
    }
    assert!(app.mails().is_empty(), "nothing sent");
}

#[tokio::test]
async fn change_password_shows_every_error_at_once() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    b.get("/account/password").await;
    let res = b
        .post(
            "/account/password",
            &[
                ("current", "not it"),
                ("password", "short"),
                ("confirm", "different"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in [
        "Current password: The current password is not correct.",
        "New password: The password must have at least 12 characters.",
        "New password again: The two passwords differ.",
    ] {
        assert!(res.body.contains(said), "{said}: {}", res.body);
    }
    for name in ["current", "password", "confirm"] {
        let input = control(&res.body, name);
        assert!(input.contains(r#"aria-invalid="true""#), "{name}");
        assert!(input.contains(r#"value="""#), "{name}: never sent back");
    }
    // A right current password with a refused new one: only that is said.
    let res = b
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", "sales@northwind-passphrase"),
                ("confirm", "sales@northwind-passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("must not contain your e-mail address"));
    assert!(!res.body.contains("current password is not correct"));
}

#[tokio::test]
async fn a_failed_sign_in_puts_the_focus_on_the_password() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let first = b.get("/sign-in").await;
    assert!(control(&first.body, "email").contains("autofocus"));
    assert!(!control(&first.body, "password").contains("autofocus"));
    let failed = b.sign_in("sales@northwind.example", "wrong password").await;
    assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
    assert!(control(&failed.body, "email").contains(r#"value="sales@northwind.example""#));
    assert!(!control(&failed.body, "email").contains("autofocus"));
    assert!(control(&failed.body, "password").contains("autofocus"));
    // Nothing typed: the address comes first.
    let empty = b.post("/sign-in", &[("email", ""), ("password", "")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(control(&empty.body, "email").contains("autofocus"));
    assert!(!control(&empty.body, "password").contains("autofocus"));
}

/// Each of `names` is marked invalid and described by its own message,
/// which the summary at the top links to.
fn assert_tied_to_fields(body: &str, names: &[&str]) {
    for name in names {
        let input = control(body, name);
        assert!(input.contains(r#"aria-invalid="true""#), "{name}: {input}");
        assert!(
            input.contains(&format!("{name}-error")),
            "{name} is described by its error: {input}"
        );
        assert!(
            body.contains(&format!(r#"id="{name}-error""#)),
            "{name}'s message"
        );
        assert!(
            body.contains(&format!(r##"<a href="#{name}">"##)),
            "the summary links to {name}"
        );
    }
}

#[tokio::test]
async fn accepting_an_invitation_shows_every_error_at_once_and_keeps_the_name() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users/invite").await;
    owner
        .post(
            "/users/invite",
            &[
                ("email", "all.errors@northwind.example"),
                ("role", "sales_agent"),
            ],
        )
        .await;
    let link = crate::people::mailed_link(&app, "all.errors@northwind.example", "invitation");
    let mut newcomer = app.browser();
    newcomer.get(&link).await;
    let res = newcomer
        .post(
            &link,
            &[
                ("name", " "),
                ("password", "short"),
                ("confirm", "different"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for said in [
        "Name: Enter your name.",
        "New password: The password must have at least 12 characters.",
        "New password again: The two passwords differ.",
    ] {
        assert!(res.body.contains(said), "{said}: {}", res.body);
    }
    assert_tied_to_fields(&res.body, &["name", "password", "confirm"]);
    // A name typed is kept; only the passwords' problem is said.
    let res = newcomer
        .post(
            &link,
            &[
                ("name", "Ann Other"),
                ("password", "a long enough passphrase"),
                ("confirm", "a different passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(control(&res.body, "name").contains(r#"value="Ann Other""#));
    assert!(!control(&res.body, "name").contains("aria-invalid"));
    assert!(!control(&res.body, "password").contains("aria-invalid"));
    assert_tied_to_fields(&res.body, &["confirm"]);
    // Nothing was made: the invitation still works.
    assert_eq!(newcomer.get(&link).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_password_reset_shows_every_error_at_once() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.get("/forgot-password").await;
    b.post("/forgot-password", &[("email", "sales@northwind.example")])
        .await;
    app.mails_when(|m| !m.is_empty()).await;
    let link = crate::people::mailed_link(&app, "sales@northwind.example", "reset");
    let mut r = app.browser();
    r.get(&link).await;
    let res = r
        .post(&link, &[("password", "short"), ("confirm", "different")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("New password: The password must have at least 12 characters.")
    );
    assert!(
        res.body
            .contains("New password again: The two passwords differ.")
    );
    assert_tied_to_fields(&res.body, &["password", "confirm"]);
    // The old password still works: nothing changed.
    assert_eq!(
        app.browser()
            .sign_in("sales@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_rejection_without_a_reason_is_said_at_the_reply_field() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let filed = crate::cancel::file_cancellation(&mut admin, &p, None).await;
    let op_path = crate::cancel::operator_path(filed.location().unwrap());
    let res = crate::cancel::decide(&app, &op_path, "reject", "  ").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_tied_to_fields(&res.body, &["reply"]);
    let reply = control(&res.body, "reply");
    assert!(
        reply.contains("reply-hint reply-error"),
        "hint and error: {reply}"
    );
    // Too long: the limit is said there too, and the text is kept.
    let long = "x".repeat(5001);
    let res = crate::cancel::decide(&app, &op_path, "reject", &long).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_tied_to_fields(&res.body, &["reply"]);
    assert!(res.body.contains(&long), "the reply typed is kept");
}

#[tokio::test]
async fn the_operators_catalog_forms_mark_their_required_fields() {
    let app = spawn_app().await;
    let mut op = app.sign_in_as(Role::Operator).await;
    let new = op.get("/operator/catalog/new").await;
    assert!(new.body.contains(r#"class="required-note""#));
    for name in ["sku", "name", "family", "kind", "unit_price", "currency"] {
        assert!(
            control(&new.body, name).contains(r#"aria-required="true""#),
            "{name}"
        );
        assert!(label(&new.body, name).contains("required-mark"), "{name}");
    }
    // Optional ones stay unmarked.
    assert!(!control(&new.body, "restricted_countries").contains("aria-required"));
    let catalog = op.get("/operator/catalog").await;
    let product = regex::Regex::new(
        r#"href="(/operator/catalog/[0-9a-f-]{36})">Windows Server 2022 Datacenter<"#,
    )
    .unwrap()
    .captures(&catalog.body)
    .expect("a product")[1]
        .to_owned();
    let files = op.get(&format!("{product}/files")).await;
    for name in ["variant", "file"] {
        assert!(
            control(&files.body, name).contains(r#"aria-required="true""#),
            "{name}"
        );
        assert!(label(&files.body, name).contains("required-mark"), "{name}");
    }
    let keys = op.get(&format!("{product}/keys")).await;
    assert!(control(&keys.body, "keys_file").contains(r#"aria-required="true""#));
    assert!(label(&keys.body, "keys_file").contains("required-mark"));
}
