//! Invitations: partner staff, a customer's global admin, a new partner's
//! first global admin; and accepting one.

use chrono::Duration;
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;
use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::auth;
use crate::crypto;
use crate::domain::audit_action::Action;
use crate::domain::email::Email;
use crate::domain::role::{OrgKind, Role};
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::mail::Mail;
use crate::store::{StoreError, Tx, audit, organisations, people, users};

/// Who is invited.
pub enum Invitee {
    /// No user has the address: it gets an invitation link.
    New(Email),
    /// A user in an organisation the inviter may not see has it. The inviter
    /// is answered exactly as for a new address (same status, page and
    /// flash, same audit event), so an invitation cannot probe other tenants
    /// for addresses; the address gets a note instead of a link.
    Elsewhere(Email),
}

impl Invitee {
    pub fn email(&self) -> &Email {
        match self {
            Invitee::New(e) | Invitee::Elsewhere(e) => e,
        }
    }
}

fn invited(
    actor: &Actor,
    org: Uuid,
    customer: Option<Uuid>,
    email: &str,
    roles: &[Role],
) -> audit::NewEvent {
    let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    actor.event(
        Action::UserInvited,
        On {
            subject: Some(("organisation", org)),
            customer,
        },
        json!({ "email": email, "roles": names }),
    )
}

/// Invites `invitee` into `org` with `roles`: the invitation and its audit
/// event in one transaction, the mail after it (or, to an address that
/// already has an account elsewhere, the note instead, audited the same).
#[allow(clippy::too_many_arguments)]
pub async fn invite(
    state: &AppState,
    actor: &Actor,
    i18n: &I18n,
    invitee: &Invitee,
    org: Uuid,
    org_name: &str,
    customer: Option<Uuid>,
    roles: &[Role],
) -> AppResult<()> {
    let now = state.clock.now();
    let email = invitee.email().as_str();
    let mut tx = state.db.begin().await?;
    let link = match invitee {
        Invitee::New(_) => {
            Some(make_invitation(&mut tx, state, email, org, roles, Some(actor.user_id)).await?)
        }
        Invitee::Elsewhere(_) => None,
    };
    audit::record(&mut tx, now, &invited(actor, org, customer, email, roles)).await?;
    tx.commit().await?;
    match link {
        Some(link) => send_invitation(state, i18n, email, org_name, &link).await,
        None => send_already_a_user(state, i18n, email, org_name).await,
    }
    Ok(())
}

/// An operator creates partner `name` and invites its first global admin.
/// `Ok(None)`: a partner has that name already.
pub async fn invite_partner(
    state: &AppState,
    actor: &Actor,
    i18n: &I18n,
    name: &str,
    email: &Email,
) -> AppResult<Option<Uuid>> {
    let now = state.clock.now();
    let roles = [Role::PartnerGlobalAdmin];
    let mut tx = state.db.begin().await?;
    let org = match organisations::insert_org(&mut tx, now, OrgKind::Partner, name).await {
        Ok(org) => org,
        Err(StoreError::Duplicate(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let link = make_invitation(
        &mut tx,
        state,
        email.as_str(),
        org,
        &roles,
        Some(actor.user_id),
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        &invited(actor, org, None, email.as_str(), &roles),
    )
    .await?;
    tx.commit().await?;
    send_invitation(state, i18n, email.as_str(), name, &link).await;
    Ok(Some(org))
}

/// Accepts invitation `token` (found valid by the caller): the new user,
/// the token used up and the audit event in one transaction. A token used
/// meanwhile, or an address taken meanwhile, is `Gone`.
pub async fn accept(
    state: &AppState,
    token: &people::TokenRow,
    name: &str,
    password: SecretString,
    ip: Option<String>,
) -> AppResult<Uuid> {
    let hash = auth::hash(password).await?;
    let roles: Vec<Role> = token
        .roles
        .split(',')
        .filter_map(|r| r.parse().ok())
        .collect();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !people::use_token(&mut tx, token.id, now).await? {
        return Err(AppError::Gone);
    }
    let user = users::insert(
        &mut tx,
        now,
        &users::NewUser {
            organisation_id: token.organisation_id,
            email: &token.email,
            display_name: name,
            phone: None,
            password_hash: &hash,
            roles: &roles,
        },
    )
    .await;
    let user = match user {
        Ok(u) => u,
        Err(StoreError::Duplicate(_)) => return Err(AppError::Gone),
        Err(e) => return Err(e.into()),
    };
    let actor = Actor {
        token: None,
        user_id: user,
        org_id: token.organisation_id,
        ip,
    };
    audit::record(
        &mut tx,
        now,
        &actor.event(
            Action::InvitationAccepted,
            On::subject("user", user),
            json!({ "email": token.email }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

pub const INVITATION_DAYS: i64 = 7;

/// Makes an invitation in `tx` and returns the link to mail once committed.
async fn make_invitation(
    tx: &mut Tx,
    state: &AppState,
    email: &str,
    org: Uuid,
    roles: &[Role],
    by: Option<Uuid>,
) -> AppResult<String> {
    let (token, hash) = crypto::new_token();
    let now = state.clock.now();
    people::insert_token(
        tx,
        now,
        &people::NewToken {
            token_hash: &hash,
            purpose: "invite",
            email,
            organisation_id: org,
            roles,
            user_id: None,
            created_by: by,
            expires_at: now + Duration::days(INVITATION_DAYS),
        },
    )
    .await?;
    Ok(state
        .public_url
        .join(&format!("/invitation/{}", token.expose_secret())))
}

/// Sends an invitation mail; a failure is logged (without the link) and the
/// invitation can be sent again.
async fn send_invitation(
    state: &AppState,
    i18n: &crate::i18n::I18n,
    to: &str,
    org_name: &str,
    link: &str,
) {
    let mail = Mail {
        to,
        subject: i18n.t1("mail-invite-subject", "org", org_name),
        body: i18n.t_with(
            "mail-invite-body",
            &[
                ("org", org_name.into()),
                ("link", link.into()),
                ("days", INVITATION_DAYS.into()),
            ],
        ),
    };
    if let Err(e) = state.mailer.send(&mail).await {
        tracing::error!(error = %e, "sending an invitation failed");
    }
}

/// To an address that already has an account, instead of an invitation: a
/// note that someone tried to invite it and how to sign in. The inviter is
/// answered as for a new address, so an invitation cannot tell whether an
/// address is in use in another organisation. A failure is logged.
async fn send_already_a_user(state: &AppState, i18n: &crate::i18n::I18n, to: &str, org_name: &str) {
    // They have an account: their own language, if they chose one.
    let i18n = match crate::store::users::preferences_by_email(&state.db, to).await {
        Ok(Some((language, time_zone))) => {
            I18n::for_recipient(language.as_deref(), time_zone.as_deref(), i18n.clone())
        }
        _ => i18n.clone(),
    };
    let link = state.public_url.join("/sign-in");
    let mail = Mail {
        to,
        subject: i18n.t1("mail-invite-existing-subject", "org", org_name),
        body: i18n.t_args(
            "mail-invite-existing-body",
            &[("org", org_name), ("link", &link)],
        ),
    };
    if let Err(e) = state.mailer.send(&mail).await {
        tracing::error!(error = %e, "sending an already-a-user note failed");
    }
}
