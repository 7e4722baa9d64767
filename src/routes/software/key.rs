//! `POST .../software/{sub}/key`: reveals the subscription's product key.
//! A POST because every reveal is an audit event (who, which subscription;
//! never the key). With JavaScript the page's dialog shows what this answers;
//! without it, this is the plain page with the key.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use super::Where;
use super::show::subscription;
use crate::app;
use crate::domain::product::KeyFormat;
use crate::error::AppResult;
use crate::web::access::{Allowed, ManageKeys, Principal, SeeOwnSoftware};
use crate::web::page::Page;
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "software/key.html")]
struct KeyPage {
    page: Page,
    product: String,
    back: String,
    grouped_key: String,
}

async fn reveal(
    req: &HttpRequest,
    p: &Principal,
    session: &Session,
    state: &AppState,
    w: Where,
    sub_id: Uuid,
) -> AppResult<HttpResponse> {
    let sub = subscription(state, p, &w, sub_id).await?;
    let actor = crate::web::audit::actor(state, req, p);
    let key = app::software::reveal_key(state, &actor, &sub).await?;
    let format: KeyFormat = sub.key_format.parse().unwrap_or(KeyFormat::Chars32);
    let page = Page::for_user(
        session,
        p,
        if w.own_view {
            "my-software"
        } else {
            "customers"
        },
    )?;
    crate::routes::ok(&KeyPage {
        page,
        product: sub.product_name,
        back: format!("{}/{}", w.base, sub.id),
        grouped_key: format.group(key.expose()),
    })
}

pub async fn partner(
    req: HttpRequest,
    p: Allowed<ManageKeys>,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> AppResult<HttpResponse> {
    let (customer_id, sub_id) = path.into_inner();
    let w = Where::partner(&state, &p, customer_id).await?;
    reveal(&req, &p, &session, &state, w, sub_id).await
}

pub async fn own(
    req: HttpRequest,
    p: Allowed<SeeOwnSoftware>,
    session: Session,
    state: web::Data<AppState>,
    sub_id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let w = Where::own(&state, &p).await?;
    reveal(&req, &p, &session, &state, w, *sub_id).await
}
