//! The request context handlers take instead of `Session` +
//! `Data<AppState>` + `Allowed<..>` + `HttpRequest`: `Ctx<Policy>` is the
//! principal the policy lets through, with the state, the session and the
//! request beside it; `ScopedCustomer<Policy>` adds the customer named by the
//! `{id}` path segment, one of the signed-in partner's (404 otherwise).

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::{FromRequest, HttpRequest, web};
use uuid::Uuid;

use crate::app::Actor;
use crate::error::{AppError, AppResult};
use crate::request_scope::{self, Wanted};
use crate::store::Db;
use crate::store::organisations::{self, Customer};
use crate::web::access::{Allowed, Policy, Principal, SignedIn};
use crate::web::page::{self, Page};
use crate::web::session::PortalSession;
use crate::web::state::AppState;

/// A signed-in user allowed by `P`, and what a handler reaches through them.
pub struct Ctx<P: Policy = SignedIn> {
    pub p: Allowed<P>,
    pub state: web::Data<AppState>,
    pub session: Session,
    pub req: HttpRequest,
}

impl<P: Policy> Deref for Ctx<P> {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.p
    }
}

impl<P: Policy> Ctx<P> {
    /// The store.
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// The layout for this user, `section` marking the active navigation
    /// entry; takes the flash message.
    pub fn page(&self, section: &str) -> AppResult<Page> {
        Page::for_user(&self.session, &self.p, section)
    }

    /// Who acts, for the use cases.
    pub fn actor(&self) -> Actor {
        crate::web::audit::actor(&self.state, &self.req, &self.p)
    }

    /// Leaves a message (already translated) for the next page shown.
    pub fn flash(&self, message: String) -> AppResult<()> {
        page::flash(&self.session, message)
    }
}

fn state_of(req: &HttpRequest) -> AppResult<web::Data<AppState>> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))
}

impl<P: Policy + 'static> FromRequest for Ctx<P> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let allowed = Allowed::<P>::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let p = allowed.await?;
            Ok(Ctx {
                p,
                state: state_of(&req)?,
                session: req.get_session(),
                req,
            })
        })
    }
}

/// `Ctx<P>` and the customer of the `{id}` path segment, looked up in the
/// user's scope: an unknown or foreign id is the 404 page.
pub struct ScopedCustomer<P: Policy> {
    pub ctx: Ctx<P>,
    pub customer: Customer,
}

impl<P: Policy> Deref for ScopedCustomer<P> {
    type Target = Ctx<P>;
    fn deref(&self) -> &Ctx<P> {
        &self.ctx
    }
}

impl<P: Policy + 'static> FromRequest for ScopedCustomer<P> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let id = req
            .match_info()
            .get("id")
            .and_then(|s| s.parse::<Uuid>().ok());
        // As with `web::Path`: a malformed id is a 404 for a signed-in user,
        // the sign-in page for anyone else.
        let signed_in = PortalSession::new(req.get_session()).user_id().is_some();
        let ctx = Ctx::<P>::from_request(req, payload);
        Box::pin(async move {
            if id.is_none() && signed_in {
                return Err(AppError::NotFound);
            }
            let ctx = ctx.await?;
            let id = id.ok_or(AppError::NotFound)?;
            let customer = customer_in_scope(ctx.db(), &ctx, Wanted::Id(id), id).await?;
            Ok(ScopedCustomer { ctx, customer })
        })
    }
}

/// The customer `id` in `p`'s scope (the path names it as `wanted`): as
/// read with the session when it was (`store::sessions`), checked again
/// against the scope, else read now; not in the scope, a 404.
pub async fn customer_in_scope(
    db: &Db,
    p: &Principal,
    wanted: Wanted,
    id: Uuid,
) -> AppResult<Customer> {
    let scope = p.scope();
    match request_scope::take_customer(p.account.id, wanted) {
        Some(read) => read.filter(|c| c.id == id && scope.admits_customer(c.id, c.partner_id)),
        None => organisations::customer(db, scope, id).await?,
    }
    .ok_or(AppError::NotFound)
}
