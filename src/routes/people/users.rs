//! `GET /users` and the changes a partner's global admin makes: roles,
//! deactivate (once confirmed; ends the user's sessions at once), reactivate. A partner
//! always keeps at least one active global admin.

use actix_web::{HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::app;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::store::people::{self, Change, UserRow};
use crate::web::access::ManageUsers;
use crate::web::confirm::{Confirmation, Confirmed};
use crate::web::ctx::Ctx;
use crate::web::page::Page;

pub const PARTNER_ROLES: [Role; 4] = [
    Role::AdminAgent,
    Role::SalesAgent,
    Role::HelpdeskAgent,
    Role::PartnerGlobalAdmin,
];

pub struct UserView {
    pub row: UserRow,
    pub roles: Vec<(&'static str, String, bool)>,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "people/users.html")]
struct Users {
    page: Page,
    users: Vec<UserView>,
    require_2fa: bool,
}

pub async fn list(ctx: Ctx<ManageUsers>) -> AppResult<HttpResponse> {
    let rows = people::users_of(ctx.db(), ctx.account.org_id).await?;
    let page = ctx.page("users")?;
    let users = rows
        .into_iter()
        .map(|row| {
            let roles = PARTNER_ROLES
                .iter()
                .map(|r| {
                    (
                        r.as_str(),
                        page.t(r.message_id()),
                        row.roles.split(',').any(|x| x == r.as_str()),
                    )
                })
                .collect();
            UserView {
                is_me: row.id == ctx.account.id,
                row,
                roles,
            }
        })
        .collect();
    let require_2fa = crate::store::two_factor::required(ctx.db(), ctx.account.org_id).await?;
    crate::routes::ok(&Users {
        page,
        users,
        require_2fa,
    })
}

pub async fn set_roles(
    ctx: Ctx<ManageUsers>,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let user = people::user_of(ctx.db(), ctx.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let roles: Vec<Role> = form
        .iter()
        .filter(|(k, _)| k == "role")
        .filter_map(|(_, v)| v.parse::<Role>().ok())
        .filter(|r| PARTNER_ROLES.contains(r))
        .collect();
    if roles.is_empty() {
        ctx.flash(ctx.i18n.t("users-error-no-role"))?;
        return Ok(see_other("/users"));
    }
    let actor = ctx.actor();
    match app::users::set_roles(&ctx.state, &actor, &user, &roles).await? {
        Change::LastGlobalAdmin => ctx.flash(ctx.i18n.t("users-error-last-admin"))?,
        Change::Done => {
            ctx.flash(ctx.i18n.t1("users-roles-saved", "user", &user.email))?;
        }
    }
    Ok(see_other("/users"))
}

/// Deactivates a user once confirmed (`web::confirm`); until then the
/// answer is the page that asks, saying what deactivating does.
pub async fn deactivate(
    ctx: Ctx<ManageUsers>,
    id: web::Path<Uuid>,
    form: web::Form<Confirmed>,
) -> AppResult<HttpResponse> {
    let user = people::user_of(ctx.db(), ctx.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !form.yes() && user.active {
        return deactivate_confirmation(&ctx, &user);
    }
    let actor = ctx.actor();
    match app::users::deactivate(&ctx.state, &actor, &user).await? {
        Change::LastGlobalAdmin => ctx.flash(ctx.i18n.t("users-error-last-admin"))?,
        Change::Done => {
            ctx.flash(ctx.i18n.t1("users-deactivated", "user", &user.email))?;
        }
    }
    Ok(see_other("/users"))
}

fn deactivate_confirmation(ctx: &Ctx<ManageUsers>, user: &UserRow) -> AppResult<HttpResponse> {
    let page = ctx.page("users")?;
    let roles = role_names(&page, &user.roles);
    let name = user.display_name.as_str();
    Confirmation {
        title: page.t1("users-deactivate-confirm-title", "name", name),
        facts: vec![
            (page.t("users-name"), user.display_name.clone()),
            (page.t("field-email"), user.email.clone()),
            (page.t("users-roles"), roles),
        ],
        lead: String::new(),
        effects: vec![
            page.t1("users-deactivate-confirm-signed-out", "name", name),
            page.t("users-deactivate-confirm-kept"),
        ],
        note: String::new(),
        action: format!("/users/{}/deactivate", user.id),
        fields: Vec::new(),
        confirm_label: page.t("users-deactivate-confirm"),
        back: "/users".into(),
        back_label: page.t1("users-deactivate-keep", "name", name),
        page,
    }
    .answer()
}

/// A user's roles (stored comma-separated) in words.
fn role_names(page: &Page, roles: &str) -> String {
    roles
        .split(',')
        .filter_map(|r| r.parse::<Role>().ok())
        .map(|r| page.t(r.message_id()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn reactivate(ctx: Ctx<ManageUsers>, id: web::Path<Uuid>) -> AppResult<HttpResponse> {
    let user = people::user_of(ctx.db(), ctx.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = ctx.actor();
    app::users::reactivate(&ctx.state, &actor, &user).await?;
    ctx.flash(ctx.i18n.t1("users-reactivated", "user", &user.email))?;
    Ok(see_other("/users"))
}
