//! `GET /activity` and `GET /activity.csv`: the activity log (SPEC 3.6).
//! A partner's admin agents and global admins see their organisation's
//! events; operators see all. Filter by user, action, customer and dates;
//! the page tells each event as a sentence, the CSV holds exactly the
//! filtered rows with their codes and ids.

mod export;
mod sentence;

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;
use uuid::Uuid;

pub use self::export::export;
use self::sentence::{Detail, Part};
use crate::domain::audit_action::Action;
use crate::error::AppResult;
use crate::store::audit::{self, Filter};
use crate::store::organisations;
use crate::web::access::{Principal, SeeActivity};
use crate::web::ctx::Ctx;
use crate::web::page::Page;
use crate::web::state::AppState;

/// Events on a page: as many rows as the software list shows. Each event is
/// a sentence built from up to a dozen names, so a page of 100 cost twice
/// what one of 50 does (`bench/RESULTS.md`); the CSV export holds them all.
pub const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default, Clone)]
pub struct Query {
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub customer: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    pub after_at: Option<DateTime<Utc>>,
    pub after_id: Option<Uuid>,
}

fn date(s: &str) -> Option<DateTime<Utc>> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// The filter for this user and query; bad dates are reported, not guessed.
pub fn filter(p: &Principal, q: &Query) -> (Filter, Vec<&'static str>) {
    let mut errors = Vec::new();
    let from = if q.from.trim().is_empty() {
        None
    } else {
        date(&q.from)
    };
    if !q.from.trim().is_empty() && from.is_none() {
        errors.push("activity-error-from");
    }
    // "To" is a whole day: everything before the next midnight.
    let until = if q.to.trim().is_empty() {
        None
    } else {
        date(&q.to).map(|d| d + Duration::days(1))
    };
    if !q.to.trim().is_empty() && until.is_none() {
        errors.push("activity-error-to");
    }
    if let (Some(from), Some(until)) = (from, until)
        && until <= from
    {
        errors.push("activity-error-range");
    }
    if !q.action.trim().is_empty() && Action::parse(q.action.trim()).is_none() {
        errors.push("activity-error-action");
    }
    let f = Filter {
        organisation_id: p.scope().partner_id(),
        user_email: Some(q.user.trim().to_lowercase()).filter(|s| !s.is_empty()),
        action: Action::parse(q.action.trim()),
        customer_id: None,
        from,
        until,
    };
    (f, errors)
}

/// The customer the log is filtered by: typed as a name or a primary domain
/// (or given by id, from a link), looked up among the partner's customers
/// only. The filter lists no customers: a partner may have thousands.
pub async fn customer_filter(
    state: &AppState,
    p: &Principal,
    q: &Query,
    f: &mut Filter,
    errors: &mut Vec<&'static str>,
) -> AppResult<()> {
    let typed = q.customer.trim();
    if typed.is_empty() {
        return Ok(());
    }
    if let Ok(id) = Uuid::parse_str(typed) {
        f.customer_id = Some(id);
        return Ok(());
    }
    let Some(partner) = p.scope().partner_id() else {
        errors.push("activity-error-customer");
        return Ok(());
    };
    match organisations::customers_named(&state.db, partner, typed).await?[..] {
        [id] => f.customer_id = Some(id),
        [] => errors.push("activity-error-customer"),
        _ => errors.push("activity-error-customer-several"),
    }
    Ok(())
}

/// An event as the page shows it.
pub struct RowView {
    pub at: String,
    /// The moment in full (RFC 3339), for `<time datetime>`.
    pub at_iso: String,
    pub organisation: String,
    pub sentence: Vec<Part>,
    pub details: Vec<Detail>,
    pub ip: String,
}

#[derive(Template)]
#[template(path = "activity/list.html")]
struct Activity {
    page: Page,
    q: Query,
    rows: Vec<RowView>,
    actions: Vec<Action>,
    errors: Vec<String>,
    next_page: Option<String>,
    export: String,
    operator: bool,
}

fn filter_query(q: &Query) -> Vec<(&'static str, String)> {
    vec![
        ("user", q.user.clone()),
        ("action", q.action.clone()),
        ("customer", q.customer.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ]
}

pub async fn list(ctx: Ctx<SeeActivity>, q: web::Query<Query>) -> AppResult<HttpResponse> {
    let Ctx {
        p, state, session, ..
    } = ctx;
    let q = q.into_inner();
    let (mut f, mut errors) = filter(&p, &q);
    customer_filter(&state, &p, &q, &mut f, &mut errors).await?;
    let after = q.after_at.zip(q.after_id);
    let rows = if errors.is_empty() {
        audit::search_named(&state.db, &f, after, PAGE_SIZE + 1).await?
    } else {
        Vec::new()
    };
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<_> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next_page = match rows.last() {
        Some(last) if more => {
            let mut qs = filter_query(&q);
            qs.push(("after_at", last.row.at.to_rfc3339()));
            qs.push(("after_id", last.row.id.to_string()));
            Some(format!(
                "/activity?{}",
                serde_urlencoded::to_string(&qs).unwrap_or_default()
            ))
        }
        _ => None,
    };
    let export = format!(
        "/activity.csv?{}",
        serde_urlencoded::to_string(filter_query(&q)).unwrap_or_default()
    );
    let page = Page::for_user(&session, &p, "activity")?;
    let errors = errors.iter().map(|e| page.t(e)).collect();
    let operator = f.organisation_id.is_none();
    let rows = rows
        .into_iter()
        .map(|r| {
            // The operators' page has no customer filter to link to.
            let told = sentence::tell(&page.i18n, &r, !operator);
            RowView {
                at: crate::layout::date_time(&r.row.at),
                at_iso: r.row.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                organisation: r.row.organisation.unwrap_or_default(),
                sentence: told.sentence,
                details: told.details,
                ip: r.row.ip.unwrap_or_default(),
            }
        })
        .collect();
    crate::routes::ok(&Activity {
        operator,
        page,
        q,
        rows,
        actions: Action::ALL.to_vec(),
        errors,
        next_page,
        export,
    })
}
