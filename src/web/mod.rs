//! The web layer's shared parts: request context, access control, CSRF,
//! security headers, and the page context every template gets.

pub mod access;
pub mod assets;
pub mod audit;
pub mod client;
pub mod confirm;
pub mod csrf;
pub mod ctx;
pub mod device;
pub mod error_frame;
pub mod form;
pub mod headers;
pub mod html;
pub mod language;
pub mod multipart_csrf;
pub mod page;
pub mod request_ctx;
pub mod respond;
pub mod session;
pub mod site_keys;
pub mod state;
pub mod store_health;
pub mod stored_file;
pub mod throttle;
pub mod upload_body;
