//! Organisation kinds and the roles of SPEC section 1.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    Vendor,
    Partner,
    Customer,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Vendor => "vendor",
            OrgKind::Partner => "partner",
            OrgKind::Customer => "customer",
        }
    }
}

impl FromStr for OrgKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "vendor" => Ok(OrgKind::Vendor),
            "partner" => Ok(OrgKind::Partner),
            "customer" => Ok(OrgKind::Customer),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    PartnerGlobalAdmin,
    CustomerGlobalAdmin,
    CustomerUser,
    Operator,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::PartnerGlobalAdmin,
        Role::CustomerGlobalAdmin,
        Role::CustomerUser,
        Role::Operator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::AdminAgent => "admin_agent",
            Role::SalesAgent => "sales_agent",
            Role::HelpdeskAgent => "helpdesk_agent",
            Role::PartnerGlobalAdmin => "partner_global_admin",
            Role::CustomerGlobalAdmin => "customer_global_admin",
            Role::CustomerUser => "customer_user",
            Role::Operator => "operator",
        }
    }

    /// The message id of the role's display name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::AdminAgent => "role-admin-agent",
            Role::SalesAgent => "role-sales-agent",
            Role::HelpdeskAgent => "role-helpdesk-agent",
            Role::PartnerGlobalAdmin => "role-partner-global-admin",
            Role::CustomerGlobalAdmin => "role-customer-global-admin",
            Role::CustomerUser => "role-customer-user",
            Role::Operator => "role-operator",
        }
    }

    /// The kind of organisation whose users may hold this role.
    pub fn org_kind(self) -> OrgKind {
        match self {
            Role::AdminAgent
            | Role::SalesAgent
            | Role::HelpdeskAgent
            | Role::PartnerGlobalAdmin => OrgKind::Partner,
            Role::CustomerGlobalAdmin | Role::CustomerUser => OrgKind::Customer,
            Role::Operator => OrgKind::Vendor,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown value {0:?}")]
pub struct UnknownValue(pub String);

impl FromStr for Role {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().replace('-', "_").to_ascii_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().ok(), Some(r));
        }
        assert_eq!("admin-agent".parse::<Role>().ok(), Some(Role::AdminAgent));
        assert!("root".parse::<Role>().is_err());
    }
}
