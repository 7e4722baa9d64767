//! A partner's (or customer's) users, their roles and status, and the
//! one-time tokens of invitations and password resets.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Conn, StoreResult, Tx, execute, fetch_all, fetch_one, fetch_optional};
use crate::domain::role::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub active: bool,
    pub roles: String,
}

/// The organisation's users with their roles (comma-separated), by name.
pub async fn users_of<'c>(c: impl Into<Conn<'c>>, org: Uuid) -> StoreResult<Vec<UserRow>> {
    let mut c: Conn<'_> = c.into();
    let mut rows = fetch_all!(&mut c, sqlx::query_as::<_, UserRow>(
        "SELECT u.id, u.email, u.display_name, (u.deactivated_at IS NULL) AS active, '' AS roles \
         FROM users u WHERE u.organisation_id = $1 ORDER BY u.display_name, u.email"
    )
    .bind(org))?;
    for r in &mut rows {
        let roles: Vec<String> = fetch_all!(
            &mut c,
            sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
                .bind(r.id)
        )?;
        r.roles = roles.join(",");
    }
    Ok(rows)
}

/// One user of the organisation; another organisation's user finds nothing.
pub async fn user_of<'c>(
    c: impl Into<Conn<'c>>,
    org: Uuid,
    id: Uuid,
) -> StoreResult<Option<UserRow>> {
    Ok(users_of(c, org).await?.into_iter().find(|u| u.id == id))
}

/// Active global admins of a partner other than `except`.
async fn other_active_admins<'c>(
    c: impl Into<Conn<'c>>,
    org: Uuid,
    except: Uuid,
) -> StoreResult<i64> {
    fetch_one!(c, sqlx::query_scalar(
        "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id \
         WHERE u.organisation_id = $1 AND u.id <> $2 AND u.deactivated_at IS NULL AND r.role = 'partner_global_admin'"
    )
    .bind(org)
    .bind(except))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    Done,
    /// It would leave the partner without an active global admin.
    LastGlobalAdmin,
}

/// Replaces a user's roles in `tx`, keeping at least one active global admin.
pub async fn set_roles(tx: &mut Tx, org: Uuid, user: Uuid, roles: &[Role]) -> StoreResult<Change> {
    if !roles.contains(&Role::PartnerGlobalAdmin)
        && other_active_admins(&mut *tx, org, user).await? == 0
        && is_admin(&mut *tx, user).await?
    {
        return Ok(Change::LastGlobalAdmin);
    }
    execute!(
        &mut *tx,
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(user)
    )?;
    for role in roles {
        execute!(
            &mut *tx,
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(user)
                .bind(role.as_str())
        )?;
    }
    Ok(Change::Done)
}

async fn is_admin<'c>(c: impl Into<Conn<'c>>, user: Uuid) -> StoreResult<bool> {
    let n: i64 =
        fetch_one!(c, sqlx::query_scalar(
        "SELECT COUNT(*) FROM user_roles WHERE user_id = $1 AND role = 'partner_global_admin'"
    )
    .bind(user))?;
    Ok(n > 0)
}

/// Deactivates a user and ends their sessions, in `tx`.
pub async fn deactivate(
    tx: &mut Tx,
    now: DateTime<Utc>,
    org: Uuid,
    user: Uuid,
) -> StoreResult<Change> {
    if is_admin(&mut *tx, user).await? && other_active_admins(&mut *tx, org, user).await? == 0 {
        return Ok(Change::LastGlobalAdmin);
    }
    execute!(&mut *tx, sqlx::query("UPDATE users SET deactivated_at = $1 WHERE id = $2 AND organisation_id = $3 AND deactivated_at IS NULL")
        .bind(now)
        .bind(user)
        .bind(org))?;
    execute!(
        &mut *tx,
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user)
    )?;
    Ok(Change::Done)
}

pub async fn reactivate<'c>(c: impl Into<Conn<'c>>, org: Uuid, user: Uuid) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query(
            "UPDATE users SET deactivated_at = NULL WHERE id = $1 AND organisation_id = $2"
        )
        .bind(user)
        .bind(org)
    )?;
    Ok(())
}

pub struct NewToken<'a> {
    pub token_hash: &'a str,
    pub purpose: &'static str,
    pub email: &'a str,
    pub organisation_id: Uuid,
    pub roles: &'a [Role],
    pub user_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert_token<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    t: &NewToken<'_>,
) -> StoreResult<Uuid> {
    let id = Uuid::new_v4();
    let roles: Vec<&str> = t.roles.iter().map(|r| r.as_str()).collect();
    execute!(c, sqlx::query(
        "INSERT INTO user_tokens (id, token_hash, purpose, email, organisation_id, roles, user_id, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )
    .bind(id)
    .bind(t.token_hash)
    .bind(t.purpose)
    .bind(t.email)
    .bind(t.organisation_id)
    .bind(roles.join(","))
    .bind(t.user_id)
    .bind(t.created_by)
    .bind(now)
    .bind(t.expires_at))?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: Uuid,
    pub purpose: String,
    pub email: String,
    pub organisation_id: Uuid,
    pub roles: String,
    pub user_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
}

/// A token that is unused and unexpired at `now`.
pub async fn valid_token<'c>(
    c: impl Into<Conn<'c>>,
    hash: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<TokenRow>> {
    fetch_optional!(c, sqlx::query_as::<_, TokenRow>(
        "SELECT id, purpose, email, organisation_id, roles, user_id, created_by FROM user_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3"
    )
    .bind(hash)
    .bind(purpose)
    .bind(now))
}

/// Marks a token used; `false` if it was used (or expired) meanwhile.
pub async fn use_token<'c>(
    c: impl Into<Conn<'c>>,
    id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    const SQL: &str = "UPDATE user_tokens SET used_at = $1 \
        WHERE id = $2 AND used_at IS NULL AND expires_at > $1";
    let n = execute!(c, sqlx::query(SQL).bind(now).bind(id))?;
    Ok(n == 1)
}

pub async fn set_password<'c>(c: impl Into<Conn<'c>>, user: Uuid, hash: &str) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user)
    )?;
    Ok(())
}

/// Ends a user's sessions except the one whose key hash is `keep`.
pub async fn end_other_sessions<'c>(
    c: impl Into<Conn<'c>>,
    user: Uuid,
    keep: Option<&str>,
) -> StoreResult<()> {
    execute!(
        c,
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND ($2 IS NULL OR id_hash <> $2)")
            .bind(user)
            .bind(keep)
    )?;
    Ok(())
}

pub async fn email_taken<'c>(c: impl Into<Conn<'c>>, email: &str) -> StoreResult<bool> {
    let n: i64 = fetch_one!(
        c,
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1").bind(email)
    )?;
    Ok(n > 0)
}

/// The organisation of the user who has this address, if any.
pub async fn email_owner<'c>(c: impl Into<Conn<'c>>, email: &str) -> StoreResult<Option<Uuid>> {
    fetch_optional!(
        c,
        sqlx::query_scalar("SELECT organisation_id FROM users WHERE email = $1").bind(email)
    )
}
