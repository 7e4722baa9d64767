//! The role matrix of every page, and tenancy: a foreign id is a 404.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

const OK: u16 = 200;
const REDIRECT: u16 = 303;
const FORBIDDEN: u16 = 403;

/// (path, [admin, sales, helpdesk, owner, fabrikam admin, customer ga, customer user, operator])
/// `{contoso}` is Northwind's customer Contoso.
const MATRIX: &[(&str, [u16; 8])] = &[
    (
        "/",
        [REDIRECT, REDIRECT, REDIRECT, OK, REDIRECT, REDIRECT, OK, OK],
    ),
    (
        "/customers",
        [OK, OK, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/customers/new",
        [
            OK, OK, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}",
        [OK, OK, OK, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/operator/partners",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK,
        ],
    ),
    (
        "/operator/partners/new",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK,
        ],
    ),
    (
        "/operator/catalog",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK,
        ],
    ),
    (
        "/operator/requests",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK,
        ],
    ),
    (
        "/customers/{contoso}/orders",
        [OK, OK, OK, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/customers/{contoso}/add-products",
        [
            OK, OK, FORBIDDEN, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/support",
        [OK, OK, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/support/new",
        [OK, OK, OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/users",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/users/invite",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/activity",
        [OK, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, OK],
    ),
    ("/account/password", [OK, OK, OK, OK, OK, OK, OK, OK]),
    ("/account/2fa", [OK, OK, OK, OK, OK, OK, OK, OK]),
];

/// Routes that take a subscription: `{contoso}` and `{sub}` (a Contoso purchase).
const SOFTWARE_MATRIX: &[(&str, [u16; 8])] = &[
    (
        "/customers/{contoso}/software",
        [OK, OK, OK, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "/customers/{contoso}/software/{sub}",
        [
            OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/software/{sub}/files/{file}",
        [
            OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, 404, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/my/software",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/my/software/{sub}",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/my/software/{sub}/files/{file}",
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN,
        ],
    ),
];

#[tokio::test]
async fn every_software_page_answers_each_role_as_the_matrix_says() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await.to_string();
    let (sub, file) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    for (i, email) in USERS.iter().enumerate() {
        let mut b = app.signed_in(email).await;
        for (path, expected) in SOFTWARE_MATRIX {
            let path = path
                .replace("{contoso}", &contoso)
                .replace("{sub}", &sub.to_string())
                .replace("{file}", &file.to_string());
            let res = b.get(&path).await;
            assert_eq!(res.status.as_u16(), expected[i], "{email} GET {path}");
            if res.status == StatusCode::FORBIDDEN
                && path.contains("/software/")
                && !path.starts_with("/my")
            {
                assert!(
                    res.body.contains("You need the Admin agent role"),
                    "{email} GET {path}"
                );
            }
        }
    }
}

const USERS: [&str; 8] = [
    "admin@northwind.example",
    "sales@northwind.example",
    "helpdesk@northwind.example",
    "owner@northwind.example",
    "admin@fabrikam.example",
    "ga@contoso.example",
    "user@contoso.example",
    "operator@portal.example",
];

#[tokio::test]
async fn every_page_answers_each_role_as_the_matrix_says() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await.to_string();
    for (i, email) in USERS.iter().enumerate() {
        let mut b = app.signed_in(email).await;
        for (path, expected) in MATRIX {
            let path = path.replace("{contoso}", &contoso);
            let res = b.get(&path).await;
            assert_eq!(res.status.as_u16(), expected[i], "{email} GET {path}");
            if res.status == StatusCode::FORBIDDEN {
                assert!(
                    res.body.contains("role for this page"),
                    "{email} GET {path}: the 403 names the role"
                );
            }
        }
    }
}

#[tokio::test]
async fn without_a_session_every_page_redirects_to_sign_in_and_back() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await.to_string();
    let mut b = app.browser();
    for (path, _) in MATRIX {
        let path = path.replace("{contoso}", &contoso);
        let res = b.get(&path).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{path}");
        let location = res.location().unwrap_or_default();
        assert!(
            location.starts_with("/sign-in?next=%2F"),
            "{path} -> {location}"
        );
    }
}

#[tokio::test]
async fn the_403_page_names_the_role_needed() {
    let app = spawn_app().await;
    let mut b = app.signed_in("helpdesk@northwind.example").await;
    let res = b.get("/customers/new").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        res.body
            .contains("You need the Admin agent or Sales agent role for this page."),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn a_northwind_sales_agent_gets_404_for_a_fabrikam_customer() {
    let app = spawn_app().await;
    let fourth_coffee = app.org_id("Fourth Coffee").await;
    let mut b = app.signed_in("sales@northwind.example").await;
    let foreign = b.get(&format!("/customers/{fourth_coffee}")).await;
    let unknown = b.get(&format!("/customers/{}", uuid::Uuid::new_v4())).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Indistinguishable, so that ids cannot be probed.
    assert_eq!(
        strip_request_id(&foreign.body),
        strip_request_id(&unknown.body)
    );
    assert!(!foreign.body.contains("Fourth Coffee"));
}

#[tokio::test]
async fn a_partner_list_never_shows_another_partners_customers() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@fabrikam.example").await;
    let list = b.get("/customers").await;
    assert!(list.body.contains("Fourth Coffee"));
    assert!(!list.body.contains("Contoso"));
    let search = b.get("/customers?q=contoso").await;
    assert!(!search.body.contains("contoso.onmicrosoft.com"));
}

#[tokio::test]
async fn a_malformed_id_is_a_404() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@northwind.example").await;
    assert_eq!(
        b.get("/customers/not-a-uuid").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(b.get("/no/such/page").await.status, StatusCode::NOT_FOUND);
}

fn strip_request_id(body: &str) -> String {
    body.lines()
        .filter(|l| !l.contains("Request id"))
        .collect::<Vec<_>>()
        .join("\n")
}
