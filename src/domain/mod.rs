//! Pure types and rules of the portal: no actix, no SQL.

/// An enum stored as text: the statuses and kinds of orders, subscriptions
/// and service requests. Each variant names its stored text (which
/// `#[derive(sqlx::Type)]` with `rename_all = "snake_case"` reads and writes
/// on both stores; the tests check that the two agree) and its message id.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal => $msg:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
        #[sqlx(type_name = "TEXT", rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order people see them offered.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The stored text, also the value of a form's option.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The value whose stored text is `s` exactly.
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.as_str() == s)
            }

            /// The message that names it (locales/en-US/main.ftl).
            pub fn message_id(self) -> &'static str {
                match self {
                    $( $name::$variant => $msg, )+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod audit_action;
pub mod country;
pub mod credit_note;
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
pub mod subscription;

/// A field-level validation failure: the form field and the message id that
/// explains it (looked up through the translation function when shown),
/// with the message's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
    pub args: Vec<(&'static str, crate::i18n::ArgValue)>,
}

impl FieldError {
    pub fn new(field: &'static str, message: &'static str) -> Self {
        FieldError {
            field,
            message,
            args: Vec::new(),
        }
    }

    /// Longer than `max` characters: the message says the limit, so that
    /// whoever typed it knows how much to cut.
    pub fn too_long(field: &'static str, max: usize) -> Self {
        FieldError {
            args: vec![("max", crate::i18n::ArgValue::number(max))],
            ..FieldError::new(field, "error-too-long")
        }
    }
}
