//! Users, roles, invitations, passwords (issue: people and organisations).

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::{Browser, PASSWORD, TestApp, spawn_app};

const NEW_PASSWORD: &str = "a long and unusual passphrase";

/// The newest link to `path_part` in mail sent to `to`.
pub(crate) fn mailed_link(app: &TestApp, to: &str, path_part: &str) -> String {
    let re = regex::Regex::new(&format!(r"https?://[^/\s]+(/{path_part}/[A-Za-z0-9_-]+)")).unwrap();
    app.mails()
        .into_iter()
        .rev()
        .filter(|m| m.contains(&format!("To: {to}")))
        .find_map(|m| re.captures(&m).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| panic!("no mail to {to} with /{path_part}/"))
}

/// Accepts the invitation mailed to `email` and signs the new user in.
async fn join(app: &TestApp, email: &str, name: &str) -> Browser {
    let link = mailed_link(app, email, "invitation");
    let mut b = app.browser();
    b.get(&link).await;
    let done = b
        .post(
            &link,
            &[
                ("name", name),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.location(), Some("/sign-in"), "{}", done.body);
    b.sign_in(email, NEW_PASSWORD).await;
    b
}

fn outbox_count(app: &TestApp) -> usize {
    app.mails().len()
}

#[tokio::test]
async fn a_global_admin_invites_an_admin_agent_who_joins_and_can_be_signed_out() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users/invite").await;
    let res = owner
        .post(
            "/users/invite",
            &[
                ("email", "New.Agent@Northwind.example"),
                ("role", "admin_agent"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let link = mailed_link(&app, "new.agent@northwind.example", "invitation");

    let mut newcomer = app.browser();
    let page = newcomer.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    let weak = newcomer
        .post(
            &link,
            &[
                ("name", "Nia New"),
                ("password", "password1234"),
                ("confirm", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("too common"));
    let done = newcomer
        .post(
            &link,
            &[
                ("name", "Nia New"),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.location(), Some("/sign-in"));
    // The link works once.
    assert_eq!(app.browser().get(&link).await.status, StatusCode::GONE);

    let signed = newcomer
        .sign_in("new.agent@northwind.example", NEW_PASSWORD)
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    assert_eq!(newcomer.get("/customers").await.status, StatusCode::OK);

    let log = crate::activity::text(&owner.get("/activity").await.body);
    assert!(
        log.contains(
            "Olivia Owner invited new.agent@northwind.example to Northwind Partners as Admin agent"
        ),
        "{log}"
    );
    assert!(log.contains("Nia New accepted an invitation and joined Northwind Partners"));

    let users = owner.get("/users").await;
    let re = regex::Regex::new(r#"action="/users/([0-9a-f-]+)/deactivate""#).unwrap();
    let ids: Vec<String> = re
        .captures_iter(&users.body)
        .map(|c| c[1].to_owned())
        .collect();
    let nia = ids
        .iter()
        .find(|id| {
            users.body.split(id.as_str()).next().is_some_and(|before| {
                before
                    .rsplit("<tr>")
                    .next()
                    .unwrap_or_default()
                    .contains("Nia New")
            })
        })
        .cloned()
        .expect("Nia's row");
    let res = owner
        .post(&format!("/users/{nia}/deactivate"), &[("confirmed", "1")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // Her live session stops working on its next request.
    assert_eq!(
        newcomer.get("/customers").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.browser()
            .sign_in("new.agent@northwind.example", NEW_PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_last_global_admin_cannot_be_removed() {
    let app = spawn_app().await;
    let owner_id = app.user_id("owner@northwind.example").await;
    let mut owner = app.signed_in("owner@northwind.example").await;
    owner.get("/users").await;
    owner
        .post(
            &format!("/users/{owner_id}/roles"),
            &[("role", "admin_agent")],
        )
        .await;
    assert!(
        owner
            .get("/users")
            .await
            .body
            .contains("keeps at least one active global admin")
    );
    owner
        .post(
            &format!("/users/{owner_id}/deactivate"),
            &[("confirmed", "1")],
        )
        .await;
    assert!(
        owner
            .get("/users")
            .await
            .body
            .contains("keeps at least one active global admin")
    );
    assert_eq!(
        owner.get("/users").await.status,
        StatusCode::OK,
        "still a global admin, still signed in"
    );
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users/invite").await;
    owner
        .post(
            "/users/invite",
            &[("email", "late@northwind.example"), ("role", "sales_agent")],
        )
        .await;
    let link = mailed_link(&app, "late@northwind.example", "invitation");
    app.clock.advance(Duration::days(7) - Duration::seconds(1));
    assert_eq!(app.browser().get(&link).await.status, StatusCode::OK);
    app.clock.advance(Duration::seconds(1));
    let gone = app.browser().get(&link).await;
    assert_eq!(gone.status, StatusCode::GONE);
}

#[tokio::test]
async fn a_reset_does_not_reveal_whether_an_address_exists() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.get("/forgot-password").await;
    let before = outbox_count(&app);
    let unknown = b
        .post("/forgot-password", &[("email", "nobody@northwind.example")])
        .await;
    b.get("/forgot-password").await;
    let known = b
        .post("/forgot-password", &[("email", "sales@northwind.example")])
        .await;
    assert_eq!(unknown.status, known.status);
    let strip = |s: &str| {
        regex::Regex::new(r#"value="[^"]*""#)
            .unwrap()
            .replace_all(s, "")
            .into_owned()
    };
    assert_eq!(
        strip(&unknown.body),
        strip(&known.body),
        "the same page either way"
    );
    // The mail goes out after the answer.
    app.mails_when(|m| m.len() > before).await;
    assert_eq!(
        outbox_count(&app),
        before + 1,
        "only the real account gets mail"
    );
    let link = mailed_link(&app, "sales@northwind.example", "reset");
    let mut r = app.browser();
    r.get(&link).await;
    let res = r
        .post(
            &link,
            &[("password", NEW_PASSWORD), ("confirm", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(res.location(), Some("/sign-in"));
    assert_eq!(
        app.browser()
            .sign_in("sales@northwind.example", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.browser()
            .sign_in("sales@northwind.example", NEW_PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.browser().get(&link).await.status,
        StatusCode::GONE,
        "single use"
    );
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let mut other = app.sign_in_as(Role::AdminAgent).await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
    b.get("/account/password").await;
    let wrong = b
        .post(
            "/account/password",
            &[
                ("current", "nope"),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = b
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(
        b.get("/customers").await.status,
        StatusCode::OK,
        "this session goes on"
    );
    assert_eq!(
        other.get("/customers").await.status,
        StatusCode::SEE_OTHER,
        "the other one ended"
    );
    let northwind = app.org_id("Northwind Partners").await;
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"password_changed".to_owned())
    );
}

#[tokio::test]
async fn a_partner_admin_cannot_reach_another_partners_users() {
    let app = spawn_app().await;
    let fabrikam_admin = app.user_id("admin@fabrikam.example").await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users").await;
    assert!(
        !owner
            .get("/users")
            .await
            .body
            .contains("admin@fabrikam.example")
    );
    assert_eq!(
        owner
            .post(&format!("/users/{fabrikam_admin}/deactivate"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        owner
            .post(
                &format!("/users/{fabrikam_admin}/roles"),
                &[("role", "sales_agent")]
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.browser()
            .sign_in("admin@fabrikam.example", PASSWORD)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    assert_eq!(admin.get("/users").await.status, StatusCode::FORBIDDEN);
    // An admin agent invites a customer's global admin, only for their own customers.
    let contoso = app.org_id("Contoso").await;
    let fourth = app.org_id("Fourth Coffee").await;
    admin.get(&format!("/customers/{contoso}")).await;
    let res = admin
        .post(
            &format!("/customers/{contoso}/invite"),
            &[("email", "it@contoso.example")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mut it = join(&app, "it@contoso.example", "Ivo IT").await;
    assert_eq!(it.get("/my/software").await.status, StatusCode::OK);
    assert_eq!(
        admin
            .post(
                &format!("/customers/{fourth}/invite"),
                &[("email", "x@fourth.example")]
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_operator_creates_a_partner_and_can_deactivate_one() {
    let app = spawn_app().await;
    let mut op = app.sign_in_as(Role::Operator).await;
    op.get("/operator/partners/new").await;
    let res = op
        .post(
            "/operator/partners",
            &[
                ("org_name", "Tailwind Traders"),
                ("email", "boss@tailwind.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mut boss = join(&app, "boss@tailwind.example", "Bo Boss").await;
    assert_eq!(
        boss.get("/users").await.status,
        StatusCode::OK,
        "the first global admin"
    );
    let dup = op
        .post(
            "/operator/partners",
            &[
                ("org_name", "tailwind traders"),
                ("email", "two@tailwind.example"),
            ],
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);

    let fabrikam = app.org_id("Fabrikam Resellers").await;
    let mut fab = app.signed_in("admin@fabrikam.example").await;
    op.get("/operator/partners").await;
    let res = op
        .post(&format!("/operator/partners/{fabrikam}/deactivate"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        fab.get("/customers").await.status,
        StatusCode::SEE_OTHER,
        "signed out at once"
    );
    assert_eq!(
        app.browser()
            .sign_in("admin@fabrikam.example", PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        csp_portal::store::organisations::customer(
            &app.db,
            csp_portal::domain::scope::Scope::Vendor,
            app.org_id("Fourth Coffee").await
        )
        .await
        .unwrap()
        .is_some(),
        "nothing deleted"
    );
}

#[tokio::test]
async fn global_admins_find_users_and_the_log_in_the_navigation_and_messages_reach_sign_in() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    let home = owner.get("/").await;
    assert!(home.body.contains(r#"href="/users""#) && home.body.contains(r#"href="/activity""#));
    owner.get("/users/invite").await;
    owner
        .post(
            "/users/invite",
            &[
                ("email", "flash@northwind.example"),
                ("role", "helpdesk_agent"),
            ],
        )
        .await;
    let link = mailed_link(&app, "flash@northwind.example", "invitation");
    let mut b = app.browser();
    b.get(&link).await;
    let done = b
        .post(
            &link,
            &[
                ("name", "Fay Flash"),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    let sign_in = b.get(done.location().unwrap()).await;
    assert!(sign_in.body.contains("Your account is ready"));
}

/// Every mail sent to `to`, oldest first.
fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails()
        .into_iter()
        .filter(|m| m.contains(&format!("To: {to}\r\n")))
        .collect()
}

/// The page a redirect lands on, with `email` and the CSRF token blanked
/// out, so two answers can be compared.
async fn landing(b: &mut Browser, res: &crate::helpers::Page, email: &str) -> String {
    let page = b.get(res.location().expect("a redirect")).await;
    let token = regex::Regex::new(r#"name="csrf_token" value="[^"]*""#).unwrap();
    token.replace_all(&page.body, "").replace(email, "EMAIL")
}

#[tokio::test]
async fn inviting_an_address_in_use_elsewhere_answers_as_for_a_new_one() {
    let app = spawn_app().await;
    let northwind = app.org_id("Northwind Partners").await;
    let invited_before = app
        .audit_actions(northwind)
        .await
        .iter()
        .filter(|a| *a == "user_invited")
        .count();
    // A partner's global admin inviting staff: Fabrikam's admin exists, the
    // other address does not.
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    let mut answers = Vec::new();
    for email in ["admin@fabrikam.example", "newcomer@northwind.example"] {
        owner.get("/users/invite").await;
        let res = owner
            .post(
                "/users/invite",
                &[("email", email), ("role", "sales_agent")],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{email}: {}", res.body);
        assert_eq!(res.location(), Some("/users"), "{email}");
        let page = landing(&mut owner, &res, email).await;
        assert!(page.contains("An invitation was sent to EMAIL."), "{email}");
        answers.push(page);
    }
    assert_eq!(answers[0], answers[1], "the same page either way");

    // An admin agent inviting a customer's global admin, likewise.
    let contoso = app.org_id("Contoso").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let mut answers = Vec::new();
    for email in ["admin@fabrikam.example", "it@contoso.example"] {
        admin.get(&format!("/customers/{contoso}")).await;
        let res = admin
            .post(&format!("/customers/{contoso}/invite"), &[("email", email)])
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{email}");
        let page = landing(&mut admin, &res, email).await;
        assert!(page.contains("An invitation was sent to EMAIL."), "{email}");
        answers.push(page);
    }
    assert_eq!(answers[0], answers[1], "the same page either way");

    // The same audit event for all four, so the activity log says no more.
    assert_eq!(
        app.audit_actions(northwind)
            .await
            .iter()
            .filter(|a| *a == "user_invited")
            .count(),
        invited_before + 4
    );
    // The existing address got a note for each attempt, and no link.
    let notes = mails_to(&app, "admin@fabrikam.example");
    assert_eq!(notes.len(), 2, "{notes:?}");
    for note in &notes {
        assert!(note.contains("Someone tried to invite you"), "{note}");
        assert!(note.contains("already has an account"), "{note}");
        assert!(note.contains("/sign-in"), "{note}");
        assert!(!note.contains("/invitation/"), "{note}");
    }
    assert!(notes[0].contains("Northwind Partners") && notes[1].contains("Contoso"));
    // The new addresses got working invitations.
    join(&app, "newcomer@northwind.example", "Nell New").await;
    join(&app, "it@contoso.example", "Ivo IT").await;
    // Fabrikam's admin is where they were.
    let mut fab = app.signed_in("admin@fabrikam.example").await;
    assert!(fab.get("/customers").await.body.contains("Fourth Coffee"));
}

#[tokio::test]
async fn a_duplicate_inside_the_inviters_own_organisation_is_told_plainly() {
    let app = spawn_app().await;
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    owner.get("/users/invite").await;
    let res = owner
        .post(
            "/users/invite",
            &[
                ("email", "Sales@Northwind.example"),
                ("role", "admin_agent"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("A user with this e-mail address exists already.")
    );
    // The customer's own users, for the partner inviting into that customer.
    let contoso = app.org_id("Contoso").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin.get(&format!("/customers/{contoso}")).await;
    let res = admin
        .post(
            &format!("/customers/{contoso}/invite"),
            &[("email", "user@contoso.example")],
        )
        .await;
    // The customer's page again, the message at the field.
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("A user with this e-mail address exists already.")
    );
    assert!(mails_to(&app, "sales@northwind.example").is_empty());
    assert!(mails_to(&app, "user@contoso.example").is_empty());
}
