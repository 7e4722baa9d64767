//! The framework ceiling of the benchmarks (`bench/run`): the least a page
//! can cost on this stack. One actix-web server runs one indexed query (50
//! of Contoso's purchases, newest first, with their products' names) on the
//! portal's store and renders them with askama; no session, no CSRF, no
//! signed-in user. Not a route of the portal: a yardstick for its pages.
//!
//! ```sh
//! DATABASE_URL=sqlite://data/portal.db cargo run --release --example ceiling -- 127.0.0.1:18500
//! ```

use actix_web::{App, HttpResponse, HttpServer, web};

// The portal's allocator (src/main.rs), so that the yardstick measures the
// framework on the same footing.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use anyhow::Context;
use askama::Template;
use chrono::{DateTime, Utc};
use csp_portal::store::Db;
use uuid::Uuid;

/// The software tab's query and index (`subscriptions(customer_id,
/// purchased_at DESC, id)`), without the tenancy catch-alls: one table, the
/// product's name read per row by primary key, as the list reads it. Joined,
/// PostgreSQL's generic plan for a customer of average size hashed the join
/// and sorted all of Contoso's purchases (`bench/RESULTS.md`).
const QUERY: &str = "SELECT s.id, (SELECT p.name FROM products p WHERE p.id = s.product_id) AS product, \
     s.quantity, s.purchased_at, s.status FROM subscriptions s \
     WHERE s.customer_id = $1 ORDER BY s.purchased_at DESC, s.id DESC LIMIT 50";

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    product: String,
    quantity: i64,
    purchased_at: DateTime<Utc>,
    status: String,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Software · ceiling</title></head>
<body><main><h1>Software</h1>
<table><thead><tr><th>Product</th><th>Purchase</th><th>Purchased</th><th>Quantity</th><th>Status</th></tr></thead>
<tbody>{% for r in rows %}
<tr><td>{{ r.product }}</td><td><code class="id">{{ r.id }}</code></td><td>{{ r.purchased_at.format("%Y-%m-%d") }}</td><td>{{ r.quantity }}</td><td>{{ r.status }}</td></tr>{% endfor %}
</tbody></table></main></body></html>
"#
)]
struct Page {
    rows: Vec<Row>,
}

struct State {
    db: Db,
    customer: Uuid,
}

async fn page(state: web::Data<State>) -> HttpResponse {
    let rows = match &state.db {
        Db::Sqlite(p) => {
            sqlx::query_as::<_, Row>(QUERY)
                .bind(state.customer)
                .fetch_all(p)
                .await
        }
        Db::Pg(p) => {
            sqlx::query_as::<_, Row>(QUERY)
                .bind(state.customer)
                .fetch_all(p)
                .await
        }
    };
    let html = rows
        .map_err(anyhow::Error::from)
        .and_then(|rows| Ok(Page { rows }.render()?));
    match html {
        Ok(html) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(html),
        Err(e) => HttpResponse::InternalServerError().body(format!("{e:#}")),
    }
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL").context("set DATABASE_URL to the portal's store")?;
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18500".to_owned());
    // The portal's own pool (sizes, timeouts, SQLite's WAL and synchronous
    // settings), so the ceiling and the pages differ only in what a page does.
    let db = Db::connect(&url).await.context("opening the store")?;
    let customer: Uuid = match &db {
        Db::Sqlite(p) => sqlx::query_scalar(CONTOSO).fetch_one(p).await,
        Db::Pg(p) => sqlx::query_scalar(CONTOSO).fetch_one(p).await,
    }
    .context("finding Contoso (load the demo data first)")?;
    println!("ceiling at http://{bind}/");
    // Workers: one per core, each with its own pool, as the portal's
    // (`Db::for_worker`).
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    HttpServer::new(move || {
        let state = web::Data::new(State {
            db: db.for_worker(workers),
            customer,
        });
        App::new().app_data(state).route("/", web::get().to(page))
    })
    .workers(workers)
    .bind(&bind)
    .with_context(|| format!("binding {bind}"))?
    .run()
    .await?;
    Ok(())
}

const CONTOSO: &str = "SELECT id FROM organisations WHERE kind = 'customer' AND name = 'Contoso'";
