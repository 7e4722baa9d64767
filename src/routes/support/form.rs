//! `GET /support/new`: the Report a problem form; from a software row's
//! Cancel it comes prefilled for a cancellation of that purchase.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::money;
use crate::domain::role::Role;
use crate::domain::scope::Scope;
use crate::domain::service_request::{Impact, ProblemType, RequestInput};
use crate::error::AppResult;
use crate::routes::render;
use crate::store::software;
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
        }
    }
}

impl ReportForm {
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
    let page = ctx.page("support")?;
    let mut form = RequestInput {
        impact: Impact::Moderate.as_str().into(),
        contact_name: ctx.account.display_name.clone(),
        contact_email: ctx.account.email.clone(),
        contact_phone: ctx.account.phone.clone().unwrap_or_default(),
        ..Default::default()
    };
    let mut full_amount = None;
    // Coming from Cancel: prefill the cancellation of that purchase.
    if let (Some(customer_id), Some(sub_id), true) =
        (q.customer, q.subscription, ctx.has(Role::AdminAgent))
    {
        let partner = ctx.partner_id()?;
        if let Some(sub) =
            software::one(ctx.db(), Scope::Partner(partner), customer_id, sub_id).await?
            && let Some(customer) = crate::store::organisations::customer(
                ctx.db(),
                Scope::Partner(partner),
                customer_id,
            )
            .await?
        {
            let (paid, currency) = software::paid(ctx.db(), sub.id).await?;
            form.problem_type = ProblemType::Refund.as_str().into();
            form.title = page.t1("report-cancel-title", "product", &sub.product_name);
            form.customer_ref = customer.tenant_guid.to_string();
            form.purchase_ref = sub.id.to_string();
            form.requested_amount = money::format(paid, &currency)
                .trim_end_matches(currency.as_str())
                .trim()
                .to_owned();
            full_amount = Some(money::format(paid, &currency));
        }
    }
    let mut t = ReportForm::new(page, &ctx, form, FormErrors::default(), Uuid::new_v4());
    t.full_amount = full_amount;
    render(&t, StatusCode::OK)
}
