//! The operators' queue: it opens on the open requests, oldest first, with
//! a count per status; "in progress" with the operator who took it (Take,
//! audited); the request page says when the purchase was made, how long was
//! left to cancel when the request was filed, and what approving will do.
//! The queue and the partner's list page by keyset, without a cap.

use chrono::Duration;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use reqwest::multipart::Form;
use uuid::Uuid;

use crate::cancel::{decide, file_cancellation, operator_path, purchase};
use crate::helpers::{Browser, spawn_app};

/// Files a billing question titled `title`; the partner's address of it.
async fn file_question(b: &mut Browser, title: &str) -> String {
    b.get("/support/new").await;
    let title = title.to_owned();
    let res = b
        .post_multipart("/support", move |f: Form| {
            f.text("idempotency_key", Uuid::new_v4().to_string())
                .text("problem_type", "billing")
                .text("impact", "minimal")
                .text("title", title)
                .text("description", "Which VAT number is on the invoice?")
                .text("contact_name", "Alex Admin")
                .text("contact_email", "admin@northwind.example")
                .text("contact_phone", "+1 425 555 0100")
        })
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().unwrap().to_owned()
}

/// The request numbers a list shows, in order.
fn numbers(body: &str) -> Vec<String> {
    regex::Regex::new(r#">(SR-[A-Z0-9]+)</a></th>"#)
        .unwrap()
        .captures_iter(body)
        .map(|c| c[1].to_owned())
        .collect()
}

async fn number_of(b: &mut Browser, request: &str) -> String {
    let page = b.get(request).await;
    regex::Regex::new(r"<h1>(SR-[A-Z0-9]+):")
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_owned()
}

fn next_href(body: &str) -> Option<String> {
    regex::Regex::new(r#"rel="next" href="([^"]+)""#)
        .unwrap()
        .captures(body)
        .map(|c| c[1].replace("&#38;", "&").replace("&amp;", "&"))
}

#[tokio::test]
async fn the_queue_opens_on_open_requests_oldest_first_with_a_count_per_status() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let mut filed = Vec::new();
    for title in ["First", "Second", "Third"] {
        filed.push(file_question(&mut admin, title).await);
        app.clock.advance(Duration::minutes(10));
    }
    let mut nums = Vec::new();
    for r in &filed {
        nums.push(number_of(&mut admin, r).await);
    }
    // The second is answered: it leaves the open view.
    let res = decide(&app, &operator_path(&filed[1]), "close", "Page 2.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let mut op = app.sign_in_as(Role::Operator).await;
    let queue = op.get("/operator/requests").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert_eq!(numbers(&queue.body), vec![nums[0].clone(), nums[2].clone()]);
    assert!(queue.body.contains("oldest first"));
    assert!(queue.body.contains("Showing 1–2 of 2"));
    for (tab, count) in [
        ("Open", 2),
        ("Submitted", 2),
        ("In progress", 0),
        ("Closed", 1),
        ("All", 3),
    ] {
        assert!(
            queue
                .body
                .contains(&format!(r#"{tab} <span class="count">{count}</span>"#)),
            "{tab} {count}"
        );
    }
    assert!(
        queue
            .body
            .contains(r#"href="/operator/requests?status=open" aria-current="page""#)
    );
    // Decided requests are history: newest first.
    let all = op.get("/operator/requests?status=all").await;
    assert_eq!(
        numbers(&all.body),
        vec![nums[2].clone(), nums[1].clone(), nums[0].clone()]
    );
    let closed = op.get("/operator/requests?status=closed").await;
    assert_eq!(numbers(&closed.body), vec![nums[1].clone()]);
    // A filter naming no status or type matches nothing.
    let none = op.get("/operator/requests?status=bogus").await;
    assert!(numbers(&none.body).is_empty());
    let refunds = op.get("/operator/requests?type=refund").await;
    assert!(numbers(&refunds.body).is_empty());
    assert!(
        refunds
            .body
            .contains(r#"Open <span class="count">0</span>"#)
    );
}

#[tokio::test]
async fn taking_a_request_puts_it_in_progress_with_the_operator_and_is_audited() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let request = file_question(&mut admin, "Invoice").await;
    let op_path = operator_path(&request);
    let mut op = app.sign_in_as(Role::Operator).await;
    let page = op.get(&op_path).await;
    assert!(page.body.contains(&format!(r#"action="{op_path}/take""#)));
    app.clock.advance(Duration::minutes(5));
    let taken = op.post(&format!("{op_path}/take"), &[]).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER);
    let page = op.get(&op_path).await;
    assert!(page.body.contains("You are working on SR-"));
    assert!(page.body.contains("In progress"));
    assert!(
        page.body
            .contains("Oscar Operator, since Mar 1, 2026, 9:05\u{202f}AM"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains(&format!(r#"action="{op_path}/take""#)),
        "no Take for the one who has it"
    );
    let queue = op.get("/operator/requests").await;
    assert!(
        queue
            .body
            .contains(r#"In progress <span class="count">1</span>"#)
    );
    assert!(queue.body.contains("Oscar Operator"));
    // Taking it again changes nothing and says so.
    op.post(&format!("{op_path}/take"), &[]).await;
    assert!(
        op.get(&op_path)
            .await
            .body
            .contains("You were already working on")
    );
    // The partner sees it in progress, without the operator's name.
    let partner_view = admin.get(&request).await;
    assert!(partner_view.body.contains("In progress"));
    assert!(!partner_view.body.contains("Oscar Operator"));
    let vendor = app.org_id("CSP Portal Operations").await;
    let northwind = app.org_id("Northwind Partners").await;
    assert_eq!(
        app.audit_actions(vendor)
            .await
            .iter()
            .filter(|a| *a == "request_taken")
            .count(),
        1
    );
    assert!(
        app.audit_actions(northwind)
            .await
            .contains(&"request_taken".to_owned())
    );
    // Decided, it can no longer be taken.
    decide(&app, &op_path, "close", "Done.").await;
    op.post(&format!("{op_path}/take"), &[]).await;
    let page = op.get(&op_path).await;
    assert!(page.body.contains("already been decided"));
    assert!(page.body.contains("Closed"));
    // Only operators take requests.
    admin.get("/support").await;
    assert_eq!(
        admin.post(&format!("{op_path}/take"), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        op.post(&format!("/operator/requests/{}/take", Uuid::new_v4()), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_request_page_shows_the_purchase_the_window_left_at_filing_and_what_approval_does() {
    let app = spawn_app().await;
    let p = purchase(&app, "WS2022-DAT").await;
    // Filed 10 days and 3 hours before the window closes, looked at later.
    app.clock
        .set(p.cancel_until - Duration::days(10) - Duration::hours(3));
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    admin
        .get(&format!(
            "/customers/{}/software/{}?show=1",
            p.customer, p.sub
        ))
        .await;
    let made = admin
        .post(
            &format!("/customers/{}/software/{}/links", p.customer, p.sub),
            &[("file_id", &p.file.to_string())],
        )
        .await;
    // The page with the new link, or (post/redirect/get) the way to it; the
    // preview below counts it.
    assert!(
        [StatusCode::OK, StatusCode::SEE_OTHER].contains(&made.status),
        "{}",
        made.body
    );
    let filed = file_cancellation(&mut admin, &p, None).await;
    let request = filed.location().unwrap().to_owned();
    app.clock.advance(Duration::days(4));
    let mut op = app.sign_in_as(Role::Operator).await;
    let page = op.get(&operator_path(&request)).await;
    let purchased =
        csp_portal::i18n::I18n::default().date_time(&(p.cancel_until - Duration::days(60)));
    for text in [
        purchased.as_str(),
        "10 d 3 h left when filed",
        "Approving will:",
        "cancel the purchase of 2 × Windows Server 2022 Datacenter",
        "credit 13,542.00 USD (100% of the purchase) to Northwind Partners",
        "revoke its product key",
        "disable its download links at once (1 live now)",
    ] {
        assert!(page.body.contains(text), "{text}");
    }
    // The partner sees the purchase and the window too, not the operator's preview.
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let partner_view = admin.get(&request).await;
    assert!(partner_view.body.contains("10 d 3 h left when filed"));
    assert!(partner_view.body.contains(&purchased));
    assert!(!partner_view.body.contains("Approving will:"));
}

async fn file_many(b: &mut Browser, n: usize) {
    // All at the same instant: the keyset's id breaks the ties.
    for i in 0..n {
        file_question(b, &format!("Question {i}")).await;
    }
}

/// Follows the next-page links from `first`; the numbers of each page.
async fn walk(b: &mut Browser, first: &str) -> Vec<(Vec<String>, String)> {
    let mut pages = Vec::new();
    let mut next = Some(first.to_owned());
    let showing_re = regex::Regex::new(r"Showing [0-9]+–[0-9]+ of [0-9]+").unwrap();
    while let Some(href) = next {
        let page = b.get(&href).await;
        assert_eq!(page.status, StatusCode::OK);
        let showing = showing_re
            .find(&page.body)
            .map(|m| m.as_str().to_owned())
            .unwrap_or_default();
        pages.push((numbers(&page.body), showing));
        next = next_href(&page.body);
    }
    pages
}

#[tokio::test]
async fn the_queue_and_the_partners_list_page_through_every_request_without_a_cap() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    file_many(&mut admin, 53).await;

    let pages = walk(&mut admin, "/support").await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].0.len(), 50);
    assert_eq!(pages[0].1, "Showing 1–50 of 53");
    assert_eq!(pages[1].0.len(), 3);
    assert_eq!(pages[1].1, "Showing 51–53 of 53");
    let mut seen: Vec<String> = pages.iter().flat_map(|p| p.0.clone()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 53, "every request once");

    let mut op = app.sign_in_as(Role::Operator).await;
    let queue = walk(&mut op, "/operator/requests").await;
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].1, "Showing 1–50 of 53");
    assert_eq!(queue[1].1, "Showing 51–53 of 53");
    let mut in_queue: Vec<String> = queue.iter().flat_map(|p| p.0.clone()).collect();
    // Oldest first is the partner's list the other way round.
    let mut newest_first: Vec<String> = pages.iter().flat_map(|p| p.0.clone()).collect();
    newest_first.reverse();
    assert_eq!(in_queue, newest_first);
    in_queue.sort();
    in_queue.dedup();
    assert_eq!(in_queue.len(), 53);
    let first = op.get("/operator/requests").await;
    let second = op.get(&next_href(&first.body).unwrap()).await;
    assert!(
        second
            .body
            .contains(r#"href="/operator/requests?status=open">First page"#)
    );
}

#[tokio::test]
async fn another_operator_can_take_a_request_over() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let op_path = operator_path(&file_question(&mut admin, "Invoice").await);
    // A second operator, with the first one's password.
    let first = csp_portal::store::users::credentials_by_email(&app.db, "operator@portal.example")
        .await
        .unwrap()
        .unwrap();
    csp_portal::store::users::insert(
        &app.db,
        app.clock_now(),
        &csp_portal::store::users::NewUser {
            organisation_id: first.organisation_id,
            email: "olga@portal.example",
            display_name: "Olga Operator",
            phone: None,
            password_hash: &first.password_hash,
            roles: &[Role::Operator],
        },
    )
    .await
    .unwrap();
    let mut oscar = app.sign_in_as(Role::Operator).await;
    oscar.get(&op_path).await;
    oscar.post(&format!("{op_path}/take"), &[]).await;
    let mut olga = app.signed_in("olga@portal.example").await;
    let page = olga.get(&op_path).await;
    assert!(page.body.contains("Oscar Operator, since"));
    assert!(page.body.contains(">Take over</button>"));
    let queue = olga.get("/operator/requests").await;
    assert!(queue.body.contains("Take over"));
    olga.post(&format!("{op_path}/take"), &[]).await;
    let page = olga.get(&op_path).await;
    assert!(page.body.contains("Olga Operator, since"), "{}", page.body);
    assert!(!page.body.contains("Oscar Operator, since"));
    // Oscar is offered to take it back.
    assert!(
        oscar
            .get(&op_path)
            .await
            .body
            .contains(">Take over</button>")
    );
    let vendor = app.org_id("CSP Portal Operations").await;
    let taken = csp_portal::store::audit::recent_for_org(&app.db, vendor, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.to_string() == "request_taken")
        .count();
    assert_eq!(taken, 2);
}

/// Each view of the queue, of any problem type or of one, on the first page
/// and from a cursor, reads `service_requests` from an index in the page's
/// order and sorts nothing: a page of open work costs the same whether ten
/// requests were decided before or a hundred thousand (issue 11). The status
/// and type a view names are sought in that index; the open views read an
/// index of open requests only (a view of one open status keeps its own as
/// it reads them). On PostgreSQL the plan is the generic one
/// every pooled connection runs. The count before a later page reads the
/// same way.
#[tokio::test]
async fn every_view_of_the_queue_reads_an_index_in_its_order() {
    use csp_portal::domain::service_request::{ProblemType, QueueView};
    use csp_portal::store::requests::{queue_position_statement, queue_statement};

    let app = spawn_app().await;
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    let mut shapes = 0;
    for view in QueueView::all() {
        for problem_type in std::iter::once(None).chain(ProblemType::ALL.into_iter().map(Some)) {
            let statements = [
                (queue_statement(view, problem_type, false, 50), "first page"),
                (queue_statement(view, problem_type, true, 50), "after"),
                (queue_position_statement(view, problem_type), "position"),
            ];
            for (sql, which) in statements {
                let plan = tx.plan(&sql).await.unwrap().join("\n");
                let shape = format!("{view:?} {problem_type:?} {which}");
                // The step that reads the requests, and how.
                let read = if pg {
                    assert!(!plan.contains("Sort"), "{shape}:\n{plan}");
                    assert!(
                        !plan.contains("Seq Scan on service_requests"),
                        "{shape}:\n{plan}"
                    );
                    let mut lines = plan
                        .lines()
                        .skip_while(|l| !l.ends_with(" on service_requests r"));
                    let scan = lines.next().unwrap_or_default();
                    let cond = lines.next().filter(|l| l.contains("Index Cond"));
                    format!("{scan}{}", cond.unwrap_or_default()).replace(' ', "")
                } else {
                    assert!(!plan.contains("TEMP B-TREE"), "{shape}:\n{plan}");
                    plan.lines()
                        .find(|l| l.starts_with("SEARCH r ") || l.starts_with("SCAN r"))
                        .unwrap_or_default()
                        .to_string()
                };
                assert!(
                    read.contains("INDEX") || read.contains("Index"),
                    "{shape}:\n{plan}"
                );
                // The open view reads open requests only; so does either
                // open status alone on SQLite, which has no index of all
                // statuses (PostgreSQL seeks one status in its own).
                let open = view.statuses().first().is_some_and(|s| s.is_open());
                if view == QueueView::Open || (open && !pg) {
                    let index =
                        crate::helpers::index_definition(&mut tx, &plan, "service_requests r", "r")
                            .await;
                    assert!(
                        index
                            .replace(['(', ')'], "")
                            .to_lowercase()
                            .contains(if pg {
                                "where status = any array['submitted'::text, 'in_progress'::text]"
                            } else {
                                "where status in 'submitted', 'in_progress'"
                            }),
                        "{shape}:\n{plan}\n{index}"
                    );
                }
                // Which of the other indexes is read PostgreSQL weighs by
                // its statistics (a status a third of the requests hold may
                // be read through the time order and kept as it comes);
                // SQLite keeps none, and seeks what the view names.
                if !pg {
                    let sought = |column: &str| {
                        read.contains(&format!("({column}=?"))
                            || read.contains(&format!(" AND {column}=?"))
                    };
                    assert_eq!(
                        sought("problem_type"),
                        problem_type.is_some(),
                        "{shape}:\n{plan}"
                    );
                    assert_eq!(
                        sought("status"),
                        matches!(view, QueueView::Only(_)) && !open,
                        "{shape}:\n{plan}"
                    );
                }
                shapes += 1;
            }
        }
    }
    assert_eq!(shapes, 7 * 6 * 3);
}

/// Counting stops at 1,000 (`store::keyset::COUNT_CAP`) in the partner's
/// list and the queue as in the software list: a page a thousand requests
/// deep reads at most 1,001 entries of the index to say where it is, not
/// every request before it. At the edge the page still says exactly where
/// it is; past it, that it is further than the first thousand.
#[tokio::test]
async fn the_lists_of_requests_count_to_a_thousand_and_no_further() {
    use csp_portal::domain::service_request::{Impact, ProblemType, QueueView};
    use csp_portal::store::requests::{self, After, NewRequest};

    let app = spawn_app().await;
    let partner = app.org_id("Northwind Partners").await;
    let filer = app.user_id("admin@northwind.example").await;
    let now = app.clock_now();
    let mut tx = app.db.begin().await.unwrap();
    let mut filed = Vec::new();
    for i in 0..1_060 {
        let number = format!("SR-CAP{i:05}");
        let at = now - Duration::minutes(1_060 - i);
        let request = NewRequest {
            number: &number,
            partner_id: partner,
            filed_by: filer,
            idempotency_key: Uuid::new_v4(),
            problem_type: ProblemType::Billing,
            impact: Impact::Minimal,
            title: "Invoice",
            description: "Which VAT number is on the invoice?",
            customer_id: None,
            subscription_id: None,
            refund_reason: None,
            requested_minor: None,
            currency: None,
            contact_name: "Alex Admin",
            contact_email: "admin@northwind.example",
            contact_phone: "+1 425 555 0100",
        };
        let inserted = requests::insert(&mut tx, at, &request, &[]).await.unwrap();
        let requests::Inserted::Done(id) = inserted else {
            panic!("{number} was not written")
        };
        filed.push(After { filed_at: at, id });
    }
    tx.commit().await.unwrap();

    // The store's counts stop at 1,001. The row the `n`th page row of a
    // list (oldest first or newest first) is: where the next page starts.
    let after =
        |n: usize, oldest_first: bool| filed[if oldest_first { n - 1 } else { filed.len() - n }];
    let (total, before) = requests::partner_position(&app.db, partner, Some(after(1_000, false)))
        .await
        .unwrap();
    assert_eq!((total, before), (1_001, 1_000));
    let (_, before) = requests::partner_position(&app.db, partner, Some(after(1_050, false)))
        .await
        .unwrap();
    assert_eq!(before, 1_001);
    let before = requests::queue_position(&app.db, QueueView::Open, None, after(1_000, true))
        .await
        .unwrap();
    assert_eq!(before, 1_000);
    let before = requests::queue_position(&app.db, QueueView::Open, None, after(1_050, true))
        .await
        .unwrap();
    assert_eq!(before, 1_001);

    // What the pages say, walked with Next.
    let showing = regex::Regex::new(r"Showing [^<·]+|Further than the first [0-9]+").unwrap();
    for (mut b, first) in [
        (app.sign_in_as(Role::AdminAgent).await, "/support"),
        (app.sign_in_as(Role::Operator).await, "/operator/requests"),
    ] {
        let mut said = Vec::new();
        let mut seen = Vec::new();
        let mut next = Some(first.to_owned());
        while let Some(href) = next {
            let page = b.get(&href).await;
            assert_eq!(page.status, StatusCode::OK);
            said.push(
                showing
                    .find(&page.body)
                    .map(|m| m.as_str().trim().to_owned())
                    .unwrap_or_default(),
            );
            seen.extend(numbers(&page.body));
            next = next_href(&page.body);
        }
        assert_eq!(said.len(), 22, "{first}: {said:?}");
        assert_eq!(said[0], "Showing 1–50 of more than 1000", "{first}");
        assert_eq!(said[20], "Showing 1001–1050 of more than 1000", "{first}");
        assert_eq!(said[21], "Further than the first 1000", "{first}");
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 1_060, "{first}: every request once");
    }
}

/// `request_counts` beside what it counts: (type, status, requests), the
/// empty cells left out.
async fn tallies(
    db: &csp_portal::store::Db,
) -> (Vec<(String, String, i64)>, Vec<(String, String, i64)>) {
    use csp_portal::store::Db;
    const KEPT: &str = "SELECT problem_type, status, requests FROM request_counts \
                        WHERE requests > 0 ORDER BY problem_type, status";
    const COUNTED: &str = "SELECT problem_type, status, COUNT(*) FROM service_requests \
                           GROUP BY problem_type, status ORDER BY problem_type, status";
    match db {
        Db::Sqlite(p) => (
            sqlx::query_as(KEPT).fetch_all(p).await.unwrap(),
            sqlx::query_as(COUNTED).fetch_all(p).await.unwrap(),
        ),
        Db::Pg(p) => (
            sqlx::query_as(KEPT).fetch_all(p).await.unwrap(),
            sqlx::query_as(COUNTED).fetch_all(p).await.unwrap(),
        ),
    }
}

/// Runs one statement on the store, as a script or an operator at the
/// database's prompt would: the counts are kept by triggers, so no path
/// that writes a request can leave them behind, the application's or not.
async fn run(db: &csp_portal::store::Db, sql: &str, id: Uuid) -> u64 {
    use csp_portal::store::Db;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match db {
        Db::Sqlite(p) => sqlx::query(sql)
            .bind(id)
            .execute(p)
            .await
            .unwrap()
            .rows_affected(),
        Db::Pg(p) => sqlx::query(sql)
            .bind(id)
            .execute(p)
            .await
            .unwrap()
            .rows_affected(),
    }
}

#[tokio::test]
async fn the_counts_per_status_follow_every_write_to_a_request_deletions_and_changes_of_type_too() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let mut filed = Vec::new();
    for title in ["Kept", "Closed then retyped", "Deleted"] {
        filed.push(file_question(&mut admin, title).await);
    }
    let id = |path: &str| Uuid::parse_str(path.rsplit('/').next().unwrap()).unwrap();
    let (kept, counted) = tallies(&app.db).await;
    assert_eq!(kept, counted);
    assert!(
        kept.contains(&("billing".into(), "submitted".into(), 3)),
        "{kept:?}"
    );

    // Closed through the page: one moves from submitted to closed.
    let res = decide(&app, &operator_path(&filed[1]), "close", "Done.").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let (kept, counted) = tallies(&app.db).await;
    assert_eq!(kept, counted);
    assert!(
        kept.contains(&("billing".into(), "submitted".into(), 2)),
        "{kept:?}"
    );
    assert!(
        kept.contains(&("billing".into(), "closed".into(), 1)),
        "{kept:?}"
    );

    // Outside the application: a change of type, then a deletion.
    let retyped = run(
        &app.db,
        "UPDATE service_requests SET problem_type = 'technical' WHERE id = $1",
        id(&filed[1]),
    )
    .await;
    assert_eq!(retyped, 1);
    let (kept, counted) = tallies(&app.db).await;
    assert_eq!(kept, counted);
    assert!(
        kept.contains(&("technical".into(), "closed".into(), 1)),
        "{kept:?}"
    );
    assert!(
        !kept.iter().any(|(t, s, _)| t == "billing" && s == "closed"),
        "{kept:?}"
    );

    let deleted = run(
        &app.db,
        "DELETE FROM service_requests WHERE id = $1",
        id(&filed[2]),
    )
    .await;
    assert_eq!(deleted, 1);
    let (kept, counted) = tallies(&app.db).await;
    assert_eq!(kept, counted);
    assert!(
        kept.contains(&("billing".into(), "submitted".into(), 1)),
        "{kept:?}"
    );

    // The queue's tabs read the counts.
    let mut op = app.sign_in_as(Role::Operator).await;
    let queue = op.get("/operator/requests?type=billing").await;
    assert!(
        queue
            .body
            .contains(r#"Submitted <span class="count">1</span>"#),
        "{}",
        queue.body
    );
}
