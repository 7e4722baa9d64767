//! People: a partner's users and roles, invitations (partner staff,
//! customers' global admins, a new partner's first admin), password change
//! and reset. Mail goes through `crate::mail`.

pub mod account;
pub mod invitation;
pub mod invite;
pub mod two_factor;
pub mod users;

use chrono::Duration;
use uuid::Uuid;

use crate::crypto;
use crate::domain::role::Role;
use crate::error::AppResult;
use crate::mail::Mail;
use crate::store::{Tx, people};
use crate::web::state::AppState;

pub const INVITATION_DAYS: i64 = 7;

/// The portal's configured public address, for links in mail: never the
/// Host or forwarded headers of the request, which the sender chooses.
pub fn base_url(req: &actix_web::HttpRequest) -> String {
    req.app_data::<actix_web::web::Data<AppState>>()
        .map(|s| s.public_url.origin().to_owned())
        .unwrap_or_default()
}

/// Makes an invitation in `tx` and returns the link to mail once committed.
pub async fn make_invitation(
    tx: &mut Tx,
    state: &AppState,
    base: &str,
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
    Ok(format!("{base}/invitation/{}", token.expose()))
}

/// Sends an invitation mail; a failure is logged (without the link) and the
/// invitation can be sent again.
pub async fn send_invitation(
    state: &AppState,
    i18n: &crate::i18n::I18n,
    to: &str,
    org_name: &str,
    link: &str,
) {
    let mail = Mail {
        to,
        subject: i18n.t1("mail-invite-subject", "org", org_name),
        body: i18n.t_args(
            "mail-invite-body",
            &[
                ("org", org_name),
                ("link", link),
                ("days", &INVITATION_DAYS.to_string()),
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
pub async fn send_already_a_user(
    state: &AppState,
    i18n: &crate::i18n::I18n,
    to: &str,
    org_name: &str,
    base: &str,
) {
    let link = format!("{base}/sign-in");
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
