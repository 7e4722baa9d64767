//! Service requests: the checks of a cancellation ("Report a problem" of
//! the refund type) against the store, filing, an operator taking a request
//! and deciding it (an approval issues the numbered credit note).

use uuid::Uuid;

use super::{Actor, On};
use crate::app::state::AppState;
use crate::domain::FieldError;
use crate::domain::audit_action::Action;
use crate::domain::role::Role;
use crate::domain::scope::Scope;
use crate::domain::service_request::{self, ProblemType, RefundRefusal, RequestInput};
use crate::error::{AppError, AppResult};
use crate::store::credit_notes::{self, Issued};
use crate::store::requests::{
    self, Decided, Decision, Filed, Inserted, NewAttachment, NewRequest, RequestRow,
};
use crate::store::{audit, organisations, software};

/// What a cancellation resolves to once checked against the store.
pub struct Refund {
    pub customer_id: Uuid,
    pub subscription_id: Uuid,
    pub requested_minor: i64,
    pub currency: String,
}

/// Resolves and checks the refund fields; field errors go into `errors`.
pub async fn check_refund(
    state: &AppState,
    partner: Uuid,
    input: &RequestInput,
    now: chrono::DateTime<chrono::Utc>,
    errors: &mut Vec<FieldError>,
    full_amount: &mut Option<String>,
) -> AppResult<Option<Refund>> {
    if input.customer_ref.trim().is_empty() || input.purchase_ref.trim().is_empty() {
        return Ok(None);
    }
    // Another partner's customer or purchase is refused exactly like an unknown one.
    let Some(customer) =
        organisations::customer_by_ref(&state.db, partner, &input.customer_ref).await?
    else {
        errors.push(FieldError::new("customer_ref", "error-customer-unknown"));
        return Ok(None);
    };
    let Ok(id) = Uuid::parse_str(input.purchase_ref.trim()) else {
        errors.push(FieldError::new("purchase_ref", "error-purchase-unknown"));
        return Ok(None);
    };
    let scope = Scope::Partner(partner);
    let sub = match software::one(&state.db, scope, customer.id, id).await? {
        Some(s) => s,
        None => {
            // An order id names its purchase when the order has only one.
            let lines = software::of_order(&state.db, partner, customer.id, id).await?;
            match lines.as_slice() {
                [only] => software::one(&state.db, scope, customer.id, *only)
                    .await?
                    .ok_or(AppError::NotFound)?,
                [] => {
                    errors.push(FieldError::new("purchase_ref", "error-purchase-unknown"));
                    return Ok(None);
                }
                _ => {
                    errors.push(FieldError::new("purchase_ref", "error-order-several-lines"));
                    return Ok(None);
                }
            }
        }
    };
    let (paid, currency) = software::paid(&state.db, sub.id).await?;
    *full_amount = Some(crate::format::money(paid, &currency));
    let requested = service_request::parse_amount(
        &input.requested_amount,
        &currency,
        paid,
        crate::format::decimal_mark(),
    );
    let Some(requested) = requested else {
        errors.push(FieldError::new("requested_amount", "error-amount-invalid"));
        return Ok(None);
    };
    match service_request::check_refund(now, sub.cancel_until, sub.status, requested, paid) {
        Ok(()) => Ok(Some(Refund {
            customer_id: customer.id,
            subscription_id: sub.id,
            requested_minor: requested,
            currency,
        })),
        Err(RefundRefusal::WindowClosed) => {
            errors.push(FieldError::new("purchase_ref", "error-window-closed"));
            Ok(None)
        }
        Err(RefundRefusal::NotActive) => {
            errors.push(FieldError::new("purchase_ref", "error-purchase-not-active"));
            Ok(None)
        }
        Err(RefundRefusal::NotWholeLine) => {
            errors.push(FieldError::new("requested_amount", "error-amount-partial"));
            Ok(None)
        }
    }
}

/// A report checked against the store: the request's fields, the purchase a
/// cancellation is about, and every field's problem.
pub struct CheckedReport {
    pub request: Option<service_request::CheckedRequest>,
    pub refund: Option<Refund>,
    pub errors: Vec<FieldError>,
    /// The purchase's full amount, for the form's hint.
    pub full_amount: Option<String>,
}

/// Checks "Report a problem" as `partner`'s user: every field, and for a
/// cancellation (which needs the admin agent role: `may_cancel`) the
/// purchase against the rules (the partner's own, inside its window at
/// `now`, exactly 100%).
pub async fn check_report(
    state: &AppState,
    partner: Uuid,
    may_cancel: bool,
    input: &RequestInput,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<CheckedReport> {
    let (request, mut errors) = service_request::check(input);
    let is_refund = request
        .as_ref()
        .is_some_and(|c| c.problem_type == ProblemType::Refund)
        || ProblemType::parse(&input.problem_type) == Some(ProblemType::Refund);
    if is_refund && !may_cancel {
        return Err(AppError::Forbidden(&[Role::AdminAgent]));
    }
    let mut full_amount = None;
    let refund = if is_refund {
        let r = check_refund(state, partner, input, now, &mut errors, &mut full_amount).await?;
        if r.is_none() && errors.is_empty() {
            errors.push(FieldError::new("purchase_ref", "error-purchase-unknown"));
        }
        r
    } else {
        None
    };
    Ok(CheckedReport {
        request,
        refund,
        errors,
        full_amount,
    })
}

/// A readable request number, e.g. `SR-7K2M9QXD`.
pub fn new_number() -> String {
    use rand::seq::SliceRandom;
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    let s: String = (0..8)
        .filter_map(|_| ALPHABET.choose(&mut rng).map(|&b| char::from(b)))
        .collect();
    format!("SR-{s}")
}

/// Files a checked report (no field errors) by `filed_by` for `partner`
/// under a new number: see `file`. The number is the one given, or, for a
/// double submit, none (the first request's stands).
#[allow(clippy::too_many_arguments)]
pub async fn file_checked(
    state: &AppState,
    actor: &Actor,
    partner: Uuid,
    filed_by: Uuid,
    idempotency_key: Uuid,
    request: &service_request::CheckedRequest,
    refund: Option<&Refund>,
    refund_reason: &str,
    attachments: &[NewAttachment],
) -> AppResult<(Filed, String)> {
    let number = new_number();
    let filed = file(
        state,
        actor,
        &NewRequest {
            number: &number,
            partner_id: partner,
            filed_by,
            idempotency_key,
            problem_type: request.problem_type,
            impact: request.impact,
            title: &request.title,
            description: &request.description,
            customer_id: refund.map(|r| r.customer_id),
            subscription_id: refund.map(|r| r.subscription_id),
            refund_reason: refund.map(|_| refund_reason.trim()),
            requested_minor: refund.map(|r| r.requested_minor),
            currency: refund.map(|r| r.currency.as_str()),
            contact_name: &request.contact.name,
            contact_email: request.contact.email.as_str(),
            contact_phone: &request.contact.phone,
        },
        attachments,
    )
    .await?;
    Ok((filed, number))
}

/// Files a service request with its stored attachments: the request, the
/// attachment rows, the purchase marked "cancellation requested" (for a
/// refund) and the audit event in one transaction. A double submit shows
/// the first request.
pub async fn file(
    state: &AppState,
    actor: &Actor,
    r: &NewRequest<'_>,
    attachments: &[NewAttachment],
) -> AppResult<Filed> {
    if let Some(id) =
        requests::by_idempotency_key(&state.db, r.partner_id, r.idempotency_key).await?
    {
        return Ok(Filed::AlreadyFiled(id));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let id = match requests::insert(&mut tx, now, r, attachments).await? {
        Inserted::Done(id) => id,
        Inserted::PurchaseNotActive => return Ok(Filed::PurchaseNotActive),
        Inserted::Duplicate => {
            drop(tx);
            let first =
                requests::by_idempotency_key(&state.db, r.partner_id, r.idempotency_key).await?;
            return Ok(match first {
                Some(id) => Filed::AlreadyFiled(id),
                // The open-refund index: another request for this purchase is open.
                None => Filed::PurchaseNotActive,
            });
        }
    };
    let action = if r.subscription_id.is_some() {
        Action::CancellationRequested
    } else {
        Action::ServiceRequestFiled
    };
    let on = On {
        subject: Some(("service_request", id)),
        customer: r.customer_id,
    };
    let detail = serde_json::json!({
        "number": r.number,
        "problem_type": r.problem_type.as_str(),
        "subscription_id": r.subscription_id,
        "attachments": attachments.len(),
    });
    let mut event = actor.event(action, on, detail);
    event.organisation_id = Some(r.partner_id);
    audit::record(&mut tx, now, &event).await?;
    tx.commit().await?;
    Ok(Filed::New(id))
}

/// The longest reply an operator can send.
pub const REPLY_MAX: usize = 5000;

/// An operator's reply to `decision`: a rejection says why, and no reply
/// runs past `REPLY_MAX`.
pub fn check_reply(decision: &Decision, reply: &str) -> Result<(), FieldError> {
    let reply = reply.trim();
    if *decision == Decision::Reject && reply.is_empty() {
        Err(FieldError::new("reply", "error-reject-reason"))
    } else if reply.chars().count() > REPLY_MAX {
        Err(FieldError::too_long("reply", REPLY_MAX))
    } else {
        Ok(())
    }
}

/// What an operator's decision came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It had been decided already: nothing changed.
    AlreadyDecided,
    Recorded,
    /// The cancellation is approved and this credit note issued.
    Credited(Issued),
}

/// An operator decides request `r`: its new status, what approving does to
/// the purchase (cancelled, key revoked, links disabled), the credit note
/// with the partner's next number, and the audit event (in the vendor's log
/// and the partner's) in one transaction: a failure anywhere leaves nothing,
/// not even a used number.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    r: &RequestRow,
    decision: Decision,
    reply: &str,
) -> AppResult<Outcome> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let outcome = match requests::decide(&mut tx, now, r, actor.user_id, &decision, reply).await? {
        Decided::Already => return Ok(Outcome::AlreadyDecided),
        Decided::Done => Outcome::Recorded,
        Decided::Cancelled(credit) => {
            Outcome::Credited(credit_notes::issue(&mut tx, now, &credit).await?)
        }
    };
    let action = match decision {
        Decision::Approve => Action::CancellationApproved,
        Decision::Reject => Action::CancellationRejected,
        Decision::Close => Action::ServiceRequestClosed,
    };
    let credit = match &outcome {
        Outcome::Credited(issued) => serde_json::json!({
            "id": issued.id,
            "number": crate::domain::credit_note::label(issued.number),
        }),
        _ => serde_json::Value::Null,
    };
    let detail = serde_json::json!({
        "number": r.number,
        "subscription_id": r.subscription_id,
        "credit_note": credit,
    });
    record_both(&mut tx, now, actor, r, action, detail).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// What taking a request came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    Taken,
    /// This operator has it already.
    AlreadyYours,
    /// It was decided meanwhile.
    Decided,
}

/// An operator takes request `r` ("in progress", from whoever had it),
/// audited in the vendor's log and the partner's.
pub async fn take(state: &AppState, actor: &Actor, r: &RequestRow) -> AppResult<Take> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !requests::take(&mut tx, now, r.id, actor.user_id).await? {
        return Ok(if r.status.is_open() && r.taken_by == Some(actor.user_id) {
            Take::AlreadyYours
        } else {
            Take::Decided
        });
    }
    let detail = serde_json::json!({ "number": r.number, "from": r.taken_by });
    record_both(&mut tx, now, actor, r, Action::RequestTaken, detail).await?;
    tx.commit().await?;
    Ok(Take::Taken)
}

/// One event about request `r` in the operator's log and in its partner's.
async fn record_both(
    tx: &mut crate::store::Tx,
    now: chrono::DateTime<chrono::Utc>,
    actor: &Actor,
    r: &RequestRow,
    action: Action,
    detail: serde_json::Value,
) -> AppResult<()> {
    let on = On {
        subject: Some(("service_request", r.id)),
        customer: r.customer_id,
    };
    for org in [actor.org_id, r.partner_id] {
        let mut event = actor.event(action, on, detail.clone());
        event.organisation_id = Some(org);
        audit::record(&mut *tx, now, &event).await?;
    }
    Ok(())
}
