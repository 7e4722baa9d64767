//! "Report a problem" (SPEC 3.4): filing service requests, including a
//! purchase's cancellation, and the partner's list of its requests.

pub mod attachment;
pub mod form;
pub mod list;
pub mod show;
pub mod submit;
pub mod upload;
