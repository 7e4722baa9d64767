//! Passwords: changing one's own, asking for a reset link, using it.

use chrono::Duration;
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::app::throttle::{Gate, pass};
use crate::auth;
use crate::crypto::new_token;
use crate::domain::audit_action::Action;
use crate::domain::email::Email;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::mail::Mail;
use crate::store::{audit, people, users};

pub enum Current {
    Right,
    Wrong,
    /// Too many wrong ones: the next check may be made at this time.
    Wait(chrono::DateTime<chrono::Utc>),
}

/// Checks a signed-in user's current password (before a password change,
/// turning two-factor on or off), counted per user like sign-ins.
pub async fn check_current(
    state: &AppState,
    user: Uuid,
    email: &str,
    password: SecretString,
) -> AppResult<Current> {
    let now = state.clock.now();
    let key = format!("reauth:{user}");
    let rule = state.settings.throttle.user;
    if let Gate::Wait(until) = pass(&state.db, &key, &rule, now).await? {
        return Ok(Current::Wait(until));
    }
    let hash = users::credentials_by_email(&state.db, email)
        .await?
        .map(|c| c.password_hash);
    if !auth::verify(hash, password).await? {
        return Ok(Current::Wrong);
    }
    crate::store::throttle::clear(&state.db, &key).await?;
    Ok(Current::Right)
}

/// How long a reset link works.
pub const RESET_MINUTES: i64 = 60;

fn event(actor: &Actor, action: Action) -> audit::NewEvent {
    actor.event(
        action,
        On::subject("user", actor.user_id),
        serde_json::json!({}),
    )
}

/// Sets the actor's new password (already checked against the rules and
/// the current one) and ends every session of theirs; the caller renews
/// its own.
pub async fn change(state: &AppState, actor: &Actor, password: SecretString) -> AppResult<()> {
    let hash = auth::hash(password).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    people::set_password(&mut tx, actor.user_id, &hash).await?;
    people::end_other_sessions(&mut tx, actor.user_id, None).await?;
    audit::record(&mut tx, now, &event(actor, Action::PasswordChanged)).await?;
    tx.commit().await?;
    Ok(())
}

/// Mails a reset link to `typed` if it names an active account and the
/// throttles allow; says nothing either way (the caller shows one page).
/// The mail goes out after the answer, so timing says nothing either.
pub async fn request_reset(
    state: &AppState,
    typed: &str,
    ip: Option<&str>,
    i18n: I18n,
) -> AppResult<()> {
    let now = state.clock.now();
    let policy = state.settings.throttle;
    // At most a few mails per mailbox and requests per address; counted
    // for any address, known or not, so the two cost the same.
    let address_key = format!("reset-from:{}", ip.unwrap_or("unknown"));
    if let Gate::Wait(_) = pass(&state.db, &address_key, &policy.reset_address, now).await? {
        return Ok(());
    }
    let Some(email) = Email::parse(typed) else {
        return Ok(());
    };
    let mailbox_key = format!("reset:{email}");
    if let Gate::Wait(_) = pass(&state.db, &mailbox_key, &policy.reset_mail, now).await? {
        return Ok(());
    }
    let Some(creds) = users::credentials_by_email(&state.db, email.as_str())
        .await?
        .filter(|c| c.active)
    else {
        return Ok(());
    };
    // In the account holder's language, else the asking page's.
    let i18n = match users::preferences_by_email(&state.db, email.as_str()).await? {
        Some((language, time_zone)) => {
            I18n::for_recipient(language.as_deref(), time_zone.as_deref(), i18n)
        }
        None => i18n,
    };
    let (token, hash) = new_token();
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
    let link = state
        .public_url
        .join(&format!("/reset/{}", token.expose_secret()));
    let mailer = state.mailer.clone();
    let to = email.to_string();
    // Sent apart from the answer, yet logged as part of this request.
    let span = tracing::Span::current();
    actix_web::rt::spawn(tracing::Instrument::instrument(
        async move {
            let mail = Mail {
                to: &to,
                subject: i18n.t("mail-reset-subject"),
                body: i18n.t_with(
                    "mail-reset-body",
                    &[("link", (&link).into()), ("minutes", RESET_MINUTES.into())],
                ),
            };
            if let Err(e) = mailer.send(&mail).await {
                tracing::error!(error = %e, "sending a reset mail failed");
            }
        },
        span,
    ));
    Ok(())
}

/// Uses reset token `token_id` (found valid by the caller) to set `user`'s
/// password; a token used meanwhile is `Gone`.
pub async fn reset(
    state: &AppState,
    token_id: Uuid,
    user: Uuid,
    org: Uuid,
    ip: Option<String>,
    password: SecretString,
) -> AppResult<()> {
    let hash = auth::hash(password).await?;
    let now = state.clock.now();
    let actor = Actor {
        token: None,
        user_id: user,
        org_id: org,
        ip,
    };
    let mut tx = state.db.begin().await?;
    if !people::use_token(&mut tx, token_id, now).await? {
        return Err(AppError::Gone);
    }
    people::set_password(&mut tx, user, &hash).await?;
    people::end_other_sessions(&mut tx, user, None).await?;
    audit::record(&mut tx, now, &event(&actor, Action::PasswordReset)).await?;
    tx.commit().await?;
    Ok(())
}
