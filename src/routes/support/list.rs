//! `GET /support`: the partner's service requests, newest first, their
//! status and replies, paged by keyset with "showing N–M of T". The
//! operators' queue renders the same template (`operator::requests`).

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::show::{RequestView, view};
use crate::domain::service_request::{ProblemType, QueueView};
use crate::error::AppResult;
use crate::store::requests::{self, After, RequestRow};
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::page::Page;

pub const PAGE_SIZE: i64 = 50;

/// Where a page starts: the last row of the page before.
#[derive(Deserialize, Default)]
pub struct PageQuery {
    pub after_at: Option<DateTime<Utc>>,
    pub after_id: Option<Uuid>,
}

impl PageQuery {
    pub fn after(&self) -> Option<After> {
        match (self.after_at, self.after_id) {
            (Some(filed_at), Some(id)) => Some(After { filed_at, id }),
            _ => None,
        }
    }
}

/// One of the queue's views, as a tab: (link, label with its count, current).
pub struct ViewTab {
    pub href: String,
    pub label: String,
    pub count: i64,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "support/list.html")]
pub struct List {
    pub page: Page,
    pub requests: Vec<RequestView>,
    pub operator: bool,
    /// The operator's user id: rows they took show no Take button.
    pub me: Option<Uuid>,
    pub tabs: Vec<ViewTab>,
    pub view: QueueView,
    pub problem_type: Option<ProblemType>,
    /// "Showing 51–100 of 230", or empty when there is nothing.
    pub showing: String,
    /// The first page's address, when this is a later one.
    pub first_page: Option<String>,
    pub next_page: Option<String>,
}

/// `base` with `params` and, for the next page, the last row's keyset.
pub fn page_url(base: &str, params: &[(&str, String)], last: Option<&RequestRow>) -> String {
    let mut all: Vec<(&str, String)> = params.to_vec();
    if let Some(last) = last {
        all.push(("after_at", last.filed_at.to_rfc3339()));
        all.push(("after_id", last.id.to_string()));
    }
    if all.is_empty() {
        return base.to_owned();
    }
    format!(
        "{base}?{}",
        serde_urlencoded::to_string(&all).unwrap_or_default()
    )
}

/// "Showing 51–100 of 230" for a page of `shown` rows after `before` rows.
pub fn showing(page: &Page, before: i64, shown: usize, total: i64) -> String {
    if shown == 0 {
        return String::new();
    }
    let cap = crate::store::keyset::COUNT_CAP;
    let (from, to) = (before + 1, before + shown as i64);
    if before > cap {
        // Counting stopped short of this page (see `COUNT_CAP`).
        return page
            .i18n
            .t_with("paging-showing-far", &[("cap", cap.into())]);
    }
    if total > cap {
        return page.i18n.t_with(
            "paging-showing-many",
            &[
                ("from", from.into()),
                ("to", to.into()),
                ("cap", cap.into()),
            ],
        );
    }
    page.i18n.t_with(
        "paging-showing",
        &[
            ("from", from.into()),
            ("to", to.into()),
            ("total", total.max(to).into()),
        ],
    )
}

pub async fn show(ctx: Ctx<FileRequests>, q: web::Query<PageQuery>) -> AppResult<HttpResponse> {
    let partner = ctx.partner_id()?;
    let after = q.after();
    let (rows, more) = requests::for_partner(ctx.db(), partner, after, PAGE_SIZE).await?;
    let (total, before) = requests::partner_position(ctx.db(), partner, after).await?;
    let page = ctx.page("support")?;
    let now = ctx.state.clock.now();
    let next_page = rows
        .last()
        .filter(|_| more)
        .map(|last| page_url("/support", &[], Some(last)));
    let showing = showing(&page, before, rows.len(), total);
    let requests = rows.into_iter().map(|r| view(&page, now, r)).collect();
    crate::routes::ok(&List {
        page,
        requests,
        operator: false,
        me: None,
        tabs: Vec::new(),
        view: QueueView::All,
        problem_type: None,
        showing,
        first_page: after.map(|_| "/support".to_owned()),
        next_page,
    })
}
