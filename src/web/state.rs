//! The services every handler reaches; they belong to the application
//! layer (`app::state`), which must not depend on the web.

pub use crate::app::state::AppState;
