//! `GET /`: where each role starts.

use actix_web::HttpResponse;
use askama::Template;

use crate::domain::role::Role;
use crate::error::AppResult;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    roles: Vec<String>,
    links: Vec<(&'static str, String, String)>,
}

pub async fn show(ctx: Ctx) -> AppResult<HttpResponse> {
    // Partner agents work from the customer list; go straight there.
    if ctx.has_any(&[Role::AdminAgent, Role::SalesAgent, Role::HelpdeskAgent]) {
        return Ok(super::see_other("/customers"));
    }
    if ctx.has(Role::CustomerGlobalAdmin) {
        return Ok(super::see_other("/my/software"));
    }
    let page = ctx.page("home")?;
    let mut links = Vec::new();
    if ctx.has(Role::Operator) {
        for (href, label, hint) in [
            ("/operator/requests", "nav-requests", "home-requests-hint"),
            ("/operator/catalog", "nav-catalog", "home-catalog-hint"),
            ("/operator/partners", "nav-partners", "home-partners-hint"),
            ("/activity", "nav-activity", "home-activity-hint"),
        ] {
            links.push((href, page.t(label), page.t(hint)));
        }
    }
    let roles = ctx
        .account
        .roles
        .iter()
        .map(|r| page.t(r.message_id()))
        .collect();
    super::ok(&Home { page, roles, links })
}
