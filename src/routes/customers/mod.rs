//! A partner's customers: the list, one customer's details, creating one.

pub mod create;
pub mod list;
pub mod show;
