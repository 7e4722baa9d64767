//! `POST /sign-in`: check the password, throttle guessing, start a new session.
//!
//! Failures are counted per account and per client address in the store (so
//! every instance sees them); past the limit, sign-in is refused without even
//! checking the password until the window closes.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::form::SignInForm;
use crate::auth;
use crate::config::Secret;
use crate::domain::email::Email;
use crate::error::AppResult;
use crate::routes::{client_ip, render, see_other};
use crate::store::sessions::{self, USER_KEY};
use crate::store::{audit, throttle, two_factor, users};
use crate::web::csrf;
use crate::web::page::Page;
use crate::web::state::AppState;

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
    let password = Secret::new(password);
    let next = super::safe_next(Some(&next));
    let now = state.clock.now();
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let typed = email.trim().to_owned();
    let normalised = Email::parse(&email)
        .map(|e| e.to_string())
        .unwrap_or_else(|| typed.to_lowercase());

    let again = |message_id: &str, status: StatusCode| -> AppResult<HttpResponse> {
        let page = Page::anonymous(&session)?;
        let error = Some(page.t(message_id));
        render(
            &SignInForm {
                page,
                email: typed.clone(),
                next: next.clone().unwrap_or_default(),
                error,
                notice: None,
            },
            status,
        )
    };
    if typed.is_empty() || password.expose().is_empty() {
        return again("sign-in-missing", StatusCode::UNPROCESSABLE_ENTITY);
    }

    let policy = state.settings.throttle;
    let account_key = format!("account:{normalised}");
    let address_key = format!("address:{}", ip.as_deref().unwrap_or("unknown"));
    let throttled = throttle::failures(&state.db, &account_key, now, policy.window).await?
        >= policy.per_account
        || throttle::failures(&state.db, &address_key, now, policy.window).await?
            >= policy.per_address;
    let creds = users::credentials_by_email(&state.db, &normalised).await?;
    let failure = |reason: &'static str| audit::NewEvent {
        organisation_id: creds.as_ref().map(|c| c.organisation_id),
        actor_user_id: creds.as_ref().map(|c| c.id),
        action: "sign_in_failed",
        ip: ip.clone(),
        detail: json!({ "email": normalised, "reason": reason }),
        ..Default::default()
    };
    if throttled {
        audit::record_alone(&state.db, now, &failure("throttled")).await?;
        return again("sign-in-throttled", StatusCode::TOO_MANY_REQUESTS);
    }

    let ok = auth::verify(creds.as_ref().map(|c| c.password_hash.clone()), password).await?;
    let active = creds.as_ref().is_some_and(|c| c.active);
    let (Some(creds), true, true) = (creds.as_ref(), ok, active) else {
        throttle::add_failure(&state.db, &account_key, now, policy.window).await?;
        throttle::add_failure(&state.db, &address_key, now, policy.window).await?;
        let reason = if ok { "deactivated" } else { "bad_credentials" };
        audit::record_alone(&state.db, now, &failure(reason)).await?;
        return again("sign-in-failed", StatusCode::UNAUTHORIZED);
    };

    throttle::clear(&state.db, &account_key).await?;
    sessions::purge_expired(&state.db, now).await?;
    if two_factor::state(&state.db, creds.id).await?.enabled {
        // The password was right; the code comes next, in a fresh session.
        session.renew();
        session.insert(super::second_factor::PENDING_KEY, creds.id)?;
        session.insert(
            super::second_factor::NEXT_KEY,
            next.clone().unwrap_or_default(),
        )?;
        csrf::rotate(&session)?;
        return Ok(see_other("/sign-in/code"));
    }
    // A new session id at sign-in, so a session fixed before cannot be used.
    session.renew();
    session.insert(USER_KEY, creds.id)?;
    csrf::rotate(&session)?;
    audit::record_alone(
        &state.db,
        now,
        &audit::NewEvent {
            organisation_id: Some(creds.organisation_id),
            actor_user_id: Some(creds.id),
            action: "sign_in",
            ip,
            ..Default::default()
        },
    )
    .await?;
    Ok(see_other(next.as_deref().unwrap_or("/")))
}
