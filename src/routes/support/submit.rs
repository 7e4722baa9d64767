//! `POST /support`: files a service request. A cancellation is checked
//! against the purchase (this partner's customer, that customer's purchase,
//! inside the window at filing time, exactly 100%); any problem re-shows the
//! whole form with every message and writes nothing: attachments already
//! stored are deleted on every way out but a committed request (see
//! `upload::Written`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use rand::seq::SliceRandom;
use uuid::Uuid;

use super::form::{Cancelling, LABELS, ReportForm, cancelling, section};
use super::upload::{self, MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, UploadProblem};
use crate::app::support::check_refund;
use crate::domain::FieldError;
use crate::domain::role::Role;
use crate::domain::service_request::{self, ProblemType, RequestInput};
use crate::error::{AppError, AppResult};
use crate::routes::{render, see_other};
use crate::store::requests::{self, Filed, NewRequest};
use crate::web::access::FileRequests;
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;

/// A readable request number, e.g. `SR-7K2M9QXD`.
fn new_number() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    let s: String = (0..8)
        .filter_map(|_| ALPHABET.choose(&mut rng).map(|&b| char::from(b)))
        .collect();
    format!("SR-{s}")
}

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
    let (checked, mut errors) = service_request::check(&input);
    let is_refund = checked
        .as_ref()
        .is_some_and(|c| c.problem_type == ProblemType::Refund)
        || ProblemType::parse(&input.problem_type) == Some(ProblemType::Refund);
    if is_refund && !ctx.has(Role::AdminAgent) {
        return Err(AppError::Forbidden(&[Role::AdminAgent]));
    }
    let now = ctx.state.clock.now();
    let mut full_amount = None;
    let refund = if is_refund {
        let r = check_refund(
            &ctx.state,
            partner,
            &input,
            now,
            &mut errors,
            &mut full_amount,
        )
        .await?;
        if r.is_none() && errors.is_empty() {
            errors.push(FieldError::new("purchase_ref", "error-purchase-unknown"));
        }
        r
    } else {
        None
    };
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
    let number = new_number();
    let filed = crate::app::support::file(
        &ctx.state,
        &ctx.actor(),
        &NewRequest {
            number: &number,
            partner_id: partner,
            filed_by: ctx.account.id,
            idempotency_key: key,
            problem_type: checked.problem_type,
            impact: checked.impact,
            title: &checked.title,
            description: &checked.description,
            customer_id: refund.as_ref().map(|r| r.customer_id),
            subscription_id: refund.as_ref().map(|r| r.subscription_id),
            refund_reason: refund.as_ref().map(|_| input.refund_reason.trim()),
            requested_minor: refund.as_ref().map(|r| r.requested_minor),
            currency: refund.as_ref().map(|r| r.currency.as_str()),
            contact_name: &checked.contact.name,
            contact_email: checked.contact.email.as_str(),
            contact_phone: &checked.contact.phone,
        },
        up.stored.files(),
    )
    .await;
    match filed? {
        Filed::New(id) => {
            // Committed: the attachments are the request's now.
            up.stored.keep();
            ctx.flash(ctx.i18n.t1("report-filed", "number", &number))?;
            Ok(see_other(&format!("/support/{id}")))
        }
        Filed::AlreadyFiled(id) => {
            ctx.flash(ctx.i18n.t("report-already-filed"))?;
            Ok(see_other(&format!("/support/{id}")))
        }
        Filed::PurchaseNotActive => {
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
