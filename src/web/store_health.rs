//! Knowing that the store is down, so that while it is every request that
//! needs it gets the 503 page at once instead of waiting for the pool to give
//! up, and the portal recovers by itself when the store is back (SPEC 4).
//!
//! A request whose store call fails with a connection or pool error
//! (`AppError::Unavailable`) marks the store down; so does a session-store
//! failure that a `SELECT 1` confirms. While down, everything but `/static`
//! and the health checks is answered with the 503 page without touching the
//! store, and a background probe runs `SELECT 1` until it answers.
//! `/health/ready` (and `/health`) always asks the store itself and sets the
//! flag either way.
//!
//! The flag lives in each process: an instance finds out on its own that the
//! store is down or back, which is all a flag of this kind can mean.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration as StdDuration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::InternalError;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};
use chrono::{DateTime, Duration, Utc};
use tracing::Instrument;

use crate::clock::SharedClock;
use crate::error::AppError;
use crate::request_scope;
use crate::shutdown::StopSignal;
use crate::store::{Db, StoreError, StoreResult};
use crate::web::headers;
use crate::web::state::AppState;

/// How often the background probe looks while the store is down.
pub const PROBE_EVERY: StdDuration = StdDuration::from_secs(1);
/// A `SELECT 1` that takes longer than this counts as a store that is down:
/// the probe should not keep a request (or `/health/ready`) waiting for the whole
/// pool acquire timeout a second time.
pub const PROBE_TIMEOUT: StdDuration = StdDuration::from_millis(500);
/// How long after a failure the probe tries again, so that a failing store
/// is asked about once a second. Measured by the application's clock, so a
/// test (whose clock stands still) decides when the probe may clear the flag.
pub fn probe_gap() -> Duration {
    Duration::seconds(1)
}

#[derive(Debug, Default)]
pub struct StoreHealth {
    down: AtomicBool,
    /// When the store last failed (microseconds since the epoch).
    last_failure: AtomicI64,
}

impl StoreHealth {
    pub fn new() -> Arc<StoreHealth> {
        Arc::new(StoreHealth::default())
    }

    pub fn is_down(&self) -> bool {
        self.down.load(Ordering::Acquire)
    }

    pub fn mark_down(&self, now: DateTime<Utc>) {
        self.last_failure
            .store(now.timestamp_micros(), Ordering::Release);
        if !self.down.swap(true, Ordering::AcqRel) {
            tracing::warn!("the store is unreachable; answering 503 until it is back");
        }
    }

    pub fn mark_up(&self) {
        if self.down.swap(false, Ordering::AcqRel) {
            tracing::info!("the store answers again");
        }
    }

    /// Whether the probe should ask the store again at `now`.
    pub fn probe_due(&self, now: DateTime<Utc>) -> bool {
        let last = self.last_failure.load(Ordering::Acquire);
        self.is_down() && now.timestamp_micros().saturating_sub(last) >= micros(probe_gap())
    }

    /// Asks the store (`SELECT 1`, for at most `PROBE_TIMEOUT`): an answer
    /// clears the flag, a connection or pool failure (or no answer in time)
    /// sets it; any other error leaves it as it is.
    pub async fn probe(&self, db: &Db, now: DateTime<Utc>) -> StoreResult<()> {
        let answer = tokio::time::timeout(PROBE_TIMEOUT, db.ping())
            .await
            .unwrap_or(Err(StoreError::Unavailable(sqlx::Error::PoolTimedOut)));
        match answer {
            Ok(()) => {
                self.mark_up();
                Ok(())
            }
            Err(e) => {
                if matches!(e, StoreError::Unavailable(_)) {
                    self.mark_down(now);
                }
                Err(e)
            }
        }
    }
}

fn micros(d: Duration) -> i64 {
    d.num_microseconds().unwrap_or(i64::MAX)
}

/// Probes the store while it is down, until `stop`. A probe that brings it
/// back logs under an id of its own.
pub async fn probe_while_down(
    health: Arc<StoreHealth>,
    db: Db,
    clock: SharedClock,
    mut stop: StopSignal,
) {
    let mut tick = tokio::time::interval(PROBE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.stopped() => return,
        }
        let now = clock.now();
        if health.probe_due(now) {
            let span = tracing::info_span!("job", id = %request_scope::new_id());
            // The outcome is in the flag; a failure was logged when it was set.
            let _ = health.probe(&db, now).instrument(span).await;
        }
    }
}

/// What is answered without the store: our static files and the health
/// checks (ready asks the store itself, live never does).
fn needs_store(path: &str) -> bool {
    !(path == "/health" || path.starts_with("/health/") || path.starts_with("/static/"))
}

/// Sits outside the session middleware (which reads the store on every
/// request with a cookie) and inside the security headers and the request
/// context, so that every 503 carries the headers and the request id.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let found = (
        req.app_data::<web::Data<StoreHealth>>().cloned(),
        req.app_data::<web::Data<AppState>>().cloned(),
    );
    let (Some(health), Some(state)) = found else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    if health.is_down() && needs_store(req.path()) {
        let why = anyhow::anyhow!("the store is down (answered without asking it)");
        // The API's clients read problem details, never a page.
        return Ok(if req.path().starts_with("/api/") {
            req.error_response(crate::api::problem::ApiError::Unavailable(why))
        } else {
            req.error_response(AppError::Unavailable(why))
        });
    }
    match next.call(req).await {
        Ok(res) => {
            let unavailable = res.response().error().is_some_and(|e| {
                e.as_error::<AppError>()
                    .is_some_and(|e| matches!(e, AppError::Unavailable(_)))
                    || e.as_error::<crate::api::problem::ApiError>()
                        .is_some_and(|e| matches!(e, crate::api::problem::ApiError::Unavailable(_)))
            });
            if unavailable {
                health.mark_down(state.clock.now());
            }
            Ok(res.map_into_boxed_body())
        }
        // Handlers and our own middleware answer with pages; an error here
        // comes from the session middleware, whose store failed. Its error
        // is opaque, so the store is asked whether it is down.
        Err(e) => {
            let error = match health.probe(&state.db, state.clock.now()).await {
                Err(StoreError::Unavailable(_)) => {
                    AppError::Unavailable(anyhow::anyhow!("session store: {e}"))
                }
                _ => AppError::Internal(anyhow::anyhow!("session store: {e}")),
            };
            Err(finished_page(&error, state.settings.https))
        }
    }
}

/// The error's page, finished here because an error leaves the middleware
/// chain without a request to answer (the session middleware took it), so
/// neither the headers middleware nor the request context would see it:
/// made inside the request (its id and language), with the security headers
/// and `X-Request-Id` on it.
fn finished_page(error: &AppError, https: bool) -> Error {
    let mut res = error.error_response();
    headers::add_missing(res.headers_mut(), https);
    if let Some(id) = request_scope::request_id()
        && let Ok(v) = HeaderValue::from_str(&id)
    {
        res.headers_mut()
            .insert(HeaderName::from_static("x-request-id"), v);
    }
    InternalError::from_response(error.to_string(), res).into()
}
