//! A partner's customers: the list, one customer's details, creating one.

pub mod add_products;
pub mod create;
pub mod list;
pub mod orders;
pub mod show;
