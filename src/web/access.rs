//! Access control, in one place: every route that shows tenant data takes an
//! `Allowed<Policy>` (or a bare `Principal`), so signing in, roles and the
//! organisation scope are checked before a handler runs. The policies below
//! are the whole role matrix of the portal.
//!
//! The pages find the principal in the session cookie; the API (`/api/v1`,
//! `ApiAllowed<Policy>`) only in an `Authorization: Bearer` token, and
//! never reads the cookie. Either way the same user, organisation and
//! current roles are read, and the same policies admit them.

use std::future::Future;
use std::marker::PhantomData;
use std::ops::Deref;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use crate::api::problem::ApiError;
use crate::app::api_tokens;
use crate::domain::role::{OrgKind, Role};
use crate::domain::scope::Scope;
use crate::error::AppError;
use crate::i18n::I18n;
use crate::request_scope;
use crate::store::api_tokens as store_tokens;
use crate::store::users::{self, Account};
use crate::web::page::Page;
use crate::web::session::PortalSession;
use crate::web::state::AppState;

/// The signed-in user, their organisation and roles.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account: Account,
    pub i18n: I18n,
    /// The API token this user acts through (none on the pages).
    pub token: Option<uuid::Uuid>,
}

impl Principal {
    pub fn has(&self, role: Role) -> bool {
        self.account.roles.contains(&role)
    }

    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }

    /// Whose data this user may read.
    pub fn scope(&self) -> Scope {
        match self.account.org_kind {
            OrgKind::Vendor => Scope::Vendor,
            OrgKind::Partner => Scope::Partner(self.account.org_id),
            OrgKind::Customer => Scope::Customer(self.account.org_id),
        }
    }

    /// The partner this user works for; partner-only pages use it.
    pub fn partner_id(&self) -> Result<uuid::Uuid, AppError> {
        self.scope().partner_id().ok_or(AppError::NotFound)
    }
}

/// Where to come back to after signing in: only GETs, only local paths.
fn return_path(req: &HttpRequest) -> Option<String> {
    (req.method() == Method::GET).then(|| match req.uri().query() {
        Some(q) => format!("{}?{q}", req.path()),
        None => req.path().to_owned(),
    })
}

async fn load(req: HttpRequest, session: PortalSession) -> Result<Principal, AppError> {
    if let Some(p) = req.extensions().get::<Principal>() {
        return Ok(p.clone());
    }
    let unauthenticated = || AppError::Unauthenticated {
        next: return_path(&req),
    };
    let Some(user_id) = session.user_id() else {
        return Err(unauthenticated());
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))?;
    // Read with the session, unless this request changed its user since.
    let account = match request_scope::take_account(user_id) {
        Some(account) => account,
        None => users::active_account(&state.db, user_id).await?,
    };
    let Some(account) = account else {
        // Deactivated (or deleted) since signing in: the session ends now.
        session.purge();
        return Err(unauthenticated());
    };
    // Until a required second factor is set up, only its page (and signing
    // out) can be reached.
    if account.must_enrol && !req.path().starts_with("/account/2fa") && req.path() != "/sign-out" {
        return Err(AppError::MustEnrol);
    }
    // Their saved language, else the one the request chose (the `lang`
    // cookie, else Accept-Language, else English); their time zone, else UTC.
    let i18n = account
        .language
        .as_deref()
        .and_then(I18n::exactly)
        .unwrap_or_else(request_scope::i18n)
        .in_time_zone(account.time_zone.as_deref());
    request_scope::set_i18n(i18n.clone());
    let p = Principal {
        account,
        i18n,
        token: None,
    };
    req.extensions_mut().insert(p.clone());
    // An error page for this request shows this user's header and navigation.
    let signed_in = p.clone();
    request_scope::set_signed_in(move || Page::signed_in(&signed_in, ""));
    Ok(p)
}

/// The signed-in user of `req`, if any (for an error page's frame: a
/// failure to find them is no failure of its own).
pub async fn signed_in_user(req: &HttpRequest) -> Option<Principal> {
    let session = PortalSession::new(req.get_session());
    session.user_id()?;
    load(req.clone(), session).await.ok()
}

impl FromRequest for Principal {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let session = PortalSession::new(req.get_session());
        Box::pin(load(req, session))
    }
}

/// A set of roles that may use a group of routes.
pub trait Policy {
    const ROLES: &'static [Role];

    /// Whether `p` may pass: by default, holding one of `ROLES`.
    fn admits(p: &Principal) -> bool {
        p.has_any(Self::ROLES)
    }
}

/// Any signed-in user, whatever their roles (the pages every user has:
/// home, their own password and second factor).
pub struct SignedIn;

impl Policy for SignedIn {
    const ROLES: &'static [Role] = &[];

    fn admits(_: &Principal) -> bool {
        true
    }
}

/// A signed-in user holding one of `P::ROLES`; anyone else gets the 403 page
/// naming those roles (or the sign-in redirect).
pub struct Allowed<P: Policy>(pub Principal, PhantomData<P>);

impl<P: Policy> Deref for Allowed<P> {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl<P: Policy + 'static> FromRequest for Allowed<P> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let session = PortalSession::new(req.get_session());
        Box::pin(async move {
            let p = load(req, session).await?;
            if P::admits(&p) {
                Ok(Allowed(p, PhantomData))
            } else {
                Err(AppError::Forbidden(P::ROLES))
            }
        })
    }
}

macro_rules! policy {
    ($(#[$doc:meta])* $name:ident = [$($role:ident),+]) => {
        $(#[$doc])*
        pub struct $name;
        impl Policy for $name {
            const ROLES: &'static [Role] = &[$(Role::$role),+];
        }
    };
}

policy!(
    /// See a partner's customers and their details.
    SeeCustomers = [AdminAgent, SalesAgent, HelpdeskAgent]
);
policy!(
    /// Create customers (and, later, buy for them).
    CreateCustomers = [AdminAgent, SalesAgent]
);
policy!(
    /// Buy software on behalf of a customer (Add products, Place order).
    BuyForCustomers = [AdminAgent, SalesAgent]
);
policy!(
    /// Get keys, downloads and links for a partner's customers (SPEC 3.3).
    ManageKeys = [AdminAgent]
);
policy!(
    /// A customer's own software, keys and downloads (SPEC 3.5).
    SeeOwnSoftware = [CustomerGlobalAdmin]
);
policy!(
    /// Report a problem; cancellations need the admin agent role on top.
    FileRequests = [AdminAgent, SalesAgent, HelpdeskAgent]
);
policy!(
    /// Credit notes: the partner's staff who see its purchases, and operators.
    SeeCreditNotes = [AdminAgent, SalesAgent, HelpdeskAgent, Operator]
);
policy!(
    /// The activity log: the partner's admins for their organisation, operators for all.
    SeeActivity = [AdminAgent, PartnerGlobalAdmin, Operator]
);
policy!(
    /// A partner's users and their roles.
    ManageUsers = [PartnerGlobalAdmin]
);
policy!(
    /// Whom the home page is for; everyone else is sent on to their own
    /// start page (agents to the customers, a customer's global admin to
    /// their software). Only the navigation reads it.
    SeeHome = [PartnerGlobalAdmin, CustomerUser, Operator]
);
policy!(
    /// The vendor's own pages.
    OperatePortal = [Operator]
);

/// The user of the request's `Authorization: Bearer` token: a live token
/// (not revoked, not expired) of an active user, with that user's current
/// organisation and roles. Each request is counted against the token's
/// rate limit (`api::rate`) and marks the token used (at most once a minute).
async fn load_bearer(req: &HttpRequest) -> Result<Principal, ApiError> {
    if let Some(p) = req.extensions().get::<Principal>() {
        return Ok(p.clone());
    }
    let token = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|t| t.starts_with(api_tokens::PREFIX))
        .ok_or(ApiError::Unauthorized)?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
    let now = state.clock.now();
    let row = store_tokens::by_hash(&state.db, &api_tokens::hash(token))
        .await?
        .filter(|t| t.is_live(now))
        .ok_or(ApiError::Unauthorized)?;
    let rate = crate::api::rate::take(state, row.id).await?;
    req.extensions_mut().insert(rate);
    // Deactivated (or their organisation) since the token was made: it
    // stops now, like their sessions.
    let account = users::active_account(&state.db, row.user_id)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    if account.must_enrol {
        return Err(ApiError::MustEnrol);
    }
    if row
        .last_used_at
        .is_none_or(|t| t < now - chrono::Duration::minutes(1))
    {
        store_tokens::touch(&state.db, now, row.id).await?;
    }
    // As on the pages: their saved language, else the request's.
    let i18n = account
        .language
        .as_deref()
        .and_then(I18n::exactly)
        .unwrap_or_else(request_scope::i18n)
        .in_time_zone(account.time_zone.as_deref());
    request_scope::set_i18n(i18n.clone());
    let p = Principal {
        account,
        i18n,
        token: Some(row.id),
    };
    req.extensions_mut().insert(p.clone());
    Ok(p)
}

/// An API caller (bearer token) holding one of `P::ROLES`; anyone else gets
/// the 401 or 403 problem.
pub struct ApiAllowed<P: Policy>(pub Principal, PhantomData<P>);

impl<P: Policy> Deref for ApiAllowed<P> {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl<P: Policy + 'static> FromRequest for ApiAllowed<P> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let p = load_bearer(&req).await?;
            if P::admits(&p) {
                Ok(ApiAllowed(p, PhantomData))
            } else {
                Err(ApiError::Forbidden(P::ROLES))
            }
        })
    }
}

policy!(
    /// A customer's purchases: the partner's staff, and the customer's own
    /// global admin (their tenant only).
    SeeSoftware = [AdminAgent, SalesAgent, HelpdeskAgent, CustomerGlobalAdmin]
);
policy!(
    /// Keys and download files: a partner's admin agents and the
    /// customer's own global admin (`ManageKeys` and `SeeOwnSoftware`).
    GetKeys = [AdminAgent, CustomerGlobalAdmin]
);
policy!(
    /// One service request: who files them, and operators.
    SeeRequests = [AdminAgent, SalesAgent, HelpdeskAgent, Operator]
);
