//! The role matrix of every page, and tenancy: a foreign id is a 404.

use csp_portal::domain::role::Role;
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

const BAD_REQUEST: u16 = 400;
const NOT_FOUND: u16 = 404;
const UNPROCESSABLE: u16 = 422;

/// Every form, posted by each role with the CSRF token of its session:
/// (path, fields, [the roles as in `MATRIX`]). The fields are chosen so that
/// a role that may post gets an answer that changes nothing for the roles
/// after it (a form with errors, an unknown id), or changes only its own
/// data. `{random}` is an id that exists nowhere.
/// A form post: its path, its fields, the status each role gets.
type FormRow = (
    &'static str,
    &'static [(&'static str, &'static str)],
    [u16; 8],
);

const POST_MATRIX: &[FormRow] = &[
    (
        "/customers",
        &[],
        [
            UNPROCESSABLE,
            UNPROCESSABLE,
            FORBIDDEN,
            FORBIDDEN,
            UNPROCESSABLE,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/orders",
        &[],
        [
            BAD_REQUEST,
            BAD_REQUEST,
            FORBIDDEN,
            FORBIDDEN,
            NOT_FOUND,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/software/{sub}/key",
        &[],
        [
            OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/software/{sub}/links",
        &[("file_id", "{file}")],
        [
            REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/software/{sub}/links/{random}/revoke",
        &[],
        [
            NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/my/software/{sub}/key",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/customers/{contoso}/invite",
        &[],
        [
            UNPROCESSABLE,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            NOT_FOUND,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ],
    ),
    (
        "/users/invite",
        &[],
        [
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNPROCESSABLE,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ],
    ),
    (
        "/users/{random}/roles",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/users/{random}/deactivate",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/users/{random}/reactivate",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/users/require-2fa",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN,
        ],
    ),
    (
        "/operator/partners",
        &[],
        [
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            UNPROCESSABLE,
        ],
    ),
    (
        "/operator/partners/{random}/suspend",
        &[],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND,
        ],
    ),
    (
        "/operator/requests/{random}/decision",
        &[("decision", "close")],
        [
            FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND,
        ],
    ),
    (
        "/account/password",
        &[],
        [
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
            UNPROCESSABLE,
        ],
    ),
];

#[tokio::test]
async fn every_form_answers_each_role_as_the_matrix_says() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await.to_string();
    let (sub, file) = crate::software::contoso_purchase(&app, "WS2022-DAT").await;
    let random = uuid::Uuid::new_v4().to_string();
    let fill = |s: &str| {
        s.replace("{contoso}", &contoso)
            .replace("{sub}", &sub.to_string())
            .replace("{file}", &file.to_string())
            .replace("{random}", &random)
    };
    for (i, email) in USERS.iter().enumerate() {
        let mut b = app.signed_in(email).await;
        for (path, fields, expected) in POST_MATRIX {
            let path = fill(path);
            let fields: Vec<(String, String)> = fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), fill(v)))
                .collect();
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let res = b.post(&path, &fields).await;
            assert_eq!(res.status.as_u16(), expected[i], "{email} POST {path}");
            if res.status == StatusCode::FORBIDDEN {
                assert!(
                    res.body.contains("role for this page"),
                    "{email} POST {path}: the 403 names the role"
                );
            }
        }
    }
}

#[tokio::test]
async fn without_a_session_every_form_is_refused() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await.to_string();
    let mut b = app.browser();
    b.get("/sign-in").await;
    for (path, _, _) in POST_MATRIX {
        let path = path
            .replace("{contoso}", &contoso)
            .replace("{sub}", &uuid::Uuid::new_v4().to_string())
            .replace("{random}", &uuid::Uuid::new_v4().to_string());
        let res = b.post(&path, &[]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "POST {path}");
        assert_eq!(res.location(), Some("/sign-in"), "POST {path}");
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
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
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
    let mut b = app.sign_in_as(Role::SalesAgent).await;
    let foreign = b.get(&format!("/customers/{fourth_coffee}")).await;
    let unknown_id = uuid::Uuid::new_v4();
    let unknown = b.get(&format!("/customers/{unknown_id}")).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // Indistinguishable, so that ids cannot be probed (but for the address
    // asked for, which the language switch comes back to).
    assert_eq!(
        strip_request_id(&foreign.body).replace(&fourth_coffee.to_string(), "ID"),
        strip_request_id(&unknown.body).replace(&unknown_id.to_string(), "ID")
    );
    assert!(!foreign.body.contains("Fourth Coffee"));
}

#[tokio::test]
async fn a_partner_list_never_shows_another_partners_customers() {
    let app = spawn_app().await;
    let mut b = app.signed_in("admin@fabrikam.example").await;
    let list = b.get("/customers").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Fourth Coffee"));
    assert!(!list.body.contains("Contoso"));
    let search = b.get("/customers?q=contoso").await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(!search.body.contains("contoso.onmicrosoft.com"));
}

#[tokio::test]
async fn a_malformed_id_is_a_404() {
    let app = spawn_app().await;
    let mut b = app.sign_in_as(Role::AdminAgent).await;
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
