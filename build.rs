// sqlx::migrate! embeds the migrations when the crate compiles, and cargo
// does not see a migration file added since: without this, a build made
// before the file keeps the old schema, and its tests run against it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
