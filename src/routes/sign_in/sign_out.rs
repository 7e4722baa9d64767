//! `POST /sign-out`: the session is destroyed in the store, not just forgotten.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppResult;
use crate::routes::{client_ip, see_other};
use crate::store::audit;
use crate::web::access::Principal;
use crate::web::state::AppState;

pub async fn submit(
    req: HttpRequest,
    p: Principal,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    audit::record_alone(
        &state.db,
        state.clock.now(),
        &audit::NewEvent {
            organisation_id: Some(p.account.org_id),
            actor_user_id: Some(p.account.id),
            action: "sign_out",
            ip: client_ip(&req, state.settings.trust_proxy),
            ..Default::default()
        },
    )
    .await?;
    session.purge();
    Ok(see_other("/sign-in?signed_out=1"))
}
