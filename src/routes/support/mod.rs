//! "Report a problem" (SPEC 3.4): filing service requests, including a
//! purchase's cancellation, the partner's list of its requests, and the
//! credit notes approved cancellations issue.

pub mod attachment;
pub mod credit_note;
pub mod form;
pub mod list;
pub mod show;
pub mod submit;
pub mod upload;
