//! The vendor's own pages.

pub mod partners;
