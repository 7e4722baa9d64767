//! Pure types and rules of the portal: no actix, no SQL.

pub mod country;
pub mod csv;
pub mod customer;
pub mod email;
pub mod link;
pub mod money;
pub mod number;
pub mod order;
pub mod product;
pub mod role;
pub mod scope;
pub mod service_request;

/// A field-level validation failure: the form field and the message id that
/// explains it (looked up through the translation function when shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, message: &'static str) -> Self {
        FieldError { field, message }
    }
}
