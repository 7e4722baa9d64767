//! `GET /users` and the changes a partner's global admin makes: roles,
//! deactivate (ends the user's sessions at once), reactivate. A partner
//! always keeps at least one active global admin.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use uuid::Uuid;

use crate::app;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::store::people::{self, Change, UserRow};
use crate::web::access::{Allowed, ManageUsers};
use crate::web::page::{self, Page};
use crate::web::state::AppState;

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

pub async fn list(
    p: Allowed<ManageUsers>,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let rows = people::users_of(&state.db, p.account.org_id).await?;
    let page = Page::for_user(&session, &p, "users")?;
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
                is_me: row.id == p.account.id,
                row,
                roles,
            }
        })
        .collect();
    let require_2fa = crate::store::two_factor::required(&state.db, p.account.org_id).await?;
    crate::routes::ok(&Users {
        page,
        users,
        require_2fa,
    })
}

pub async fn set_roles(
    req: HttpRequest,
    p: Allowed<ManageUsers>,
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let user = people::user_of(&state.db, p.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let roles: Vec<Role> = form
        .iter()
        .filter(|(k, _)| k == "role")
        .filter_map(|(_, v)| v.parse::<Role>().ok())
        .filter(|r| PARTNER_ROLES.contains(r))
        .collect();
    if roles.is_empty() {
        page::flash(&session, p.i18n.t("users-error-no-role"))?;
        return Ok(see_other("/users"));
    }
    let actor = crate::web::audit::actor(&state, &req, &p);
    match app::users::set_roles(&state, &actor, &user, &roles).await? {
        Change::LastGlobalAdmin => page::flash(&session, p.i18n.t("users-error-last-admin"))?,
        Change::Done => {
            page::flash(
                &session,
                p.i18n.t1("users-roles-saved", "user", &user.email),
            )?;
        }
    }
    Ok(see_other("/users"))
}

pub async fn deactivate(
    req: HttpRequest,
    p: Allowed<ManageUsers>,
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let user = people::user_of(&state.db, p.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    match app::users::deactivate(&state, &actor, &user).await? {
        Change::LastGlobalAdmin => page::flash(&session, p.i18n.t("users-error-last-admin"))?,
        Change::Done => {
            page::flash(
                &session,
                p.i18n.t1("users-deactivated", "user", &user.email),
            )?;
        }
    }
    Ok(see_other("/users"))
}

pub async fn reactivate(
    req: HttpRequest,
    p: Allowed<ManageUsers>,
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> AppResult<HttpResponse> {
    let user = people::user_of(&state.db, p.account.org_id, *id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    app::users::reactivate(&state, &actor, &user).await?;
    page::flash(
        &session,
        p.i18n.t1("users-reactivated", "user", &user.email),
    )?;
    Ok(see_other("/users"))
}
