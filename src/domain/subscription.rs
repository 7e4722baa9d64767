//! A purchase (one line of an order, a subscription in the store) and its
//! status: active until a cancellation is requested, then cancelled if an
//! operator approves it or active again if not.

text_enum! {
    /// `subscriptions.status`.
    pub enum SubscriptionStatus {
        Active = "active" => "subscription-status-active",
        /// A refund request is open for it (one at a time).
        CancellationRequested = "cancellation_requested" => "subscription-status-cancellation_requested",
        Cancelled = "cancelled" => "subscription-status-cancelled",
    }
}

impl SubscriptionStatus {
    pub fn is_active(self) -> bool {
        self == SubscriptionStatus::Active
    }

    pub fn is_cancelled(self) -> bool {
        self == SubscriptionStatus::Cancelled
    }

    /// The class of its badge (static/css).
    pub fn badge_class(self) -> &'static str {
        match self {
            SubscriptionStatus::Active => "ok",
            SubscriptionStatus::CancellationRequested => "warn",
            SubscriptionStatus::Cancelled => "",
        }
    }
}

text_enum! {
    /// What the software list can be narrowed to: a status, or the active
    /// purchases still inside their cancellation window at the clock's now.
    pub enum StatusFilter {
        Active = "active" => "subscription-status-active",
        CancellationRequested = "cancellation_requested" => "subscription-status-cancellation_requested",
        Cancelled = "cancelled" => "subscription-status-cancelled",
        CancellableNow = "cancellable" => "software-filter-cancellable",
    }
}

impl StatusFilter {
    /// The status the purchases it keeps are in.
    pub fn status(self) -> SubscriptionStatus {
        match self {
            StatusFilter::Active | StatusFilter::CancellableNow => SubscriptionStatus::Active,
            StatusFilter::CancellationRequested => SubscriptionStatus::CancellationRequested,
            StatusFilter::Cancelled => SubscriptionStatus::Cancelled,
        }
    }
}

/// Whole days left to cancel at `now`, rounded up ("1 day left" until the
/// very end); `None` once the window has closed.
pub fn days_left_to_cancel(
    now: chrono::DateTime<chrono::Utc>,
    cancel_until: chrono::DateTime<chrono::Utc>,
) -> Option<i64> {
    let secs = (cancel_until - now).num_seconds();
    (secs > 0).then(|| (secs + 86_399) / 86_400)
}

#[cfg(test)]
mod tests {
    use super::days_left_to_cancel;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn days_left_round_up_and_end_with_the_window() {
        let until = Utc
            .with_ymd_and_hms(2026, 3, 31, 9, 0, 0)
            .single()
            .expect("date");
        let at = |d: Duration| until - d;
        assert_eq!(days_left_to_cancel(at(Duration::days(55)), until), Some(55));
        assert_eq!(
            days_left_to_cancel(at(Duration::days(54) + Duration::hours(1)), until),
            Some(55)
        );
        assert_eq!(
            days_left_to_cancel(at(Duration::seconds(1)), until),
            Some(1)
        );
        assert_eq!(days_left_to_cancel(until, until), None);
        assert_eq!(days_left_to_cancel(at(-Duration::days(1)), until), None);
    }
}
