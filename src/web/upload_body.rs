//! A multipart form's body within a byte limit, for both upload forms (Report
//! a problem, the operator's catalog uploads): refused unread with 413 when
//! it declares a length past the limit, else counted as it streams (a
//! chunked body declares none) and cut off, with 413, the moment it passes.

use std::cell::Cell;
use std::rc::Rc;

use actix_multipart::{Field, Multipart};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::error::{AppError, AppResult};
use crate::web::respond::human_size;

pub fn too_large(message: &'static str, arg: &'static str, value: String) -> AppError {
    AppError::TooLarge {
        message,
        arg,
        value,
    }
}

/// Whether the body passed its limit, for telling a read error's cause.
pub struct LimitedBody {
    over: Rc<Cell<bool>>,
    limit: u64,
}

impl LimitedBody {
    /// The form in `payload`, held to `limit` bytes.
    pub fn open(
        req: &HttpRequest,
        payload: web::Payload,
        limit: u64,
    ) -> AppResult<(Multipart, LimitedBody)> {
        let body = LimitedBody {
            over: Rc::new(Cell::new(false)),
            limit,
        };
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(body.too_large());
        }
        let flag = body.over.clone();
        let mut seen: u64 = 0;
        let counted = payload.map(move |chunk| {
            let chunk = chunk?;
            seen += chunk.len() as u64;
            if seen > limit {
                flag.set(true);
                return Err(PayloadError::Overflow);
            }
            Ok(chunk)
        });
        Ok((Multipart::new(req.headers(), counted), body))
    }

    fn too_large(&self) -> AppError {
        too_large(
            "error-form-too-large",
            "limit",
            human_size(i64::try_from(self.limit).unwrap_or(i64::MAX)),
        )
    }

    /// What a read error means: past the limit, else a broken or aborted
    /// form.
    pub fn read_error(&self) -> AppError {
        if self.over.get() {
            self.too_large()
        } else {
            AppError::BadRequest
        }
    }

    /// Reads a part to its end without keeping it; stops at the first error.
    pub async fn drain(&self, field: &mut Field) -> AppResult<()> {
        while let Some(chunk) = field.next().await {
            chunk.map_err(|_| self.read_error())?;
        }
        Ok(())
    }
}
