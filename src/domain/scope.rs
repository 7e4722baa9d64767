//! Whose data a signed-in user may read: every tenant query takes a scope.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The portal's operators: every partner and customer.
    Vendor,
    /// A partner's staff: that partner's customers only.
    Partner(Uuid),
    /// A customer's users: their own tenant only.
    Customer(Uuid),
}

impl Scope {
    /// The partner a query must be restricted to, if any.
    pub fn partner_id(self) -> Option<Uuid> {
        match self {
            Scope::Partner(p) => Some(p),
            _ => None,
        }
    }

    /// The id a scoped statement binds: none for the vendor.
    pub fn id(self) -> Option<Uuid> {
        match self {
            Scope::Vendor => None,
            Scope::Partner(id) | Scope::Customer(id) => Some(id),
        }
    }

    /// The condition that keeps a statement in this scope, one of three
    /// fixed texts (`partner` and `customer` with one `?` for [`Scope::id`]).
    pub fn pick(
        self,
        vendor: &'static str,
        partner: &'static str,
        customer: &'static str,
    ) -> &'static str {
        match self {
            Scope::Vendor => vendor,
            Scope::Partner(_) => partner,
            Scope::Customer(_) => customer,
        }
    }

    /// The customer a query must be restricted to, if any.
    pub fn customer_id(self) -> Option<Uuid> {
        match self {
            Scope::Customer(c) => Some(c),
            _ => None,
        }
    }

    /// Whether a customer (`id`, of the partner `partner_id`) is in this
    /// scope: what [`Scope::pick`]'s conditions on a customer say, for a
    /// customer read with the session (`store::sessions`).
    pub fn admits_customer(self, id: Uuid, partner_id: Uuid) -> bool {
        match self {
            Scope::Vendor => true,
            Scope::Partner(p) => partner_id == p,
            Scope::Customer(c) => id == c,
        }
    }
}
