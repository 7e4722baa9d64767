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
