//! The signed-in user's password (`/account/password`: needs the current
//! one, ends the user's other sessions) and the forgotten-password flow
//! (`/forgot-password` -> a one-time link -> `/reset/{token}`), which answers
//! the same whether or not the address exists.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Duration;
use serde::Deserialize;
use serde_json::json;

use super::invitation::{SetPassword, password_problem};
use super::{RESET_MINUTES, base_url};
use crate::auth;
use crate::config::Secret;
use crate::crypto::{new_token, token_hash};
use crate::domain::email::Email;
use crate::error::{AppError, AppResult};
use crate::mail::Mail;
use crate::routes::{client_ip, render, see_other};
use crate::store::sessions::USER_KEY;
use crate::store::{audit, people, users};
use crate::web::access::Principal;
use crate::web::page::{self, Page};
use crate::web::state::AppState;
use crate::web::throttle::{Gate, current_password, pass};

#[derive(Template)]
#[template(path = "people/change_password.html")]
struct ChangePassword {
    page: Page,
    error: Option<String>,
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

pub async fn change_form(p: Principal, session: Session) -> AppResult<HttpResponse> {
    let page = Page::for_user(&session, &p, "account")?;
    render(&ChangePassword { page, error: None }, StatusCode::OK)
}

async fn record(
    state: &AppState,
    req: &HttpRequest,
    org: uuid::Uuid,
    user: uuid::Uuid,
    action: &'static str,
) -> AppResult<()> {
    audit::record(
        &state.db,
        state.clock.now(),
        &audit::NewEvent {
            organisation_id: Some(org),
            actor_user_id: Some(user),
            action,
            subject_type: Some("user"),
            subject_id: Some(user),
            customer_id: None,
            ip: client_ip(req, &state.settings.trusted_proxies),
            detail: json!({}),
        },
    )
    .await?;
    Ok(())
}

pub async fn change(
    req: HttpRequest,
    p: Principal,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<ChangeInput>,
) -> AppResult<HttpResponse> {
    let page = Page::for_user(&session, &p, "account")?;
    let problem = match current_password(&state, &p, &form.current).await? {
        Err(e) => Some(e),
        Ok(()) => password_problem(&page, &form.password, &form.confirm, &p.account.email),
    };
    if let Some(error) = problem {
        return render(
            &ChangePassword {
                page,
                error: Some(error),
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = auth::hash(Secret::new(form.password.clone())).await?;
    let mut tx = state.db.begin().await?;
    people::set_password(&mut tx, p.account.id, &hash).await?;
    // Every session of the user ends; this one continues under a new id.
    people::end_other_sessions(&mut tx, p.account.id, None).await?;
    tx.commit().await?;
    session.renew();
    session.insert(USER_KEY, p.account.id)?;
    record(
        &state,
        &req,
        p.account.org_id,
        p.account.id,
        "password_changed",
    )
    .await?;
    page::flash(&session, p.i18n.t("password-changed"))?;
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
    // The same page follows whether or not the address exists, and the mail
    // is sent after the answer, so the timing says nothing either.
    let account = match Email::parse(&form.email) {
        Some(e) => users::credentials_by_email(&state.db, e.as_str())
            .await?
            .filter(|c| c.active)
            .map(|c| (e, c)),
        None => None,
    };
    // At most a few mails per mailbox and requests per address: past them
    // the same page shows and nothing is sent (no mail bombing, no oracle).
    let now = state.clock.now();
    let policy = state.settings.throttle;
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let address_key = format!("reset-from:{}", ip.as_deref().unwrap_or("unknown"));
    let mut allowed = matches!(
        pass(&state.db, &address_key, &policy.reset_address, now).await?,
        Gate::Open
    );
    // Counted for any address, known or not, so the two cost the same.
    if allowed && let Some(email) = Email::parse(&form.email) {
        let mailbox_key = format!("reset:{email}");
        allowed = matches!(
            pass(&state.db, &mailbox_key, &policy.reset_mail, now).await?,
            Gate::Open
        );
    }
    let (token, hash) = new_token();
    if let Some((email, creds)) = account.filter(|_| allowed) {
        let mut tx = state.db.begin().await?;
        people::insert_token(
            &mut tx,
            now,
            &people::NewToken {
                token_hash: &hash,
                purpose: "reset",
                email: email.as_str(),
                organisation_id: creds.organisation_id,
                roles: &[],
                user_id: Some(creds.id),
                created_by: None,
                expires_at: now + Duration::minutes(RESET_MINUTES),
            },
        )
        .await?;
        tx.commit().await?;
        let link = format!("{}/reset/{}", base_url(&req), token.expose());
        let i18n = crate::web::request_ctx::i18n();
        let mailer = state.mailer.clone();
        let to = email.to_string();
        actix_web::rt::spawn(async move {
            let mail = Mail {
                to: &to,
                subject: i18n.t("mail-reset-subject"),
                body: i18n.t_args(
                    "mail-reset-body",
                    &[("link", &link), ("minutes", &RESET_MINUTES.to_string())],
                ),
            };
            if let Err(e) = mailer.send(&mail).await {
                tracing::error!(error = %e, "sending a reset mail failed");
            }
        });
    }
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
            error: None,
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
    if let Some(error) = password_problem(&page, &form.password, &form.confirm, &t.email) {
        return render(
            &SetPassword {
                heading: page.t("reset-title"),
                email: t.email,
                ask_name: false,
                name: String::new(),
                error: Some(error),
                page,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = auth::hash(Secret::new(form.password.clone())).await?;
    let mut tx = state.db.begin().await?;
    if !people::use_token(&mut tx, t.id, now).await? {
        return Err(AppError::Gone);
    }
    people::set_password(&mut tx, user, &hash).await?;
    people::end_other_sessions(&mut tx, user, None).await?;
    tx.commit().await?;
    record(&state, &req, t.organisation_id, user, "password_reset").await?;
    page::flash(&session, page.t("password-reset-done"))?;
    Ok(see_other("/sign-in"))
}
