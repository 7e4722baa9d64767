//! `csp-portal`: serve the portal, run migrations, manage users, load demo data.

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    csp_portal::cli::main()
}
