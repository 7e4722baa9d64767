//! Every route of the portal, registered in one place. Handlers live in a
//! folder per journey, one file per action, beside their template structs.

pub mod activity;
pub mod customers;
pub mod health;
pub mod home;
pub mod operator;
pub mod paging;
pub mod people;
pub mod sign_in;
pub mod software;
pub mod support;

use actix_web::web;

/// The health checks: registered before the session middleware, since they
/// never read a session (a probe that sends a cookie costs no store read).
pub fn health_checks(cfg: &mut web::ServiceConfig) {
    cfg.route("/health", web::get().to(health::ready))
        .route("/health/live", web::get().to(health::live))
        .route("/health/ready", web::get().to(health::ready));
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show))
        .route("/sign-in", web::get().to(sign_in::form::show))
        .route("/sign-in", web::post().to(sign_in::submit::submit))
        .route("/sign-out", web::post().to(sign_in::sign_out::submit))
        .route("/customers", web::get().to(customers::list::show))
        .route("/customers", web::post().to(customers::create::submit))
        .route("/customers/new", web::get().to(customers::create::form))
        .route("/customers/{id}", web::get().to(customers::show::show))
        .route(
            "/customers/{id}/add-products",
            web::get().to(customers::add_products::catalog),
        )
        .route(
            "/customers/{id}/add-products/review",
            web::get().to(customers::add_products::review),
        )
        .route(
            "/customers/{id}/add-products/change",
            web::get().to(customers::add_products::change),
        )
        .route(
            "/customers/{id}/orders",
            web::get().to(customers::orders::list),
        )
        .route(
            "/customers/{id}/orders",
            web::post().to(customers::orders::place),
        )
        .route(
            "/customers/{id}/orders/{order_id}",
            web::get().to(customers::orders::show),
        )
        .route(
            "/customers/{id}/software",
            web::get().to(software::list::partner),
        )
        .route(
            "/customers/{id}/software/{sub}",
            web::get().to(software::show::partner),
        )
        .route(
            "/customers/{id}/software/{sub}/key",
            web::post().to(software::key::partner),
        )
        .route(
            "/customers/{id}/software/{sub}/files/{file}",
            web::get().to(software::download::partner),
        )
        .route(
            "/customers/{id}/software/{sub}/links",
            web::post().to(software::links::create),
        )
        .route(
            "/customers/{id}/software/{sub}/links",
            web::get().to(software::links::back_to_page),
        )
        .route(
            "/customers/{id}/software/{sub}/links/{link}/revoke",
            web::post().to(software::links::revoke),
        )
        .route("/my/software", web::get().to(software::list::own))
        .route("/my/software/{sub}", web::get().to(software::show::own))
        .route("/my/software/{sub}/key", web::post().to(software::key::own))
        .route(
            "/my/software/{sub}/files/{file}",
            web::get().to(software::download::own),
        )
        .route("/d/{token}", web::get().to(software::public_link::download))
        .route(
            "/d/{token}",
            web::head().to(software::public_link::download),
        )
        .route("/users", web::get().to(people::users::list))
        .route("/users/invite", web::get().to(people::invite::staff_form))
        .route("/users/invite", web::post().to(people::invite::staff))
        .route(
            "/users/{id}/roles",
            web::post().to(people::users::set_roles),
        )
        .route(
            "/users/{id}/deactivate",
            web::post().to(people::users::deactivate),
        )
        .route(
            "/users/{id}/reactivate",
            web::post().to(people::users::reactivate),
        )
        .route(
            "/customers/{id}/invite",
            web::post().to(people::invite::customer_admin),
        )
        .route(
            "/operator/partners",
            web::post().to(people::invite::partner),
        )
        .route(
            "/operator/partners/new",
            web::get().to(people::invite::partner_form),
        )
        .route(
            "/operator/partners/{id}/{what}",
            web::post().to(people::invite::partner_status),
        )
        .route(
            "/invitation/{token}",
            web::get().to(people::invitation::show),
        )
        .route(
            "/invitation/{token}",
            web::post().to(people::invitation::accept),
        )
        .route(
            "/account/password",
            web::get().to(people::account::change_form),
        )
        .route("/account/password", web::post().to(people::account::change))
        .route(
            "/account/preferences",
            web::get().to(people::preferences::show),
        )
        .route(
            "/account/preferences",
            web::post().to(people::preferences::save),
        )
        .route("/language", web::post().to(people::preferences::switch))
        .route(
            "/account/api-tokens",
            web::get().to(people::api_tokens::show),
        )
        .route(
            "/account/api-tokens",
            web::post().to(people::api_tokens::create),
        )
        .route(
            "/account/api-tokens/{id}/revoke",
            web::post().to(people::api_tokens::revoke),
        )
        .route("/sign-in/code", web::get().to(sign_in::second_factor::show))
        .route(
            "/sign-in/code",
            web::post().to(sign_in::second_factor::submit),
        )
        .route("/account/2fa", web::get().to(people::two_factor::show))
        .route(
            "/account/2fa/enable",
            web::post().to(people::two_factor::enable),
        )
        .route(
            "/account/2fa/disable",
            web::post().to(people::two_factor::disable),
        )
        .route(
            "/users/require-2fa",
            web::post().to(people::two_factor::require),
        )
        .route(
            "/forgot-password",
            web::get().to(people::account::forgot_form),
        )
        .route("/forgot-password", web::post().to(people::account::forgot))
        .route("/reset/{token}", web::get().to(people::account::reset_form))
        .route("/reset/{token}", web::post().to(people::account::reset))
        .route("/activity", web::get().to(activity::list))
        .route("/activity.csv", web::get().to(activity::export))
        .route("/support", web::get().to(support::list::show))
        .route("/support", web::post().to(support::submit::submit))
        .route("/support/new", web::get().to(support::form::show))
        .route("/support/{id}", web::get().to(support::show::show))
        .route(
            "/support/{id}/attachments/{att}",
            web::get().to(support::attachment::partner),
        )
        .route(
            "/operator/requests",
            web::get().to(operator::requests::queue),
        )
        .route(
            "/operator/requests/{id}",
            web::get().to(operator::requests::show),
        )
        .route(
            "/operator/requests/{id}/decision",
            web::post().to(operator::requests::decide),
        )
        .route(
            "/operator/requests/{id}/take",
            web::post().to(operator::requests::take),
        )
        .route(
            "/credit-notes/{id}",
            web::get().to(support::credit_note::show),
        )
        .route(
            "/operator/requests/{id}/attachments/{att}",
            web::get().to(support::attachment::operator),
        )
        .route("/operator/catalog", web::get().to(operator::catalog::list))
        .route(
            "/operator/catalog",
            web::post().to(operator::product_form::create),
        )
        .route(
            "/operator/catalog/new",
            web::get().to(operator::product_form::new),
        )
        .route(
            "/operator/catalog/{id}",
            web::get().to(operator::catalog::show),
        )
        .route(
            "/operator/catalog/{id}/edit",
            web::get().to(operator::product_form::edit),
        )
        .route(
            "/operator/catalog/{id}/edit",
            web::post().to(operator::product_form::update),
        )
        .route(
            "/operator/catalog/{id}/keys",
            web::get().to(operator::keys::form),
        )
        .route(
            "/operator/catalog/{id}/keys",
            web::post().to(operator::keys::upload),
        )
        .route(
            "/operator/catalog/{id}/files",
            web::get().to(operator::files::form),
        )
        .route(
            "/operator/catalog/{id}/files",
            web::post().to(operator::files::upload),
        )
        .route(
            "/operator/partners",
            web::get().to(operator::partners::list),
        );
}

// What handlers share lives in `web/`; these names stay for the handlers
// that import them from here.
pub use crate::web::client::client_ip;
pub use crate::web::respond::{human_size, ok, render, see_other};

#[cfg(test)]
mod tests {
    use crate::web::session;

    /// The second-factor handlers still name their own keys; until they use
    /// `web::session`, the names must agree.
    #[test]
    fn the_pending_sign_in_keys_are_the_typed_sessions() {
        assert_eq!(
            super::sign_in::second_factor::PENDING_KEY,
            session::PENDING_KEY
        );
        assert_eq!(super::sign_in::second_factor::NEXT_KEY, session::NEXT_KEY);
    }
}
