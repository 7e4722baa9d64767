//! `POST /sign-out`: the session is destroyed in the store, not just forgotten.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppResult;
use crate::routes::see_other;
use crate::web::access::Principal;
use crate::web::state::AppState;

pub async fn submit(
    req: HttpRequest,
    p: Principal,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    crate::web::audit::record(
        &state,
        &req,
        &p,
        "sign_out",
        Default::default(),
        serde_json::Value::Null,
    )
    .await?;
    session.purge();
    Ok(see_other("/sign-in?signed_out=1"))
}
