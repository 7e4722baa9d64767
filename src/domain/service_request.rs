//! "Report a problem" (SPEC 3.4): what a partner files, checked field by
//! field before anything is written. The refund rules (the window, whole
//! lines only) are checked against the purchase by `check_refund`.

use chrono::{DateTime, Utc};

use super::FieldError;
use super::email::Email;
use super::money;
use super::subscription::SubscriptionStatus;

text_enum! {
    /// `service_requests.problem_type`.
    pub enum ProblemType {
        /// "CSP purchase/refund on behalf of customers": a cancellation.
        Refund = "refund" => "problem-type-refund",
        Billing = "billing" => "problem-type-billing",
        Technical = "technical" => "problem-type-technical",
        Account = "account" => "problem-type-account",
        Other = "other" => "problem-type-other",
    }
}

impl ProblemType {
    pub fn is_refund(self) -> bool {
        self == ProblemType::Refund
    }
}

text_enum! {
    /// `service_requests.impact`.
    pub enum Impact {
        Critical = "critical" => "impact-critical",
        Moderate = "moderate" => "impact-moderate",
        Minimal = "minimal" => "impact-minimal",
    }
}

text_enum! {
    /// `service_requests.status`: filed as submitted; an operator's decision
    /// approves or rejects a cancellation, or closes another request.
    pub enum RequestStatus {
        Submitted = "submitted" => "request-status-submitted",
        InProgress = "in_progress" => "request-status-in_progress",
        Approved = "approved" => "request-status-approved",
        Rejected = "rejected" => "request-status-rejected",
        Closed = "closed" => "request-status-closed",
    }
}

impl RequestStatus {
    /// Still waiting for a decision.
    pub fn is_open(self) -> bool {
        matches!(self, RequestStatus::Submitted | RequestStatus::InProgress)
    }

    /// The class of its badge (static/css).
    pub fn badge_class(self) -> &'static str {
        match self {
            RequestStatus::Approved | RequestStatus::Closed => "ok",
            RequestStatus::Rejected => "danger",
            RequestStatus::Submitted | RequestStatus::InProgress => "warn",
        }
    }
}

/// What the operators' queue shows: the open requests (where it opens), one
/// status, or everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueView {
    Open,
    Only(RequestStatus),
    All,
}

impl QueueView {
    /// Every view, in the order the queue offers them.
    pub fn all() -> Vec<QueueView> {
        let mut v = vec![QueueView::Open];
        v.extend(RequestStatus::ALL.into_iter().map(QueueView::Only));
        v.push(QueueView::All);
        v
    }

    /// The view a `status` parameter names; absent or empty: the open ones.
    pub fn parse(s: Option<&str>) -> Option<QueueView> {
        match s.map(str::trim).unwrap_or("") {
            "" | "open" => Some(QueueView::Open),
            "all" => Some(QueueView::All),
            other => RequestStatus::parse(other).map(QueueView::Only),
        }
    }

    /// Its `status` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueView::Open => "open",
            QueueView::Only(s) => s.as_str(),
            QueueView::All => "all",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            QueueView::Open => "queue-view-open",
            QueueView::Only(s) => s.message_id(),
            QueueView::All => "queue-view-all",
        }
    }

    /// The statuses it holds; none: every status.
    pub fn statuses(self) -> &'static [RequestStatus] {
        match self {
            QueueView::Open => &[RequestStatus::Submitted, RequestStatus::InProgress],
            QueueView::Only(RequestStatus::Submitted) => &[RequestStatus::Submitted],
            QueueView::Only(RequestStatus::InProgress) => &[RequestStatus::InProgress],
            QueueView::Only(RequestStatus::Approved) => &[RequestStatus::Approved],
            QueueView::Only(RequestStatus::Rejected) => &[RequestStatus::Rejected],
            QueueView::Only(RequestStatus::Closed) => &[RequestStatus::Closed],
            QueueView::All => &[],
        }
    }

    /// Work waiting is served first come, first served; what was decided
    /// is history, read newest first.
    pub fn oldest_first(self) -> bool {
        self.statuses().iter().all(|s| s.is_open()) && self != QueueView::All
    }

    /// How many requests it holds, from the count of each status.
    pub fn count(self, counts: &[(RequestStatus, i64)]) -> i64 {
        counts
            .iter()
            .filter(|(s, _)| self == QueueView::All || self.statuses().contains(s))
            .map(|(_, n)| n)
            .sum()
    }
}

/// How long was left to cancel when a request was filed (zero if none).
pub fn window_left_at_filing(
    filed_at: DateTime<Utc>,
    cancel_until: DateTime<Utc>,
) -> chrono::Duration {
    (cancel_until - filed_at).max(chrono::Duration::zero())
}

pub const TITLE_MAX: usize = 120;
pub const TEXT_MAX: usize = 5000;

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct RequestInput {
    pub problem_type: String,
    pub impact: String,
    pub title: String,
    pub description: String,
    pub customer_ref: String,
    pub purchase_ref: String,
    pub refund_reason: String,
    pub requested_amount: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub email: Email,
    pub phone: String,
}

/// The parts of the form that do not depend on the store.
#[derive(Debug, Clone)]
pub struct CheckedRequest {
    pub problem_type: ProblemType,
    pub impact: Impact,
    pub title: String,
    pub description: String,
    pub contact: Contact,
}

pub fn check(input: &RequestInput) -> (Option<CheckedRequest>, Vec<FieldError>) {
    let mut errors = Vec::new();
    let problem_type = ProblemType::parse(input.problem_type.trim());
    if problem_type.is_none() {
        errors.push(FieldError::new("problem_type", "error-choose-from-list"));
    }
    let impact = Impact::parse(input.impact.trim());
    if impact.is_none() {
        errors.push(FieldError::new("impact", "error-choose-from-list"));
    }
    let title = bounded(&input.title, TITLE_MAX, true, "title", &mut errors);
    let description = bounded(
        &input.description,
        TEXT_MAX,
        false,
        "description",
        &mut errors,
    );
    let name = bounded(
        &input.contact_name,
        TITLE_MAX,
        true,
        "contact_name",
        &mut errors,
    );
    let email = Email::parse(&input.contact_email);
    if email.is_none() {
        errors.push(FieldError::new("contact_email", "error-email-invalid"));
    }
    let phone = parse_phone(&input.contact_phone);
    if phone.is_none() {
        errors.push(FieldError::new("contact_phone", "error-phone-invalid"));
    }
    if problem_type == Some(ProblemType::Refund) {
        if input.customer_ref.trim().is_empty() {
            errors.push(FieldError::new("customer_ref", "error-required"));
        }
        if input.purchase_ref.trim().is_empty() {
            errors.push(FieldError::new("purchase_ref", "error-required"));
        }
        bounded(
            &input.refund_reason,
            TEXT_MAX,
            true,
            "refund_reason",
            &mut errors,
        );
    }
    let checked = match (problem_type, impact, email, phone) {
        (Some(problem_type), Some(impact), Some(email), Some(phone)) => Some(CheckedRequest {
            problem_type,
            impact,
            title,
            description,
            contact: Contact { name, email, phone },
        }),
        _ => None,
    };
    (checked, errors)
}

fn bounded(
    value: &str,
    max: usize,
    required: bool,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = value.trim();
    if required && v.is_empty() {
        errors.push(FieldError::new(field, "error-required"));
    } else if v.chars().count() > max {
        errors.push(FieldError::too_long(field, max));
    }
    v.to_owned()
}

/// A phone number as people write it: digits with spaces, dashes, dots,
/// brackets and a leading +; 7 to 15 digits (E.164's maximum).
pub fn parse_phone(input: &str) -> Option<String> {
    let s = input.trim();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let ok_chars = s.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0)
    });
    (ok_chars && (7..=15).contains(&digits)).then(|| s.to_owned())
}

/// An amount typed by a person (`2,138.00`, `2 138,00`, `2138`, `100%`) in
/// minor units of `currency`, as [`money::parse`] reads it for a reader whose
/// language writes `decimal_mark`; `100%` means the whole of `full_minor`.
pub fn parse_amount(
    input: &str,
    currency: &str,
    full_minor: i64,
    decimal_mark: char,
) -> Option<i64> {
    let s = input.trim().trim_end_matches(currency).trim();
    if s == "100%" || s == "100 %" || s == "100\u{a0}%" {
        return Some(full_minor);
    }
    money::parse(s, currency, decimal_mark)
}

/// Why a purchase cannot be cancelled now, if it cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefundRefusal {
    WindowClosed,
    NotActive,
    NotWholeLine,
}

/// The refund rules: filed before the window closes (purchase + the
/// product's days, UTC; the filing time counts, not the decision's), on an
/// active purchase, for exactly 100% of what was paid.
pub fn check_refund(
    filed_at: DateTime<Utc>,
    cancel_until: DateTime<Utc>,
    status: SubscriptionStatus,
    requested_minor: i64,
    paid_minor: i64,
) -> Result<(), RefundRefusal> {
    if !status.is_active() {
        Err(RefundRefusal::NotActive)
    } else if filed_at >= cancel_until {
        Err(RefundRefusal::WindowClosed)
    } else if requested_minor != paid_minor {
        Err(RefundRefusal::NotWholeLine)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn the_queue_opens_on_open_requests_and_reads_work_oldest_first() {
        assert_eq!(QueueView::parse(None), Some(QueueView::Open));
        assert_eq!(QueueView::parse(Some(" ")), Some(QueueView::Open));
        assert_eq!(QueueView::parse(Some("all")), Some(QueueView::All));
        assert_eq!(
            QueueView::parse(Some("rejected")),
            Some(QueueView::Only(RequestStatus::Rejected))
        );
        assert_eq!(QueueView::parse(Some("bogus")), None);
        for v in QueueView::all() {
            assert_eq!(QueueView::parse(Some(v.as_str())), Some(v));
        }
        assert!(QueueView::Open.oldest_first());
        assert!(QueueView::Only(RequestStatus::InProgress).oldest_first());
        assert!(!QueueView::Only(RequestStatus::Approved).oldest_first());
        assert!(!QueueView::All.oldest_first());
        let counts = [
            (RequestStatus::Submitted, 3),
            (RequestStatus::InProgress, 1),
            (RequestStatus::Closed, 5),
        ];
        assert_eq!(QueueView::Open.count(&counts), 4);
        assert_eq!(QueueView::All.count(&counts), 9);
        assert_eq!(QueueView::Only(RequestStatus::Rejected).count(&counts), 0);
    }

    #[test]
    fn the_window_left_at_filing_is_never_negative() {
        let t = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(
            window_left_at_filing(t, t + Duration::days(3)),
            Duration::days(3)
        );
        assert_eq!(
            window_left_at_filing(t, t - Duration::days(1)),
            Duration::zero()
        );
    }

    #[test]
    fn amounts_parse_in_minor_units() {
        assert_eq!(parse_amount("2,138.00", "USD", 0, '.'), Some(213800));
        assert_eq!(parse_amount("2138", "USD", 0, '.'), Some(213800));
        assert_eq!(parse_amount("2138.5 USD", "USD", 0, '.'), Some(213850));
        assert_eq!(parse_amount("100%", "USD", 777, '.'), Some(777));
        for bad in ["", "abc", "1.234", "-5", "+5", "5.+1", "1e3"] {
            assert_eq!(parse_amount(bad, "USD", 0, '.'), None, "{bad}");
        }
    }

    #[test]
    fn phones_need_seven_to_fifteen_digits() {
        assert!(parse_phone("+1 (425) 555-0100").is_some());
        assert!(parse_phone("123456").is_none());
        assert!(parse_phone("call me").is_none());
        assert!(parse_phone("1+2345678").is_none());
    }

    #[test]
    fn the_window_closes_at_its_instant_and_only_whole_lines_refund() {
        let t = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default();
        let until = t + Duration::days(60);
        assert_eq!(
            check_refund(
                until - Duration::seconds(1),
                until,
                SubscriptionStatus::Active,
                100,
                100
            ),
            Ok(())
        );
        assert_eq!(
            check_refund(until, until, SubscriptionStatus::Active, 100, 100),
            Err(RefundRefusal::WindowClosed)
        );
        assert_eq!(
            check_refund(t, until, SubscriptionStatus::Active, 50, 100),
            Err(RefundRefusal::NotWholeLine)
        );
        assert_eq!(
            check_refund(
                t,
                until,
                SubscriptionStatus::CancellationRequested,
                100,
                100
            ),
            Err(RefundRefusal::NotActive)
        );
    }
}
