//! The vendor's own pages.

pub mod catalog;
pub mod files;
pub mod keys;
pub mod partners;
pub mod product_form;
pub mod requests;
pub mod upload;
