//! A user's own language and time zone. Not audited: they change what the
//! user sees, never what anyone may do or has done.

use uuid::Uuid;

use crate::app::state::AppState;
use crate::domain::FieldError;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::store::users;

/// Checked choices: a supported language or none (the browser's), an IANA
/// time zone or none (UTC).
pub struct Choice<'a> {
    pub language: Option<&'a str>,
    pub time_zone: Option<&'a str>,
}

/// Checks what a form sent; empty means "none".
pub fn check<'a>(language: &'a str, time_zone: &'a str) -> Result<Choice<'a>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let language = language.trim();
    let time_zone = time_zone.trim();
    if !language.is_empty() && I18n::exactly(language).is_none() {
        errors.push(FieldError::new("language", "preferences-error-language"));
    }
    if !time_zone.is_empty() && time_zone.parse::<chrono_tz::Tz>().is_err() {
        errors.push(FieldError::new("time_zone", "preferences-error-time-zone"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Choice {
        language: (!language.is_empty()).then_some(language),
        time_zone: (!time_zone.is_empty()).then_some(time_zone),
    })
}

/// Saves `user`'s choices.
pub async fn save(state: &AppState, user: Uuid, choice: &Choice<'_>) -> AppResult<()> {
    users::set_preferences(&state.db, user, choice.language, choice.time_zone).await?;
    Ok(())
}

/// Saves the language the switch chose (a supported tag, checked by the
/// caller through `I18n::exactly`).
pub async fn save_language(state: &AppState, user: Uuid, language: &I18n) -> AppResult<()> {
    users::set_language(&state.db, user, &language.lang()).await?;
    Ok(())
}
