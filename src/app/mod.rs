//! The application layer: one module per journey, one function per use case.
//!
//! A use case takes who acts (`Actor`), the services (`AppState`: store,
//! clock, mailer...) and checked input. It opens its transaction itself,
//! writes its audit event inside that transaction, and sends mail only
//! after the commit. Handlers extract, authorise, call one use case and
//! render; the REST API calls the same functions, so each rule lives once.

pub mod api_tokens;
pub mod catalog;
pub mod customers;
pub mod invitations;
pub mod links;
pub mod orders;
pub mod passwords;
pub mod preferences;
pub mod sign_in;
pub mod software;
pub mod state;
pub mod support;
pub mod throttle;
pub mod two_factor;
pub mod users;

use uuid::Uuid;

use crate::domain::audit_action::Action;
use crate::store::audit::NewEvent;

/// Who is acting: the signed-in user, their organisation, their address,
/// and the API token they act through (none on the pages).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Uuid,
    pub org_id: Uuid,
    pub ip: Option<String>,
    pub token: Option<Uuid>,
}

/// What was acted on: (subject type, subject id, customer concerned).
#[derive(Debug, Clone, Copy, Default)]
pub struct On {
    pub subject: Option<(&'static str, Uuid)>,
    pub customer: Option<Uuid>,
}

impl On {
    pub fn subject(kind: &'static str, id: Uuid) -> On {
        On {
            subject: Some((kind, id)),
            customer: None,
        }
    }

    pub fn customer(mut self, id: Uuid) -> On {
        self.customer = Some(id);
        self
    }
}

impl Actor {
    /// The audit event of `action` by this actor.
    pub fn event(&self, action: Action, on: On, mut detail: serde_json::Value) -> NewEvent {
        // The same event as the page's, saying which token acted.
        if let (Some(token), Some(map)) = (self.token, detail.as_object_mut()) {
            map.insert("api_token".to_owned(), serde_json::json!(token));
        }
        NewEvent {
            organisation_id: Some(self.org_id),
            actor_user_id: Some(self.user_id),
            action,
            subject_type: on.subject.map(|s| s.0),
            subject_id: on.subject.map(|s| s.1),
            customer_id: on.customer,
            ip: self.ip.clone(),
            detail,
        }
    }
}
