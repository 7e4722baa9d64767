//! Users, their roles, and what sign-in needs to know about them.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreError, StoreResult, execute, fetch_all, fetch_one, fetch_optional};
use crate::domain::role::{OrgKind, Role};

/// What password checking needs; the hash never leaves the auth module.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub password_hash: String,
    pub active: bool,
}

pub async fn credentials_by_email<'c>(
    c: impl Into<Conn<'c>>,
    email: &str,
) -> StoreResult<Option<Credentials>> {
    fetch_optional!(
        c,
        sqlx::query_as::<_, Credentials>(
            "SELECT u.id, u.organisation_id, u.password_hash, \
                (u.deactivated_at IS NULL AND o.deactivated_at IS NULL) AS active \
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = $1"
        )
        .bind(email)
    )
}

/// A signed-in user with their organisation and roles.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub phone: Option<String>,
    /// The language chosen (a supported tag), `None`: the browser's.
    pub language: Option<String>,
    /// The time zone chosen (an IANA name), `None`: UTC.
    pub time_zone: Option<String>,
    pub org_id: Uuid,
    pub org_kind: OrgKind,
    pub org_name: String,
    /// For a customer's users: the partner that owns the customer.
    pub partner_id: Option<Uuid>,
    pub roles: Vec<Role>,
    /// The organisation requires a second factor and this user has none yet.
    pub must_enrol: bool,
}

super::by_position::by_position! {
    /// One row per role (one with `role` NULL for a user without any). Every
    /// column is NULL where the sessions' join (`store::sessions`) finds no
    /// active account.
    pub(super) struct AccountRow {
        id: Option<Uuid>,
        email: Option<String>,
        display_name: Option<String>,
        phone: Option<String>,
        language: Option<String>,
        time_zone: Option<String>,
        org_id: Option<Uuid>,
        org_kind: Option<String>,
        org_name: Option<String>,
        partner_id: Option<Uuid>,
        must_enrol: Option<bool>,
        role: Option<String>,
    }
}

/// An `AccountRow`'s columns, of `users u`, `organisations o` and
/// `user_roles r` (a macro, so that each statement is one literal).
macro_rules! account_columns {
    () => {
        "u.id, u.email, u.display_name, u.phone, u.language, u.time_zone, \
         o.id AS org_id, o.kind AS org_kind, o.name AS org_name, o.partner_id, \
         (o.require_2fa AND u.totp_enabled_at IS NULL) AS must_enrol, r.role"
    };
}
pub(super) use account_columns;

/// The active account with this id, or `None` if it is unknown or it (or its
/// organisation) has been deactivated. Every signed-in request needs it: the
/// pages have it from the statement that reads their session
/// (`store::sessions`), the API asks here; one statement either way, the
/// roles as one row each.
pub async fn active_account<'c>(
    c: impl Into<Conn<'c>>,
    user_id: Uuid,
) -> StoreResult<Option<Account>> {
    let rows: Vec<AccountRow> = fetch_all!(
        c,
        sqlx::query_as::<_, AccountRow>(concat!(
            "SELECT ",
            account_columns!(),
            " FROM users u JOIN organisations o ON o.id = u.organisation_id \
             LEFT JOIN user_roles r ON r.user_id = u.id \
             WHERE u.id = $1 AND u.deactivated_at IS NULL AND o.deactivated_at IS NULL"
        ))
        .bind(user_id)
    )?;
    account_of(rows)
}

/// The account the rows of one user (one per role, in any order) describe,
/// if any. The roles are put in order here rather than by the statement:
/// a sort is one more step for PostgreSQL to set up on every page.
pub(super) fn account_of(
    rows: impl IntoIterator<Item = AccountRow>,
) -> StoreResult<Option<Account>> {
    let mut rows = rows.into_iter();
    let Some(row) = rows.next() else {
        return Ok(None);
    };
    let (
        Some(id),
        Some(email),
        Some(display_name),
        Some(org_id),
        Some(org_kind),
        Some(org_name),
        Some(must_enrol),
    ) = (
        row.id,
        row.email,
        row.display_name,
        row.org_id,
        row.org_kind,
        row.org_name,
        row.must_enrol,
    )
    else {
        return Ok(None);
    };
    let org_kind = OrgKind::from_str(&org_kind)
        .map_err(|e| StoreError::Other(sqlx::Error::Decode(Box::new(e))))?;
    // A role that is not valid for the organisation's kind grants nothing.
    let mut roles: Vec<Role> = std::iter::once(row.role)
        .chain(rows.map(|r| r.role))
        .flatten()
        .filter_map(|r| Role::from_str(&r).ok())
        .filter(|r| r.org_kind() == org_kind)
        .collect();
    roles.sort_by_key(|r| r.as_str());
    Ok(Some(Account {
        id,
        email,
        display_name,
        phone: row.phone,
        language: row.language,
        time_zone: row.time_zone,
        org_id,
        org_kind,
        org_name,
        partner_id: row.partner_id,
        must_enrol,
        roles,
    }))
}

#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub organisation_id: Uuid,
    pub email: &'a str,
    pub display_name: &'a str,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
}

pub async fn insert<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    u: &NewUser<'_>,
) -> StoreResult<Uuid> {
    let mut c: Conn<'_> = c.into();
    let id = Uuid::new_v4();
    execute!(&mut c, sqlx::query(
        "INSERT INTO users (id, organisation_id, email, password_hash, display_name, phone, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(id)
    .bind(u.organisation_id)
    .bind(u.email)
    .bind(u.password_hash)
    .bind(u.display_name)
    .bind(u.phone)
    .bind(now))?;
    for role in u.roles {
        execute!(
            &mut c,
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.as_str())
        )?;
    }
    Ok(id)
}

pub async fn count<'c>(c: impl Into<Conn<'c>>) -> StoreResult<i64> {
    fetch_one!(c, sqlx::query_scalar("SELECT COUNT(*) FROM users"))
}

/// Saves a user's language and time zone (`None`: the browser's language,
/// UTC); `false` if there is no such user.
pub async fn set_preferences<'c>(
    c: impl Into<Conn<'c>>,
    user_id: Uuid,
    language: Option<&str>,
    time_zone: Option<&str>,
) -> StoreResult<bool> {
    let done = execute!(
        c,
        sqlx::query("UPDATE users SET language = $2, time_zone = $3 WHERE id = $1")
            .bind(user_id)
            .bind(language)
            .bind(time_zone)
    )?;
    Ok(done == 1)
}

/// Saves a user's language alone (the language switch).
pub async fn set_language<'c>(
    c: impl Into<Conn<'c>>,
    user_id: Uuid,
    language: &str,
) -> StoreResult<bool> {
    let done = execute!(
        c,
        sqlx::query("UPDATE users SET language = $2 WHERE id = $1")
            .bind(user_id)
            .bind(language)
    )?;
    Ok(done == 1)
}

/// The language and time zone of the user with this e-mail address, if
/// any: what mail to them is written in.
pub async fn preferences_by_email<'c>(
    c: impl Into<Conn<'c>>,
    email: &str,
) -> StoreResult<Option<(Option<String>, Option<String>)>> {
    fetch_optional!(
        c,
        sqlx::query_as::<_, (Option<String>, Option<String>)>(
            "SELECT language, time_zone FROM users WHERE email = $1"
        )
        .bind(email)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(role: &str) -> AccountRow {
        AccountRow {
            id: Some(Uuid::nil()),
            email: Some("a@b.example".into()),
            display_name: Some("A".into()),
            phone: None,
            language: None,
            time_zone: None,
            org_id: Some(Uuid::nil()),
            org_kind: Some(OrgKind::Partner.as_str().into()),
            org_name: Some("Northwind".into()),
            partner_id: None,
            must_enrol: Some(false),
            role: Some(role.into()),
        }
    }

    /// The statements read the roles in no order; the account lists them
    /// in one, whatever order the rows came in.
    #[test]
    fn an_accounts_roles_are_in_order_whatever_the_rows_order() {
        let names = ["sales_agent", "admin_agent", "partner_global_admin"];
        let mut sorted = names;
        sorted.sort();
        for first in 0..names.len() {
            let rows = names
                .iter()
                .cycle()
                .skip(first)
                .take(names.len())
                .map(|r| row(r));
            let account = account_of(rows).unwrap().unwrap();
            let got: Vec<&str> = account.roles.iter().map(|r| r.as_str()).collect();
            assert_eq!(got, sorted);
        }
    }
}
