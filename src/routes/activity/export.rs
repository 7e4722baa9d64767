//! `GET /activity.csv`: the filtered log as CSV, every row, streamed a page
//! at a time. Machine columns (action code, ids, the detail as JSON) for
//! whoever processes it; the page tells the same rows in words.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;

use super::{Query, customer_filter, filter};
use crate::domain::csv;
use crate::error::AppResult;
use crate::store::audit::{self, LogRow};
use crate::web::access::{Allowed, SeeActivity};
use crate::web::state::AppState;

/// Rows read from the store per chunk of the CSV export.
const EXPORT_PAGE: i64 = 1_000;

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
