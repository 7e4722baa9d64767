//! The framework ceiling of the benchmarks (`bench/run`): the least a page
//! can cost on this stack. One actix-web server runs one indexed query (50
//! of Contoso's purchases, newest first, with their products' names) on the
//! portal's store and renders them with askama; no session, no CSRF, no
//! signed-in user. Not a route of the portal: a yardstick for its pages.
//!
//! `/software` is the same yardstick carrying the software tab's content:
//! the tab's own statement (`store::software::counted_list`, Contoso's first
//! page in its partner's scope, with the capped count) and its table's
//! markup row for row, in English, without the session, the signed-in
//! user, the layout, the filters or the translations. The software tab
//! against it is what the portal adds to that content; it against `/` is
//! what the content costs (bench/RESULTS.md).
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
use csp_portal::clock::{Clock, SystemClock};
use csp_portal::domain::scope::Scope;
use csp_portal::domain::subscription::SubscriptionStatus;
use csp_portal::store::Db;
use csp_portal::store::keyset::{Counting, Cursor, Order};
use csp_portal::store::software::{self, Filter, ListedPurchase};
use csp_portal::web::html::Id;
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
    partner: Uuid,
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

/// A row of the software tab, as its template writes it for an admin agent
/// (ids as the portal writes them, unescaped from a stack buffer: what a
/// page of ids is best written with on this stack).
struct ContentRow {
    id: Id,
    order_id: Id,
    product: String,
    purchased: String,
    quantity: i64,
    badge: &'static str,
    status: &'static str,
    cancel_until: String,
    days_left: String,
    downloadable: bool,
    cancellable: bool,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Software · content ceiling</title></head>
<body><main><h1>Contoso</h1>
<p class="muted" id="showing">Showing 1–{{ rows.len() }} of {{ total }}</p>
<div class="table-wrap">
<table class="cards-narrow software-list" aria-describedby="showing">
  <thead><tr><th scope="col">Product</th><th scope="col">Subscription ID</th><th scope="col">Order</th><th scope="col">Purchased</th><th scope="col" class="num">Quantity</th><th scope="col">Status</th><th scope="col">Can be cancelled until</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
{%- for r in rows %}
<tr><th scope="row">{{ r.product }}</th>
<td data-label="Subscription ID"><code class="id" data-copy-id="{{ r.id }}">{{ r.id.short() }}</code></td>
<td data-label="Order"><a href="/customers/{{ customer }}/orders/{{ r.order_id }}"><code class="id">{{ r.order_id.short() }}</code></a></td>
<td data-label="Purchased" class="nowrap">{{ r.purchased }}</td>
<td data-label="Quantity" class="num">{{ r.quantity }}</td>
<td data-label="Status"><span class="badge {{ r.badge }}">{{ r.status }}</span></td>
<td data-label="Can be cancelled until"><span class="nowrap">{{ r.cancel_until }}</span>{% if !r.days_left.is_empty() %}<br><span class="muted">{{ r.days_left }}</span>{% endif %}</td>
<td class="row-actions">{% if r.downloadable %}<a class="button" href="/customers/{{ customer }}/software/{{ r.id }}">Get keys and downloads</a>{% endif %}{% if r.cancellable %} <a class="button" href="/support/new?customer={{ customer }}&amp;subscription={{ r.id }}">Cancel purchase</a>{% endif %}</td></tr>
{%- endfor %}
  </tbody>
</table>
</div>
</main></body></html>
"#
)]
struct ContentPage {
    customer: Id,
    total: i64,
    rows: Vec<ContentRow>,
}

fn content_row(now: DateTime<Utc>, r: ListedPurchase) -> ContentRow {
    let open = r.status.is_active() && now < r.cancel_until;
    let days = ((r.cancel_until - now).num_seconds() + 86_399) / 86_400;
    ContentRow {
        id: r.id.into(),
        order_id: r.order_id.into(),
        product: r.product_name,
        purchased: r.purchased_at.format("%b %-d, %Y").to_string(),
        quantity: r.quantity,
        badge: r.status.badge_class(),
        status: match r.status {
            SubscriptionStatus::Active => "Active",
            SubscriptionStatus::CancellationRequested => "Cancellation requested",
            SubscriptionStatus::Cancelled => "Cancelled",
        },
        cancel_until: if r.cancel_until > now {
            r.cancel_until.format("%b %-d, %Y, %-I:%M %p").to_string()
        } else {
            format!("Window closed {}", r.cancel_until.format("%b %-d, %Y"))
        },
        days_left: if open {
            format!("{days} {} left", if days == 1 { "day" } else { "days" })
        } else {
            String::new()
        },
        downloadable: r.has_keys || r.has_downloads,
        cancellable: open,
    }
}

async fn content(state: web::Data<State>) -> HttpResponse {
    let now = SystemClock.now();
    let filter = Filter {
        product: None,
        status: None,
        now,
    };
    let first = Counting {
        cursor: Cursor::First,
        count_ahead: false,
    };
    let html = software::counted_list(
        &state.db,
        Scope::Partner(state.partner),
        state.customer,
        &filter,
        Order::NewestFirst,
        first,
        50,
    )
    .await
    .map_err(anyhow::Error::from)
    .and_then(|(rows, _more)| {
        let total = rows.first().map_or(0, |r| r.total);
        let rows = rows.into_iter().map(|r| content_row(now, r.row)).collect();
        Ok(ContentPage {
            customer: state.customer.into(),
            total,
            rows,
        }
        .render()?)
    });
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
    let (customer, partner): (Uuid, Uuid) = match &db {
        Db::Sqlite(p) => sqlx::query_as(CONTOSO).fetch_one(p).await,
        Db::Pg(p) => sqlx::query_as(CONTOSO).fetch_one(p).await,
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
            partner,
        });
        App::new()
            .app_data(state)
            .route("/", web::get().to(page))
            .route("/software", web::get().to(content))
    })
    .workers(workers)
    .bind(&bind)
    .with_context(|| format!("binding {bind}"))?
    .run()
    .await?;
    Ok(())
}

const CONTOSO: &str =
    "SELECT id, partner_id FROM organisations WHERE kind = 'customer' AND name = 'Contoso'";
