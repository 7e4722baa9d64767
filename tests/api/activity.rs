//! The activity log and its CSV export (SPEC 3.6).

use csp_portal::domain::audit_action::Action;
use csp_portal::domain::role::Role;
use reqwest::StatusCode;

use crate::helpers::spawn_app;

/// The text of each row of the log's table, tags dropped: what a reader
/// sees of it, cell after cell.
pub fn rows(body: &str) -> Vec<String> {
    let Some(start) = body.find("<tbody>") else {
        return Vec::new();
    };
    let end = body[start..]
        .find("</tbody>")
        .map_or(body.len(), |e| start + e);
    body[start..end]
        .split("<tr")
        .skip(1)
        .map(|row| text(row.split_once('>').map_or(row, |(_, r)| r)))
        .collect()
}

/// `html` as text: inline tags dropped, others a space, entities decoded.
pub fn text(html: &str) -> String {
    let inline = regex::Regex::new(r"</?(a|strong|time|code)\b[^>]*>").unwrap();
    let other = regex::Regex::new(r"<[^>]*>").unwrap();
    let s = inline.replace_all(html, "");
    let s = other.replace_all(&s, " ");
    let s = s
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rows saying `words`.
fn saying(body: &str, words: &str) -> usize {
    rows(body).iter().filter(|r| r.contains(words)).count()
}

#[tokio::test]
async fn a_partner_sees_its_own_activity_filtered_and_exported_exactly() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    app.signed_in("sales@northwind.example").await;
    app.signed_in("admin@fabrikam.example").await;
    // A customer whose name needs quoting and would be a formula.
    admin.get("/customers/new").await;
    let res = admin
        .post(
            "/customers",
            &[
                ("company_name", "=HYPERLINK(\"x\"), Inc"),
                ("primary_domain", "quoted.onmicrosoft.com"),
                ("country", "US"),
                ("billing_name", "B"),
                ("billing_email", "b@quoted.example"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let page = admin.get("/activity").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(saying(&page.body, "Sam Sales signed in"), 1);
    assert!(
        !page.body.contains("Fran Fabrikam") && !page.body.contains("admin@fabrikam.example"),
        "another partner's events are not shown"
    );

    let page = admin.get("/activity?action=sign_in").await;
    let rows = saying(&page.body, " signed in");
    assert_eq!(rows, 2, "admin and sales signed in");
    assert_eq!(rows, self::rows(&page.body).len());
    assert_eq!(saying(&page.body, "created the customer"), 0);
    let by_user = admin
        .get("/activity?action=sign_in&user=SALES@northwind.example")
        .await;
    assert_eq!(saying(&by_user.body, " signed in"), 1);

    let csv = admin.get("/activity.csv?action=sign_in").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "at,organisation,user,action,subject_type,subject_id,customer,ip,detail"
    );
    assert_eq!(lines.len(), 1 + rows, "exactly the filtered rows");
    assert!(lines[1..].iter().all(|l| l.contains(",sign_in,")));

    let created = admin.get("/activity.csv?action=customer_created").await;
    let record = created
        .body
        .split("\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    // The name sits in the JSON detail: quoted once for CSV, quotes doubled.
    assert!(
        record.contains(r#""{""name"":""=HYPERLINK(\""x\""), Inc"""#),
        "{record}"
    );
    assert!(
        record.contains(",'=HYPERLINK") || record.contains(",\"'=HYPERLINK"),
        "the customer cell is defused: {record}"
    );

    let tomorrow = (app.clock_now() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let today = app.clock_now().format("%Y-%m-%d").to_string();
    assert!(
        admin
            .get(&format!("/activity?from={tomorrow}"))
            .await
            .body
            .contains("No activity matches.")
    );
    assert_eq!(
        saying(
            &admin
                .get(&format!("/activity?from={today}&to={today}"))
                .await
                .body,
            "Alex Admin signed in"
        ),
        1
    );
    let bad = admin.get("/activity?from=yesterday").await;
    assert!(bad.body.contains("must be a date"));
    assert_eq!(
        admin.get("/activity.csv?from=yesterday").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_filters_offer_every_action_and_find_a_customer_by_name_or_domain() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get("/activity").await;
    // Every action is offered, whether or not the log holds one yet.
    for a in Action::ALL {
        assert!(
            page.body
                .contains(&format!("<option value=\"{}\"", a.as_str())),
            "{a}"
        );
    }
    // No customer is listed: the filter takes a name or a domain.
    assert!(!page.body.contains("<option value=\"b8"));
    let contoso = app.org_id("Contoso").await;
    let rows = |b: &str| saying(b, "placed an order for Contoso");
    let by_id = admin
        .get(&format!("/activity?action=order_placed&customer={contoso}"))
        .await;
    assert!(rows(&by_id.body) > 0, "Contoso has orders in the demo");
    for typed in ["contoso", "  CONTOSO ", "contoso.onmicrosoft.com"] {
        let page = admin
            .get(&format!(
                "/activity?action=order_placed&customer={}",
                typed.replace(' ', "+")
            ))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(rows(&page.body), rows(&by_id.body), "{typed}");
    }
    // Another partner's customer, or nobody: a message, no rows.
    for typed in ["Fourth Coffee", "nobody.example"] {
        let page = admin
            .get(&format!("/activity?customer={}", typed.replace(' ', "+")))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("None of your customers has that name"),
            "{typed}"
        );
        assert!(!page.body.contains("<td>"), "{typed}");
    }
    let bad = admin.get("/activity?action=drop_tables").await;
    assert!(bad.body.contains("There is no such action."));
    assert_eq!(
        admin.get("/activity.csv?action=drop_tables").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn operators_see_everyone_and_agents_without_admin_rights_see_nothing() {
    let app = spawn_app().await;
    app.signed_in("admin@fabrikam.example").await;
    let mut op = app.signed_in("operator@portal.example").await;
    let page = op.get("/activity?action=sign_in").await;
    assert_eq!(saying(&page.body, "Fran Fabrikam signed in"), 1);
    assert_eq!(saying(&page.body, "Oscar Operator signed in"), 1);
    let mut owner = app.sign_in_as(Role::PartnerGlobalAdmin).await;
    assert_eq!(owner.get("/activity").await.status, StatusCode::OK);
    for email in [
        "sales@northwind.example",
        "helpdesk@northwind.example",
        "ga@contoso.example",
    ] {
        let mut b = app.signed_in(email).await;
        assert_eq!(
            b.get("/activity").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        assert_eq!(
            b.get("/activity.csv").await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
}

/// `n` key reveals in Northwind's log, `step` apart, back from now.
async fn reveal_keys(app: &crate::helpers::TestApp, n: i32, step: chrono::Duration) {
    let northwind = app.org_id("Northwind Partners").await;
    let now = app.clock_now();
    for i in 0..n {
        csp_portal::store::audit::record(
            &app.db,
            now - step * i,
            &csp_portal::store::audit::NewEvent {
                organisation_id: Some(northwind),
                ..csp_portal::store::audit::NewEvent::of(Action::KeyRevealed)
            },
        )
        .await
        .expect("event");
    }
}

#[tokio::test]
async fn the_csv_export_streams_the_whole_log_past_one_page() {
    let app = spawn_app().await;
    reveal_keys(&app, 2_345, chrono::Duration::seconds(1)).await;
    let mut admin = app.signed_in("admin@northwind.example").await;
    let csv = admin.get("/activity.csv?action=key_revealed").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 2_345, "every row, across pages, once");
    let mut at: Vec<&str> = lines[1..].iter().map(|l| &l[..25]).collect();
    at.dedup();
    assert_eq!(at.len(), 2_345, "no row twice at a page boundary");
}

/// The log pages 50 events at a time, newest first, and Next keeps the
/// filter: every event once, none skipped at a page boundary.
#[tokio::test]
async fn the_log_pages_fifty_events_at_a_time_keeping_its_filter() {
    let app = spawn_app().await;
    reveal_keys(&app, 120, chrono::Duration::minutes(1)).await;
    let moments = regex::Regex::new(r#"<time datetime="([^"]+)""#).unwrap();
    let next = regex::Regex::new(r#"rel="next" href="([^"]+)""#).unwrap();
    let mut admin = app.signed_in("admin@northwind.example").await;
    let (mut sizes, mut seen) = (Vec::new(), Vec::new());
    let mut path = Some("/activity?action=key_revealed".to_owned());
    while let Some(p) = path {
        assert!(p.contains("action=key_revealed"), "{p}");
        let page = admin.get(&p).await;
        assert_eq!(page.status, StatusCode::OK, "{p}");
        let at: Vec<String> = moments
            .captures_iter(&page.body)
            .map(|c| c[1].to_owned())
            .collect();
        sizes.push(at.len());
        seen.extend(at);
        path = next
            .captures(&page.body)
            .map(|c| c[1].replace("&#38;", "&").replace("&amp;", "&"));
    }
    assert_eq!(sizes, [50, 50, 20]);
    let mut newest_first = seen.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    newest_first.dedup();
    assert_eq!(seen, newest_first, "newest first, each event once");
}

/// Whether `s` shows a UUID anywhere.
fn shows_a_uuid(s: &str) -> bool {
    regex::Regex::new(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        .unwrap()
        .is_match(s)
}

/// The one row saying `words`, or a failure listing what the log says.
fn row_saying(body: &str, words: &str) -> String {
    let all = rows(body);
    let found: Vec<&String> = all.iter().filter(|r| r.contains(words)).collect();
    assert_eq!(
        found.len(),
        1,
        "{words:?} in one row of:\n{}",
        all.join("\n")
    );
    found[0].clone()
}

async fn user_id(app: &crate::helpers::TestApp, email: &str) -> uuid::Uuid {
    csp_portal::store::users::credentials_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn each_event_reads_as_a_sentence_naming_who_did_what_to_which_thing() {
    use crate::cancel::{decide, file_cancellation, operator_path, purchase};
    use crate::software::{contoso_purchase, fetch, make_link};
    use csp_portal::store::audit::{NewEvent, record};

    let app = spawn_app().await;
    let contoso = app.org_id("Contoso").await;
    let northwind = app.org_id("Northwind Partners").await;
    let alex = user_id(&app, "admin@northwind.example").await;
    let sam = user_id(&app, "sales@northwind.example").await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;

    // A failed sign-in to a known account.
    app.browser()
        .sign_in("sales@northwind.example", "not the password at all")
        .await;

    // A key, a link and a download through it, a file downloaded.
    let (sub, file) = contoso_purchase(&app, "WS2022-DAT").await;
    let product = csp_portal::store::catalog::product_by_sku(&app.db, "WS2022-DAT")
        .await
        .unwrap()
        .unwrap();
    let file_name = csp_portal::store::software::files_of_product(&app.db, product.id)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.id == file)
        .unwrap()
        .file_name;
    admin
        .get(&format!("/customers/{contoso}/software/{sub}"))
        .await;
    let key = admin
        .post(&format!("/customers/{contoso}/software/{sub}/key"), &[])
        .await;
    assert_eq!(key.status, StatusCode::OK);
    let link = make_link(&mut admin, contoso, sub, file).await;
    assert_eq!(fetch(&app, &link, &[]).await.0, StatusCode::OK);
    let got = admin
        .get(&format!("/customers/{contoso}/software/{sub}/files/{file}"))
        .await;
    assert_eq!(got.status, StatusCode::OK);
    let link_row = csp_portal::store::links::by_token(
        &app.db,
        &csp_portal::crypto::token_hash(link.trim_start_matches("/d/")),
    )
    .await
    .unwrap()
    .unwrap();

    // A cancellation filed and approved.
    let sql = purchase(&app, "SQL2022-STA").await;
    let filed = file_cancellation(&mut admin, &sql, None).await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
    let request = filed.location().unwrap().to_owned();
    let approved = decide(&app, &operator_path(&request), "approve", "Done.").await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);

    // An order of two lines.
    let ws = csp_portal::store::catalog::product_by_sku(&app.db, "WS2022-STA")
        .await
        .unwrap()
        .unwrap();
    let lines = [(ws.id, "2"), (product.id, "1")];
    let (_, order_key) = crate::orders::review(&mut admin, contoso, &lines).await;
    let placed = crate::orders::place(&mut admin, contoso, &order_key, &lines).await;
    assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.body);
    let total = csp_portal::domain::money::format(
        2 * ws.unit_price_minor + product.unit_price_minor,
        &ws.currency,
    );

    // People and settings, as their use cases record them.
    let now = app.clock_now();
    let by_alex = |action, subject: Option<(&'static str, uuid::Uuid)>, detail| NewEvent {
        organisation_id: Some(northwind),
        actor_user_id: Some(alex),
        subject_type: subject.map(|s| s.0),
        subject_id: subject.map(|s| s.1),
        detail,
        ..NewEvent::of(action)
    };
    for event in [
        by_alex(
            Action::RoleChanged,
            Some(("user", sam)),
            serde_json::json!({ "email": "sales@northwind.example", "roles": ["sales_agent", "helpdesk_agent"] }),
        ),
        by_alex(
            Action::UserDeactivated,
            Some(("user", sam)),
            serde_json::json!({ "email": "sales@northwind.example" }),
        ),
        NewEvent {
            customer_id: Some(contoso),
            ..by_alex(
                Action::UserInvited,
                Some(("organisation", contoso)),
                serde_json::json!({ "email": "new.admin@contoso.example", "roles": ["customer_global_admin"] }),
            )
        },
        by_alex(
            Action::SecondFactorRequired,
            Some(("user", alex)),
            serde_json::Value::Null,
        ),
        NewEvent {
            customer_id: Some(contoso),
            ..by_alex(
                Action::LinkRevoked,
                Some(("download_link", link_row.id)),
                serde_json::json!({ "subscription_id": sub }),
            )
        },
    ] {
        record(&app.db, now, &event).await.unwrap();
    }

    let page = admin.get("/activity").await;
    assert_eq!(page.status, StatusCode::OK);
    let sql_name = "SQL Server 2022 Standard";
    for words in [
        "Alex Admin signed in",
        "A sign-in as sales@northwind.example failed: wrong password",
        "Alex Admin revealed the key of Windows Server 2022 Datacenter for Contoso",
        &format!(
            "Alex Admin made a download link to {file_name} of Windows Server 2022 Datacenter for Contoso"
        ),
        &format!(
            "{file_name} of Windows Server 2022 Datacenter was downloaded through a link given to Contoso"
        ),
        &format!("Alex Admin downloaded {file_name} of Windows Server 2022 Datacenter for Contoso"),
        &format!(
            "Alex Admin revoked a download link to {file_name} of Windows Server 2022 Datacenter for Contoso"
        ),
        &format!("Alex Admin asked to cancel {sql_name} for Contoso (request SR-"),
        &format!("Oscar Operator approved the cancellation of {sql_name} for Contoso (request SR-"),
        "Alex Admin changed the roles of Sam Sales to Sales agent, Helpdesk agent",
        "Alex Admin deactivated Sam Sales",
        "Alex Admin invited new.admin@contoso.example to Contoso as Customer global admin",
        "Alex Admin required two-factor sign-in of everyone at Northwind Partners",
    ] {
        row_saying(&page.body, words);
    }
    // The orders: the demo's list their purchases, a placed one its lines.
    let orders: Vec<String> = rows(&page.body)
        .into_iter()
        .filter(|r| r.contains("placed an order for Contoso"))
        .collect();
    assert_eq!(orders.len(), 4, "{orders:#?}");
    assert_eq!(
        orders.iter().filter(|r| r.contains("Purchases")).count(),
        3,
        "{orders:#?}"
    );
    assert!(
        orders.iter().any(|r| r.contains("WS2022-STA × 2")
            && r.contains("WS2022-DAT × 1")
            && r.contains(&format!("Total {total}"))),
        "{orders:#?}"
    );
    // Details are labelled values, not JSON.
    assert!(
        row_saying(&page.body, "through a link given to")
            .contains("Downloads through the link so far 1")
    );
    assert!(row_saying(&page.body, "approved the cancellation").contains("Credit note CN-"));
    assert!(!page.body.contains("{&quot;") && !page.body.contains("{\""));
    // Names, never ids, wherever the name exists.
    for r in rows(&page.body) {
        assert!(!shows_a_uuid(&r), "{r}");
    }
    // A name leads to the log filtered by it.
    assert!(
        page.body
            .contains(r#"<a href="/activity?user=admin%40northwind.example">Alex Admin</a>"#)
    );
    assert!(
        page.body
            .contains(r#"<a href="/activity?customer=contoso.onmicrosoft.com">Contoso</a>"#)
    );
    let by_customer = admin
        .get("/activity?customer=contoso.onmicrosoft.com")
        .await;
    assert!(
        rows(&by_customer.body)
            .iter()
            .all(|r| r.contains("Contoso"))
    );
}

#[tokio::test]
async fn the_operators_log_tells_catalog_changes_from_the_command_line_field_by_field() {
    let app = spawn_app().await;
    let mut specs = csp_portal::import::catalog::parse(csp_portal::demo::CATALOG).unwrap();
    let spec = specs.iter_mut().find(|s| s.sku == "WS2022-DAT").unwrap();
    let was = csp_portal::domain::money::format(spec.unit_price_minor, &spec.currency);
    spec.unit_price_minor += 10_000;
    let now = csp_portal::domain::money::format(spec.unit_price_minor, &spec.currency);
    spec.restricted_countries = vec!["FR".into()];
    csp_portal::app::catalog::import_catalog(
        &app.db,
        app.clock_now(),
        csp_portal::app::catalog::By::CommandLine,
        std::slice::from_ref(spec),
    )
    .await
    .unwrap();
    // A sign-in to no account belongs to no organisation: only operators see it.
    app.browser()
        .sign_in("nobody@northwind.example", "not the password at all")
        .await;
    let mut op = app.sign_in_as(Role::Operator).await;
    let page = op.get("/activity").await;
    row_saying(&page.body, "The demo data was loaded");
    row_saying(
        &page.body,
        "A sign-in as nobody@northwind.example failed: no account has that address",
    );
    let changed = row_saying(
        &page.body,
        "Someone at the server's command line changed Windows Server 2022 Datacenter in the catalog",
    );
    assert!(
        changed.contains(&format!("Unit price {was} → {now}")),
        "{changed}"
    );
    assert!(changed.contains("SKU WS2022-DAT"), "{changed}");
    assert!(changed.contains("FR"), "{changed}");
    for r in rows(&page.body) {
        assert!(!shows_a_uuid(&r), "{r}");
    }
    // The operators' log has no customer filter: a customer is a name only.
    assert!(!page.body.contains("/activity?customer="));
}

#[tokio::test]
async fn an_event_whose_subject_is_unknown_still_reads_and_gives_its_id() {
    use csp_portal::store::audit::{NewEvent, record};
    let app = spawn_app().await;
    let northwind = app.org_id("Northwind Partners").await;
    let alex = user_id(&app, "admin@northwind.example").await;
    let gone = uuid::Uuid::new_v4();
    for event in [
        NewEvent {
            organisation_id: Some(northwind),
            actor_user_id: Some(alex),
            subject_type: Some("subscription"),
            subject_id: Some(gone),
            ..NewEvent::of(Action::KeyRevealed)
        },
        // Nobody, nothing, no detail at all.
        NewEvent {
            organisation_id: Some(northwind),
            ..NewEvent::of(Action::LinkDownloadCounted)
        },
    ] {
        record(&app.db, app.clock_now(), &event).await.unwrap();
    }
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get("/activity").await;
    assert_eq!(page.status, StatusCode::OK);
    let unknown = row_saying(
        &page.body,
        "Alex Admin revealed the key of an unknown product for an unknown customer",
    );
    assert!(unknown.contains(&format!("Record id {gone}")), "{unknown}");
    row_saying(
        &page.body,
        "an unknown file of an unknown product was downloaded through a link given to an unknown customer",
    );
}

#[tokio::test]
async fn the_table_scrolls_by_keyboard_and_dates_read_one_way() {
    let app = spawn_app().await;
    let mut admin = app.sign_in_as(Role::AdminAgent).await;
    let page = admin.get("/activity").await;
    // axe's scrollable-region-focusable: the scrolling frame takes focus
    // and says what it holds.
    assert!(
        page.body.contains(
            r#"<div class="table-wrap" tabindex="0" role="region" aria-label="Activity, newest first">"#
        ),
        "{}",
        page.body
    );
    // Filters are date inputs; moments show as the portal writes them.
    assert!(
        page.body
            .contains(r#"<input type="date" id="from" name="from""#)
    );
    assert!(
        page.body
            .contains(r#"<input type="date" id="to" name="to""#)
    );
    let at = csp_portal::layout::date_time(&app.clock_now());
    assert!(
        page.body.contains(&format!(
            r#"<time datetime="{}">{at}</time>"#,
            // Whole seconds: HTML allows at most three digits of a fraction.
            app.clock_now()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        )),
        "{at}"
    );
    // "To" before "From" is a mistake said so, not an empty log.
    let backwards = admin.get("/activity?from=2026-03-02&to=2026-03-01").await;
    assert!(
        text(&backwards.body).contains(r#""To" cannot be before "From"."#),
        "{}",
        backwards.body
    );
    assert!(rows(&backwards.body).is_empty());
    let one_day = admin.get("/activity?from=2026-03-01&to=2026-03-01").await;
    assert!(!rows(&one_day.body).is_empty());
}

/// Every filter of the log, alone or with any of the others, in the
/// operators' view and a partner's, on the first page and a later one, is
/// read from an index in the log's order that seeks what the filter names,
/// and sorts nothing: a page of two million events costs what a page of
/// two hundred does (issue 11). On PostgreSQL the plan is the generic one
/// every pooled connection runs.
#[tokio::test]
async fn every_filter_of_the_log_reads_an_index_in_its_order() {
    use csp_portal::store::audit::{Filter, named_statement};

    let app = spawn_app().await;
    let northwind = app.org_id("Northwind Partners").await;
    let contoso = app.org_id("Contoso").await;
    let now = app.clock_now();
    let mut tx = app.plan_tx().await;
    let pg = tx.is_pg();
    let mut shapes = 0;
    for set in 0..1u32 << 6 {
        let on = |bit: u32| set & (1 << bit) != 0;
        let f = Filter {
            organisation_id: on(0).then_some(northwind),
            user_email: on(1).then(|| "admin@northwind.example".to_string()),
            action: on(2).then_some(Action::SignIn),
            customer_id: on(3).then_some(contoso),
            from: on(4).then_some(now),
            until: on(5).then_some(now),
        };
        for after in [false, true] {
            let plan = tx
                .plan(&named_statement(&f, after, 51))
                .await
                .unwrap()
                .join("\n");
            let shape = format!("{f:?} after={after}");
            // How the log's rows are found: the index's condition.
            let found = if pg {
                assert!(!plan.contains("Sort"), "{shape}:\n{plan}");
                assert!(
                    !plan.contains("Seq Scan on audit_events"),
                    "{shape}:\n{plan}"
                );
                plan.lines()
                    .skip_while(|l| !l.ends_with(" on audit_events e"))
                    .nth(1)
                    .filter(|l| l.contains("Index Cond"))
                    .unwrap_or_default()
                    .replace(' ', "")
            } else {
                assert!(!plan.contains("TEMP B-TREE"), "{shape}:\n{plan}");
                plan.lines()
                    .find(|l| l.starts_with("SEARCH e ") || l.starts_with("SCAN e"))
                    .unwrap_or_default()
                    .to_string()
            };
            // With any of the filters that name one thing, the index seeks
            // it: the rows read are that thing's, not the whole log's.
            let named = f.organisation_id.is_some()
                || f.user_email.is_some()
                || f.action.is_some()
                || f.customer_id.is_some();
            let seeks = [
                "organisation_id=",
                "actor_user_id=",
                "action=",
                "customer_id=",
            ]
            .iter()
            .any(|c| found.contains(c));
            // PostgreSQL weighs a date range against the named thing by its
            // statistics: among the test's three organisations the range
            // looks narrower and is sought instead (bounded by the range,
            // not the whole log); among a real store's fifty partners it
            // takes the organisation (bench/RESULTS.md). SQLite keeps no
            // statistics here or in production: its plan is the same on both.
            let ranged = pg && f.from.is_some() && f.until.is_some();
            let bounded = found.contains("at>=") && found.contains("at<");
            assert!(
                seeks == named || (ranged && named && bounded),
                "{shape}:\n{plan}"
            );
            // On PostgreSQL a partner's log of one of its users (and nothing
            // else named) seeks both: bitmaps of either index and a sort is
            // what its generic plan made of it on a real store (542 ms).
            // SQLite reads the user's events in order and keeps the
            // partner's, which are all of them.
            let org_and_user_only = f.organisation_id.is_some()
                && f.user_email.is_some()
                && f.action.is_none()
                && f.customer_id.is_none();
            if pg && org_and_user_only && !ranged {
                assert!(
                    found.contains("organisation_id=") && found.contains("actor_user_id="),
                    "{shape}:\n{plan}"
                );
            }
            shapes += 1;
        }
    }
    assert_eq!(shapes, 128);
}
