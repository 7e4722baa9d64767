//! `GET/POST /sign-in/code`: after the password, the one-time code from the
//! authenticator app (each code works once) or a recovery code. Codes are
//! counted per user with growing delays, as passwords are.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use crate::app::sign_in::{self, CodeOutcome};
use crate::error::AppResult;
use crate::routes::{client_ip, render, see_other};
use crate::store::sessions::USER_KEY;
use crate::web::page::Page;
use crate::web::state::AppState;
use crate::web::throttle::wait_words;
use crate::web::{csrf, device};

pub const PENDING_KEY: &str = "pending_2fa_user";
pub const NEXT_KEY: &str = "pending_2fa_next";

#[derive(Template)]
#[template(path = "sign_in/code.html")]
struct CodeForm {
    page: Page,
    error: Option<String>,
}

pub async fn show(session: Session) -> AppResult<HttpResponse> {
    if session.get::<Uuid>(PENDING_KEY).ok().flatten().is_none() {
        return Ok(see_other("/sign-in"));
    }
    let page = Page::anonymous(&session)?;
    render(&CodeForm { page, error: None }, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct Input {
    #[serde(default)]
    code: String,
}

pub async fn submit(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Input>,
) -> AppResult<HttpResponse> {
    let Some(user) = session.get::<Uuid>(PENDING_KEY).ok().flatten() else {
        return Ok(see_other("/sign-in"));
    };
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let page = Page::anonymous(&session)?;
    match sign_in::code(&state, user, &form.code, ip).await? {
        CodeOutcome::SignedIn => {}
        CodeOutcome::Gone => {
            session.purge();
            return Ok(see_other("/sign-in"));
        }
        CodeOutcome::Wait(until) => {
            let now = state.clock.now();
            let wait = wait_words(&page.i18n, now, until);
            let error = Some(page.i18n.t1("code-throttled", "wait", &wait));
            return render(&CodeForm { page, error }, StatusCode::TOO_MANY_REQUESTS);
        }
        CodeOutcome::Wrong => {
            let error = Some(page.t("code-wrong"));
            return render(&CodeForm { page, error }, StatusCode::UNAUTHORIZED);
        }
    }
    let next = session
        .get::<String>(NEXT_KEY)
        .ok()
        .flatten()
        .filter(|n| !n.is_empty());
    session.renew();
    session.remove(PENDING_KEY);
    session.remove(NEXT_KEY);
    session.insert(USER_KEY, user)?;
    csrf::rotate(&session)?;
    let mut res = see_other(next.as_deref().unwrap_or("/"));
    let https = state.settings.https;
    if device::read(&req, &state.site_keys, https).is_none_or(|d| d.user_id != user) {
        device::remember(&mut res, &state.site_keys, https, user)?;
    }
    Ok(res)
}
