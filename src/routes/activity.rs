//! `GET /activity` and `GET /activity.csv`: the activity log (SPEC 3.6).
//! A partner's admin agents and global admins see their organisation's
//! events; operators see all. Filter by user, action, customer and dates;
//! the CSV holds exactly the filtered rows.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use futures_util::StreamExt;
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::audit_action::Action;
use crate::domain::csv;
use crate::error::AppResult;
use crate::store::audit::{self, Filter, LogRow};
use crate::store::organisations;
use crate::web::access::{Allowed, Principal, SeeActivity};
use crate::web::ctx::Ctx;
use crate::web::page::Page;
use crate::web::state::AppState;

pub const PAGE_SIZE: i64 = 100;
/// The most rows one export holds.
/// Rows read from the store per chunk of the CSV export.
const EXPORT_PAGE: i64 = 1_000;

#[derive(Deserialize, Default, Clone)]
pub struct Query {
    #[serde(default)]
    user: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    customer: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    after_at: Option<DateTime<Utc>>,
    after_id: Option<Uuid>,
}

fn date(s: &str) -> Option<DateTime<Utc>> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// The filter for this user and query; bad dates are reported, not guessed.
fn filter(p: &Principal, q: &Query) -> (Filter, Vec<&'static str>) {
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
async fn customer_filter(
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

pub struct RowView {
    pub at: String,
    pub organisation: String,
    pub user: String,
    pub action: String,
    pub customer: String,
    pub subject: String,
    pub ip: String,
    pub detail: String,
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
        audit::search(&state.db, &f, after, PAGE_SIZE + 1).await?
    } else {
        Vec::new()
    };
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<LogRow> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next_page = match rows.last() {
        Some(last) if more => {
            let mut qs = filter_query(&q);
            qs.push(("after_at", last.at.to_rfc3339()));
            qs.push(("after_id", last.id.to_string()));
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
    let rows = rows
        .into_iter()
        .map(|r| RowView {
            at: r.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            organisation: r.organisation.unwrap_or_default(),
            user: r.user_email.unwrap_or_default(),
            action: page.t(r.action.message_id()),
            customer: r.customer.unwrap_or_default(),
            subject: match (r.subject_type, r.subject_id) {
                (Some(t), Some(id)) => format!("{t} {id}"),
                _ => String::new(),
            },
            ip: r.ip.unwrap_or_default(),
            detail: if r.detail == "{}" {
                String::new()
            } else {
                r.detail
            },
        })
        .collect();
    crate::routes::ok(&Activity {
        operator: f.organisation_id.is_none(),
        page,
        q,
        rows,
        actions: Action::ALL.to_vec(),
        errors,
        next_page,
        export,
    })
}

pub async fn export(
    p: Allowed<SeeActivity>,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let (mut f, mut errors) = filter(&p, &q);
    customer_filter(&state, &p, &q, &mut f, &mut errors).await?;
    if !errors.is_empty() {
        return Err(crate::error::AppError::BadRequest);
    }
    // Streamed a page at a time (keyset), so the whole log is exported
    // without holding it in memory or capping it.
    let header_row = csv::record(&[
        "at",
        "organisation",
        "user",
        "action",
        "subject_type",
        "subject_id",
        "customer",
        "ip",
        "detail",
    ]);
    let db = state.db.clone();
    let pages = futures_util::stream::unfold((Some(None), db, f), |(cursor, db, f)| async move {
        let after = cursor?;
        match audit::search(&db, &f, after, EXPORT_PAGE).await {
            Ok(rows) => {
                let next = (rows.len() as i64 == EXPORT_PAGE)
                    .then(|| rows.last().map(|r| (r.at, r.id)))
                    .flatten();
                let chunk = web::Bytes::from(rows.iter().map(csv_row).collect::<String>());
                Some((Ok(chunk), (next.map(Some), db, f)))
            }
            Err(e) => {
                tracing::error!(error = %e, "the activity export failed part-way");
                Some((Err(std::io::Error::other("export failed")), (None, db, f)))
            }
        }
    });
    let body =
        futures_util::stream::once(async move { Ok(web::Bytes::from(header_row)) }).chain(pages);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"activity.csv\"",
        ))
        .streaming(body))
}

fn csv_row(r: &LogRow) -> String {
    let at = r.at.to_rfc3339();
    let subject_id = r.subject_id.map(|s| s.to_string()).unwrap_or_default();
    csv::record(&[
        &at,
        r.organisation.as_deref().unwrap_or_default(),
        r.user_email.as_deref().unwrap_or_default(),
        r.action.as_str(),
        r.subject_type.as_deref().unwrap_or_default(),
        &subject_id,
        r.customer.as_deref().unwrap_or_default(),
        r.ip.as_deref().unwrap_or_default(),
        &r.detail,
    ])
}
