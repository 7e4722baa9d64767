//! The "Download links" part of a purchase's page (`templates/software/
//! links.html`): the link just given, the live links, and the links that no
//! longer work with why and when. The page includes it; Copy link with
//! JavaScript gets it alone, to replace the part in place.

use askama::Template;
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use uuid::Uuid;

use super::show::Selection;
use crate::app::links::{Given, url_of};
use crate::domain::link::{Ending, LinkState, ending};
use crate::layout::date_time;
use crate::store::links::ListedLink;
use crate::store::software::SoftwareRow;
use crate::web::access::Principal;
use crate::web::page::Page;
use crate::web::state::AppState;

/// The link Copy link just gave, shown with its address to copy.
pub struct NewLinkView {
    pub url: String,
    pub label: String,
    pub limits: String,
}

pub struct LiveLinkView {
    pub id: Uuid,
    pub file_name: String,
    /// The start of its address (`/d/Ab3xYz…`), which tells apart links to
    /// the same file and matches what the customer was sent; empty for a
    /// link made before addresses could be derived again.
    pub address: String,
    pub made: String,
    pub renewed: Option<String>,
    pub expires: String,
    pub time_left: String,
    pub used: i64,
    pub cap: i64,
    pub before: Option<String>,
}

pub struct EndedLinkView {
    pub file_name: String,
    pub address: String,
    pub made: String,
    pub why: String,
    pub why_class: &'static str,
    /// When, and by whom or what.
    pub when: String,
    pub used: i64,
    pub cap: i64,
    pub before: Option<String>,
}

pub struct LinksPanel {
    /// `{base}/{sub}`: where the forms post.
    pub action_base: String,
    pub selection: Selection,
    pub help: String,
    pub new_link: Option<NewLinkView>,
    pub live: Vec<LiveLinkView>,
    pub ended: Vec<EndedLinkView>,
    pub history_title: String,
}

/// The panel on its own, for Copy link with JavaScript.
#[derive(Template)]
#[template(path = "software/links_fragment.html")]
pub struct LinksFragment {
    pub page: Page,
    pub panel: LinksPanel,
}

/// The link to show with its address: one just given, or the one a
/// redirect after Copy link names.
pub struct Shown {
    pub id: Uuid,
    pub url: SecretString,
    pub given: Given,
    pub file_name: String,
}

fn time_left(page: &Page, now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let left = until - now;
    let days = left.num_days();
    let hours = left.num_hours() - days * 24;
    page.i18n.t_with(
        "links-time-left",
        &[("days", days.into()), ("hours", hours.into())],
    )
}

fn by(page: &Page, id: &str, at: &DateTime<Utc>, name: Option<&str>) -> String {
    page.i18n.t_args(
        id,
        &[("date", &date_time(at)), ("name", name.unwrap_or("—"))],
    )
}

fn address(url: Option<SecretString>) -> String {
    url.and_then(|u| {
        let token = u.expose_secret().rsplit_once("/d/")?.1.to_owned();
        Some(format!("/d/{}…", token.get(..6)?))
    })
    .unwrap_or_default()
}

/// How `l` ended as of `now`; `None` while it works.
fn ending_of(l: &ListedLink, now: DateTime<Utc>) -> Option<Ending> {
    ending(
        now,
        l.expires_at,
        l.downloads_used,
        l.download_cap,
        l.used_up_at,
        l.revoked_at,
    )
}

/// The downloads of the periods before the last renewal, if any.
fn before(page: &Page, l: &ListedLink) -> Option<String> {
    (l.downloads_before > 0).then(|| {
        page.i18n.t1(
            "links-downloads-before",
            "count",
            &l.downloads_before.to_string(),
        )
    })
}

/// Why and when an ended link stopped working, in words.
fn ended_view(
    page: &Page,
    l: &ListedLink,
    why: LinkState,
    at: Option<DateTime<Utc>>,
    cancelled: bool,
) -> (String, &'static str, String) {
    let (label, class) = match why {
        LinkState::Revoked => ("link-ended-revoked", "danger"),
        LinkState::UsedUp => ("link-ended-used-up", "warn"),
        LinkState::Expired | LinkState::Live => ("link-ended-expired", ""),
    };
    let when = match (why, at) {
        (_, None) => page.t("links-ended-undated"),
        // Only the approval of a cancellation revokes without a user.
        (LinkState::Revoked, Some(at)) if l.revoked_by_name.is_none() && cancelled => {
            page.i18n
                .t1("links-ended-with-cancellation", "date", &date_time(&at))
        }
        (LinkState::Revoked, Some(at)) => by(page, "links-by", &at, l.revoked_by_name.as_deref()),
        (_, Some(at)) => date_time(&at),
    };
    (page.t(label), class, when)
}

/// The link named by `selection.link`, with its address, if it still works
/// and the signed-in user gave it last (made or renewed it: both audited).
pub fn shown_link(
    state: &AppState,
    p: &Principal,
    selection: &Selection,
    rows: &[ListedLink],
) -> Option<Shown> {
    let id: Uuid = selection.link.as_deref()?.parse().ok()?;
    let l = rows.iter().find(|l| l.id == id)?;
    let live = ending_of(l, state.clock.now()).is_none();
    let giver = l.renewed_by.or(l.created_by);
    if !live || giver != Some(p.account.id) {
        return None;
    }
    Some(Shown {
        id,
        url: url_of(state, id, &l.token_hash)?,
        given: if l.renewed_at.is_some() {
            Given::Renewed
        } else {
            Given::Made
        },
        file_name: l.file_name.clone(),
    })
}

/// Builds the panel from the purchase's links as of `now`; `shown` is the
/// link whose address the page shows.
pub fn panel(
    state: &AppState,
    page: &Page,
    base: &str,
    sub: &SoftwareRow,
    selection: Selection,
    rows: Vec<ListedLink>,
    shown: Option<Shown>,
) -> LinksPanel {
    let now = state.clock.now();
    let mut live = Vec::new();
    let mut ended = Vec::new();
    for l in rows {
        let made = by(
            page,
            "links-by",
            &l.created_at,
            l.created_by_name.as_deref(),
        );
        let addr = address(url_of(state, l.id, &l.token_hash));
        match ending_of(&l, now) {
            None => live.push(LiveLinkView {
                id: l.id,
                address: addr,
                made,
                renewed: l
                    .renewed_at
                    .map(|at| by(page, "links-renewed-by", &at, l.renewed_by_name.as_deref())),
                expires: date_time(&l.expires_at),
                time_left: time_left(page, now, l.expires_at),
                used: l.downloads_used,
                cap: l.download_cap,
                before: before(page, &l),
                file_name: l.file_name,
            }),
            Some(end) => {
                let before = before(page, &l);
                let (why, why_class, when) =
                    ended_view(page, &l, end.why, end.at, sub.status.is_cancelled());
                ended.push((
                    end.at,
                    EndedLinkView {
                        file_name: l.file_name,
                        address: addr,
                        made,
                        why,
                        why_class,
                        when,
                        used: l.downloads_used,
                        cap: l.download_cap,
                        before,
                    },
                ));
            }
        }
    }
    // The latest to end first; an undated ending (older data) last.
    ended.sort_by_key(|e| std::cmp::Reverse(e.0));
    let days = sub.link_lifetime_days;
    let cap = sub.link_download_cap;
    let new_link = shown.map(|s| {
        let expires = live
            .iter()
            .find(|l| l.id == s.id)
            .map(|l| l.expires.clone())
            .unwrap_or_default();
        let label = match s.given {
            Given::Made => "link-made",
            Given::Renewed => "link-renewed",
        };
        NewLinkView {
            url: s.url.expose_secret().to_owned(),
            label: page.i18n.t1(label, "file", &s.file_name),
            limits: page.i18n.t_with(
                "link-limits",
                &[("date", (&expires).into()), ("cap", cap.into())],
            ),
        }
    });
    LinksPanel {
        action_base: format!("{base}/{}", sub.id),
        selection,
        help: page
            .i18n
            .t_with("links-help", &[("days", days.into()), ("cap", cap.into())]),
        new_link,
        live,
        history_title: page
            .i18n
            .t_with("links-history", &[("count", ended.len().into())]),
        ended: ended.into_iter().map(|(_, v)| v).collect(),
    }
}
