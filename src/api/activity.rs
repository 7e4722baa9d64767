//! The activity log: a partner's admin agents and global admins see their
//! organisation's events, operators all; the page's filters, newest first.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::paging::{Page, PageQuery};
use super::problem::{ApiError, ApiResult, Problem};
use super::state_of;
use crate::domain::FieldError;
use crate::routes::activity::{self as page, customer_filter, filter};
use crate::store::audit::{self, LogRow};
use crate::web::access::{ApiAllowed, SeeActivity};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ActivityQuery {
    /// The acting user's e-mail address.
    pub user: String,
    /// An action code, e.g. `key_revealed`.
    pub action: String,
    /// A customer's id, name or primary domain.
    pub customer: String,
    /// From this day (`YYYY-MM-DD`, UTC).
    pub from: String,
    /// To this day, inclusive (`YYYY-MM-DD`, UTC).
    pub to: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub organisation: Option<String>,
    pub user_email: Option<String>,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<Uuid>,
    pub customer: Option<String>,
    pub ip: Option<String>,
    /// What the event kept (names, amounts, `api_token` when a token acted).
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

fn view(r: LogRow) -> EventView {
    EventView {
        id: r.id,
        at: r.at,
        organisation: r.organisation,
        user_email: r.user_email,
        action: r.action.as_str().to_owned(),
        subject_type: r.subject_type,
        subject_id: r.subject_id,
        customer: r.customer,
        ip: r.ip,
        detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
    }
}

fn field_of(message: &'static str) -> FieldError {
    let field = match message {
        "activity-error-from" => "from",
        "activity-error-to" | "activity-error-range" => "to",
        "activity-error-action" => "action",
        _ => "customer",
    };
    FieldError::new(field, message)
}

/// The activity log, newest first.
#[utoipa::path(get, path = "/api/v1/activity", tag = "activity",
    params(ActivityQuery, PageQuery),
    responses(
        (status = 200, body = Page<EventView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    p: ApiAllowed<SeeActivity>,
    req: HttpRequest,
    query: web::Query<ActivityQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let limit = paging.limit()?;
    let after = paging.after::<(DateTime<Utc>, Uuid)>()?;
    let q = query.into_inner();
    let q = page::Query {
        user: q.user,
        action: q.action,
        customer: q.customer,
        from: q.from,
        to: q.to,
        after_at: None,
        after_id: None,
    };
    let (mut f, mut errors) = filter(&p, &q);
    customer_filter(&state, &p, &q, &mut f, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ApiError::Invalid(
            errors.into_iter().map(field_of).collect(),
        ));
    }
    let mut rows = audit::search(&state.db, &f, after, limit + 1).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    Ok(HttpResponse::Ok().json(Page::of(rows, more, |r| (r.at, r.id), view)))
}
