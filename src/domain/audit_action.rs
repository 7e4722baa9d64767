//! What the audit log records (SPEC 3.6): every action by name, so the
//! activity log offers them all without reading the log, and nothing
//! records an action the log cannot name.

text_enum! {
    /// `audit_events.action`.
    pub enum Action {
        SignIn = "sign_in" => "action-sign_in",
        SignInFailed = "sign_in_failed" => "action-sign_in_failed",
        SignOut = "sign_out" => "action-sign_out",
        PasswordChanged = "password_changed" => "action-password_changed",
        PasswordReset = "password_reset" => "action-password_reset",
        SecondFactorEnabled = "second_factor_enabled" => "action-second_factor_enabled",
        SecondFactorDisabled = "second_factor_disabled" => "action-second_factor_disabled",
        SecondFactorRequired = "second_factor_required" => "action-second_factor_required",
        SecondFactorOptional = "second_factor_optional" => "action-second_factor_optional",
        CustomerCreated = "customer_created" => "action-customer_created",
        OrderPlaced = "order_placed" => "action-order_placed",
        KeyRevealed = "key_revealed" => "action-key_revealed",
        FileDownloaded = "file_downloaded" => "action-file_downloaded",
        LinkCreated = "link_created" => "action-link_created",
        LinkRenewed = "link_renewed" => "action-link_renewed",
        LinkRevoked = "link_revoked" => "action-link_revoked",
        LinkDownloadCounted = "link_download_counted" => "action-link_download_counted",
        ServiceRequestFiled = "service_request_filed" => "action-service_request_filed",
        CancellationRequested = "cancellation_requested" => "action-cancellation_requested",
        CancellationApproved = "cancellation_approved" => "action-cancellation_approved",
        CancellationRejected = "cancellation_rejected" => "action-cancellation_rejected",
        ServiceRequestClosed = "service_request_closed" => "action-service_request_closed",
        RequestTaken = "request_taken" => "action-request_taken",
        UserInvited = "user_invited" => "action-user_invited",
        InvitationAccepted = "invitation_accepted" => "action-invitation_accepted",
        RoleChanged = "role_changed" => "action-role_changed",
        UserDeactivated = "user_deactivated" => "action-user_deactivated",
        UserReactivated = "user_reactivated" => "action-user_reactivated",
        PartnerDeactivated = "partner_deactivated" => "action-partner_deactivated",
        PartnerReactivated = "partner_reactivated" => "action-partner_reactivated",
        DemoLoaded = "demo_loaded" => "action-demo_loaded",
        ProductCreated = "product_created" => "action-product_created",
        ProductUpdated = "product_updated" => "action-product_updated",
        KeysAdded = "keys_added" => "action-keys_added",
        DownloadFileAdded = "download_file_added" => "action-download_file_added",
        ApiTokenCreated = "api_token_created" => "action-api_token_created",
        ApiTokenRevoked = "api_token_revoked" => "action-api_token_revoked",
    }
}
