//! `POST /sign-out`: the session is destroyed in the store, not just forgotten.

use actix_web::HttpResponse;

use crate::domain::audit_action::Action;
use crate::error::AppResult;
use crate::routes::see_other;
use crate::web::ctx::Ctx;

pub async fn submit(ctx: Ctx) -> AppResult<HttpResponse> {
    crate::web::audit::record(
        &ctx.state,
        &ctx.req,
        &ctx,
        Action::SignOut,
        Default::default(),
        serde_json::Value::Null,
    )
    .await?;
    ctx.session.purge();
    Ok(see_other("/sign-in?signed_out=1"))
}
