//! `GET /support`: the partner's service requests, their status and replies.

use actix_web::HttpResponse;
use askama::Template;

use super::show::{RequestView, view};
use crate::domain::service_request::{ProblemType, RequestStatus};
use crate::error::AppResult;
use crate::store::requests;
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "support/list.html")]
struct List {
    page: Page,
    requests: Vec<RequestView>,
    operator: bool,
    status: Option<RequestStatus>,
    problem_type: Option<ProblemType>,
}

pub async fn show(ctx: Ctx<FileRequests>) -> AppResult<HttpResponse> {
    let rows = requests::for_partner(ctx.db(), ctx.partner_id()?, 200).await?;
    let page = ctx.page("support")?;
    let requests = rows.into_iter().map(|r| view(&page, r)).collect();
    crate::routes::ok(&List {
        page,
        requests,
        operator: false,
        status: None,
        problem_type: None,
    })
}
