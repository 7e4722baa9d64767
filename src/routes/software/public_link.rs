//! `GET /d/{token}`: a download link, no sign-in needed. A transfer from byte
//! 0 counts one download through one conditional UPDATE; a resumed transfer
//! (Range from further in) is served without counting while the link is not
//! expired or revoked. A link that no longer works answers with a page that
//! says why and what to do, never with the file.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::download::{range_of, serve};
use crate::app;
use crate::crypto::token_hash;
use crate::domain::link::{LinkState, starts_a_download, state as link_state};
use crate::error::AppResult;
use crate::routes::{client_ip, render};
use crate::store::{links, software};
use crate::web::page::Page;
use crate::web::state::AppState;
use crate::web::{access, request_ctx};

#[derive(Template)]
#[template(path = "software/link_refused.html")]
struct Refused {
    page: Page,
    title: String,
    message: String,
}

/// The page of a link that does not work: in the portal's frame, the
/// signed-in user's (a partner trying a link) or the bare one.
async fn refused(
    req: &HttpRequest,
    state: LinkState,
    expired_on: String,
) -> AppResult<HttpResponse> {
    let page = match access::signed_in_user(req).await {
        Some(p) => Page::signed_in(&p, ""),
        None => Page::bare(request_ctx::i18n()),
    };
    let i18n = page.i18n.clone();
    let (title, message, status) = match state {
        LinkState::Expired => (
            i18n.t("link-expired-title"),
            i18n.t1("link-expired", "date", &expired_on),
            StatusCode::GONE,
        ),
        LinkState::UsedUp => (
            i18n.t("link-used-up-title"),
            i18n.t("link-used-up"),
            StatusCode::GONE,
        ),
        LinkState::Revoked => (
            i18n.t("link-revoked-title"),
            i18n.t("link-revoked"),
            StatusCode::GONE,
        ),
        LinkState::Live => (
            i18n.t("link-unknown-title"),
            i18n.t("link-unknown"),
            StatusCode::NOT_FOUND,
        ),
    };
    let mut res = render(
        &Refused {
            page,
            title,
            message,
        },
        status,
    )?;
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

pub async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> AppResult<HttpResponse> {
    let hash = token_hash(&token);
    let now = state.clock.now();
    let Some(link) = links::by_token(&state.db, &hash).await? else {
        return refused(&req, LinkState::Live, String::new()).await;
    };
    let expired_on = crate::format::date_time(&link.expires_at);
    if req.method() == actix_web::http::Method::HEAD {
        // Download managers ask first: answer with the file's headers, count nothing.
        let why = link_state(
            now,
            link.expires_at,
            link.downloads_used,
            link.download_cap,
            link.revoked_at.is_some(),
        );
        if why != LinkState::Live {
            return refused(&req, why, expired_on).await;
        }
        let file = software::file_by_id(&state.db, link.download_file_id).await?;
        let Some(file) = file else {
            return refused(&req, LinkState::Live, expired_on).await;
        };
        return serve(&req, &state, &file).await;
    }
    // A ranged first request is still the link's first download.
    if starts_a_download(range_of(&req)) || link.downloads_used == 0 {
        let ip = client_ip(&req, &state.settings.trusted_proxies);
        let counted = app::software::count_link_download(&state, &hash, &link, ip).await?;
        if counted.is_none() {
            // Refused by the UPDATE: read why, for the page.
            let current = links::by_token(&state.db, &hash).await?.unwrap_or(link);
            let why = link_state(
                now,
                current.expires_at,
                current.downloads_used,
                current.download_cap,
                current.revoked_at.is_some(),
            );
            return refused(
                &req,
                if why == LinkState::Live {
                    LinkState::UsedUp
                } else {
                    why
                },
                expired_on,
            )
            .await;
        }
    } else {
        // A resume of a download already counted: allowed while the link
        // has not expired or been revoked, even when the cap has been reached.
        let why = link_state(now, link.expires_at, 0, 1, link.revoked_at.is_some());
        if why != LinkState::Live {
            return refused(&req, why, expired_on).await;
        }
    }
    let file = software::file_by_id(&state.db, link.download_file_id).await?;
    let Some(file) = file else {
        return refused(&req, LinkState::Live, expired_on).await;
    };
    let mut res = serve(&req, &state, &file).await?;
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}
