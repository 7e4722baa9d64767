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
    // Routes under one prefix sit in a scope: actix tries a request's path
    // against each route in turn, and a dynamic one costs a regex match, so
    // a flat list made the software tab run eight of them (bench/RESULTS.md).
    // A scope whose prefix matches takes the request for good: every route
    // under a prefix must be in its scope, and `/customers/new` before it.
    cfg.route("/", web::get().to(home::show))
        .route("/sign-in", web::get().to(sign_in::form::show))
        .route("/sign-in", web::post().to(sign_in::submit::submit))
        .route("/sign-out", web::post().to(sign_in::sign_out::submit))
        .route("/customers", web::get().to(customers::list::show))
        .route("/customers", web::post().to(customers::create::submit))
        .route("/customers/new", web::get().to(customers::create::form))
        .service(
            web::scope("/customers/{id}")
                .route("", web::get().to(customers::show::show))
                .route(
                    "/add-products",
                    web::get().to(customers::add_products::catalog),
                )
                .route(
                    "/add-products/review",
                    web::get().to(customers::add_products::review),
                )
                .route(
                    "/add-products/change",
                    web::get().to(customers::add_products::change),
                )
                .route("/orders", web::get().to(customers::orders::list))
                .route("/orders", web::post().to(customers::orders::place))
                .route("/orders/{order_id}", web::get().to(customers::orders::show))
                .route("/software", web::get().to(software::list::partner))
                .route("/software/{sub}", web::get().to(software::show::partner))
                .route(
                    "/software/{sub}/key",
                    web::post().to(software::key::partner),
                )
                .route(
                    "/software/{sub}/files/{file}",
                    web::get().to(software::download::partner),
                )
                .route(
                    "/software/{sub}/links",
                    web::post().to(software::links::create),
                )
                .route(
                    "/software/{sub}/links",
                    web::get().to(software::links::back_to_page),
                )
                .route(
                    "/software/{sub}/links/{link}/revoke",
                    web::post().to(software::links::revoke),
                )
                .route("/invite", web::post().to(people::invite::customer_admin)),
        )
        .service(
            web::scope("/my/software")
                .route("", web::get().to(software::list::own))
                .route("/{sub}", web::get().to(software::show::own))
                .route("/{sub}/key", web::post().to(software::key::own))
                .route(
                    "/{sub}/files/{file}",
                    web::get().to(software::download::own),
                ),
        )
        .route("/d/{token}", web::get().to(software::public_link::download))
        .route(
            "/d/{token}",
            web::head().to(software::public_link::download),
        )
        .service(
            web::scope("/users")
                .route("", web::get().to(people::users::list))
                .route("/invite", web::get().to(people::invite::staff_form))
                .route("/invite", web::post().to(people::invite::staff))
                .route("/{id}/roles", web::post().to(people::users::set_roles))
                .route(
                    "/{id}/deactivate",
                    web::post().to(people::users::deactivate),
                )
                .route(
                    "/{id}/reactivate",
                    web::post().to(people::users::reactivate),
                )
                .route("/require-2fa", web::post().to(people::two_factor::require)),
        )
        .service(
            web::scope("/operator")
                .route("/partners", web::post().to(people::invite::partner))
                .route("/partners/new", web::get().to(people::invite::partner_form))
                .route(
                    "/partners/{id}/{what}",
                    web::post().to(people::invite::partner_status),
                )
                .route("/requests", web::get().to(operator::requests::queue))
                .route("/requests/{id}", web::get().to(operator::requests::show))
                .route(
                    "/requests/{id}/decision",
                    web::post().to(operator::requests::decide),
                )
                .route(
                    "/requests/{id}/take",
                    web::post().to(operator::requests::take),
                )
                .route(
                    "/requests/{id}/attachments/{att}",
                    web::get().to(support::attachment::operator),
                )
                .route("/catalog", web::get().to(operator::catalog::list))
                .route("/catalog", web::post().to(operator::product_form::create))
                .route("/catalog/new", web::get().to(operator::product_form::new))
                .route("/catalog/{id}", web::get().to(operator::catalog::show))
                .route(
                    "/catalog/{id}/edit",
                    web::get().to(operator::product_form::edit),
                )
                .route(
                    "/catalog/{id}/edit",
                    web::post().to(operator::product_form::update),
                )
                .route("/catalog/{id}/keys", web::get().to(operator::keys::form))
                .route("/catalog/{id}/keys", web::post().to(operator::keys::upload))
                .route("/catalog/{id}/files", web::get().to(operator::files::form))
                .route(
                    "/catalog/{id}/files",
                    web::post().to(operator::files::upload),
                )
                .route("/partners", web::get().to(operator::partners::list)),
        )
        .route(
            "/invitation/{token}",
            web::get().to(people::invitation::show),
        )
        .route(
            "/invitation/{token}",
            web::post().to(people::invitation::accept),
        )
        .service(
            web::scope("/account")
                .route("/password", web::get().to(people::account::change_form))
                .route("/password", web::post().to(people::account::change))
                .route("/preferences", web::get().to(people::preferences::show))
                .route("/preferences", web::post().to(people::preferences::save))
                .route("/api-tokens", web::get().to(people::api_tokens::show))
                .route("/api-tokens", web::post().to(people::api_tokens::create))
                .route(
                    "/api-tokens/{id}/revoke",
                    web::post().to(people::api_tokens::revoke),
                )
                .route("/2fa", web::get().to(people::two_factor::show))
                .route("/2fa/enable", web::post().to(people::two_factor::enable))
                .route("/2fa/disable", web::post().to(people::two_factor::disable)),
        )
        .route("/language", web::post().to(people::preferences::switch))
        .route("/sign-in/code", web::get().to(sign_in::second_factor::show))
        .route(
            "/sign-in/code",
            web::post().to(sign_in::second_factor::submit),
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
        .service(
            web::scope("/support")
                .route("", web::get().to(support::list::show))
                .route("", web::post().to(support::submit::submit))
                .route("/new", web::get().to(support::form::show))
                .route("/{id}", web::get().to(support::show::show))
                .route(
                    "/{id}/attachments/{att}",
                    web::get().to(support::attachment::partner),
                ),
        )
        .route(
            "/credit-notes/{id}",
            web::get().to(support::credit_note::show),
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
