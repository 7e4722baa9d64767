//! The language switch at the foot of every page (`POST /language`: anyone,
//! signed in or not) and the signed-in user's preferences
//! (`/account/preferences`: language and time zone).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::app::preferences;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::routes::render;
use crate::web::access;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::language;
use crate::web::page::{self, Page};
use crate::web::state::AppState;

#[derive(Deserialize)]
pub struct SwitchInput {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

/// Switches the language: a cookie for the browser, and for a signed-in
/// user their saved preference (which goes with them to other browsers and
/// into their mail). Back to `next` when it is a path of this site.
pub async fn switch(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<SwitchInput>,
) -> AppResult<HttpResponse> {
    let Some(chosen) = I18n::exactly(&form.lang) else {
        return Err(AppError::BadRequest);
    };
    if let Some(p) = access::signed_in_user(&req).await {
        preferences::save_language(&state, p.account.id, &chosen).await?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, language::safe_next(&form.next)))
        .cookie(language::cookie(&chosen.lang(), state.settings.https))
        .finish())
}

/// The time zones offered: the IANA zones of places (not the `Etc/` and
/// old aliases), by name.
fn time_zones() -> Vec<&'static str> {
    const AREAS: [&str; 9] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    let mut zones: Vec<&str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|t| t.name())
        .filter(|n| AREAS.iter().any(|a| n.starts_with(a)))
        .collect();
    zones.sort_unstable();
    zones
}

#[derive(Template)]
#[template(path = "people/preferences.html")]
struct Preferences {
    page: Page,
    errors: FormErrors,
    language: String,
    time_zone: String,
    zones: Vec<&'static str>,
}

impl Preferences {
    fn languages(&self) -> [(&'static str, &'static str); 5] {
        language::choices()
    }
}

pub async fn show(ctx: Ctx) -> AppResult<HttpResponse> {
    let page = ctx.page("account")?;
    render(
        &Preferences {
            page,
            errors: FormErrors::default(),
            language: ctx.account.language.clone().unwrap_or_default(),
            time_zone: ctx.account.time_zone.clone().unwrap_or_default(),
            zones: time_zones(),
        },
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct PreferencesInput {
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
}

pub async fn save(ctx: Ctx, form: web::Form<PreferencesInput>) -> AppResult<HttpResponse> {
    let choice = match preferences::check(&form.language, &form.time_zone) {
        Ok(c) => c,
        Err(errors) => {
            let errors = FormErrors::new(&ctx.i18n, &errors).labelled(
                &ctx.i18n,
                &[
                    ("language", "preferences-language"),
                    ("time_zone", "preferences-time-zone"),
                ],
            );
            let page = ctx.page("account")?;
            return render(
                &Preferences {
                    page,
                    errors,
                    language: form.language.clone(),
                    time_zone: form.time_zone.clone(),
                    zones: time_zones(),
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    preferences::save(&ctx.state, ctx.account.id, &choice).await?;
    // Said in the language just chosen.
    let now_in = choice
        .language
        .and_then(I18n::exactly)
        .unwrap_or_else(crate::request_scope::i18n);
    page::flash(&ctx.session, now_in.t("preferences-saved"))?;
    let mut res = HttpResponse::SeeOther();
    res.insert_header((header::LOCATION, "/account/preferences"));
    if let Some(l) = choice.language {
        res.cookie(language::cookie(l, ctx.state.settings.https));
    }
    Ok(res.finish())
}
