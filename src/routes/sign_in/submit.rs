//! `POST /sign-in`: the password (see `app::sign_in`), then a new session,
//! or the form again saying what went wrong and, when slowed down, how long
//! to wait.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use secrecy::SecretString;
use serde::Deserialize;

use super::form::SignInForm;
use crate::app::sign_in::{self, Outcome};
use crate::error::AppResult;
use crate::routes::{client_ip, render, see_other};
use crate::store::sessions::USER_KEY;
use crate::web::page::{self, Page};
use crate::web::state::AppState;
use crate::web::throttle::wait_words;
use crate::web::{csrf, device};

#[derive(Deserialize)]
pub struct SignInInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<SignInInput>,
) -> AppResult<HttpResponse> {
    let SignInInput {
        email,
        password,
        next,
    } = form.into_inner();
    let next = super::safe_next(Some(&next));
    let i18n = crate::web::request_ctx::i18n();
    let typed = email.trim().to_owned();
    let again = |message: String, status: StatusCode| -> AppResult<HttpResponse> {
        let page = Page::anonymous(&session)?;
        render(
            &SignInForm {
                page,
                email: typed.clone(),
                next: next.clone().unwrap_or_default(),
                error: Some(message),
                notice: None,
                focus_password: !typed.is_empty(),
            },
            status,
        )
    };
    if typed.is_empty() || password.is_empty() {
        return again(i18n.t("sign-in-missing"), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let https = state.settings.https;
    let attempt = sign_in::Attempt {
        email,
        password: SecretString::from(password),
        device: device::read(&req, &state.site_keys, https).map(|d| (d.user_id, d.nonce)),
        ip: client_ip(&req, &state.settings.trusted_proxies),
    };
    let signed = match sign_in::password(&state, attempt).await? {
        Outcome::Wait(until) => {
            let now = state.clock.now();
            let wait = wait_words(&i18n, now, until);
            let mut res = again(
                i18n.t1("sign-in-throttled", "wait", &wait),
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            let secs = (until - now).num_seconds().max(1);
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return Ok(res);
        }
        Outcome::Failed => return again(i18n.t("sign-in-failed"), StatusCode::UNAUTHORIZED),
        Outcome::SignedIn(s) => s,
    };
    // A new session id at sign-in, so a session fixed before cannot be used.
    session.renew();
    csrf::rotate(&session)?;
    if signed.tried > 0 {
        page::flash(
            &session,
            i18n.t_with("sign-in-failures-notice", &[("count", signed.tried.into())]),
        )?;
    }
    if signed.needs_code {
        // The password was right; the code comes next.
        session.insert(super::second_factor::PENDING_KEY, signed.user)?;
        session.insert(
            super::second_factor::NEXT_KEY,
            next.clone().unwrap_or_default(),
        )?;
        return Ok(see_other("/sign-in/code"));
    }
    session.insert(USER_KEY, signed.user)?;
    let mut res = see_other(next.as_deref().unwrap_or("/"));
    if !signed.known_device {
        device::remember(&mut res, &state.site_keys, https, signed.user)?;
    }
    Ok(res)
}
