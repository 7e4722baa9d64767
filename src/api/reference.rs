//! `GET /api/v1/reference`: the API's reference, read from the OpenAPI
//! document itself (so it lists exactly what the document does), as a
//! server-rendered page: no script, the portal's own stylesheet.

use actix_web::HttpResponse;
use askama::Template;
use serde_json::Value;

use super::doc::DOCUMENT;
use super::problem::KINDS;
use crate::layout::Page;
use crate::request_scope;

pub struct Param {
    pub name: String,
    pub place: String,
    pub required: bool,
    pub description: String,
}

pub struct Operation {
    pub anchor: String,
    pub method: String,
    pub path: String,
    pub tag: String,
    pub summary: String,
    pub description: String,
    pub params: Vec<Param>,
    pub body: Option<String>,
    pub responses: Vec<(String, String)>,
}

pub struct ProblemKind {
    pub kind: &'static str,
    pub status: u16,
    pub title: String,
}

#[derive(Template)]
#[template(path = "api/reference.html")]
struct Reference {
    page: Page,
    operations: Vec<Operation>,
    problems: Vec<ProblemKind>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The schema a body refers to, by name (`#/components/schemas/X` → X).
fn schema_name(content: &Value) -> Option<String> {
    let media = content.as_object()?.values().next()?;
    let schema = media.get("schema")?;
    let reference = schema
        .get("$ref")
        .or_else(|| schema.get("items").and_then(|i| i.get("$ref")))?
        .as_str()?;
    reference.rsplit('/').next().map(str::to_owned)
}

fn operations(doc: &Value) -> Vec<Operation> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, op) in item {
            let params = op
                .get("parameters")
                .and_then(Value::as_array)
                .map(|ps| {
                    ps.iter()
                        .map(|p| Param {
                            name: text(p, "name"),
                            place: text(p, "in"),
                            required: p.get("required").and_then(Value::as_bool) == Some(true),
                            description: text(p, "description"),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let responses = op
                .get("responses")
                .and_then(Value::as_object)
                .map(|rs| {
                    rs.iter()
                        .map(|(status, r)| (status.clone(), text(r, "description")))
                        .collect()
                })
                .unwrap_or_default();
            let tag = op
                .get("tags")
                .and_then(|t| t.get(0))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            out.push(Operation {
                anchor: format!("{method}-{}", path.replace(['/', '{', '}'], "-")),
                method: method.to_uppercase(),
                path: path.clone(),
                tag,
                summary: text(op, "summary"),
                description: text(op, "description"),
                params,
                body: op
                    .get("requestBody")
                    .and_then(|b| b.get("content"))
                    .and_then(schema_name),
                responses,
            });
        }
    }
    out.sort_by(|a, b| (&a.tag, &a.path).cmp(&(&b.tag, &b.path)));
    out
}

pub async fn show() -> Result<HttpResponse, super::problem::ApiError> {
    let i18n = request_scope::i18n();
    let doc = serde_json::to_value(&*DOCUMENT)
        .map_err(|e| super::problem::ApiError::Internal(e.into()))?;
    let problems = KINDS
        .iter()
        .map(|(kind, status)| ProblemKind {
            kind,
            status: *status,
            title: i18n.t(&format!("api-problem-{kind}")),
        })
        .collect();
    let page = Page::bare(i18n);
    let html = Reference {
        page,
        operations: operations(&doc),
        problems,
    }
    .render()
    .map_err(|e| super::problem::ApiError::Internal(anyhow::anyhow!("template failed: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(html))
}
