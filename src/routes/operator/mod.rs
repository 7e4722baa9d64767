//! The vendor's own pages.

pub mod catalog;
pub mod partners;
pub mod requests;
