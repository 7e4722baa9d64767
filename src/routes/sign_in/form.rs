//! `GET /sign-in`: the sign-in form.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::error::AppResult;
use crate::store::sessions::USER_KEY;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "sign_in/form.html")]
pub struct SignInForm {
    pub page: Page,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    /// After a failed try with the address kept, the password is what to
    /// type again: it gets the focus.
    pub focus_password: bool,
}

#[derive(Deserialize)]
pub struct Query {
    next: Option<String>,
    signed_out: Option<String>,
}

pub async fn show(session: Session, q: web::Query<Query>) -> AppResult<HttpResponse> {
    if session.get::<uuid::Uuid>(USER_KEY).ok().flatten().is_some() {
        return Ok(super::super::see_other("/"));
    }
    let page = Page::anonymous(&session)?;
    let notice = q.signed_out.as_ref().map(|_| page.t("sign-in-signed-out"));
    super::super::ok(&SignInForm {
        page,
        email: String::new(),
        next: super::safe_next(q.next.as_deref()).unwrap_or_default(),
        error: None,
        notice,
        focus_password: false,
    })
}
