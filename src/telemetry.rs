//! Logging through `tracing`; `RUST_LOG` sets the level (info by default).

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,actix_server=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        // Colour codes only for a person at a terminal: in a file, a pipe or
        // a log collector they are noise around every field.
        .with_ansi(std::io::stdout().is_terminal())
        .try_init();
}
