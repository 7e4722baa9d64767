//! `POST /sign-in`: check the password, slow guessing down, start a new
//! session.
//!
//! Attempts are counted before the password is checked (see
//! `store::throttle`): per account and per client address, or, from a
//! device that signed in to the account before, per device instead, so
//! that nobody can lock the owner out. Past a few free attempts each next
//! one waits longer; the form says how long.

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
use crate::store::sessions::USER_KEY;
use crate::store::{audit, throttle, two_factor, users};
use crate::web::page::{self, Page};
use crate::web::state::AppState;
use crate::web::throttle::{Gate, pass, wait_words};
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
    let password = Secret::new(password);
    let next = super::safe_next(Some(&next));
    let now = state.clock.now();
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let typed = email.trim().to_owned();
    let normalised = Email::parse(&email)
        .map(|e| e.to_string())
        .unwrap_or_else(|| typed.to_lowercase());

    let again = |message: String, status: StatusCode| -> AppResult<HttpResponse> {
        let page = Page::anonymous(&session)?;
        render(
            &SignInForm {
                page,
                email: typed.clone(),
                next: next.clone().unwrap_or_default(),
                error: Some(message),
                notice: None,
            },
            status,
        )
    };
    let i18n = crate::web::request_ctx::i18n();
    if typed.is_empty() || password.expose().is_empty() {
        return again(i18n.t("sign-in-missing"), StatusCode::UNPROCESSABLE_ENTITY);
    }

    let creds = users::credentials_by_email(&state.db, &normalised).await?;
    let known_device = device::read(&req, &state.site_keys, state.settings.https)
        .filter(|d| creds.as_ref().is_some_and(|c| c.id == d.user_id));
    let policy = state.settings.throttle;
    let account_key = format!("account:{normalised}");
    let address_key = format!("address:{}", ip.as_deref().unwrap_or("unknown"));
    let device_key = known_device.as_ref().map(|d| format!("device:{}", d.nonce));
    let gate = match &device_key {
        Some(k) => pass(&state.db, k, &policy.device, now).await?,
        None => match pass(&state.db, &account_key, &policy.account, now).await? {
            Gate::Open => {
                let by_address = pass(&state.db, &address_key, &policy.address, now).await?;
                if matches!(by_address, Gate::Wait(_)) {
                    // No password was checked: that attempt does not count.
                    throttle::forgive_one(&state.db, &account_key, &policy.account, now).await?;
                }
                by_address
            }
            wait => wait,
        },
    };
    let failure = |reason: &'static str| audit::NewEvent {
        organisation_id: creds.as_ref().map(|c| c.organisation_id),
        actor_user_id: creds.as_ref().map(|c| c.id),
        action: "sign_in_failed",
        ip: ip.clone(),
        detail: json!({ "email": normalised, "reason": reason }),
        ..Default::default()
    };
    if let Gate::Wait(until) = gate {
        audit::record(&state.db, now, &failure("throttled")).await?;
        let wait = wait_words(&i18n, now, until);
        let mut res = again(
            i18n.t1("sign-in-throttled", "wait", &wait),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        let secs = (until - now).num_seconds().max(1);
        if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&secs.to_string()) {
            res.headers_mut()
                .insert(actix_web::http::header::RETRY_AFTER, v);
        }
        return Ok(res);
    }

    let ok = auth::verify(creds.as_ref().map(|c| c.password_hash.clone()), password).await?;
    let active = creds.as_ref().is_some_and(|c| c.active);
    let (Some(creds), true, true) = (creds.as_ref(), ok, active) else {
        let reason = if ok { "deactivated" } else { "bad_credentials" };
        audit::record(&state.db, now, &failure(reason)).await?;
        return again(i18n.t("sign-in-failed"), StatusCode::UNAUTHORIZED);
    };

    // What others tried on the account since its last sign-in, to tell the
    // owner; the current attempt was counted there too unless from a device.
    let tried =
        throttle::attempts(&state.db, &account_key).await? - i64::from(device_key.is_none());
    match &device_key {
        Some(k) => throttle::clear(&state.db, k).await?,
        None => {
            throttle::clear(&state.db, &account_key).await?;
            throttle::forgive_one(&state.db, &address_key, &policy.address, now).await?;
        }
    }
    let notice =
        (tried > 0).then(|| i18n.t1("sign-in-failures-notice", "count", &tried.to_string()));
    if two_factor::state(&state.db, creds.id).await?.enabled {
        // The password was right; the code comes next, in a fresh session.
        session.renew();
        if let Some(n) = notice {
            page::flash(&session, n)?;
        }
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
    if let Some(n) = notice {
        page::flash(&session, n)?;
    }
    audit::record(
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
    let mut res = see_other(next.as_deref().unwrap_or("/"));
    if known_device.is_none() {
        device::remember(&mut res, &state.site_keys, state.settings.https, creds.id)?;
    }
    Ok(res)
}
