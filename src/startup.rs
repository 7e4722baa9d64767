//! Startup as a value: `Application::build` opens the store, runs migrations,
//! binds the listener (port 0 in tests) and hands back the server and its port,
//! with a [`Stopper`] that stops it as SIGTERM does (see `shutdown`).

use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, TtlExtensionPolicy};
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::from_fn;
use actix_web::{App, HttpResponse, HttpServer, guard, web};
use anyhow::Context;
use rand::RngCore;
use secrecy::ExposeSecret;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::crypto::KeyCipher;
use crate::error::AppError;
use crate::files::{FileStore, Kind};
use crate::routes;
use crate::shutdown::Jobs;
use crate::store::Db;
use crate::store::sessions::DbSessionStore;
use crate::web::state::AppState;
use crate::web::store_health::{self, StoreHealth};
use crate::web::{assets, csrf, error_frame, headers, request_ctx};

pub struct Application {
    server: Server,
    address: SocketAddr,
    db: Db,
    stores: Stores,
    health: Arc<StoreHealth>,
    state: web::Data<AppState>,
    jobs: Jobs,
    shutdown_limit: Duration,
}

/// Every pool of an instance's store: the shared one (jobs, the health
/// probe) and each worker thread's own (`Db::for_worker`).
#[derive(Clone)]
pub struct Stores {
    shared: Db,
    workers: Arc<Mutex<Vec<Db>>>,
}

impl Stores {
    pub fn all(&self) -> Vec<Db> {
        let workers = self.workers.lock().unwrap_or_else(PoisonError::into_inner);
        std::iter::once(self.shared.clone())
            .chain(workers.iter().cloned())
            .collect()
    }

    /// Closes them all: for this instance the store is gone (tests take a
    /// store down so).
    pub async fn close(&self) {
        for db in self.all() {
            db.close().await;
        }
    }
}

/// Stops one instance: the server stops accepting and gives requests in
/// flight the shutdown limit; the background loops stop between passes.
#[derive(Clone)]
pub struct Stopper {
    server: ServerHandle,
    jobs: tokio::sync::watch::Sender<bool>,
}

impl Stopper {
    /// Resolves when the server has stopped (the loops may still be
    /// finishing a pass: `run_until_stopped` waits for them).
    pub async fn stop(&self) {
        self.jobs.send_replace(true);
        self.server.stop(true).await;
    }

    /// Drops the requests in flight at once (a second signal).
    pub async fn force(&self) {
        self.jobs.send_replace(true);
        self.server.stop(false).await;
    }
}

impl Application {
    /// Opens and migrates the store named in `settings`, then binds `bind`.
    pub async fn build(
        settings: Settings,
        clock: SharedClock,
        bind: &str,
    ) -> anyhow::Result<Application> {
        let db = Db::connect_sized(&settings.database_url, settings.db_pool)
            .await
            .context("opening the database")?;
        db.migrate().await.context("running migrations")?;
        Self::build_with_db(settings, clock, db, bind)
    }

    pub fn build_with_db(
        settings: Settings,
        clock: SharedClock,
        db: Db,
        bind: &str,
    ) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(bind).with_context(|| format!("binding {bind}"))?;
        let local = listener.local_addr()?;
        let public_url = settings
            .public_url
            .clone()
            .unwrap_or_else(|| crate::config::PublicUrl::for_bind(local));
        crate::auth::hasher::set_concurrency(settings.hash_threads, settings.hash_wait);
        let root_key = cookie_key(&settings)?;
        let key = Key::from(&root_key);
        let site_keys = crate::web::site_keys::SiteKeys::derive(&root_key);
        let https = settings.https;
        let idle = CookieDuration::seconds(settings.session_idle.num_seconds());
        let store = DbSessionStore::new(
            db.clone(),
            clock.clone(),
            settings.session_idle,
            settings.session_absolute,
        );
        let cipher = KeyCipher::from_settings(&settings)?;
        let files = FileStore::from_settings(&settings, Kind::Files)?;
        let attachments = FileStore::from_settings(&settings, Kind::Attachments)?;
        let mailer = crate::mail::Mailer::from_settings(&settings)?;
        let state = web::Data::new(AppState {
            db: db.clone(),
            clock,
            settings,
            public_url,
            cipher,
            files,
            attachments,
            mailer,
            site_keys,
        });
        let mut jobs = Jobs::default();
        if state.settings.run_jobs {
            let job = crate::reminders::Job {
                db: state.db.clone(),
                mailer: state.mailer.clone(),
                clock: state.clock.clone(),
            };
            jobs.spawn(|stop| crate::reminders::run_every(job, stop));
        }
        let health = StoreHealth::new();
        let (probed, probe_db, probe_clock) = (health.clone(), db.clone(), state.clock.clone());
        jobs.spawn(|stop| store_health::probe_while_down(probed, probe_db, probe_clock, stop));
        let shutdown_limit = state.settings.shutdown_limit;
        let health_data = web::Data::from(health.clone());
        let app_state = state.clone();
        assets::prepare();
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let stores = Stores {
            shared: db.clone(),
            workers: Arc::default(),
        };
        let worker_stores = stores.workers.clone();
        let server = HttpServer::new(move || {
            // This runs on each worker's thread: the worker's store opens its
            // connections there (`Db::for_worker`).
            let db = state.db.for_worker(workers);
            worker_stores
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(db.clone());
            let state = web::Data::new(AppState {
                db: db.clone(),
                ..AppState::clone(&state)
            });
            let sessions = SessionMiddleware::builder(store.with_db(db), key.clone())
                // The __Host- prefix pins the cookie to this host over https.
                .cookie_name(
                    if https {
                        "__Host-session"
                    } else {
                        "portal_session"
                    }
                    .to_owned(),
                )
                .cookie_secure(https)
                .cookie_http_only(true)
                .cookie_same_site(SameSite::Lax)
                .session_lifecycle(
                    BrowserSession::default()
                        .state_ttl(idle)
                        .state_ttl_extension_policy(TtlExtensionPolicy::OnStateChanges),
                )
                .build();
            App::new()
                .app_data(state.clone())
                .app_data(health_data.clone())
                .app_data(
                    web::FormConfig::default()
                        .limit(256 * 1024)
                        .error_handler(|_, _| AppError::BadRequest.into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .app_data(
                    web::QueryConfig::default().error_handler(|_, _| AppError::BadRequest.into()),
                )
                .route(
                    "/static/{path:.*}",
                    web::route()
                        .guard(guard::Any(guard::Get()).or(guard::Head()))
                        .to(assets::serve),
                )
                // Static files (above) and the health checks need no session,
                // so they answer while the store is down.
                .configure(routes::health_checks)
                // The API: bearer tokens only, outside the session and CSRF
                // middleware (it never reads the session cookie).
                .service(
                    web::scope("/api/v1")
                        .configure(crate::api::configure)
                        .wrap(from_fn(crate::api::middleware)),
                )
                .service(
                    web::scope("")
                        .configure(routes::configure)
                        .wrap(from_fn(error_frame::middleware))
                        .wrap(from_fn(csrf::middleware))
                        .wrap(sessions),
                )
                .default_service(web::to(|| async {
                    Err::<HttpResponse, _>(AppError::NotFound)
                }))
                .wrap(from_fn(store_health::middleware))
                .wrap(headers::security_headers(https))
                .wrap(from_fn(request_ctx::middleware))
        })
        .workers(workers)
        .listen(listener)?
        // Signals are ours to handle (`shutdown`): actix would drop the
        // requests in flight on SIGINT.
        .disable_signals()
        .shutdown_timeout(shutdown_limit.as_secs())
        .run();
        Ok(Application {
            server,
            address: local,
            db,
            stores,
            health,
            state: app_state,
            jobs,
            shutdown_limit,
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    /// The address the listener is bound to (its port chosen by the system
    /// when asked for port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn stopper(&self) -> Stopper {
        Stopper {
            server: self.server.handle(),
            jobs: self.jobs.stopper(),
        }
    }

    pub fn db(&self) -> Db {
        self.db.clone()
    }

    pub fn stores(&self) -> Stores {
        self.stores.clone()
    }

    /// The state the handlers see (tests run jobs with it, as the server would).
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Whether this instance holds the store for down (tests look).
    pub fn store_health(&self) -> Arc<StoreHealth> {
        self.health.clone()
    }

    /// Serves until stopped, then waits (up to the shutdown limit) for the
    /// background loops to finish their passes.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        if !self.jobs.finish(self.shutdown_limit).await {
            tracing::warn!("a job pass was still running at the shutdown limit; it was cut off");
        }
        served
    }
}

/// The cookie signing key: from the settings, else a file made on first start
/// (so a restart does not sign everyone out).
pub fn cookie_key(settings: &Settings) -> anyhow::Result<Vec<u8>> {
    if let Some(k) = &settings.cookie_key {
        return Ok(k.expose_secret().to_vec());
    }
    let path = settings.data_dir.join("cookie.key");
    if let Ok(bytes) = std::fs::read(&path)
        && bytes.len() >= 64
    {
        return Ok(bytes);
    }
    std::fs::create_dir_all(&settings.data_dir).context("creating the data directory")?;
    let mut bytes = vec![0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    crate::fsutil::write_private(&path, &bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(bytes)
}
