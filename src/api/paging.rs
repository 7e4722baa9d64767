//! Opaque cursors: a page's last row (a sort value and an id) as base64url
//! JSON. Clients pass back `next_cursor` as it came; anything else is a 400.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::{IntoParams, ToSchema};

use super::problem::{ApiError, ApiResult};
use crate::domain::FieldError;

pub const DEFAULT_LIMIT: i64 = 25;
pub const MAX_LIMIT: i64 = 100;

/// `cursor` and `limit`, as every list takes them.
#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The `next_cursor` of the previous page; none for the first page.
    pub cursor: Option<String>,
    /// Rows a page (1 to 100, 25 by default).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

impl PageQuery {
    pub fn limit(&self) -> ApiResult<i64> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::Invalid(vec![FieldError {
                args: vec![("max", crate::i18n::ArgValue::Number(MAX_LIMIT))],
                ..FieldError::new("limit", "api-error-limit")
            }])),
        }
    }

    /// The row the page starts after, if any.
    pub fn after<K: DeserializeOwned>(&self) -> ApiResult<Option<K>> {
        self.cursor.as_deref().map(decode).transpose()
    }
}

pub fn encode<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

fn decode<K: DeserializeOwned>(cursor: &str) -> ApiResult<K> {
    URL_SAFE_NO_PAD
        .decode(cursor.trim())
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(ApiError::BadRequest("api-problem-cursor"))
}

/// A page of a list: its rows and, when more follow, the cursor of the next.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// The page of `rows`, with a cursor from the last row's key when `more`.
    pub fn of<R, K: Serialize>(
        rows: Vec<R>,
        more: bool,
        key: impl Fn(&R) -> K,
        view: impl FnMut(R) -> T,
    ) -> Page<T> {
        let next_cursor = rows.last().filter(|_| more).map(|r| encode(&key(r)));
        Page {
            items: rows.into_iter().map(view).collect(),
            next_cursor,
        }
    }
}
