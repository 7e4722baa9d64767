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
