//! `GET /operator/partners`: every partner with its customers and users.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::error::AppResult;
use crate::store::organisations::{self, PartnerSummary};
use crate::web::access::{Allowed, OperatePortal};
use crate::web::page::Page;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "operator/partners.html")]
struct Partners {
    page: Page,
    partners: Vec<PartnerSummary>,
}

pub async fn list(
    p: Allowed<OperatePortal>,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let partners = organisations::list_partners(&state.db).await?;
    let page = Page::for_user(&session, &p, "partners")?;
    super::super::ok(&Partners { page, partners })
}
