//! `POST /support`: files a service request. A cancellation is checked
//! against the purchase (this partner's customer, that customer's purchase,
//! inside the window at filing time, exactly 100%); any problem re-shows the
//! whole form with every message and writes nothing: attachments already
//! stored are deleted on every way out but a committed request (see
//! `upload::Written`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use uuid::Uuid;

use super::form::{Cancelling, LABELS, ReportForm, cancelling, section};
use super::upload::{self, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, UploadProblem};
use crate::app::support::{CheckedReport, check_report};
use crate::domain::role::Role;
use crate::domain::service_request::RequestInput;
use crate::error::AppResult;
use crate::routes::{render, see_other};
use crate::store::requests::{self, Filed};
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;

/// The purchase whose Cancel opened the form (its hidden fields), so that
/// the form comes back with its days left and the way back.
async fn cancelling_of(
    ctx: &Ctx<FileRequests>,
    up: &upload::Upload,
) -> AppResult<Option<Cancelling>> {
    let ids = (
        Uuid::parse_str(up.field("cancel_customer").trim()),
        Uuid::parse_str(up.field("cancel_subscription").trim()),
    );
    Ok(match ids {
        (Ok(customer), Ok(sub)) => cancelling(ctx, customer, sub).await?.map(|(c, _, _)| c),
        _ => None,
    })
}

pub async fn submit(ctx: Ctx<FileRequests>, body: web::Payload) -> AppResult<HttpResponse> {
    let partner = ctx.partner_id()?;
    let up = upload::read(&ctx.req, body, &ctx.state.attachments).await?;
    let input = RequestInput {
        problem_type: up.field("problem_type"),
        impact: up.field("impact"),
        title: up.field("title"),
        description: up.field("description"),
        customer_ref: up.field("customer_ref"),
        purchase_ref: up.field("purchase_ref"),
        refund_reason: up.field("refund_reason"),
        requested_amount: up.field("requested_amount"),
        contact_name: up.field("contact_name"),
        contact_email: up.field("contact_email"),
        contact_phone: up.field("contact_phone"),
    };
    let key = Uuid::parse_str(&up.field("idempotency_key")).unwrap_or_else(|_| Uuid::new_v4());
    // A second submit of the same form (double click, reload) shows the first.
    if let Some(id) = requests::by_idempotency_key(ctx.db(), partner, key).await? {
        ctx.flash(ctx.i18n.t("report-already-filed"))?;
        return Ok(see_other(&format!("/support/{id}")));
    }
    let now = ctx.state.clock.now();
    let CheckedReport {
        request: checked,
        refund,
        errors,
        full_amount,
    } = check_report(&ctx.state, partner, ctx.has(Role::AdminAgent), &input, now).await?;
    let mut form_errors = FormErrors::new(&ctx.i18n, &errors);
    for problem in &up.problems {
        let message = match problem {
            UploadProblem::TooLarge(name) => ctx.i18n.t_args(
                "error-file-too-large",
                &[
                    ("name", name),
                    (
                        "limit",
                        &crate::routes::operator::catalog::human_size(MAX_FILE_BYTES),
                    ),
                ],
            ),
            UploadProblem::TooMuch => ctx.i18n.t1(
                "error-files-too-much",
                "limit",
                &crate::routes::operator::catalog::human_size(MAX_TOTAL_BYTES),
            ),
            UploadProblem::TooMany => ctx
                .i18n
                .t_with("error-files-too-many", &[("count", MAX_FILES.into())]),
            UploadProblem::WrongType(name) => ctx.i18n.t_args(
                "error-file-type",
                &[("name", name), ("types", &upload::allowed_extensions())],
            ),
        };
        form_errors.push("files", message);
    }
    let (Some(checked), true) = (checked, form_errors.is_empty()) else {
        let cancelling = cancelling_of(&ctx, &up).await?;
        let page = ctx.page(section(cancelling.as_ref()))?;
        let mut t = ReportForm::new(page, &ctx, input, FormErrors::default(), key);
        t.errors = form_errors.labelled(&ctx.i18n, LABELS);
        t.full_amount = full_amount;
        t.chosen_files = up.chosen.clone();
        t.cancelling = cancelling;
        return render(&t, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let filed = crate::app::support::file_checked(
        &ctx.state,
        &ctx.actor(),
        partner,
        ctx.account.id,
        key,
        &checked,
        refund.as_ref(),
        &input.refund_reason,
        up.stored.files(),
    )
    .await;
    match filed? {
        (Filed::New(id), number) => {
            // Committed: the attachments are the request's now.
            up.stored.keep();
            ctx.flash(ctx.i18n.t1("report-filed", "number", &number))?;
            Ok(see_other(&format!("/support/{id}")))
        }
        (Filed::AlreadyFiled(id), _) => {
            ctx.flash(ctx.i18n.t("report-already-filed"))?;
            Ok(see_other(&format!("/support/{id}")))
        }
        (Filed::PurchaseNotActive, _) => {
            let cancelling = cancelling_of(&ctx, &up).await?;
            let page = ctx.page(section(cancelling.as_ref()))?;
            let mut t = ReportForm::new(page, &ctx, input, FormErrors::default(), key);
            t.cancelling = cancelling;
            let mut errs = FormErrors::default();
            errs.push("purchase_ref", ctx.i18n.t("error-purchase-not-active"));
            t.errors = errs.labelled(&ctx.i18n, LABELS);
            render(&t, StatusCode::CONFLICT)
        }
    }
}
