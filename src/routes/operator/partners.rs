//! `GET /operator/partners`: every partner with its customers and users.

use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppResult;
use crate::store::organisations::{self, PartnerSummary};
use crate::web::access::OperatePortal;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "operator/partners.html")]
struct Partners {
    page: Page,
    partners: Vec<PartnerSummary>,
}

pub async fn list(ctx: Ctx<OperatePortal>) -> AppResult<HttpResponse> {
    let partners = organisations::list_partners(ctx.db()).await?;
    let page = ctx.page("partners")?;
    super::super::ok(&Partners { page, partners })
}
