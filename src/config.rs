//! Settings from the environment, with documented defaults (see `.env.example`).

use std::path::PathBuf;

use chrono::Duration;

/// A value that must never be printed: `Debug` shows `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(v: T) -> Self {
        Secret(v)
    }
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> std::fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://data/portal.db` by default, or `postgres://...`.
    pub database_url: String,
    /// Where generated keys, files and the SQLite database live.
    pub data_dir: PathBuf,
    /// Served behind https (directly or by a proxy): Secure cookies and HSTS.
    pub https: bool,
    /// Production turns demo loading off.
    pub production: bool,
    /// Signs the session cookie; generated into `data_dir` when not set.
    pub cookie_key: Option<Secret<Vec<u8>>>,
    pub demo_password: Option<Secret<String>>,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub throttle: ThrottlePolicy,
    /// Trust `X-Forwarded-For` from the proxy in front (off unless set).
    pub trust_proxy: bool,
    /// Run the scheduled jobs (reminders) in this process.
    pub run_jobs: bool,
    /// Operators must use a second factor (set on the vendor organisation
    /// when `csp-portal user add` creates it; the demo data leaves it off).
    pub operator_2fa: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    pub window: Duration,
    pub per_account: i64,
    pub per_address: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy {
            window: Duration::minutes(15),
            per_account: 5,
            per_address: 50,
        }
    }
}

impl Settings {
    /// Where download files live (outside the web root).
    pub fn files_dir(&self) -> PathBuf {
        self.data_dir.join("files")
    }

    pub fn from_env() -> anyhow::Result<Settings> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let flag = |k: &str| var(k).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        let minutes = |k: &str, d: i64| -> anyhow::Result<Duration> {
            Ok(Duration::minutes(match var(k) {
                Some(v) => v
                    .parse()
                    .map_err(|_| anyhow::anyhow!("{k} must be a number of minutes"))?,
                None => d,
            }))
        };
        let data_dir = PathBuf::from(var("PORTAL_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = var("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("portal.db").display()));
        let cookie_key = match var("PORTAL_COOKIE_KEY") {
            Some(v) => {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(v.trim())
                    .map_err(|_| anyhow::anyhow!("PORTAL_COOKIE_KEY must be base64"))?;
                anyhow::ensure!(
                    bytes.len() >= 64,
                    "PORTAL_COOKIE_KEY must hold at least 64 bytes"
                );
                Some(Secret::new(bytes))
            }
            None => None,
        };
        Ok(Settings {
            database_url,
            data_dir,
            https: flag("PORTAL_HTTPS"),
            production: flag("PORTAL_PRODUCTION"),
            cookie_key,
            demo_password: var("DEMO_PASSWORD").map(Secret::new),
            session_idle: minutes("PORTAL_SESSION_IDLE_MINUTES", 30)?,
            session_absolute: minutes("PORTAL_SESSION_MAX_MINUTES", 12 * 60)?,
            throttle: ThrottlePolicy::default(),
            trust_proxy: flag("PORTAL_TRUST_PROXY"),
            operator_2fa: var("PORTAL_OPERATOR_2FA")
                .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "no")),
            run_jobs: var("PORTAL_JOBS")
                .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "no")),
        })
    }
}
