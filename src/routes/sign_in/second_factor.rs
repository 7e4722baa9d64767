//! `GET/POST /sign-in/code`: after the password, the one-time code from the
//! authenticator app (each code works once) or a recovery code. Codes are
//! counted per user with growing delays, as passwords are.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::totp;
use crate::error::AppResult;
use crate::routes::{client_ip, render, see_other};
use crate::store::sessions::USER_KEY;
use crate::store::{audit, throttle, two_factor, users};
use crate::web::page::Page;
use crate::web::state::AppState;
use crate::web::throttle::{Gate, pass, wait_words};
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
    let now = state.clock.now();
    let ip = client_ip(&req, &state.settings.trusted_proxies);
    let Some(account) = users::active_account(&state.db, user).await? else {
        session.purge();
        return Ok(see_other("/sign-in"));
    };
    let policy = state.settings.throttle;
    let key = format!("code:{user}");
    let page = Page::anonymous(&session)?;
    if let Gate::Wait(until) = pass(&state.db, &key, &policy.user, now).await? {
        let error = Some(page.i18n.t1(
            "code-throttled",
            "wait",
            &wait_words(&page.i18n, now, until),
        ));
        return render(&CodeForm { page, error }, StatusCode::TOO_MANY_REQUESTS);
    }
    let tf = two_factor::state(&state.db, user).await?;
    let secret = match (&tf.ciphertext, &tf.nonce) {
        (Some(c), Some(n)) => Some(
            state
                .cipher
                .decrypt(c, n)
                .map_err(crate::error::AppError::Internal)?,
        ),
        _ => None,
    };
    let by_code = match &secret {
        Some(s) => match totp::check(
            &totp::secret_from_text(s.expose()),
            &account.email,
            &form.code,
            now,
        ) {
            Some(step) => two_factor::accept_step(&state.db, user, step).await?,
            None => false,
        },
        None => false,
    };
    let by_recovery = !by_code
        && form.code.trim().len() >= 8
        && two_factor::use_recovery_code(&state.db, now, user, &totp::recovery_hash(&form.code))
            .await?;
    if !(by_code || by_recovery) {
        audit::record(
            &state.db,
            now,
            &audit::NewEvent {
                organisation_id: Some(account.org_id),
                actor_user_id: Some(user),
                action: "sign_in_failed",
                ip,
                detail: json!({ "email": account.email, "reason": "second_factor" }),
                ..Default::default()
            },
        )
        .await?;
        let error = Some(page.t("code-wrong"));
        return render(&CodeForm { page, error }, StatusCode::UNAUTHORIZED);
    }
    throttle::clear(&state.db, &key).await?;
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
    audit::record(
        &state.db,
        now,
        &audit::NewEvent {
            organisation_id: Some(account.org_id),
            actor_user_id: Some(user),
            action: "sign_in",
            ip,
            detail: json!({ "second_factor": if by_code { "totp" } else { "recovery_code" } }),
            ..Default::default()
        },
    )
    .await?;
    let mut res = see_other(next.as_deref().unwrap_or("/"));
    let https = state.settings.https;
    if device::read(&req, &state.site_keys, https).is_none_or(|d| d.user_id != user) {
        device::remember(&mut res, &state.site_keys, https, user)?;
    }
    Ok(res)
}
