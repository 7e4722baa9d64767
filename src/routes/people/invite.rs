//! Invitations: a partner's global admin invites staff (`/users/invite`), an
//! admin agent invites a customer's global admin (`/customers/{id}/invite`),
//! an operator creates a partner with its first global admin
//! (`/operator/partners/new`). Each makes a one-time link valid 7 days.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde_json::json;
use uuid::Uuid;

use super::users::PARTNER_ROLES;
use crate::app::invitations::{self, Invitee};
use crate::domain::FieldError;
use crate::domain::audit_action::Action;
use crate::domain::email::Email;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::routes::customers::show::CustomerDetails;
use crate::routes::{render, see_other};
use crate::store::{organisations, people};
use crate::web::access::{ManageKeys, ManageUsers, OperatePortal};
use crate::web::audit::On;
use crate::web::ctx::Ctx;
use crate::web::ctx::ScopedCustomer;
use crate::web::form::FormErrors;
use crate::web::page::Page;
use crate::web::state::AppState;

/// The longest partner name.
const ORG_NAME_MAX: usize = 120;

#[derive(Template)]
#[template(path = "people/invite.html")]
struct InviteForm {
    page: Page,
    action: String,
    heading: String,
    /// A new partner's name (operators only).
    ask_org_name: bool,
    org_name: String,
    email: String,
    roles: Vec<(&'static str, String, bool)>,
    errors: FormErrors,
    back: String,
}

impl InviteForm {
    /// Inviting a partner's staff (with roles to choose).
    fn staff(page: Page, email: String, chosen: &[Role], errors: FormErrors) -> InviteForm {
        InviteForm {
            action: "/users/invite".into(),
            heading: page.t("invite-title"),
            ask_org_name: false,
            org_name: String::new(),
            email,
            roles: role_choices(&page, chosen),
            errors,
            back: "/users".into(),
            page,
        }
    }

    /// A new partner and its first global admin (operators).
    fn partner(page: Page, org_name: String, email: String, errors: FormErrors) -> InviteForm {
        InviteForm {
            action: "/operator/partners".into(),
            heading: page.t("partner-new-title"),
            ask_org_name: true,
            org_name,
            email,
            roles: Vec::new(),
            errors,
            back: "/operator/partners".into(),
            page,
        }
    }
}

fn role_choices(page: &Page, chosen: &[Role]) -> Vec<(&'static str, String, bool)> {
    PARTNER_ROLES
        .iter()
        .map(|r| (r.as_str(), page.t(r.message_id()), chosen.contains(r)))
        .collect()
}

/// Where a clash with an existing user may be told plainly.
enum Plainly<'a> {
    /// The inviter's own organisation and the one invited into: theirs to
    /// know, so a duplicate there gets a clear message.
    In(&'a [Uuid]),
    /// Operators see every organisation anyway.
    Everywhere,
}

/// Checks the address: well-formed, and not already a user where the
/// inviter may know it.
async fn check_email(
    state: &AppState,
    raw: &str,
    plainly: Plainly<'_>,
    errors: &mut Vec<FieldError>,
) -> AppResult<Option<Invitee>> {
    let Some(email) = Email::parse(raw) else {
        errors.push(FieldError::new("email", "error-email-invalid"));
        return Ok(None);
    };
    match people::email_owner(&state.db, email.as_str()).await? {
        None => Ok(Some(Invitee::New(email))),
        Some(org) => match plainly {
            Plainly::In(orgs) if !orgs.contains(&org) => Ok(Some(Invitee::Elsewhere(email))),
            _ => {
                errors.push(FieldError::new("email", "error-email-taken"));
                Ok(None)
            }
        },
    }
}

pub async fn staff_form(ctx: Ctx<ManageUsers>) -> AppResult<HttpResponse> {
    let page = ctx.page("users")?;
    render(
        &InviteForm::staff(page, String::new(), &[], FormErrors::default()),
        StatusCode::OK,
    )
}

pub async fn staff(
    ctx: Ctx<ManageUsers>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let get = |k: &str| {
        form.iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let roles: Vec<Role> = form
        .iter()
        .filter(|(k, _)| k == "role")
        .filter_map(|(_, v)| v.parse::<Role>().ok())
        .filter(|r| PARTNER_ROLES.contains(r))
        .collect();
    let mut errors = Vec::new();
    let own = [ctx.account.org_id];
    let invitee = check_email(&ctx.state, &get("email"), Plainly::In(&own), &mut errors).await?;
    if roles.is_empty() {
        errors.push(FieldError::new("role", "error-choose-role"));
    }
    let (Some(invitee), true) = (invitee, errors.is_empty()) else {
        let page = ctx.page("users")?;
        let errors = FormErrors::new(&page.i18n, &errors);
        return render(
            &InviteForm::staff(page, get("email"), &roles, errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let actor = ctx.actor();
    invitations::invite(
        &ctx.state,
        &actor,
        &ctx.i18n,
        &invitee,
        ctx.account.org_id,
        &ctx.account.org_name,
        None,
        &roles,
    )
    .await?;
    let email = invitee.email();
    ctx.flash(ctx.i18n.t1("invite-sent", "email", email.as_str()))?;
    Ok(see_other("/users"))
}

/// An admin agent invites a global admin for one of the partner's customers.
pub async fn customer_admin(
    c: ScopedCustomer<ManageKeys>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let raw = form
        .iter()
        .find(|(k, _)| k == "email")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let mut errors = Vec::new();
    let own = [ctx.account.org_id, customer.id];
    if raw.trim().is_empty() {
        errors.push(FieldError::new("email", "error-required"));
    }
    let invitee = match errors.is_empty() {
        true => check_email(&ctx.state, &raw, Plainly::In(&own), &mut errors).await?,
        false => None,
    };
    // Refused like every other form: the page again, the address kept,
    // the message at the field.
    let Some(invitee) = invitee else {
        let errors =
            FormErrors::new(&ctx.i18n, &errors).labelled(&ctx.i18n, &[("email", "invite-email")]);
        return CustomerDetails::new(&ctx, customer, raw, errors)?.refused();
    };
    let roles = [Role::CustomerGlobalAdmin];
    invitations::invite(
        &ctx.state,
        &ctx.actor(),
        &ctx.i18n,
        &invitee,
        customer.id,
        &customer.name,
        Some(customer.id),
        &roles,
    )
    .await?;
    let email = invitee.email();
    ctx.flash(ctx.i18n.t1("invite-sent", "email", email.as_str()))?;
    Ok(see_other(&format!("/customers/{}", customer.id)))
}

pub async fn partner_form(ctx: Ctx<OperatePortal>) -> AppResult<HttpResponse> {
    let page = ctx.page("partners")?;
    render(
        &InviteForm::partner(page, String::new(), String::new(), FormErrors::default()),
        StatusCode::OK,
    )
}

/// An operator creates a partner and invites its first global admin.
pub async fn partner(
    ctx: Ctx<OperatePortal>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let get = |k: &str| {
        form.iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let name = get("org_name");
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError::new("org_name", "error-required"));
    } else if name.chars().count() > ORG_NAME_MAX {
        errors.push(FieldError::too_long("org_name", ORG_NAME_MAX));
    }
    let email =
        match check_email(&ctx.state, &get("email"), Plainly::Everywhere, &mut errors).await? {
            Some(Invitee::New(email)) => Some(email),
            // Not with Everywhere; refused plainly all the same.
            Some(Invitee::Elsewhere(_)) => {
                errors.push(FieldError::new("email", "error-email-taken"));
                None
            }
            None => None,
        };
    let invited = match (email, errors.is_empty()) {
        (Some(email), true) => {
            let actor = ctx.actor();
            match invitations::invite_partner(&ctx.state, &actor, &ctx.i18n, &name, &email).await? {
                Some(_) => Some(email),
                None => {
                    errors.push(FieldError::new("org_name", "error-partner-taken"));
                    None
                }
            }
        }
        _ => None,
    };
    let Some(email) = invited else {
        let page = ctx.page("partners")?;
        let errors = FormErrors::new(&page.i18n, &errors);
        return render(
            &InviteForm::partner(page, name, get("email"), errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    ctx.flash(ctx.i18n.t1("invite-sent", "email", email.as_str()))?;
    Ok(see_other("/operator/partners"))
}

/// An operator deactivates (or reactivates) a partner: its users can no
/// longer sign in, and their sessions end; nothing is deleted.
pub async fn partner_status(
    ctx: Ctx<OperatePortal>,
    path: web::Path<(Uuid, String)>,
) -> AppResult<HttpResponse> {
    let (org, what) = path.into_inner();
    let active = match what.as_str() {
        "deactivate" => false,
        "reactivate" => true,
        _ => return Err(AppError::NotFound),
    };
    if !organisations::set_partner_active(ctx.db(), ctx.state.clock.now(), org, active).await? {
        return Err(AppError::NotFound);
    }
    let action = if active {
        Action::PartnerReactivated
    } else {
        Action::PartnerDeactivated
    };
    crate::web::audit::record(
        &ctx.state,
        &ctx.req,
        &ctx,
        action,
        On::subject("organisation", org),
        json!({}),
    )
    .await?;
    ctx.flash(ctx.i18n.t(if active {
        "partner-reactivated"
    } else {
        "partner-deactivated"
    }))?;
    Ok(see_other("/operator/partners"))
}
