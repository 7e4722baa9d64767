//! The step before an action that cannot be undone (revoke a link, approve
//! or reject a cancellation, deactivate a user). The action's form posts
//! with `confirmed=1` only once the user has said yes: with JavaScript, in
//! the browser's own dialog (`static/js/confirm.js` adds the field); without
//! it, the POST that lacks the field changes nothing and answers with this
//! page, whose form posts the same fields again with `confirmed=1` and a
//! CSRF token of its own.

use actix_web::HttpResponse;
use askama::Template;
use serde::Deserialize;

use crate::error::AppResult;
use crate::web::page::Page;
use crate::web::respond;

/// The field that says the user has confirmed.
#[derive(Deserialize, Default, Clone)]
pub struct Confirmed {
    #[serde(default)]
    confirmed: Option<String>,
}

impl Confirmed {
    pub fn yes(&self) -> bool {
        self.confirmed.as_deref() == Some("1")
    }
}

#[derive(Template)]
#[template(path = "confirm.html")]
pub struct Confirmation {
    pub page: Page,
    /// The question, as the page's heading: "Revoke this link?"
    pub title: String,
    /// What is acted on: (label, value) pairs.
    pub facts: Vec<(String, String)>,
    /// Introduces the effects ("Approving will:"); may be empty.
    pub lead: String,
    /// What saying yes does, a sentence (or, after `lead`, a clause) each.
    pub effects: Vec<String>,
    /// Said last, apart from the effects ("This cannot be undone."); may be empty.
    pub note: String,
    /// Where the form posts: the action's own address.
    pub action: String,
    /// The action's fields, sent again as they came.
    pub fields: Vec<(String, String)>,
    pub confirm_label: String,
    /// Back to where the user came from, changing nothing.
    pub back: String,
    pub back_label: String,
}

impl Confirmation {
    /// The page as the answer to the unconfirmed POST (200: nothing failed,
    /// nothing changed).
    pub fn answer(&self) -> AppResult<HttpResponse> {
        respond::ok(self)
    }
}
