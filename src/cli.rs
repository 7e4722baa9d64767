//! The command line: serve (default), migrate, add a user, load demo data.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use rand::Rng;
use rand::distributions::Alphanumeric;
use secrecy::{ExposeSecret, SecretString};

use crate::app::catalog::{self, By};
use crate::clock::{SharedClock, SystemClock};
use crate::config::Settings;
use crate::crypto::KeyCipher;
use crate::domain::email::Email;
use crate::domain::role::Role;
use crate::files::{FileStore, Kind};
use crate::startup::Application;
use crate::store::{Db, organisations, users};
use crate::{auth, demo, shutdown, telemetry};

#[derive(Parser)]
#[command(
    name = "csp-portal",
    version,
    about = "CSP software portal",
    // Serving is the default, so its options work without naming it
    // (`csp-portal --bind ADDR`); given with another command, they are an
    // error rather than silently ignored.
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(flatten)]
    serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

impl Cli {
    /// The command given, else serving with the options given at the top.
    fn command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default). Loads demo data into an empty store.
    Serve(ServeArgs),
    /// Run the database migrations and exit.
    Migrate,
    /// Load the demo data (into an empty store).
    Demo(DemoArgs),
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Load or update the catalog.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Load product keys into the inventory.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Register download files.
    Files {
        #[command(subcommand)]
        command: FilesCommand,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Load or update products from a TOML file (see docs/catalog.md).
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Load keys, one per line, for a product (its SKU or id).
    Import {
        #[arg(long)]
        product: String,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum FilesCommand {
    /// Copy a file into the store (computing size and SHA-256) and register it
    /// on a product's variant, creating the variant if needed.
    Add {
        /// The product's SKU or id.
        #[arg(long)]
        product: String,
        #[arg(long)]
        version: String,
        /// BCP 47 language tag, e.g. en-US.
        #[arg(long)]
        language: String,
        /// 32-bit or 64-bit (or give --file-type and --os).
        #[arg(long)]
        bitness: Option<String>,
        /// ISO, EXE or ZIP.
        #[arg(long)]
        file_type: Option<String>,
        /// Windows or Linux.
        #[arg(long)]
        os: Option<String>,
        /// The name users download it as (defaults to the file's name).
        #[arg(long)]
        name: Option<String>,
        path: PathBuf,
    },
    /// Copy every download file and attachment from the data directory into
    /// a bucket (endpoint, region and credentials from AWS_*), checking each
    /// against its SHA-256. Run again after a stop: what is there intact is
    /// kept. Switches nothing: then set PORTAL_FILES_URL on every instance.
    Migrate {
        /// s3://bucket/prefix
        #[arg(long)]
        to: String,
    },
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Add the benchmarks' large data set at this scale: 1 is 50 partners,
    /// 10,000 customers, 1,000,000 purchases (Contoso holding 100,000),
    /// 200,000 links and 2,000,000 audit events; 0.01 a hundredth of each.
    #[arg(long)]
    scale: Option<f64>,
    /// With --scale: Contoso's purchases (the others together hold nine
    /// times as many), instead of 100,000 x scale.
    #[arg(long, requires = "scale")]
    contoso: Option<u64>,
}

#[derive(clap::Args, Debug, PartialEq, Eq)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "PORTAL_BIND")]
    bind: String,
    /// Do not load demo data, even into an empty store.
    #[arg(long)]
    no_demo: bool,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user to an organisation; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        /// The organisation's name (a partner, the vendor, or a customer).
        #[arg(long)]
        org: String,
        /// admin_agent, sales_agent, helpdesk_agent, partner_global_admin,
        /// customer_global_admin, customer_user or operator. Repeatable.
        #[arg(long, required = true)]
        role: Vec<String>,
        /// Display name (defaults to the e-mail address).
        #[arg(long)]
        name: Option<String>,
    },
}

pub fn main() -> ExitCode {
    telemetry::init();
    let cli = Cli::parse();
    let result = actix_web::rt::System::new().block_on(run(cli));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect_sized(&settings.database_url, settings.db_pool)
        .await
        .context("opening the database")?;
    db.migrate().await.context("running migrations")?;
    Ok(db)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    let clock: SharedClock = Arc::new(SystemClock);
    match cli.command() {
        Command::Migrate => {
            let db = open(&settings).await?;
            println!("migrations applied ({})", db.backend());
        }
        Command::Demo(args) => {
            // Checked before the demo loads, so a bad value writes nothing.
            let size = args
                .scale
                .map(|s| demo::scale::Size::new(s, args.contoso))
                .transpose()?;
            let db = open(&settings).await?;
            load_demo(&db, &settings, clock.as_ref()).await?;
            if let Some(size) = size {
                load_scale(&db, &settings, clock.now(), &size).await?;
            }
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    org,
                    role,
                    name,
                },
        } => {
            let db = open(&settings).await?;
            add_user(
                &db,
                clock.as_ref(),
                &email,
                &org,
                &role,
                name.as_deref(),
                settings.operator_2fa,
            )
            .await?;
        }
        Command::Catalog {
            command: CatalogCommand::Import { file },
        } => {
            let db = open(&settings).await?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let products = crate::import::catalog::parse(&text)?;
            let n = catalog::import_catalog(&db, clock.now(), By::CommandLine, &products).await?;
            println!("{n} products loaded or updated");
        }
        Command::Keys {
            command: KeysCommand::Import { product, file },
        } => {
            let db = open(&settings).await?;
            let cipher = KeyCipher::from_settings(&settings)?;
            let product = find_product(&db, &product).await?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            anyhow::ensure!(product.has_keys, "{} has no product keys", product.name);
            let n = catalog::add_keys(&db, &cipher, clock.now(), By::CommandLine, &product, &text)
                .await??;
            println!("{n} keys added to {}", product.name);
        }
        Command::Files {
            command:
                FilesCommand::Add {
                    product,
                    version,
                    language,
                    bitness,
                    file_type,
                    os,
                    name,
                    path,
                },
        } => {
            let db = open(&settings).await?;
            let product = find_product(&db, &product).await?;
            anyhow::ensure!(
                bitness.is_some() != (file_type.is_some() && os.is_some()),
                "give either --bitness or both --file-type and --os"
            );
            let variant = crate::store::catalog::VariantSpec {
                version,
                language,
                bitness: bitness.unwrap_or_default(),
                file_type: file_type.unwrap_or_default(),
                os: os.unwrap_or_default(),
            };
            let name = match name {
                Some(n) => n,
                None => path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .with_context(|| format!("{} has no usable file name", path.display()))?
                    .to_owned(),
            };
            // Checked before the copy, which may take a while.
            let english = crate::i18n::I18n::default();
            if let Some(problem) = crate::import::files::check(&product, &variant, &name).first() {
                anyhow::bail!("{}", problem.text(&english));
            }
            let files = FileStore::from_settings(&settings, Kind::Files)?;
            let reader = tokio::fs::File::open(&path)
                .await
                .with_context(|| format!("reading {}", path.display()))?;
            let upload = catalog::Upload::new(&files, files.put(reader).await?);
            let added = catalog::add_file(
                &db,
                clock.now(),
                By::CommandLine,
                &product,
                &variant,
                &name,
                upload,
            )
            .await?
            .map_err(|problems| {
                let text: Vec<String> = problems.iter().map(|p| p.text(&english)).collect();
                anyhow::anyhow!("{}", text.join("\n"))
            })?;
            let stored = added.stored;
            println!(
                "registered {} bytes, SHA-256 {}",
                stored.size_bytes, stored.sha256
            );
        }
        Command::Files {
            command: FilesCommand::Migrate { to },
        } => {
            anyhow::ensure!(
                settings.files_s3.is_none(),
                "PORTAL_FILES_URL is set, so the files are read from a bucket already; \
                 migrate copies from the data directory: run it without PORTAL_FILES_URL"
            );
            let target = crate::config::s3_location(&to)?;
            let db = open(&settings).await?;
            let report = crate::files::migrate::to_bucket(&db, &settings.data_dir, &target).await?;
            for failed in &report.failed {
                eprintln!("not copied: {failed}");
            }
            anyhow::ensure!(
                report.complete(),
                "{} files not copied (listed above); {} copied, {} already there. Nothing \
                 was switched: fix them and run again",
                report.failed.len(),
                report.copied,
                report.present
            );
            println!(
                "{} files copied and {} already there, each checked against its SHA-256, in {}.\n\
                 Nothing was switched: set PORTAL_FILES_URL={} on every instance and restart it.",
                report.copied,
                report.present,
                target.url(),
                target.url()
            );
        }
        Command::Serve(args) => {
            let db = open(&settings).await?;
            if !args.no_demo && !settings.production && demo::store_is_empty(&db).await? {
                load_demo(&db, &settings, clock.as_ref()).await?;
            }
            let limit = settings.shutdown_limit;
            let app = Application::build_with_db(settings, clock, db.clone(), &args.bind)?;
            tracing::info!(address = %app.address(), "serving");
            // The bound address, port included (`--bind 127.0.0.1:0` lets
            // the system choose one: scripts and tests read it here).
            println!("Serving the portal at http://{}", app.address());
            actix_web::rt::spawn(stop_on_signals(app.stopper(), limit));
            app.run_until_stopped().await?;
            db.close().await;
            tracing::info!("stopped");
        }
    }
    Ok(())
}

/// The first SIGTERM or SIGINT stops the server gracefully; a second one
/// drops what is still in flight.
async fn stop_on_signals(stopper: crate::startup::Stopper, limit: std::time::Duration) {
    let name = match shutdown::signalled().await {
        Ok(name) => name,
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for signals; SIGKILL stops the server");
            return;
        }
    };
    tracing::info!(
        signal = name,
        limit_seconds = limit.as_secs(),
        "stopping: no new connections; finishing the requests in flight"
    );
    let graceful = stopper.clone();
    actix_web::rt::spawn(async move { graceful.stop().await });
    if let Ok(name) = shutdown::signalled().await {
        tracing::warn!(
            signal = name,
            "stopping now: requests in flight are dropped"
        );
        stopper.force().await;
    }
}

async fn load_demo(
    db: &Db,
    settings: &Settings,
    clock: &dyn crate::clock::Clock,
) -> anyhow::Result<()> {
    anyhow::ensure!(!settings.production, "demo data is off in production");
    anyhow::ensure!(
        demo::store_is_empty(db).await?,
        "the store is not empty; demo data loads only into an empty store"
    );
    let (password, generated) = match &settings.demo_password {
        Some(p) => (p.clone(), false),
        None => (
            SecretString::from(
                rand::thread_rng()
                    .sample_iter(&Alphanumeric)
                    .take(16)
                    .map(char::from)
                    .collect::<String>(),
            ),
            true,
        ),
    };
    let cipher = KeyCipher::from_settings(settings)?;
    let files = FileStore::from_settings(settings, Kind::Files)?;
    let assets = demo::DemoAssets {
        cipher: &cipher,
        files: &files,
        keys_per_product: 300,
        file_bytes: 256 * 1024,
    };
    demo::load(db, clock, &password, &assets).await?;
    // Printed once, to the terminal only (never through the log).
    println!("Demo data loaded. Accounts:");
    for (email, _, org, role) in demo::USERS {
        println!("  {email:<28} {role:<22} {org}");
    }
    if generated {
        println!(
            "Demo password (shown only now): {}",
            password.expose_secret()
        );
    } else {
        println!("Demo password: the value of DEMO_PASSWORD");
    }
    Ok(())
}

async fn load_scale(
    db: &Db,
    settings: &Settings,
    now: chrono::DateTime<chrono::Utc>,
    size: &demo::scale::Size,
) -> anyhow::Result<()> {
    println!("Adding the large data set ({size:?})...");
    let started = std::time::Instant::now();
    let cipher = KeyCipher::from_settings(settings)?;
    let report = demo::scale::load(db, &cipher, now, size).await?;
    for (part, rows, secs) in &report.parts {
        println!("  {part:<32} {rows:>9} rows  {secs:>7.1} s");
    }
    println!(
        "Large data set loaded in {:.1} s ({}).",
        started.elapsed().as_secs_f64(),
        db.backend()
    );
    Ok(())
}

async fn find_product(db: &Db, key: &str) -> anyhow::Result<crate::store::catalog::ProductRow> {
    let found = match uuid::Uuid::parse_str(key) {
        Ok(id) => crate::store::catalog::product(db, id).await?,
        Err(_) => crate::store::catalog::product_by_sku(db, key).await?,
    };
    found.with_context(|| format!("no product {key:?} (give its SKU or id)"))
}

async fn add_user(
    db: &Db,
    clock: &dyn crate::clock::Clock,
    email: &str,
    org: &str,
    roles: &[String],
    name: Option<&str>,
    operator_2fa: bool,
) -> anyhow::Result<()> {
    let email = Email::parse(email).context("that is not a valid e-mail address")?;
    let roles_parsed: Vec<Role> = roles.iter().filter_map(|r| r.parse().ok()).collect();
    let (org_id, kind) = match organisations::find_by_name(db, org).await? {
        Some(found) => found,
        // The first operator brings the vendor organisation into being.
        None if !roles_parsed.is_empty() && roles_parsed.iter().all(|r| *r == Role::Operator) => {
            let mut tx = db.begin().await?;
            let id = organisations::insert_org(
                &mut tx,
                clock.now(),
                crate::domain::role::OrgKind::Vendor,
                org,
            )
            .await?;
            crate::store::two_factor::set_required(&mut tx, id, operator_2fa).await?;
            tx.commit().await?;
            (id, crate::domain::role::OrgKind::Vendor)
        }
        None => anyhow::bail!("no organisation named {org:?}"),
    };
    let roles = roles
        .iter()
        .map(|r| {
            r.parse::<Role>()
                .map_err(|_| anyhow::anyhow!("unknown role {r:?}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    if let Some(bad) = roles.iter().find(|r| r.org_kind() != kind) {
        anyhow::bail!(
            "the role {bad} cannot be held in a {} organisation",
            kind.as_str()
        );
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("reading the password")?;
    let password = SecretString::from(input.trim_end_matches(['\r', '\n']).to_owned());
    anyhow::ensure!(
        password.expose_secret().chars().count() >= 12,
        "the password must have at least 12 characters"
    );
    let hash = tokio::task::spawn_blocking(move || auth::hash_blocking(&password)).await??;
    let mut tx = db.begin().await?;
    let id = users::insert(
        &mut tx,
        clock.now(),
        &users::NewUser {
            organisation_id: org_id,
            email: email.as_str(),
            display_name: name.unwrap_or(email.as_str()),
            phone: None,
            password_hash: &hash,
            roles: &roles,
        },
    )
    .await
    .map_err(|e| match e {
        crate::store::StoreError::Duplicate(_) => anyhow::anyhow!("a user with that e-mail exists"),
        e => e.into(),
    })?;
    tx.commit().await?;
    println!("user {email} added ({id})");
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::{Cli, Command, ServeArgs};

    fn serve(args: &[&str]) -> ServeArgs {
        match Cli::try_parse_from(args).unwrap().command() {
            Command::Serve(a) => a,
            _ => panic!("{args:?} is not serve"),
        }
    }

    #[test]
    fn serving_is_the_default_and_takes_its_options_without_being_named() {
        let wanted = ServeArgs {
            bind: "127.0.0.1:9000".into(),
            no_demo: true,
        };
        assert_eq!(
            serve(&["csp-portal", "--bind", "127.0.0.1:9000", "--no-demo"]),
            wanted
        );
        assert_eq!(
            serve(&[
                "csp-portal",
                "serve",
                "--bind",
                "127.0.0.1:9000",
                "--no-demo"
            ]),
            wanted
        );
        assert!(!serve(&["csp-portal"]).no_demo);
    }

    #[test]
    fn serve_options_with_another_command_are_refused() {
        assert!(
            Cli::try_parse_from(["csp-portal", "--bind", "127.0.0.1:9000", "migrate"]).is_err()
        );
        assert!(
            Cli::try_parse_from(["csp-portal", "migrate", "--bind", "127.0.0.1:9000"]).is_err()
        );
        assert!(matches!(
            Cli::try_parse_from(["csp-portal", "migrate"])
                .unwrap()
                .command(),
            Command::Migrate
        ));
    }
}
