//! `csp-portal`: serve the portal, run migrations, manage users, load demo data.

fn main() -> std::process::ExitCode {
    csp_portal::cli::main()
}
