//! Error pages inside the portal's frame. A handler's error page shows the
//! signed-in user's header and navigation when access control had already
//! found the user; when the request failed before that (an unknown
//! address, a malformed id, a CSRF check), this finds the user and draws
//! the page again, so that no error page strands a signed-in user. It sits
//! inside the session and CSRF middleware, whose token the sign-out form
//! needs.

use actix_web::Error;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::error::AppError;
use crate::request_scope;
use crate::web::access;

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let res = next.call(req).await?.map_into_boxed_body();
    let unframed = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>())
        .is_some_and(|e| e.is_framed_page() && request_scope::signed_in().is_none());
    if !unframed {
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    if access::signed_in_user(&req).await.is_none() {
        return Ok(ServiceResponse::new(req, res));
    }
    let framed = res
        .error()
        .and_then(|e| e.as_error::<AppError>())
        .map(AppError::page);
    Ok(ServiceResponse::new(req, framed.unwrap_or(res)))
}

/// An error answered by a middleware before any handler ran (the CSRF
/// check), in the frame like the rest.
pub async fn answer(req: ServiceRequest, e: AppError) -> ServiceResponse<BoxBody> {
    let (req, _) = req.into_parts();
    if e.is_framed_page() && request_scope::signed_in().is_none() {
        access::signed_in_user(&req).await;
    }
    let res = actix_web::ResponseError::error_response(&e);
    ServiceResponse::new(req, res)
}
