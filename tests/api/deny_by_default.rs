//! Access is deny-by-default: every route registered in `src/routes/mod.rs`,
//! asked for signed out, must not answer with a page (2xx) or send anywhere
//! but the sign-in page, unless it is on the public list below. A new route
//! without access control fails here.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::helpers::spawn_app;

/// The routes anyone may use signed out: (method, pattern), and why.
const PUBLIC: &[(&str, &str)] = &[
    ("GET", "/health"),
    ("GET", "/health/live"),
    ("GET", "/health/ready"),
    ("GET", "/sign-in"),
    ("POST", "/sign-in"),
    // The language switch: anyone may choose a language.
    ("POST", "/language"),
    ("GET", "/sign-in/code"),
    ("POST", "/sign-in/code"),
    ("GET", "/forgot-password"),
    ("POST", "/forgot-password"),
    ("GET", "/reset/{token}"),
    ("POST", "/reset/{token}"),
    ("GET", "/invitation/{token}"),
    ("POST", "/invitation/{token}"),
    // Download links: the token is the credential.
    ("GET", "/d/{token}"),
    ("HEAD", "/d/{token}"),
    // Only redirects (shows nothing) to the subscription page, which is guarded.
    ("GET", "/customers/{id}/software/{sub}/links"),
];

const ROUTES: &str = include_str!("../../src/routes/mod.rs");

/// Every (method, pattern) registered with `.route(...)`, a route inside
/// `.service(web::scope("/prefix") ...)` with its scope's prefix: the whole
/// path a browser asks for.
fn registered() -> BTreeSet<(String, String)> {
    let route =
        regex::Regex::new(r#"\.route\(\s*"([^"]*)",\s*web::(get|post|head|put|patch|delete)\(\)"#)
            .unwrap();
    let scope = regex::Regex::new(r#"\.service\(\s*web::scope\("([^"]+)"\)"#).unwrap();
    // Each scope's prefix and the span of its `.service(...)`, found by
    // matching its parentheses.
    let spans: Vec<(usize, usize, &str)> = scope
        .captures_iter(ROUTES)
        .map(|c| {
            let whole = c.get(0).unwrap();
            let mut depth = 0;
            let end = ROUTES[whole.start()..]
                .char_indices()
                .find_map(|(i, ch)| {
                    match ch {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => return None,
                    }
                    (depth == 0).then_some(whole.start() + i)
                })
                .expect("a scope's parentheses close");
            (whole.start(), end, c.get(1).unwrap().as_str())
        })
        .collect();
    route
        .captures_iter(ROUTES)
        .map(|c| {
            let at = c.get(0).unwrap().start();
            let prefix = spans
                .iter()
                .find(|(start, end, _)| (*start..*end).contains(&at))
                .map_or("", |(_, _, p)| p);
            (c[2].to_uppercase(), format!("{prefix}{}", &c[1]))
        })
        .collect()
}

/// The pattern with each `{...}` segment filled: a plausible token for
/// token routes, else a random UUID.
fn fill(pattern: &str) -> String {
    let re = regex::Regex::new(r"\{([^}]+)\}").unwrap();
    re.replace_all(pattern, |c: &regex::Captures| {
        if &c[1] == "token" {
            "q9Xc2Vb7Lm4Tr8Ys1Kd6Hn3Wf5Jp0Ga_ZeRuOiPlMk-A".to_owned()
        } else {
            Uuid::new_v4().to_string()
        }
    })
    .into_owned()
}

#[test]
fn the_route_table_is_read_and_the_public_list_names_real_routes() {
    let routes = registered();
    assert!(routes.len() >= 60, "only {} routes found", routes.len());
    // A route read without its scope's prefix would be asked for at the
    // wrong path below, and so pass whatever its access control.
    for (method, path) in &routes {
        assert!(
            path.starts_with('/'),
            "{method} {path:?} is not a whole path"
        );
    }
    for scoped in [
        ("GET", "/customers/{id}/software"),
        ("GET", "/customers/{id}"),
        ("GET", "/my/software"),
        ("POST", "/operator/requests/{id}/decision"),
        ("GET", "/support"),
    ] {
        assert!(
            routes.contains(&(scoped.0.to_owned(), scoped.1.to_owned())),
            "{scoped:?} not read from its scope"
        );
    }
    for (method, path) in PUBLIC {
        assert!(
            routes.contains(&((*method).to_owned(), (*path).to_owned())),
            "public route {method} {path} is not registered"
        );
    }
}

#[tokio::test]
async fn every_route_not_on_the_public_list_refuses_a_signed_out_visitor() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for (method, pattern) in registered() {
        if PUBLIC.contains(&(method.as_str(), pattern.as_str())) {
            continue;
        }
        let path = fill(&pattern);
        // A fresh anonymous browser per route, holding a valid CSRF token
        // (from the sign-in form) so that CSRF is not what stops a POST.
        let mut b = app.browser();
        assert_eq!(b.get("/sign-in").await.status.as_u16(), 200);
        assert!(b.csrf.is_some(), "no anonymous CSRF token");
        let res = match method.as_str() {
            "GET" => b.get(&path).await,
            "POST" => b.post(&path, &[]).await,
            other => panic!("no request for {other} {pattern}"),
        };
        checked += 1;
        let status = res.status;
        let to_sign_in = status.is_redirection()
            && res
                .location()
                .is_some_and(|l| l == "/sign-in" || l.starts_with("/sign-in?"));
        if status.is_success() || (status.is_redirection() && !to_sign_in) {
            failures.push(format!(
                "{method} {pattern}: {status} {}",
                res.location().unwrap_or_default()
            ));
        }
    }
    assert!(checked >= 45, "only {checked} routes checked");
    assert!(
        failures.is_empty(),
        "routes answering a signed-out visitor (add access control, or put them on PUBLIC):\n{}",
        failures.join("\n")
    );
}
