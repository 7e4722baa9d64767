//! The store settings the README's configuration table promises, read back
//! from the pool's own connections.

use csp_portal::store::Db;

use crate::helpers::spawn_app;

#[tokio::test]
async fn connections_carry_the_chosen_store_settings() {
    let app = spawn_app().await;
    match &app.db {
        Db::Pg(pool) => {
            let show = |name: &'static str| async move {
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!("SHOW {name}")))
                    .fetch_one(pool)
                    .await
                    .expect(name)
            };
            // Planned once per connection (see store::Db::connect), never JIT-compiled.
            assert_eq!(show("plan_cache_mode").await, "force_generic_plan");
            assert_eq!(show("jit").await, "off");
        }
        Db::Sqlite(pool) => {
            // (pragma, the column its table-valued form names the value)
            let pragma = |name: &'static str| async move {
                let column = if name == "busy_timeout" {
                    "timeout"
                } else {
                    name
                };
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!(
                    "SELECT CAST({column} AS TEXT) FROM pragma_{name}"
                )))
                .fetch_one(pool)
                .await
                .expect(name)
            };
            assert_eq!(pragma("journal_mode").await, "wal");
            // NORMAL: with WAL, a crash loses no committed transaction's
            // consistency, only (at worst) the last ones before a power cut.
            assert_eq!(pragma("synchronous").await, "1");
            assert_eq!(pragma("foreign_keys").await, "1");
            assert_eq!(pragma("busy_timeout").await, "10000");
        }
    }
}
