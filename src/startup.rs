//! Startup as a value: `Application::build` opens the store, runs migrations,
//! binds the listener (port 0 in tests) and hands back the server and its port.

use std::net::TcpListener;
use std::sync::Arc;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, TtlExtensionPolicy};
use actix_web::cookie::{Key, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpResponse, HttpServer, guard, web};
use anyhow::Context;
use rand::RngCore;
use secrecy::ExposeSecret;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::crypto::KeyCipher;
use crate::error::AppError;
use crate::files::FileStore;
use crate::routes;
use crate::store::Db;
use crate::store::sessions::DbSessionStore;
use crate::web::state::AppState;
use crate::web::store_health::{self, StoreHealth};
use crate::web::{assets, csrf, headers, request_ctx};

pub struct Application {
    server: Server,
    port: u16,
    db: Db,
    health: Arc<StoreHealth>,
    state: web::Data<AppState>,
}

impl Application {
    /// Opens and migrates the store named in `settings`, then binds `bind`.
    pub async fn build(
        settings: Settings,
        clock: SharedClock,
        bind: &str,
    ) -> anyhow::Result<Application> {
        let db = Db::connect(&settings.database_url)
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
        let port = local.port();
        let public_url = settings
            .public_url
            .clone()
            .unwrap_or_else(|| crate::config::PublicUrl::for_bind(local));
        crate::auth::hasher::set_concurrency(settings.hash_threads);
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
        let files = FileStore::new(settings.files_dir());
        let attachments = FileStore::new(settings.data_dir.join("attachments"));
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
        if state.settings.run_jobs {
            crate::reminders::spawn(crate::reminders::Job {
                db: state.db.clone(),
                mailer: state.mailer.clone(),
                clock: state.clock.clone(),
            });
        }
        let health = StoreHealth::new();
        store_health::spawn_probe(health.clone(), db.clone(), state.clock.clone());
        let health_data = web::Data::from(health.clone());
        let app_state = state.clone();
        assets::prepare();
        let server = HttpServer::new(move || {
            let sessions = SessionMiddleware::builder(store.clone(), key.clone())
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
                // Static files need no session, so they answer while the store is down.
                .service(
                    web::scope("")
                        .configure(routes::configure)
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
        .listen(listener)?
        .run();
        Ok(Application {
            server,
            port,
            db,
            health,
            state: app_state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> Db {
        self.db.clone()
    }

    /// The state the handlers see (tests run jobs with it, as the server would).
    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Whether this instance holds the store for down (tests look).
    pub fn store_health(&self) -> Arc<StoreHealth> {
        self.health.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
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
