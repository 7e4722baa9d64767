//! The REST API (`/api/v1`, issue 15) driven over HTTP with bearer tokens
//! made on the settings page, as a partner's system would.

mod activity;
mod customers;
mod orders;
mod requests;
mod schemathesis;
mod software;
mod tokens;

use csp_portal::domain::role::Role;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::helpers::{Browser, TestApp};

/// An answer of the API.
#[derive(Debug)]
pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Res {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A problem's `type` anchor (`not-found`...).
    pub fn problem(&self) -> &str {
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "not a problem: {self:?}"
        );
        self.body["type"]
            .as_str()
            .unwrap()
            .trim_start_matches("/api/v1/reference#problem-")
    }
}

/// A client of the API: no cookies, a bearer token.
pub struct Api {
    base: String,
    client: reqwest::Client,
    pub token: String,
}

impl Api {
    pub fn new(app: &TestApp, token: &str) -> Api {
        Api {
            base: app.base.clone(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_idle_timeout(std::time::Duration::from_secs(3))
                .build()
                .unwrap(),
            token: token.to_owned(),
        }
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> Res {
        let res = req.bearer_auth(&self.token).send().await.expect("request");
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Res {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Res {
        self.send(self.client.get(format!("{}{path}", self.base)))
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Res {
        self.post_with(path, body, &[]).await
    }

    pub async fn post_with(&self, path: &str, body: Value, headers: &[(&str, &str)]) -> Res {
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body.to_string());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req).await
    }
}

/// The token a settings page shows once, in its answer to the form.
pub fn shown_token(body: &str) -> Option<String> {
    regex::Regex::new(r#"<code id="new-token">(csp_[A-Za-z0-9_-]{43})</code>"#)
        .unwrap()
        .captures(body)
        .map(|c| c[1].to_owned())
}

/// Makes a token on the settings page of the browser's user.
pub async fn make_token(b: &mut Browser, name: &str, expires_on: &str) -> String {
    let page = b.get("/account/api-tokens").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let made = b
        .post(
            "/account/api-tokens",
            &[("name", name), ("expires_on", expires_on)],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    shown_token(&made.body).expect("the token is shown")
}

/// A client with a new token of the demo user holding `role`.
pub async fn api_as(app: &TestApp, role: Role) -> Api {
    let mut b = app.sign_in_as(role).await;
    let token = make_token(&mut b, "tests", "").await;
    Api::new(app, &token)
}
