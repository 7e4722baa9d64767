//! The software journey (SPEC 3.2, 3.3, 3.5): the list of what a customer
//! owns, "Get keys and downloads", the key, downloads and links. The same
//! pages serve a partner's admin agents (`/customers/{id}/software/...`) and
//! a customer's global admins (`/my/software/...`); `Where` says which.

pub mod download;
pub mod key;
pub mod link_views;
pub mod links;
pub mod list;
pub mod public_link;
pub mod show;

use crate::error::{AppError, AppResult};
use crate::request_scope::Wanted;
use crate::store::organisations::Customer;
use crate::web::access::Principal;
use crate::web::ctx::customer_in_scope;
use crate::web::state::AppState;

/// Whose software a page shows, and where its URLs live.
pub struct Where {
    pub customer: Customer,
    /// `/customers/{id}/software` or `/my/software`.
    pub base: String,
    /// The customer's own view: no links, no prices, no cancellation.
    pub own_view: bool,
}

impl Where {
    /// A partner's view of one of its customers (see `ScopedCustomer`).
    pub fn partner(customer: Customer) -> Where {
        Where {
            base: format!("/customers/{}/software", customer.id),
            customer,
            own_view: false,
        }
    }

    /// A customer's global admin looking at their own tenant.
    pub async fn own(state: &AppState, p: &Principal) -> AppResult<Where> {
        let id = p.scope().customer_id().ok_or(AppError::NotFound)?;
        let customer = customer_in_scope(&state.db, p, Wanted::Own, id).await?;
        Ok(Where {
            base: "/my/software".to_owned(),
            customer,
            own_view: true,
        })
    }

    /// The navigation entry the pages belong to.
    pub fn section(&self) -> &'static str {
        if self.own_view {
            "my-software"
        } else {
            "customers"
        }
    }
}
