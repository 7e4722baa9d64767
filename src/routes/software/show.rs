//! `GET .../software/{sub}`: the selectors (version, language, bitness or
//! file type and OS: only combinations that exist), and on "Get keys and
//! downloads" the matching files with Get key, Download and Copy link, the
//! risk note, and the purchase's download links (`link_views`).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Where;
use super::link_views::{self, LinksPanel};
use crate::error::{AppError, AppResult};
use crate::routes::operator::catalog::human_size;
use crate::routes::render;
use crate::store::links;
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
    /// The link Copy link just gave (after its redirect): shown with its
    /// address to whoever gave it, while it works.
    #[serde(default)]
    pub link: Option<String>,
}

impl Selection {
    /// The query string that brings the page back with these choices (and
    /// the files shown if they were).
    pub fn query(&self) -> String {
        let mut pairs = vec![
            ("version", self.version.as_str()),
            ("language", self.language.as_str()),
            ("platform", self.platform.as_str()),
        ];
        pairs.retain(|(_, v)| !v.is_empty());
        if self.show.is_some() {
            pairs.push(("show", "1"));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

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
    pub can_links: bool,
    /// The download links (a partner's view only).
    pub panel: Option<LinksPanel>,
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

/// The subscription in `w`'s scope with its product's download files, or
/// 404.
async fn subscription_and_files(
    state: &AppState,
    p: &Principal,
    w: &Where,
    sub_id: Uuid,
) -> AppResult<(SoftwareRow, Vec<DownloadFile>)> {
    software::one_with_files(&state.db, p.scope(), w.customer.id, sub_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Builds the page.
async fn page_for(
    ctx: &Ctx<impl Policy>,
    w: Where,
    (sub, files): (SoftwareRow, Vec<DownloadFile>),
    selection: Selection,
) -> AppResult<Show> {
    let state = &ctx.state;
    let page = ctx.page(w.section())?;
    let panel = if w.own_view {
        None
    } else {
        let rows = links::of_subscription(&state.db, sub.id).await?;
        let shown = link_views::shown_link(state, ctx, &selection, &rows);
        Some(link_views::panel(
            state,
            &page,
            &w.base,
            &sub,
            selection.clone(),
            rows,
            shown,
        ))
    };
    let combos: Vec<Combo> = files
        .iter()
        .map(|f| Combo {
            v: &f.version,
            l: &f.language,
            p: f.platform(),
        })
        .collect();
    let shown = selection.show.is_some();
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
    Ok(Show {
        purchased: crate::format::date(&sub.purchased_at),
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
        panel,
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
    let sub = subscription_and_files(&ctx.state, &ctx, &w, sub_id).await?;
    let page = page_for(&ctx, w, sub, q.into_inner()).await?;
    let showing_a_link = page.panel.as_ref().is_some_and(|p| p.new_link.is_some());
    let mut res = render(&page, StatusCode::OK)?;
    if showing_a_link {
        // The page holds a live link: keep it out of referrers.
        res.headers_mut().insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    Ok(res)
}

pub async fn own(
    ctx: Ctx<SeeOwnSoftware>,
    sub_id: web::Path<Uuid>,
    q: web::Query<Selection>,
) -> AppResult<HttpResponse> {
    let w = Where::own(&ctx.state, &ctx).await?;
    let sub = subscription_and_files(&ctx.state, &ctx, &w, *sub_id).await?;
    let page = page_for(&ctx, w, sub, q.into_inner()).await?;
    render(&page, StatusCode::OK)
}
