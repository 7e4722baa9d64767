//! `GET /support/new`: the Report a problem form; from a software row's
//! Cancel it comes prefilled for a cancellation of that purchase, says how
//! many days are left to cancel it, and leads back to the customer.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::role::Role;
use crate::domain::scope::Scope;
use crate::domain::service_request::{Impact, ProblemType, RequestInput};
use crate::domain::subscription::days_left_to_cancel;
use crate::error::AppResult;
use crate::layout::date_time;
use crate::routes::render;
use crate::store::organisations::{self, Customer};
use crate::store::software::{self, SoftwareRow};
use crate::web::access::{FileRequests, Principal};
use crate::web::ctx::Ctx;
use crate::web::form::FormErrors;
use crate::web::page::Page;

#[derive(Template)]
#[template(path = "support/new.html")]
pub struct ReportForm {
    pub page: Page,
    pub form: RequestInput,
    pub errors: FormErrors,
    pub types: Vec<(&'static str, String)>,
    pub impacts: Vec<(&'static str, String)>,
    pub idempotency_key: Uuid,
    /// The full amount of the purchase being cancelled, for the hint.
    pub full_amount: Option<String>,
    pub chosen_files: Vec<String>,
    pub allowed_types: String,
    /// The purchase whose Cancel opened the form, kept while the form
    /// comes back with errors.
    pub cancelling: Option<Cancelling>,
}

/// The purchase a cancellation form was opened for.
pub struct Cancelling {
    pub customer_id: Uuid,
    pub customer_name: String,
    pub subscription_id: Uuid,
    pub product: String,
    pub quantity: i64,
    /// "55 days left to cancel, until …", or that the time has passed.
    pub window: String,
    pub window_open: bool,
}

impl Cancelling {
    /// Where leaving the form goes back to: the customer's software.
    pub fn back(&self) -> String {
        format!("/customers/{}/software", self.customer_id)
    }
}

/// The navigation entry of the form: the customers' when it cancels a
/// purchase (the breadcrumb leads there too), else the service requests'.
pub fn section(cancelling: Option<&Cancelling>) -> &'static str {
    match cancelling {
        Some(_) => "customers",
        None => "support",
    }
}

/// The purchase `sub_id` of the customer `customer_id`, both the signed-in
/// partner's (admin agents only: only they cancel), with the customer.
pub async fn cancelling(
    ctx: &Ctx<FileRequests>,
    customer_id: Uuid,
    sub_id: Uuid,
) -> AppResult<Option<(Cancelling, SoftwareRow, Customer)>> {
    if !ctx.has(Role::AdminAgent) {
        return Ok(None);
    }
    let scope = Scope::Partner(ctx.partner_id()?);
    let Some(customer) = organisations::customer(ctx.db(), scope, customer_id).await? else {
        return Ok(None);
    };
    let Some(sub) = software::one(ctx.db(), scope, customer.id, sub_id).await? else {
        return Ok(None);
    };
    let until = date_time(&sub.cancel_until);
    let left = days_left_to_cancel(ctx.state.clock.now(), sub.cancel_until)
        .filter(|_| sub.status.is_active());
    let window = match left {
        Some(days) => ctx
            .i18n
            .t_count_args("report-days-left", "days", days, &[("date", &until)]),
        None => ctx.i18n.t("error-window-closed"),
    };
    let c = Cancelling {
        customer_id: customer.id,
        customer_name: customer.name.clone(),
        subscription_id: sub.id,
        product: sub.product_name.clone(),
        quantity: sub.quantity,
        window,
        window_open: left.is_some(),
    };
    Ok(Some((c, sub, customer)))
}

impl ReportForm {
    pub fn new(
        page: Page,
        p: &Principal,
        form: RequestInput,
        errors: FormErrors,
        key: Uuid,
    ) -> ReportForm {
        // Only admin agents may ask for a refund (SPEC 1).
        let types = ProblemType::ALL
            .into_iter()
            .filter(|t| *t != ProblemType::Refund || p.has(Role::AdminAgent))
            .map(|t| (t.as_str(), page.t(t.message_id())))
            .collect();
        let impacts = Impact::ALL
            .into_iter()
            .map(|i| (i.as_str(), page.t(i.message_id())))
            .collect();
        ReportForm {
            page,
            form,
            errors,
            types,
            impacts,
            idempotency_key: key,
            full_amount: None,
            chosen_files: Vec::new(),
            allowed_types: super::upload::allowed_extensions(),
            cancelling: None,
        }
    }
}

impl ReportForm {
    /// A cancellation is chosen: its fields are required too.
    pub fn is_refund(&self) -> bool {
        ProblemType::parse(self.form.problem_type.trim()) == Some(ProblemType::Refund)
    }

    pub fn amount_hint(&self) -> String {
        match &self.full_amount {
            Some(full) => self.page.t1("report-requested-amount-hint", "amount", full),
            None => self.page.t("report-requested-amount-hint-generic"),
        }
    }
}

pub const LABELS: &[(&str, &str)] = &[
    ("problem_type", "report-problem-type"),
    ("impact", "report-impact"),
    ("title", "report-title-field"),
    ("description", "report-description"),
    ("customer_ref", "report-customer-ref"),
    ("purchase_ref", "report-purchase-ref"),
    ("refund_reason", "report-refund-reason"),
    ("requested_amount", "report-requested-amount"),
    ("contact_name", "report-contact-name"),
    ("contact_email", "report-contact-email"),
    ("contact_phone", "report-contact-phone"),
    ("files", "report-files"),
];

#[derive(Deserialize)]
pub struct Query {
    customer: Option<Uuid>,
    subscription: Option<Uuid>,
}

pub async fn show(ctx: Ctx<FileRequests>, q: web::Query<Query>) -> AppResult<HttpResponse> {
    // Coming from Cancel: prefill the cancellation of that purchase.
    let found = match (q.customer, q.subscription) {
        (Some(customer_id), Some(sub_id)) => cancelling(&ctx, customer_id, sub_id).await?,
        _ => None,
    };
    let page = ctx.page(section(found.as_ref().map(|(c, _, _)| c)))?;
    let mut form = RequestInput {
        impact: Impact::Moderate.as_str().into(),
        contact_name: ctx.account.display_name.clone(),
        contact_email: ctx.account.email.clone(),
        contact_phone: ctx.account.phone.clone().unwrap_or_default(),
        ..Default::default()
    };
    let mut full_amount = None;
    let cancel = match found {
        Some((c, sub, customer)) => {
            let (paid, currency) = software::paid(ctx.db(), sub.id).await?;
            form.problem_type = ProblemType::Refund.as_str().into();
            form.title = page.t1("report-cancel-title", "product", &sub.product_name);
            form.customer_ref = customer.tenant_guid.to_string();
            form.purchase_ref = sub.id.to_string();
            // Written as the reader's language writes amounts, as the rest of
            // the page shows them; `money::parse` reads every such form back.
            let full = crate::format::money(paid, &currency);
            form.requested_amount = full.trim_end_matches(currency.as_str()).trim().to_owned();
            full_amount = Some(full);
            Some(c)
        }
        None => None,
    };
    let mut t = ReportForm::new(page, &ctx, form, FormErrors::default(), Uuid::new_v4());
    t.full_amount = full_amount;
    t.cancelling = cancel;
    render(&t, StatusCode::OK)
}
