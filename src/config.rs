//! Settings from the environment, with documented defaults (see `.env.example`).

use std::path::PathBuf;

use chrono::Duration;
use secrecy::zeroize::Zeroize;
use secrecy::{CloneableSecret, SecretBox, SecretSlice, SecretString};

/// 32 bytes of key material. In a `SecretBox` (see [`SecretKey`]) it is
/// wiped on drop, redacted in `Debug`, and still cloneable (secrecy clones
/// only what is marked [`CloneableSecret`], and marks no arrays).
#[derive(Clone, Default)]
pub struct KeyBytes(pub [u8; 32]);

impl Zeroize for KeyBytes {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl CloneableSecret for KeyBytes {}

/// A 256-bit key: wiped on drop, never printed.
pub type SecretKey = SecretBox<KeyBytes>;

/// These bytes as a [`SecretKey`] (the boxed copy is the one wiped on drop).
pub fn secret_key(bytes: [u8; 32]) -> SecretKey {
    SecretBox::init_with(|| KeyBytes(bytes))
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
    pub cookie_key: Option<SecretSlice<u8>>,
    pub demo_password: Option<SecretString>,
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub throttle: ThrottlePolicy,
    /// The portal's public address (`https://portal.example.com`): every
    /// absolute link (mail, download links) is made from it, never from the
    /// request's Host or forwarded headers. `None`: the bound address.
    pub public_url: Option<PublicUrl>,
    /// Proxies whose `X-Forwarded-For` names the client (none by default).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Run the scheduled jobs (reminders) in this process.
    pub run_jobs: bool,
    /// Operators must use a second factor (set on the vendor organisation
    /// when `csp-portal user add` creates it; the demo data leaves it off).
    pub operator_2fa: bool,
    /// Encrypts product keys and TOTP secrets; `None`: `data.key` in
    /// `data_dir`, generated on first use.
    pub data_key: Option<SecretKey>,
    /// The sender of every mail, a mailbox (`Name <address>`) checked when
    /// the mailer is made; the outbox's mail has it too.
    pub mail_from: String,
    /// Mail through this relay; `None`: files in `data_dir/outbox/`.
    pub smtp: Option<SmtpRelay>,
    /// Password hashes run at once; `None`: one per core.
    pub hash_threads: Option<usize>,
    /// Connections in the store's pool; `None`: the measured default for
    /// the store ([`crate::store::default_pool_size`]).
    pub db_pool: Option<u32>,
    /// How long a sign-in waits for a free hash thread before "busy" (3 s;
    /// the tests give it longer: on a loaded machine a fixed 3 s of real
    /// time made counts of parallel sign-ins flaky).
    pub hash_wait: std::time::Duration,
    /// On SIGTERM or SIGINT, how long in-flight requests (downloads too)
    /// and a running job pass may take to finish before they are cut off.
    pub shutdown_limit: std::time::Duration,
    /// Requests one API token may make a minute (then 429 until the next
    /// minute); counted in the store, so across every instance.
    pub api_rate_per_minute: i64,
    /// Where download files and attachments live: `None`, the data
    /// directory; else an S3-compatible bucket every instance shares.
    pub files_s3: Option<crate::files::location::S3Location>,
    /// Downloads answer with a redirect to a presigned URL valid this long
    /// (a bucket only; attachments are always streamed by the portal).
    pub files_presign: Option<std::time::Duration>,
}

/// An SMTP relay (no TLS: a local MTA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpRelay {
    pub host: String,
    pub port: u16,
}

/// The sender when `PORTAL_MAIL_FROM` is not set.
pub const DEFAULT_MAIL_FROM: &str = "CSP Portal <no-reply@localhost>";

/// How attempts on one key are slowed: `free` pass at once, then each waits
/// twice the last delay (from `base`, at most `max`); a key quiet for
/// `forget` starts over.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub free: i64,
    pub base: Duration,
    pub max: Duration,
    pub forget: Duration,
}

/// Throttles on guessing and on mail. Growing delays, never a lockout: the
/// owner of an account signs in from a device that signed in before (its
/// device cookie has its own count), or waits out one delay.
#[derive(Debug, Clone, Copy)]
pub struct ThrottlePolicy {
    /// Passwords tried on one account from devices it does not know.
    pub account: Rule,
    /// Passwords tried from one client address, whatever the account.
    pub address: Rule,
    /// Passwords tried from a device the account signed in from before.
    pub device: Rule,
    /// Second-factor codes and current-password checks of one user.
    pub user: Rule,
    /// Reset mails to one address.
    pub reset_mail: Rule,
    /// Reset requests from one client address.
    pub reset_address: Rule,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        let day = Duration::days(1);
        ThrottlePolicy {
            account: Rule {
                free: 5,
                base: Duration::seconds(30),
                max: Duration::minutes(15),
                forget: day,
            },
            address: Rule {
                free: 30,
                base: Duration::seconds(2),
                max: Duration::minutes(1),
                forget: day,
            },
            device: Rule {
                free: 5,
                base: Duration::seconds(5),
                max: Duration::minutes(5),
                forget: day,
            },
            user: Rule {
                free: 5,
                base: Duration::seconds(30),
                max: Duration::minutes(15),
                forget: day,
            },
            reset_mail: Rule {
                free: 3,
                base: Duration::minutes(5),
                max: Duration::hours(1),
                forget: day,
            },
            reset_address: Rule {
                free: 20,
                base: Duration::seconds(10),
                max: Duration::minutes(10),
                forget: day,
            },
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
        anyhow::ensure!(
            var("PORTAL_TRUST_PROXY").is_none(),
            "PORTAL_TRUST_PROXY is gone: list the proxies' addresses in PORTAL_TRUSTED_PROXIES"
        );
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
                Some(SecretSlice::from(bytes))
            }
            None => None,
        };
        let production = flag("PORTAL_PRODUCTION");
        let public_url = var("PORTAL_PUBLIC_URL")
            .map(|v| PublicUrl::parse(&v))
            .transpose()?;
        anyhow::ensure!(
            !production || public_url.is_some(),
            "PORTAL_PUBLIC_URL must be set in production (links in mail are made from it)"
        );
        let data_key = match var("PORTAL_DATA_KEY") {
            Some(v) => {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(v.trim())
                    .map_err(|_| anyhow::anyhow!("PORTAL_DATA_KEY must be base64"))?;
                let key: [u8; 32] = bytes
                    .try_into()
                    .map_err(|_| anyhow::anyhow!("PORTAL_DATA_KEY must decode to 32 bytes"))?;
                Some(secret_key(key))
            }
            None => None,
        };
        let smtp = var("PORTAL_SMTP_HOST").map(|host| SmtpRelay {
            host,
            port: var("PORTAL_SMTP_PORT")
                .and_then(|p| p.parse().ok())
                .unwrap_or(25),
        });
        let files_s3 = var("PORTAL_FILES_URL")
            .map(|u| crate::files::location::S3Location::parse(&u, var))
            .transpose()?;
        let files_presign = var("PORTAL_FILES_PRESIGN")
            .map(|v| crate::files::location::parse_presign(&v))
            .transpose()?;
        anyhow::ensure!(
            files_presign.is_none() || files_s3.is_some(),
            "PORTAL_FILES_PRESIGN needs PORTAL_FILES_URL=s3://...: the local directory has no URLs to sign"
        );
        Ok(Settings {
            database_url,
            data_dir,
            https: flag("PORTAL_HTTPS"),
            production,
            cookie_key,
            demo_password: var("DEMO_PASSWORD").map(SecretString::from),
            session_idle: minutes("PORTAL_SESSION_IDLE_MINUTES", 30)?,
            session_absolute: minutes("PORTAL_SESSION_MAX_MINUTES", 12 * 60)?,
            throttle: ThrottlePolicy::default(),
            public_url,
            trusted_proxies: match var("PORTAL_TRUSTED_PROXIES") {
                Some(v) => parse_proxies(&v)?,
                None => Vec::new(),
            },
            operator_2fa: var("PORTAL_OPERATOR_2FA")
                .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "no")),
            run_jobs: var("PORTAL_JOBS")
                .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "no")),
            data_key,
            mail_from: var("PORTAL_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into()),
            smtp,
            hash_wait: crate::auth::hasher::WAIT,
            hash_threads: var("PORTAL_HASH_THREADS")
                .and_then(|v| v.parse().ok())
                .filter(|n| *n > 0),
            db_pool: match var("PORTAL_DB_POOL") {
                Some(v) => Some(
                    v.parse()
                        .ok()
                        .filter(|n| (1..=1000).contains(n))
                        .ok_or_else(|| {
                            anyhow::anyhow!(
                                "PORTAL_DB_POOL must be a number of connections (1-1000)"
                            )
                        })?,
                ),
                None => None,
            },
            shutdown_limit: std::time::Duration::from_secs(match var("PORTAL_SHUTDOWN_SECONDS") {
                Some(v) => v.parse().map_err(|_| {
                    anyhow::anyhow!("PORTAL_SHUTDOWN_SECONDS must be a number of seconds")
                })?,
                None => DEFAULT_SHUTDOWN_SECONDS,
            }),
            api_rate_per_minute: match var("PORTAL_API_RATE_PER_MINUTE") {
                Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    anyhow::anyhow!("PORTAL_API_RATE_PER_MINUTE must be a positive number")
                })?,
                None => DEFAULT_API_RATE_PER_MINUTE,
            },
            files_s3,
            files_presign,
        })
    }
}

/// A bucket named on the command line (`files migrate --to`), with its
/// endpoint, region and credentials from the environment as for
/// `PORTAL_FILES_URL`.
pub fn s3_location(url: &str) -> anyhow::Result<crate::files::location::S3Location> {
    crate::files::location::S3Location::parse(url, |k| {
        std::env::var(k).ok().filter(|v| !v.trim().is_empty())
    })
}

/// Long enough for most downloads in flight to end; short enough for an
/// orchestrator's own kill timeout (Kubernetes waits 30 s by default).
pub const DEFAULT_SHUTDOWN_SECONDS: u64 = 25;

/// Ten requests a second on average: more than a billing or helpdesk
/// system's sync needs, little enough that one runaway script cannot take
/// the store from everyone else.
pub const DEFAULT_API_RATE_PER_MINUTE: i64 = 600;

/// The portal's public origin: scheme, host and port, no path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn parse(v: &str) -> anyhow::Result<PublicUrl> {
        let u = url::Url::parse(v.trim())
            .map_err(|e| anyhow::anyhow!("PORTAL_PUBLIC_URL is not a URL: {e}"))?;
        anyhow::ensure!(
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.username().is_empty()
                && u.password().is_none()
                && u.query().is_none()
                && u.fragment().is_none()
                && matches!(u.path(), "" | "/"),
            "PORTAL_PUBLIC_URL must be http(s)://host[:port], without a path"
        );
        Ok(PublicUrl(u.origin().ascii_serialization()))
    }

    /// `http://{bind}` for development, where nothing was configured.
    pub fn for_bind(addr: std::net::SocketAddr) -> PublicUrl {
        let host = if addr.ip().is_unspecified() {
            std::net::IpAddr::from([127, 0, 0, 1])
        } else {
            addr.ip()
        };
        PublicUrl(format!(
            "http://{}",
            std::net::SocketAddr::new(host, addr.port())
        ))
    }

    /// `scheme://host[:port]`, without a trailing slash.
    pub fn origin(&self) -> &str {
        &self.0
    }

    /// An absolute URL for a path on this site (`path` starts with `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

fn parse_proxies(v: &str) -> anyhow::Result<Vec<ipnet::IpNet>> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<ipnet::IpNet>()
                .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    anyhow::anyhow!("PORTAL_TRUSTED_PROXIES: {s} is not an address or CIDR")
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_never_print_a_secret() {
        let settings = Settings {
            database_url: "sqlite://data/portal.db".into(),
            data_dir: PathBuf::from("data"),
            https: false,
            production: false,
            cookie_key: Some(SecretSlice::from(vec![171u8; 64])),
            demo_password: Some(SecretString::from("hunter2-but-longer")),
            session_idle: Duration::minutes(30),
            session_absolute: Duration::hours(12),
            throttle: ThrottlePolicy::default(),
            public_url: None,
            trusted_proxies: Vec::new(),
            run_jobs: false,
            operator_2fa: true,
            data_key: Some(secret_key([205u8; 32])),
            mail_from: DEFAULT_MAIL_FROM.into(),
            smtp: None,
            hash_threads: None,
            db_pool: None,
            hash_wait: crate::auth::hasher::WAIT,
            shutdown_limit: std::time::Duration::from_secs(DEFAULT_SHUTDOWN_SECONDS),
            api_rate_per_minute: DEFAULT_API_RATE_PER_MINUTE,
            files_s3: Some(crate::files::location::S3Location {
                bucket: "b".into(),
                prefix: String::new(),
                endpoint: None,
                region: "us-east-1".into(),
                access_key_id: Some("AKID".into()),
                secret_access_key: Some(SecretString::from("s3-secret-9f8e")),
                allow_http: false,
            }),
            files_presign: None,
        };
        // A clone too: Settings are cloned into every worker.
        for shown in [format!("{settings:?}"), format!("{:?}", settings.clone())] {
            assert!(shown.contains("REDACTED"), "{shown}");
            for secret in ["171", "205", "hunter2", "s3-secret"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
        }
    }

    #[test]
    fn a_public_url_is_an_origin_only() {
        let u = PublicUrl::parse("https://Portal.Example.com/").expect("valid");
        assert_eq!(u.origin(), "https://portal.example.com");
        assert_eq!(u.join("/reset/x"), "https://portal.example.com/reset/x");
        for bad in [
            "portal.example.com",
            "ftp://portal.example.com",
            "https://portal.example.com/app",
            "https://u:p@portal.example.com",
            "https://portal.example.com/?a=1",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
