//! The message catalogs agree: every language directory under `locales/`
//! has exactly en-US's message ids, each with the same variables; every id
//! the code or a template names exists in en-US, including the ids built
//! at run time (statuses, roles, audit actions, countries, kinds), taken
//! from the enums' own lists. Not an HTTP test: it reads the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use csp_portal::domain::audit_action::Action;
use csp_portal::domain::country;
use csp_portal::domain::order::OrderStatus;
use csp_portal::domain::product::ProductKind;
use csp_portal::domain::role::Role;
use csp_portal::domain::service_request::{Impact, ProblemType, QueueView, RequestStatus};
use csp_portal::domain::subscription::{StatusFilter, SubscriptionStatus};

/// Message id -> the variables it uses (in any variant).
type Catalog = BTreeMap<String, BTreeSet<String>>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn variables_of_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
            for a in &arguments.named {
                variables_of_inline(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => variables_of_inline(i, out),
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
    }
}

fn variables_of_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            variables_of_expression(expression, out);
        }
    }
}

/// The messages of one FTL source, or what is wrong with it.
fn parse(name: &str, source: &str) -> Result<Catalog, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("{name}: does not parse: {errors:?}"))?;
    let mut out = Catalog::new();
    for entry in &resource.body {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                variables_of_pattern(p, &mut vars);
            }
            for a in &m.attributes {
                variables_of_pattern(&a.value, &mut vars);
            }
            if out.insert(m.id.name.to_owned(), vars).is_some() {
                return Err(format!("{name}: {} is defined twice", m.id.name));
            }
        }
    }
    Ok(out)
}

/// Every message of one language directory (all its .ftl files).
fn load(dir: &Path) -> Result<Catalog, String> {
    let mut all = Catalog::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    for f in files {
        let source = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        for (id, vars) in parse(&f.display().to_string(), &source)? {
            if all.insert(id.clone(), vars).is_some() {
                return Err(format!("{}: {id} is also in another file", f.display()));
            }
        }
    }
    Ok(all)
}

/// What differs between `lang` and the reference (en-US): missing ids,
/// ids en-US lacks, and variables that differ. Empty when they agree.
fn compare(reference: &Catalog, lang: &str, other: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, vars) in reference {
        match other.get(id) {
            None => problems.push(format!("{lang}: {id} is missing")),
            Some(theirs) if theirs != vars => {
                problems.push(format!("{lang}: {id} uses {theirs:?}, en-US uses {vars:?}"))
            }
            Some(_) => {}
        }
    }
    for id in other.keys().filter(|id| !reference.contains_key(*id)) {
        problems.push(format!("{lang}: {id} is not in en-US"));
    }
    problems
}

/// Files under `dir` (recursively) whose names end with `ext`.
fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// The message ids named literally where the code looks messages up: the
/// translation calls (`t`, `t1`, `t_args`, `t_count`, `t_count_args`,
/// `t_with`), field errors and import problems, and the message-id columns
/// of tables (navigation, form labels: `("field", "some-message")`).
fn literal_ids(source: &str) -> BTreeSet<String> {
    let calls = regex::Regex::new(
        r#"(?:(?:\bt|\bt1|t_args|t_count|t_count_args|t_with|Message::new)\(|FieldError::new\([^,()]+,)\s*"([a-z][a-z0-9_-]*)""#,
    )
    .unwrap();
    // `if ... { "an-id" } else { "other-id" }` handed to a lookup.
    let branches =
        regex::Regex::new(r#"(?:page\.t|self\.t|i18n\.t)\(if [^{]+\{\s*"([a-z][a-z0-9_-]*)"\s*\}\s*else\s*\{\s*"([a-z][a-z0-9_-]*)""#)
            .unwrap();
    let mut out = BTreeSet::new();
    for c in calls.captures_iter(source) {
        out.insert(c[1].to_owned());
    }
    for c in branches.captures_iter(source) {
        out.insert(c[1].to_owned());
        out.insert(c[2].to_owned());
    }
    out
}

/// Ids built at run time, from the enums' lists of values.
fn runtime_ids() -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = BTreeSet::new();
    ids.extend(Role::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(OrderStatus::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(
        SubscriptionStatus::ALL
            .iter()
            .map(|v| v.message_id().to_owned()),
    );
    ids.extend(StatusFilter::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(RequestStatus::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(ProblemType::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(Impact::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(QueueView::all().iter().map(|v| v.message_id().to_owned()));
    ids.extend(Action::ALL.iter().map(|v| v.message_id().to_owned()));
    ids.extend(
        [
            ProductKind::Perpetual,
            ProductKind::Subscription,
            ProductKind::ReservedInstance,
        ]
        .iter()
        .map(|k| k.message_id().to_owned()),
    );
    ids.extend(["key-format-chars32", "key-format-chars25"].map(str::to_owned));
    ids.extend(country::CODES.iter().map(|c| format!("country-{c}")));
    ids
}

/// Everything wrong with the catalogs under `locales`, for the code under
/// `sources` (Rust and templates).
fn check(locales: &Path, sources: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    let reference = match load(&locales.join("en-US")) {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    let mut langs: Vec<PathBuf> = std::fs::read_dir(locales)
        .expect("locales")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && !p.ends_with("en-US"))
        .collect();
    langs.sort();
    for dir in langs {
        let lang = dir.file_name().unwrap().to_string_lossy().into_owned();
        if !csp_portal::i18n::SUPPORTED.contains(&lang.as_str()) {
            problems.push(format!(
                "{lang}: a catalog for a language the portal does not offer"
            ));
        }
        match load(&dir) {
            Ok(c) => problems.extend(compare(&reference, &lang, &c)),
            Err(e) => problems.push(e),
        }
    }
    let mut used = BTreeSet::new();
    for s in sources {
        used.extend(literal_ids(s));
    }
    for id in used {
        if !reference.contains_key(&id) {
            problems.push(format!(
                "en-US: {id} is used in the code but defined nowhere"
            ));
        }
    }
    problems
}

fn sources() -> Vec<String> {
    let mut paths = Vec::new();
    files(&root().join("src"), "rs", &mut paths);
    files(&root().join("templates"), "html", &mut paths);
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn every_catalog_has_every_message_with_the_same_variables() {
    let sources = sources();
    let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let problems = check(&root().join("locales"), &refs);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_id_built_at_run_time_exists() {
    let reference = load(&root().join("locales/en-US")).unwrap();
    let missing: Vec<String> = runtime_ids()
        .into_iter()
        .filter(|id| !reference.contains_key(id))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    // Each audit action is told as a sentence (`activity-event-<action>`,
    // or variants of it).
    let untold: Vec<&str> = Action::ALL
        .iter()
        .map(|a| a.as_str())
        .filter(|a| {
            let id = format!("activity-event-{a}");
            !reference
                .keys()
                .any(|k| *k == id || k.starts_with(&format!("{id}-")))
        })
        .collect();
    assert!(untold.is_empty(), "{untold:?}");
}

#[test]
fn the_check_fails_on_a_missing_id_an_extra_one_and_other_variables() {
    let dir = tempfile::tempdir().unwrap();
    let write = |lang: &str, text: &str| {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        std::fs::write(dir.path().join(lang).join("main.ftl"), text).unwrap();
    };
    write(
        "en-US",
        "hello = Hello { $name }\ndays = { $n ->\n    [one] 1 day\n   *[other] { $n } days\n}\nbye = Bye\n",
    );
    // Russian plural forms use the same variable: fine.
    write(
        "ru-RU",
        "hello = Привет, { $name }\ndays = { $n ->\n    [one] { $n } день\n    [few] { $n } дня\n   *[other] { $n } дней\n}\nbye = Пока\n",
    );
    assert_eq!(check(dir.path(), &[]), Vec::<String>::new());

    write("pl-PL", "hello = Cześć { $imie }\nextra = Nadmiar\n");
    let problems = check(
        dir.path(),
        &[r#"page.t("bye") page.i18n.t1("nowhere", "x", y)"#],
    );
    assert_eq!(
        problems,
        [
            "pl-PL: bye is missing",
            "pl-PL: days is missing",
            "pl-PL: hello uses {\"imie\"}, en-US uses {\"name\"}",
            "pl-PL: extra is not in en-US",
            "en-US: nowhere is used in the code but defined nowhere",
        ]
    );

    write("xx-XX", "hello = { $name\n");
    let problems = check(dir.path(), &[]);
    assert!(
        problems.iter().any(|p| p.contains("does not parse")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("xx-XX: a catalog for a language")),
        "{problems:?}"
    );
}

#[test]
fn ids_are_found_in_calls_spread_over_lines() {
    let ids = literal_ids(
        "i18n.t_args(\n    \"mail-links-body\",\n &[]) FieldError::new(\"f\", \"error-x\") Message::new(\"import-y\") page.t(if a { \"yes-id\" } else { \"no-id\" }) format!(\"not-an-id\")",
    );
    let want: BTreeSet<String> = ["mail-links-body", "error-x", "import-y", "yes-id", "no-id"]
        .map(str::to_owned)
        .into();
    assert_eq!(ids, want);
}
