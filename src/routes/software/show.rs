//! `GET .../software/{sub}`: the selectors (version, language, bitness or
//! file type and OS: only combinations that exist), and on "Get keys and
//! downloads" the matching files with Get key, Download and Copy link, the
//! risk note, and the subscription's live links.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Where;
use crate::error::{AppError, AppResult};
use crate::routes::operator::catalog::human_size;
use crate::routes::render;
use crate::store::links::{self, LinkRow};
use crate::store::organisations::Customer;
use crate::store::software::{self, DownloadFile, SoftwareRow};
use crate::web::access::{ManageKeys, Policy, Principal, SeeOwnSoftware};
use crate::web::ctx::{Ctx, ScopedCustomer};
use crate::web::page::Page;
use crate::web::state::AppState;

#[derive(Deserialize, Default, Clone)]
pub struct Selection {
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub platform: String,
    /// Set by the "Get keys and downloads" button.
    #[serde(default)]
    pub show: Option<String>,
}

impl Selection {
    fn matches(&self, f: &DownloadFile) -> bool {
        (self.version.is_empty() || self.version == f.version)
            && (self.language.is_empty() || self.language == f.language)
            && (self.platform.is_empty() || self.platform == f.platform())
    }
}

#[derive(Serialize)]
struct Combo<'a> {
    v: &'a str,
    l: &'a str,
    p: String,
}

/// One selector: its field, its label, and its options with whether each
/// is the one chosen.
pub type Selector = (&'static str, String, Vec<(String, bool)>);

pub struct FileView {
    pub id: Uuid,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
    pub language: String,
    pub platform: String,
    pub version: String,
}

pub struct LinkView {
    pub id: Uuid,
    pub file_name: String,
    pub created: String,
    pub expires: String,
    pub time_left: String,
    pub used: i64,
    pub cap: i64,
}

#[derive(Template)]
#[template(path = "software/show.html")]
pub struct Show {
    pub page: Page,
    pub customer: Customer,
    pub base: String,
    pub own_view: bool,
    pub sub: SoftwareRow,
    pub purchased: String,
    pub status_label: String,
    pub selectors: Vec<Selector>,
    pub combos: String,
    pub selection: Selection,
    pub shown: bool,
    pub files: Vec<FileView>,
    pub links: Vec<LinkView>,
    pub can_links: bool,
    /// A link made by this request: shown once, since only its hash is kept.
    pub new_link: Option<String>,
    pub new_link_file: String,
}

/// The distinct values of a selector, sorted, marking the chosen one.
fn options(values: impl Iterator<Item = String>, chosen: &str) -> Vec<(String, bool)> {
    let mut v: Vec<String> = values.collect();
    v.sort();
    v.dedup();
    v.into_iter()
        .map(|o| {
            let on = o == chosen;
            (o, on)
        })
        .collect()
}

fn time_left(page: &Page, now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let left = until - now;
    let days = left.num_days();
    let hours = left.num_hours() - days * 24;
    page.i18n.t_args(
        "links-time-left",
        &[("days", &days.to_string()), ("hours", &hours.to_string())],
    )
}

/// The subscription in `w`'s scope, or 404.
pub async fn subscription(
    state: &AppState,
    p: &Principal,
    w: &Where,
    sub_id: Uuid,
) -> AppResult<SoftwareRow> {
    software::one(&state.db, p.scope(), w.customer.id, sub_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Builds the page; used by GET and by the POSTs that answer with it.
pub async fn page_for(
    ctx: &Ctx<impl Policy>,
    w: Where,
    sub: SoftwareRow,
    selection: Selection,
    new_link: Option<(String, String)>,
) -> AppResult<Show> {
    let state = &ctx.state;
    let now = state.clock.now();
    let files = software::files_of_product(&state.db, sub.product_id).await?;
    let live = if w.own_view {
        Vec::new()
    } else {
        links::live_for_subscription(&state.db, sub.id, now).await?
    };
    let page = ctx.page(w.section())?;
    let combos: Vec<Combo> = files
        .iter()
        .map(|f| Combo {
            v: &f.version,
            l: &f.language,
            p: f.platform(),
        })
        .collect();
    let shown = selection.show.is_some() || new_link.is_some();
    let file_views = if shown {
        files
            .iter()
            .filter(|f| selection.matches(f))
            .map(|f| FileView {
                id: f.id,
                file_name: f.file_name.clone(),
                size: human_size(f.size_bytes),
                sha256: f.sha256.clone(),
                language: f.language.clone(),
                platform: f.platform(),
                version: f.version.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let links = live
        .into_iter()
        .map(|l: LinkRow| LinkView {
            id: l.id,
            file_name: l.file_name,
            created: l.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            expires: l.expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            time_left: time_left(&page, now, l.expires_at),
            used: l.downloads_used,
            cap: l.download_cap,
        })
        .collect();
    let (new_link, new_link_file) = match new_link {
        Some((url, file)) => (Some(url), file),
        None => (None, String::new()),
    };
    Ok(Show {
        purchased: sub.purchased_at.format("%Y-%m-%d").to_string(),
        status_label: page.t(sub.status.message_id()),
        selectors: vec![
            (
                "version",
                page.t("variant-version"),
                options(files.iter().map(|f| f.version.clone()), &selection.version),
            ),
            (
                "language",
                page.t("variant-language"),
                options(
                    files.iter().map(|f| f.language.clone()),
                    &selection.language,
                ),
            ),
            (
                "platform",
                page.t("variant-platform"),
                options(
                    files.iter().map(DownloadFile::platform),
                    &selection.platform,
                ),
            ),
        ],
        combos: serde_json::to_string(&combos).unwrap_or_else(|_| "[]".into()),
        can_links: !w.own_view && sub.status.is_active(),
        page,
        own_view: w.own_view,
        base: w.base,
        customer: w.customer,
        sub,
        selection,
        shown,
        files: file_views,
        links,
        new_link,
        new_link_file,
    })
}

pub async fn partner(
    c: ScopedCustomer<ManageKeys>,
    path: web::Path<(Uuid, Uuid)>,
    q: web::Query<Selection>,
) -> AppResult<HttpResponse> {
    let ScopedCustomer { ctx, customer } = c;
    let (_, sub_id) = path.into_inner();
    let w = Where::partner(customer);
    let sub = subscription(&ctx.state, &ctx, &w, sub_id).await?;
    let page = page_for(&ctx, w, sub, q.into_inner(), None).await?;
    render(&page, StatusCode::OK)
}

pub async fn own(
    ctx: Ctx<SeeOwnSoftware>,
    sub_id: web::Path<Uuid>,
    q: web::Query<Selection>,
) -> AppResult<HttpResponse> {
    let w = Where::own(&ctx.state, &ctx).await?;
    let sub = subscription(&ctx.state, &ctx, &w, *sub_id).await?;
    let page = page_for(&ctx, w, sub, q.into_inner(), None).await?;
    render(&page, StatusCode::OK)
}
