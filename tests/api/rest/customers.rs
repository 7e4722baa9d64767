//! Customers and the products a customer may be sold, over the API.

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use serde_json::json;

use super::api_as;
use crate::helpers::spawn_app;

fn new_customer(domain: &str) -> serde_json::Value {
    json!({
        "company_name": "Blue Yonder", "primary_domain": domain, "country": "PL",
        "billing_name": "Bo Billing", "billing_email": "billing@blueyonder.example"
    })
}

#[tokio::test]
async fn customers_are_listed_searched_and_paged_by_cursor() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::HelpdeskAgent).await;
    let first = api.get("/api/v1/customers?limit=4").await;
    assert_eq!(first.status, StatusCode::OK);
    let names = |r: &super::Res| -> Vec<String> {
        r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(&first),
        ["Adventure Works", "Contoso", "Litware", "Proseware"]
    );
    let cursor = first.body["next_cursor"].as_str().unwrap();
    let second = api
        .get(&format!("/api/v1/customers?limit=4&cursor={cursor}"))
        .await;
    assert_eq!(names(&second), ["Tailspin Toys", "Wingtip Toys"]);
    assert!(second.body.get("next_cursor").is_none());
    // Fabrikam's customers are not Northwind's.
    let search = api.get("/api/v1/customers?q=coffee").await;
    assert!(names(&search).is_empty());
    let search = api.get("/api/v1/customers?q=TOYS").await;
    assert_eq!(names(&search), ["Tailspin Toys", "Wingtip Toys"]);
    // A cursor it did not give, and a limit out of range.
    let bad = api.get("/api/v1/customers?cursor=xyz").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.problem(), "bad-request");
    let bad = api.get("/api/v1/customers?limit=101").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["errors"][0]["field"], "limit");
    let bad = api.get("/api/v1/customers?limit=many").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // A NUL character (which schemathesis sent, and PostgreSQL refuses in
    // text) is a 400 here, and a search for nothing on the page.
    let nul = api.get("/api/v1/customers?q=to%00ys").await;
    assert_eq!(nul.status, StatusCode::BAD_REQUEST);
    assert_eq!(nul.problem(), "bad-request");
    let mut b = app.sign_in_as(Role::HelpdeskAgent).await;
    let page = b.get("/customers?q=to%00ys").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Tailspin Toys"));
}

#[tokio::test]
async fn a_customer_is_seen_by_its_partner_and_its_own_global_admin_only() {
    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let litware = app.org_id("Litware").await;
    let path = |id| format!("/api/v1/customers/{id}");
    for role in [Role::AdminAgent, Role::SalesAgent, Role::HelpdeskAgent] {
        let api = api_as(&app, role).await;
        let res = api.get(&path(contoso)).await;
        assert_eq!(res.status, StatusCode::OK, "{role:?}");
        assert_eq!(res.body["primary_domain"], "contoso.onmicrosoft.com");
    }
    // Contoso's global admin: their own tenant, and nobody else's.
    let ga = api_as(&app, Role::CustomerGlobalAdmin).await;
    assert_eq!(ga.get(&path(contoso)).await.status, StatusCode::OK);
    assert_eq!(ga.get(&path(litware)).await.problem(), "not-found");
    assert_eq!(
        ga.get("/api/v1/customers").await.status,
        StatusCode::FORBIDDEN
    );
    // Another partner's customer is unknown, exactly like an unknown id.
    let northwind = api_as(&app, Role::AdminAgent).await;
    let fourth = app.org_id("Fourth Coffee").await;
    let foreign = northwind.get(&path(fourth)).await;
    let unknown = northwind.get(&path(uuid::Uuid::new_v4())).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert_eq!(foreign.body, unknown.body);
    assert_eq!(
        northwind.get("/api/v1/customers/not-a-uuid").await.status,
        StatusCode::NOT_FOUND
    );
    // Roles without customers: 403 naming the roles that would do.
    for role in [Role::PartnerGlobalAdmin, Role::CustomerUser, Role::Operator] {
        let res = api_as(&app, role).await.get(&path(contoso)).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
    }
}

#[tokio::test]
async fn creating_a_customer_checks_every_field_and_the_domain() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::SalesAgent).await;
    let res = api
        .post("/api/v1/customers", new_customer("blueyonder.example"))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{res:?}");
    assert_eq!(res.body["country"], "PL");
    let id = res.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        api.get(&format!("/api/v1/customers/{id}")).await.body["name"],
        "Blue Yonder"
    );
    let again = api
        .post("/api/v1/customers", new_customer("blueyonder.example"))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.problem(), "domain-taken");
    let bad = api
        .post(
            "/api/v1/customers",
            json!({"company_name": "", "primary_domain": "no domain", "country": "XX",
                   "billing_email": "nope"}),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.problem(), "validation");
    let fields: Vec<&str> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "company_name",
        "primary_domain",
        "country",
        "billing_name",
        "billing_email",
    ] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    let not_json = api.post_with("/api/v1/customers", json!("["), &[]).await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    // Helpdesk agents see customers but do not create them.
    let helpdesk = api_as(&app, Role::HelpdeskAgent).await;
    let res = helpdesk
        .post("/api/v1/customers", new_customer("other.example"))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        app.audit_actions(app.org_id("Northwind Partners").await)
            .await
            .contains(&"customer_created".to_owned())
    );
}

#[tokio::test]
async fn the_products_offered_follow_the_country_rule() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::SalesAgent).await;
    let skus = |id| {
        let api = &api;
        async move {
            let res = api.get(&format!("/api/v1/customers/{id}/products")).await;
            assert_eq!(res.status, StatusCode::OK);
            res.body
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["sku"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let us = skus(app.org_id("Contoso").await).await;
    let br = skus(app.org_id("Wingtip Toys").await).await;
    assert!(us.contains(&"AZURE-RI-D2SV5-1Y".to_owned()));
    assert!(!br.contains(&"AZURE-RI-D2SV5-1Y".to_owned()));
    assert!(br.contains(&"WS2022-DAT".to_owned()));
    let helpdesk = api_as(&app, Role::HelpdeskAgent).await;
    let contoso = app.org_id("Contoso").await;
    assert_eq!(
        helpdesk
            .get(&format!("/api/v1/customers/{contoso}/products"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn text_holding_a_nul_character_is_refused_not_failed() {
    let app = spawn_app().await;
    let api = api_as(&app, Role::AdminAgent).await;
    let res = api
        .post("/api/v1/customers", new_customer("nul\u{0}.example"))
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let mut body = new_customer("nul.example");
    body["billing_name"] = json!("A\u{0}B");
    assert_eq!(
        api.post("/api/v1/customers", body).await.status,
        StatusCode::BAD_REQUEST
    );
}
