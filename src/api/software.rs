//! A customer's software: the purchases (with days left to cancel), the
//! key of one (audited), its download files (filtered), and its download
//! links (made or renewed, listed, revoked).

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::paging::{Page, PageQuery};
use super::problem::{ApiError, ApiResult, Problem};
use super::{created, customer_of, state_of};
use crate::app;
use crate::domain::subscription::{StatusFilter, days_left_to_cancel};
use crate::store::keyset::{Cursor, Order};
use crate::store::links;
use crate::store::software::{self, Filter, Key, ListedPurchase, SoftwareRow};
use crate::web::access::{ApiAllowed, GetKeys, ManageKeys, Principal, SeeSoftware};
use crate::web::state::AppState;

/// One purchase.
#[derive(Debug, Serialize, ToSchema)]
pub struct SoftwareView {
    pub id: Uuid,
    pub order_id: Uuid,
    pub product_id: Uuid,
    pub product: String,
    pub quantity: i64,
    pub purchased_at: DateTime<Utc>,
    /// `active`, `cancellation_requested` or `cancelled`.
    pub status: String,
    pub cancel_until: DateTime<Utc>,
    /// Whole days left to cancel (rounded up); absent when the window has
    /// closed or the purchase is not active.
    pub days_left_to_cancel: Option<i64>,
    pub has_keys: bool,
    pub has_downloads: bool,
}

fn view(s: ListedPurchase, now: DateTime<Utc>) -> SoftwareView {
    SoftwareView {
        days_left_to_cancel: if s.status.is_active() {
            days_left_to_cancel(now, s.cancel_until)
        } else {
            None
        },
        id: s.id,
        order_id: s.order_id,
        product_id: s.product_id,
        product: s.product_name,
        quantity: s.quantity,
        purchased_at: s.purchased_at,
        status: s.status.as_str().to_owned(),
        cancel_until: s.cancel_until,
        has_keys: s.has_keys,
        has_downloads: s.has_downloads,
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SoftwareQuery {
    /// Part of the product's name.
    pub q: Option<String>,
    /// `active`, `cancellation_requested`, `cancelled` or `cancellable`
    /// (active and inside its window now).
    pub status: Option<String>,
}

/// The purchase `sub` of customer `customer_id`, as `p` may see it.
async fn purchase(
    state: &AppState,
    p: &Principal,
    customer_id: Uuid,
    sub: Uuid,
) -> ApiResult<SoftwareRow> {
    let customer = customer_of(state, p, customer_id).await?;
    software::one(&state.db, p.scope(), customer.id, sub)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The customer's purchases, newest first.
#[utoipa::path(get, path = "/api/v1/customers/{id}/software", tag = "software",
    params(("id" = Uuid, Path, description = "The customer's id"), SoftwareQuery, PageQuery),
    responses(
        (status = 200, body = Page<SoftwareView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    p: ApiAllowed<SeeSoftware>,
    req: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<SoftwareQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let customer = customer_of(&state, &p, *id).await?;
    let limit = page.limit()?;
    let status = match query.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(StatusFilter::parse(s).ok_or_else(|| {
            ApiError::Invalid(vec![crate::domain::FieldError::new(
                "status",
                "api-error-status",
            )])
        })?),
    };
    let cursor = match page.after::<(DateTime<Utc>, Uuid)>()? {
        Some((purchased_at, id)) => Cursor::After(Key { purchased_at, id }),
        None => Cursor::First,
    };
    let now = state.clock.now();
    let q: String = query
        .q
        .as_deref()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(100)
        .collect();
    let filter = Filter {
        product: (!q.is_empty()).then_some(q.as_str()),
        status,
        now,
    };
    let (rows, more) = software::list(
        &state.db,
        p.scope(),
        customer.id,
        &filter,
        Order::NewestFirst,
        cursor,
        limit,
    )
    .await?;
    let page = Page::of(rows, more, |s| (s.purchased_at, s.id), |s| view(s, now));
    Ok(HttpResponse::Ok().json(page))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KeyView {
    pub subscription_id: Uuid,
    pub product: String,
    pub key: String,
}

/// The product key of a purchase (`key_revealed` in the activity log). A
/// cancelled purchase's key is revoked: 410.
#[utoipa::path(post, path = "/api/v1/customers/{id}/software/{sub}/key", tag = "software",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("sub" = Uuid, Path, description = "The purchase's id"),
    ),
    responses(
        (status = 200, body = KeyView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 410, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn key(
    p: ApiAllowed<GetKeys>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, sub_id) = path.into_inner();
    let sub = purchase(&state, &p, customer_id, sub_id).await?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    let key = app::software::reveal_key(&state, &actor, &sub).await?;
    Ok(HttpResponse::Ok().json(KeyView {
        subscription_id: sub.id,
        product: sub.product_name,
        key: key.expose_secret().to_owned(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileQuery {
    /// e.g. `2022`.
    pub version: Option<String>,
    /// e.g. `en-US`.
    pub language: Option<String>,
    /// e.g. `64-bit`.
    pub bitness: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FileView {
    pub id: Uuid,
    pub file_name: String,
    pub version: String,
    pub language: String,
    pub bitness: String,
    pub file_type: String,
    pub os: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// The download files of a purchase's product, filtered.
#[utoipa::path(get, path = "/api/v1/customers/{id}/software/{sub}/files", tag = "software",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("sub" = Uuid, Path, description = "The purchase's id"),
        FileQuery,
    ),
    responses(
        (status = 200, body = Vec<FileView>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn files(
    p: ApiAllowed<GetKeys>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    query: web::Query<FileQuery>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, sub_id) = path.into_inner();
    let customer = customer_of(&state, &p, customer_id).await?;
    let (_, files) = software::one_with_files(&state.db, p.scope(), customer.id, sub_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let wanted = |want: &Option<String>, have: &str| {
        want.as_deref()
            .map(str::trim)
            .is_none_or(|w| w.is_empty() || w == have)
    };
    let files: Vec<FileView> = files
        .into_iter()
        .filter(|f| {
            wanted(&query.version, &f.version)
                && wanted(&query.language, &f.language)
                && wanted(&query.bitness, &f.bitness)
        })
        .map(|f| FileView {
            id: f.id,
            file_name: f.file_name,
            version: f.version,
            language: f.language,
            bitness: f.bitness,
            file_type: f.file_type,
            os: f.os,
            size_bytes: f.size_bytes,
            sha256: f.sha256,
        })
        .collect();
    Ok(HttpResponse::Ok().json(files))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkView {
    pub id: Uuid,
    pub file_name: String,
    /// The link's address while it works (and its token can be derived).
    pub url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub downloads_used: i64,
    pub download_cap: i64,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Not revoked, not expired, not used up.
    pub live: bool,
}

/// The purchase's download links, newest first.
#[utoipa::path(get, path = "/api/v1/customers/{id}/software/{sub}/links", tag = "links",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("sub" = Uuid, Path, description = "The purchase's id"),
    ),
    responses(
        (status = 200, body = Vec<LinkView>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn links(
    p: ApiAllowed<ManageKeys>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, sub_id) = path.into_inner();
    let sub = purchase(&state, &p, customer_id, sub_id).await?;
    let now = state.clock.now();
    let views: Vec<LinkView> = links::of_subscription(&state.db, sub.id)
        .await?
        .into_iter()
        .map(|l| {
            let live =
                l.revoked_at.is_none() && l.expires_at > now && l.downloads_used < l.download_cap;
            LinkView {
                url: live
                    .then(|| app::links::url_of(&state, l.id, &l.token_hash))
                    .flatten()
                    .map(|u| u.expose_secret().to_owned()),
                id: l.id,
                file_name: l.file_name,
                created_at: l.created_at,
                expires_at: l.expires_at,
                downloads_used: l.downloads_used,
                download_cap: l.download_cap,
                revoked_at: l.revoked_at,
                live,
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewLinkBody {
    /// One of the purchase's files (`.../files`).
    pub file_id: Uuid,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GivenLinkView {
    pub id: Uuid,
    pub url: String,
    /// `made`, or `renewed` (the file's live link, same address, a new period).
    pub given: String,
    pub expires_at: DateTime<Utc>,
    pub download_cap: i64,
}

/// Copy link: renews the file's live link (same address, a new period) or
/// makes one (`link_created` / `link_renewed` in the activity log). Only an
/// active purchase gives links (410 otherwise).
#[utoipa::path(post, path = "/api/v1/customers/{id}/software/{sub}/links", tag = "links",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("sub" = Uuid, Path, description = "The purchase's id"),
    ),
    request_body = NewLinkBody,
    responses(
        (status = 201, body = GivenLinkView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 410, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create_link(
    p: ApiAllowed<ManageKeys>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<NewLinkBody>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, sub_id) = path.into_inner();
    let sub = purchase(&state, &p, customer_id, sub_id).await?;
    let file = software::file(&state.db, sub.product_id, body.file_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    let link = app::links::give(&state, &actor, &sub, &file).await?;
    Ok(created(&GivenLinkView {
        id: link.id,
        url: link.url.expose_secret().to_owned(),
        given: match link.given {
            app::links::Given::Made => "made",
            app::links::Given::Renewed => "renewed",
        }
        .to_owned(),
        expires_at: link.expires_at,
        download_cap: link.cap,
    }))
}

/// Revokes a link of the purchase (`link_revoked`); it stops at once.
#[utoipa::path(post, path = "/api/v1/customers/{id}/software/{sub}/links/{link}/revoke", tag = "links",
    params(
        ("id" = Uuid, Path, description = "The customer's id"),
        ("sub" = Uuid, Path, description = "The purchase's id"),
        ("link" = Uuid, Path, description = "The link's id"),
    ),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown, another purchase's, or already revoked", body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn revoke_link(
    p: ApiAllowed<ManageKeys>,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let state = state_of(&req)?;
    let (customer_id, sub_id, link_id) = path.into_inner();
    let sub = purchase(&state, &p, customer_id, sub_id).await?;
    let actor = crate::web::audit::actor(&state, &req, &p);
    app::links::revoke(&state, &actor, &sub, link_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
