//! `/account/api-tokens`: the signed-in user's personal API tokens: make
//! one (named, optionally expiring; shown once, on the answer to the form),
//! the list with when each was last used, revoke.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use secrecy::ExposeSecret;
use serde::Deserialize;
use uuid::Uuid;

use crate::app::api_tokens;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::api_tokens as store;
use crate::web::confirm::{Confirmation, Confirmed};
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;

pub struct TokenView {
    pub id: Uuid,
    pub name: String,
    pub created: String,
    pub expires: String,
    pub last_used: String,
    /// "Active", "Revoked" or "Expired".
    pub state: String,
    pub live: bool,
}

#[derive(Template)]
#[template(path = "people/api_tokens.html")]
struct Tokens {
    page: Page,
    tokens: Vec<TokenView>,
    errors: FormErrors,
    token_name: String,
    expires_on: String,
    /// The token just made: shown this once.
    made: Option<String>,
}

#[derive(Deserialize)]
pub struct NewToken {
    #[serde(default)]
    name: String,
    #[serde(default)]
    expires_on: String,
}

async fn page(
    ctx: &Ctx,
    errors: FormErrors,
    form: NewToken,
    made: Option<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let now = ctx.state.clock.now();
    let page = ctx.page("account")?;
    let never = page.t("api-tokens-never");
    let tokens = store::of_user(ctx.db(), ctx.account.id)
        .await?
        .into_iter()
        .map(|t| TokenView {
            live: t.is_live(now),
            state: page.t(if t.revoked_at.is_some() {
                "api-tokens-state-revoked"
            } else if t.is_live(now) {
                "api-tokens-state-active"
            } else {
                "api-tokens-state-expired"
            }),
            id: t.id,
            created: page.date_time(&t.created_at),
            expires: t
                .expires_at
                .map(|e| page.date_time(&e))
                .unwrap_or_else(|| never.clone()),
            last_used: t
                .last_used_at
                .map(|e| page.date_time(&e))
                .unwrap_or_else(|| never.clone()),
            name: t.name,
        })
        .collect();
    render(
        &Tokens {
            page,
            tokens,
            errors,
            token_name: form.name,
            expires_on: form.expires_on,
            made,
        },
        status,
    )
}

pub async fn show(ctx: Ctx) -> AppResult<HttpResponse> {
    let blank = NewToken {
        name: String::new(),
        expires_on: String::new(),
    };
    page(&ctx, FormErrors::default(), blank, None, StatusCode::OK).await
}

/// A token expires at the end of the day chosen (UTC).
fn expiry(s: &str) -> Result<Option<DateTime<Utc>>, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| Some(d.and_utc() + Duration::days(1)))
        .ok_or(FieldError::new("expires_on", "error-date"))
}

pub async fn create(ctx: Ctx, form: web::Form<NewToken>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let refuse = |errors: &[FieldError]| FormErrors::new(&ctx.i18n, errors);
    let expires_at = match expiry(&form.expires_on) {
        Ok(e) => e,
        Err(e) => {
            let errors = refuse(&[e]);
            return page(&ctx, errors, form, None, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match api_tokens::create(&ctx.state, &ctx.actor(), &form.name, expires_at).await? {
        Ok(made) => {
            let token = made.token.expose_secret().to_owned();
            let blank = NewToken {
                name: String::new(),
                expires_on: String::new(),
            };
            page(
                &ctx,
                FormErrors::default(),
                blank,
                Some(token),
                StatusCode::OK,
            )
            .await
        }
        Err(errors) => {
            let errors = refuse(&errors);
            page(&ctx, errors, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// Revokes one of the user's tokens once confirmed (see `web::confirm`);
/// until then the answer is the page that asks, naming the token. Another
/// user's token, or one no longer live, is not found.
pub async fn revoke(
    ctx: Ctx,
    id: web::Path<Uuid>,
    confirmed: web::Form<Confirmed>,
) -> AppResult<HttpResponse> {
    if !confirmed.yes() {
        return revoke_confirmation(&ctx, *id).await;
    }
    api_tokens::revoke(&ctx.state, &ctx.actor(), *id).await?;
    ctx.flash(ctx.i18n.t("api-tokens-revoked"))?;
    Ok(see_other("/account/api-tokens"))
}

async fn revoke_confirmation(ctx: &Ctx, id: Uuid) -> AppResult<HttpResponse> {
    let now = ctx.state.clock.now();
    let token = store::of_user(ctx.db(), ctx.account.id)
        .await?
        .into_iter()
        .find(|t| t.id == id && t.is_live(now))
        .ok_or(AppError::NotFound)?;
    let page = ctx.page("account")?;
    let never = page.t("api-tokens-never");
    let facts = vec![
        (page.t("api-tokens-name"), token.name.clone()),
        (
            page.t("api-tokens-created"),
            page.date_time(&token.created_at),
        ),
        (
            page.t("api-tokens-last-used"),
            token
                .last_used_at
                .map(|at| page.date_time(&at))
                .unwrap_or_else(|| never.clone()),
        ),
    ];
    Confirmation {
        title: page.t("api-tokens-revoke-confirm-title"),
        lead: String::new(),
        effects: vec![page.t("api-tokens-revoke-confirm-stops")],
        note: page.t("api-tokens-revoke-confirm-final"),
        facts,
        action: format!("/account/api-tokens/{id}/revoke"),
        fields: Vec::new(),
        confirm_label: page.t("api-tokens-revoke-confirm"),
        back: "/account/api-tokens".to_owned(),
        back_label: page.t("api-tokens-revoke-keep"),
        page,
    }
    .answer()
}
