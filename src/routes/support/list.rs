//! `GET /support`: the partner's service requests, their status and replies.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::show::{RequestView, view};
use crate::domain::service_request::{ProblemType, RequestStatus};
use crate::error::AppResult;
use crate::store::requests;
use crate::web::access::{Allowed, FileRequests};
use crate::web::page::Page;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "support/list.html")]
struct List {
    page: Page,
    requests: Vec<RequestView>,
    operator: bool,
    status: Option<RequestStatus>,
    problem_type: Option<ProblemType>,
}

pub async fn show(
    p: Allowed<FileRequests>,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let rows = requests::for_partner(&state.db, p.partner_id()?, 200).await?;
    let page = Page::for_user(&session, &p, "support")?;
    let requests = rows.into_iter().map(|r| view(&page, r)).collect();
    crate::routes::ok(&List {
        page,
        requests,
        operator: false,
        status: None,
        problem_type: None,
    })
}
