//! `/account/2fa`: set up or turn off two-factor sign-in. Both need the
//! current password (re-authentication). Enrolling shows the QR code and the
//! secret, checks one code, and shows ten recovery codes once.
//! `POST /users/require-2fa`: a partner's global admin requires it for all.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::app;
use crate::auth::totp;
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::two_factor;
use crate::web::access::{ManageUsers, Principal};
use crate::web::ctx::Ctx;
use crate::web::page::Page;
use crate::web::state::AppState;
use crate::web::throttle::current_password;

#[derive(Template)]
#[template(path = "people/two_factor.html")]
struct TwoFactorPage {
    page: Page,
    enabled: bool,
    required: bool,
    secret: String,
    qr: String,
    recovery: Vec<String>,
    error: Option<String>,
}

async fn page_for(ctx: &Ctx, error: Option<String>, status: StatusCode) -> AppResult<HttpResponse> {
    let (p, session, state): (&Principal, _, &AppState) = (ctx, &ctx.session, &ctx.state);
    let tf = two_factor::state(&state.db, p.account.id).await?;
    let (mut secret, mut qr) = (String::new(), String::new());
    if !tf.enabled {
        // One pending secret per user, so a reload does not break a scan.
        let raw = match (&tf.ciphertext, &tf.nonce) {
            (Some(c), Some(n)) => {
                let text = state.cipher.decrypt(c, n).map_err(AppError::Internal)?;
                totp::secret_from_text(text.expose_secret())
            }
            _ => {
                let fresh = totp::new_secret();
                let (c, n) = state
                    .cipher
                    .encrypt(&SecretString::from(hex_text(&fresh)))
                    .map_err(AppError::Internal)?;
                two_factor::set_pending(&state.db, p.account.id, &c, &n).await?;
                fresh
            }
        };
        (secret, qr) = totp::enrolment(&raw, &p.account.email).map_err(AppError::Internal)?;
    }
    let page = Page::for_user(session, p, "account")?;
    render(
        &TwoFactorPage {
            page,
            enabled: tf.enabled,
            required: tf.required,
            secret,
            qr,
            recovery: Vec::new(),
            error,
        },
        status,
    )
}

/// The stored secret is the random bytes as text (hex), so it survives the
/// same encryption as product keys.
fn hex_text(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

pub async fn show(ctx: Ctx) -> AppResult<HttpResponse> {
    page_for(&ctx, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct Input {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

pub async fn enable(ctx: Ctx, form: web::Form<Input>) -> AppResult<HttpResponse> {
    if let Err(error) = current_password(&ctx.state, &ctx, &form.password).await? {
        return page_for(&ctx, Some(error), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let tf = two_factor::state(ctx.db(), ctx.account.id).await?;
    let (Some(c), Some(n), false) = (&tf.ciphertext, &tf.nonce, tf.enabled) else {
        return Ok(see_other("/account/2fa"));
    };
    let secret = ctx.state.cipher.decrypt(c, n).map_err(AppError::Internal)?;
    let secret = totp::secret_from_text(secret.expose_secret());
    let Some(step) = totp::check(
        &secret,
        &ctx.account.email,
        &form.code,
        ctx.state.clock.now(),
    ) else {
        return page_for(
            &ctx,
            Some(ctx.i18n.t("code-wrong")),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.actor();
    let recovery = app::two_factor::enable(&ctx.state, &actor, step).await?;
    let page = ctx.page("account")?;
    // The recovery codes are shown this once; only their hashes are kept.
    render(
        &TwoFactorPage {
            page,
            enabled: true,
            required: tf.required,
            secret: String::new(),
            qr: String::new(),
            recovery,
            error: None,
        },
        StatusCode::OK,
    )
}

pub async fn disable(ctx: Ctx, form: web::Form<Input>) -> AppResult<HttpResponse> {
    if two_factor::required(ctx.db(), ctx.account.org_id).await? {
        return page_for(
            &ctx,
            Some(ctx.i18n.t("two-factor-required-cannot-disable")),
            StatusCode::CONFLICT,
        )
        .await;
    }
    if let Err(error) = current_password(&ctx.state, &ctx, &form.password).await? {
        return page_for(&ctx, Some(error), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let actor = ctx.actor();
    app::two_factor::disable(&ctx.state, &actor).await?;
    ctx.flash(ctx.i18n.t("two-factor-disabled"))?;
    Ok(see_other("/account/2fa"))
}

#[derive(Deserialize)]
pub struct RequireInput {
    #[serde(default)]
    required: String,
}

pub async fn require(
    ctx: Ctx<ManageUsers>,
    form: web::Form<RequireInput>,
) -> AppResult<HttpResponse> {
    let on = form.required == "on";
    let actor = ctx.actor();
    app::two_factor::require(&ctx.state, &actor, on, ctx.account.org_id).await?;
    ctx.flash(ctx.i18n.t(if on {
        "two-factor-now-required"
    } else {
        "two-factor-now-optional"
    }))?;
    Ok(see_other("/users"))
}
