//! Partners, customers (tenants) and the vendor organisation.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{
    BindSome, Conn, Db, StoreResult, execute, fetch_all, fetch_one, fetch_optional, numbered,
};
use crate::domain::customer::NewCustomer;
use crate::domain::role::OrgKind;
use crate::domain::scope::Scope;

pub async fn insert_org<'c>(
    c: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    kind: OrgKind,
    name: &str,
) -> StoreResult<Uuid> {
    let id = Uuid::new_v4();
    execute!(
        c,
        sqlx::query(
            "INSERT INTO organisations (id, kind, name, created_at) VALUES ($1, $2, $3, $4)"
        )
        .bind(id)
        .bind(kind.as_str())
        .bind(name)
        .bind(now)
    )?;
    Ok(id)
}

/// A partner's or the vendor's organisation by its (case-insensitive) name.
pub async fn find_by_name<'c>(
    c: impl Into<Conn<'c>>,
    name: &str,
) -> StoreResult<Option<(Uuid, OrgKind)>> {
    // Partners and the vendor have unique names; customers of two partners may
    // share one, so they come last.
    let row: Option<(Uuid, String)> = fetch_optional!(
        c,
        sqlx::query_as(
            "SELECT id, kind FROM organisations WHERE lower(name) = lower($1) \
         ORDER BY (kind = 'customer'), created_at, id LIMIT 1"
        )
        .bind(name)
    )?;
    Ok(row.and_then(|(id, kind)| kind.parse().ok().map(|k| (id, k))))
}

super::by_position::by_position! {
    #[derive(Debug, Clone)]
    pub struct Customer {
        pub id: Uuid,
        pub partner_id: Uuid,
        pub name: String,
        pub tenant_guid: Uuid,
        pub primary_domain: String,
        pub country: String,
        pub billing_name: String,
        pub billing_email: String,
        pub created_at: DateTime<Utc>,
    }
}

/// [`Customer`]'s columns of the organisation `$p` (a prefix such as `"c."`).
macro_rules! customer_columns {
    ($p:literal) => {
        concat!(
            $p,
            "id AS id, ",
            $p,
            "partner_id AS partner_id, ",
            $p,
            "name AS name, ",
            $p,
            "tenant_guid AS tenant_guid, ",
            $p,
            "primary_domain AS primary_domain, ",
            $p,
            "country AS country, COALESCE(",
            $p,
            "billing_name, '') AS billing_name, ",
            "COALESCE(",
            $p,
            "billing_email, '') AS billing_email, ",
            $p,
            "created_at AS created_at"
        )
    };
}
pub(super) use customer_columns;

const CUSTOMER_COLUMNS: &str = customer_columns!("");

pub async fn insert_customer<'c>(
    conn: impl Into<Conn<'c>>,
    now: DateTime<Utc>,
    partner_id: Uuid,
    c: &NewCustomer,
) -> StoreResult<Customer> {
    let customer = Customer {
        id: Uuid::new_v4(),
        partner_id,
        name: c.company_name.clone(),
        tenant_guid: Uuid::new_v4(),
        primary_domain: c.primary_domain.as_str().to_owned(),
        country: c.country.code().to_owned(),
        billing_name: c.billing_name.clone(),
        billing_email: c.billing_email.as_str().to_owned(),
        created_at: now,
    };
    execute!(conn, sqlx::query(
        "INSERT INTO organisations (id, kind, name, partner_id, tenant_guid, primary_domain, country, \
         billing_name, billing_email, created_at) VALUES ($1, 'customer', $2, $3, $4, $5, $6, $7, $8, $9)"
    )
    .bind(customer.id)
    .bind(&customer.name)
    .bind(customer.partner_id)
    .bind(customer.tenant_guid)
    .bind(&customer.primary_domain)
    .bind(&customer.country)
    .bind(&customer.billing_name)
    .bind(&customer.billing_email)
    .bind(now))?;
    Ok(customer)
}

/// Whether one of this partner's customers has the domain. Other partners'
/// customers do not count (the unique index is per partner too): saying so
/// would tell a partner about another partner's customers.
pub async fn domain_taken<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    domain: &str,
) -> StoreResult<bool> {
    let n: i64 = fetch_one!(
        c,
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM organisations WHERE partner_id = $1 AND primary_domain = $2"
        )
        .bind(partner_id)
        .bind(domain)
    )?;
    Ok(n > 0)
}

/// One customer, if `scope` may see it; a foreign id finds nothing.
pub async fn customer<'c>(
    c: impl Into<Conn<'c>>,
    scope: Scope,
    id: Uuid,
) -> StoreResult<Option<Customer>> {
    let sql = numbered(&[
        "SELECT ",
        CUSTOMER_COLUMNS,
        " FROM organisations WHERE id = ? AND kind = 'customer'",
        scope.pick("", " AND partner_id = ?", " AND id = ?"),
    ]);
    fetch_optional!(
        c,
        sqlx::query_as::<_, Customer>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(id)
            .bind_some(scope.id())
    )
}

/// Where a page of the customer list starts: after this (name, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    pub name: String,
    pub id: Uuid,
}

/// The statement of [`list_customers`]: `$1` the partner, then the search's
/// pattern twice (name, domain) and the cursor's name and id, each when
/// there is one.
///
/// Served by organisations(partner_id, name, id) with kind and primary_domain,
/// read in name order. A search tests each customer of the partner in that
/// index (about twenty for each one kept) and reads the table only for the
/// page's: its ids come from a subquery the index covers (on PostgreSQL an
/// index-only scan, which takes `lower(name)` from the index as well:
/// migration 0026; a plain index scan reads the heap row before testing it).
/// SQLite's LIKE ignores ASCII case and its lower() folds nothing else, so
/// there `name LIKE` matches what `lower(name) LIKE` does without a lowered
/// copy of each name.
pub fn customers_sql(pg: bool, search: bool, after: bool, limit: i64) -> String {
    let after_cond = if after {
        " AND (name, id) > (?, ?)"
    } else {
        ""
    };
    let page = super::limit(limit + 1);
    if !search {
        return numbered(&[
            "SELECT ",
            CUSTOMER_COLUMNS,
            " FROM organisations WHERE kind = 'customer' AND partner_id = ?",
            after_cond,
            " ORDER BY name, id",
            &page,
        ]);
    }
    numbered(&[
        "SELECT ",
        CUSTOMER_COLUMNS,
        " FROM organisations WHERE id IN (SELECT id FROM organisations \
         WHERE kind = 'customer' AND partner_id = ?",
        if pg {
            " AND (lower(name) LIKE ? ESCAPE '\\' OR primary_domain LIKE ? ESCAPE '\\')"
        } else {
            " AND (name LIKE ? ESCAPE '\\' OR primary_domain LIKE ? ESCAPE '\\')"
        },
        after_cond,
        " ORDER BY name, id",
        &page,
        ") ORDER BY name, id",
    ])
}

/// A page of a partner's customers ordered by name, optionally filtered by a
/// search on name or domain. Keyset paging: one more row than asked tells
/// whether a next page exists.
pub async fn list_customers<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    search: Option<&str>,
    after: Option<&After>,
    limit: i64,
) -> StoreResult<(Vec<Customer>, bool)> {
    let pattern = search.map(|s| format!("%{}%", escape_like(&s.to_lowercase())));
    let c = c.into();
    let sql = customers_sql(c.is_pg(), pattern.is_some(), after.is_some(), limit);
    let mut rows = fetch_all!(
        c,
        sqlx::query_as::<_, Customer>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(partner_id)
            .bind_some(pattern.as_deref())
            .bind_some(pattern.as_deref())
            .bind_some(after.map(|a| a.name.as_str()))
            .bind_some(after.map(|a| a.id))
    )?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok((rows, more))
}

/// The partner's customers whose name (any case) or primary domain is
/// `typed`; at most two, enough to tell one from several.
pub async fn customers_named<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    typed: &str,
) -> StoreResult<Vec<Uuid>> {
    let typed = typed.trim().to_lowercase();
    fetch_all!(
        c,
        sqlx::query_scalar(
            "SELECT id FROM organisations WHERE kind = 'customer' AND partner_id = $1 \
             AND (lower(name) = $2 OR primary_domain = $2) ORDER BY name, id LIMIT 2"
        )
        .bind(partner_id)
        .bind(typed)
    )
}

/// `s` with LIKE's wildcards and its escape character escaped (`ESCAPE '\\'`).
/// A search typed with a NUL character drops it: no stored text holds one,
/// and PostgreSQL refuses a statement whose text value has one.
pub(super) fn escape_like(s: &str) -> String {
    s.replace('\0', "")
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerSummary {
    pub id: Uuid,
    pub name: String,
    pub customers: i64,
    pub users: i64,
    pub created_at: DateTime<Utc>,
    pub active: bool,
}

pub async fn list_partners<'c>(c: impl Into<Conn<'c>>) -> StoreResult<Vec<PartnerSummary>> {
    fetch_all!(
        c,
        sqlx::query_as::<_, PartnerSummary>(
            "SELECT o.id, o.name, \
           (SELECT COUNT(*) FROM organisations c WHERE c.partner_id = o.id) AS customers, \
           (SELECT COUNT(*) FROM users u WHERE u.organisation_id = o.id) AS users, \
           o.created_at, (o.deactivated_at IS NULL) AS active \
         FROM organisations o WHERE o.kind = 'partner' ORDER BY o.name, o.id"
        )
    )
}

pub async fn count<'c>(c: impl Into<Conn<'c>>) -> StoreResult<i64> {
    fetch_one!(c, sqlx::query_scalar("SELECT COUNT(*) FROM organisations"))
}

/// A partner's customer named by its tenant GUID or primary domain.
pub async fn customer_by_ref<'c>(
    c: impl Into<Conn<'c>>,
    partner_id: Uuid,
    reference: &str,
) -> StoreResult<Option<Customer>> {
    let r = reference.trim();
    let guid = Uuid::parse_str(r).ok();
    let sql = format!(
        "SELECT {CUSTOMER_COLUMNS} FROM organisations WHERE kind = 'customer' AND partner_id = $1 \
         AND (tenant_guid = $2 OR primary_domain = $3)"
    );
    fetch_optional!(
        c,
        sqlx::query_as::<_, Customer>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(partner_id)
            .bind(guid)
            .bind(r.to_ascii_lowercase())
    )
}

/// Deactivates or reactivates a partner; deactivating ends its users'
/// sessions too. `false` if there is no such partner.
pub async fn set_partner_active(
    db: &Db,
    now: DateTime<Utc>,
    org: Uuid,
    active: bool,
) -> StoreResult<bool> {
    let mut tx = db.begin().await?;
    let at = if active { None } else { Some(now) };
    let n = execute!(
        &mut tx,
        sqlx::query(
            "UPDATE organisations SET deactivated_at = $1 WHERE id = $2 AND kind = 'partner'"
        )
        .bind(at)
        .bind(org)
    )?;
    if n == 1 && !active {
        execute!(&mut tx, sqlx::query(
            "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE organisation_id = $1)"
        )
        .bind(org))?;
    }
    tx.commit().await?;
    Ok(n == 1)
}
