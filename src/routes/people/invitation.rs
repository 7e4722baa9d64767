//! `GET/POST /invitation/{token}`: the invitee chooses a name and password
//! and becomes a user with the invited roles. The link works once, for 7 days.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::SecretString;
use serde::Deserialize;

use crate::auth;
use crate::crypto::token_hash;
use crate::error::{AppError, AppResult};
use crate::routes::{client_ip, render, see_other};
use crate::store::people;
use crate::web::form::FormErrors;
use crate::web::page::{self, Page};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "people/set_password.html")]
pub struct SetPassword {
    pub page: Page,
    pub heading: String,
    pub email: String,
    pub ask_name: bool,
    pub name: String,
    /// Every problem with the form at once, each at its field.
    pub errors: FormErrors,
}

#[derive(Deserialize)]
pub struct Input {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// The token's page: a clear message when it is used or expired.
async fn token_or_gone(
    state: &AppState,
    token: &str,
    purpose: &str,
) -> AppResult<people::TokenRow> {
    people::valid_token(&state.db, &token_hash(token), purpose, state.clock.now())
        .await?
        .ok_or(AppError::Gone)
}

pub async fn show(
    session: Session,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let t = token_or_gone(&state, &token, "invite").await?;
    let page = Page::anonymous(&session)?;
    let mut res = render(
        &SetPassword {
            heading: page.t("invitation-title"),
            email: t.email,
            ask_name: true,
            name: String::new(),
            errors: FormErrors::default(),
            page,
        },
        StatusCode::OK,
    )?;
    res.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

/// The password rules: the new password's problem at `password`, a
/// confirmation that differs at `confirm`; both when both are wrong.
pub fn password_problems(
    page: &Page,
    errors: &mut FormErrors,
    input_password: &str,
    confirm: &str,
    email: &str,
) {
    if let Err(id) = auth::policy::check(input_password, email) {
        errors.push("password", page.t(id));
    }
    if input_password != confirm {
        errors.push("confirm", page.t("password-mismatch"));
    }
}

pub async fn accept(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<Input>,
) -> AppResult<HttpResponse> {
    let t = token_or_gone(&state, &token, "invite").await?;
    let name = form.name.trim().to_owned();
    let page = Page::anonymous(&session)?;
    let mut errors = FormErrors::default();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push("name", page.t("invitation-name-required"));
    }
    password_problems(&page, &mut errors, &form.password, &form.confirm, &t.email);
    if !errors.is_empty() {
        let errors = errors.labelled(
            &page.i18n,
            &[
                ("name", "users-name"),
                ("password", "password-new"),
                ("confirm", "password-confirm"),
            ],
        );
        return render(
            &SetPassword {
                heading: page.t("invitation-title"),
                email: t.email,
                ask_name: true,
                name,
                errors,
                page,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    crate::app::invitations::accept(
        &state,
        &t,
        &name,
        SecretString::from(form.password.clone()),
        ip,
    )
    .await?;
    page::flash(&session, page.t("invitation-done"))?;
    Ok(see_other("/sign-in"))
}
