//! The web layer's shared parts: request context, access control, CSRF,
//! security headers, and the page context every template gets.

pub mod access;
pub mod audit;
pub mod csrf;
pub mod form;
pub mod headers;
pub mod page;
pub mod request_ctx;
pub mod state;
pub mod store_health;
