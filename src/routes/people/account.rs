//! The signed-in user's password (`/account/password`: needs the current
//! one, ends the user's other sessions) and the forgotten-password flow
//! (`/forgot-password` -> a one-time link -> `/reset/{token}`), which answers
//! the same whether or not the address exists.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::SecretString;
use serde::Deserialize;

use super::invitation::{SetPassword, password_problems};
use crate::app::passwords;
use crate::auth;
use crate::crypto::token_hash;
use crate::error::{AppError, AppResult};
use crate::routes::{client_ip, render, see_other};
use crate::store::people;
use crate::store::sessions::USER_KEY;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::{self, Page};
use crate::web::state::AppState;
use crate::web::throttle::current_password;

#[derive(Template)]
#[template(path = "people/change_password.html")]
struct ChangePassword {
    page: Page,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct ChangeInput {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn change_form(ctx: Ctx) -> AppResult<HttpResponse> {
    let page = ctx.page("account")?;
    render(
        &ChangePassword {
            page,
            errors: FormErrors::default(),
        },
        StatusCode::OK,
    )
}

/// Every problem of the form at once, each at its field: the current
/// password (checked, and counted, even when the new one is refused), the
/// rules, the repetition.
async fn change_problems(ctx: &Ctx, form: &ChangeInput) -> AppResult<FormErrors> {
    let t = |id: &str| ctx.i18n.t(id);
    let mut errors = FormErrors::default();
    if form.current.is_empty() {
        errors.push("current", t("error-required"));
    } else if let Err(e) = current_password(&ctx.state, ctx, &form.current).await? {
        errors.push("current", e);
    }
    if form.password.is_empty() {
        errors.push("password", t("error-required"));
    } else if let Err(id) = auth::policy::check(&form.password, &ctx.account.email) {
        errors.push("password", t(id));
    }
    if form.confirm.is_empty() {
        errors.push("confirm", t("error-required"));
    } else if form.confirm != form.password {
        errors.push("confirm", t("password-mismatch"));
    }
    Ok(errors.labelled(
        &ctx.i18n,
        &[
            ("current", "password-current"),
            ("password", "password-new"),
            ("confirm", "password-confirm"),
        ],
    ))
}

pub async fn change(ctx: Ctx, form: web::Form<ChangeInput>) -> AppResult<HttpResponse> {
    let errors = change_problems(&ctx, &form).await?;
    if !errors.is_empty() {
        let page = ctx.page("account")?;
        return render(
            &ChangePassword { page, errors },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let actor = ctx.actor();
    passwords::change(
        &ctx.state,
        &actor,
        SecretString::from(form.password.clone()),
    )
    .await?;
    // Every session of the user ended; this one continues under a new id.
    ctx.session.renew();
    ctx.session.insert(USER_KEY, ctx.account.id)?;
    ctx.flash(ctx.i18n.t("password-changed"))?;
    Ok(see_other("/"))
}

#[derive(Template)]
#[template(path = "people/forgot.html")]
struct Forgot {
    page: Page,
    sent: bool,
}

pub async fn forgot_form(session: Session) -> AppResult<HttpResponse> {
    let page = Page::anonymous(&session)?;
    render(&Forgot { page, sent: false }, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ForgotInput {
    #[serde(default)]
    email: String,
}

pub async fn forgot(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<ForgotInput>,
) -> AppResult<HttpResponse> {
    // The same page follows whether or not the address exists.
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let i18n = crate::web::request_ctx::i18n();
    passwords::request_reset(&state, &form.email, ip.as_deref(), i18n).await?;
    let page = Page::anonymous(&session)?;
    render(&Forgot { page, sent: true }, StatusCode::OK)
}

#[derive(Deserialize)]
pub struct ResetInput {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn reset_form(
    session: Session,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let t = people::valid_token(&state.db, &token_hash(&token), "reset", state.clock.now())
        .await?
        .ok_or(AppError::Gone)?;
    let page = Page::anonymous(&session)?;
    render(
        &SetPassword {
            heading: page.t("reset-title"),
            email: t.email,
            ask_name: false,
            name: String::new(),
            errors: FormErrors::default(),
            page,
        },
        StatusCode::OK,
    )
}

pub async fn reset(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    token: web::Path<String>,
    form: web::Form<ResetInput>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let t = people::valid_token(&state.db, &token_hash(&token), "reset", now)
        .await?
        .ok_or(AppError::Gone)?;
    let user = t.user_id.ok_or(AppError::Gone)?;
    let page = Page::anonymous(&session)?;
    let mut errors = FormErrors::default();
    password_problems(&page, &mut errors, &form.password, &form.confirm, &t.email);
    if !errors.is_empty() {
        let errors = errors.labelled(
            &page.i18n,
            &[
                ("password", "password-new"),
                ("confirm", "password-confirm"),
            ],
        );
        return render(
            &SetPassword {
                heading: page.t("reset-title"),
                email: t.email,
                ask_name: false,
                name: String::new(),
                errors,
                page,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    passwords::reset(
        &state,
        t.id,
        user,
        t.organisation_id,
        ip,
        SecretString::from(form.password.clone()),
    )
    .await?;
    page::flash(&session, page.t("password-reset-done"))?;
    Ok(see_other("/sign-in"))
}
