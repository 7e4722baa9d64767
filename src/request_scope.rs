//! What is known about the request being served, readable from any layer
//! without a request object: its id (logs, error pages), its language, the
//! account read with its session (so that access control need not read it
//! again), and, once access control has resolved the signed-in user, how to
//! draw that user's header and navigation (so error pages keep them). The
//! middleware in `web::request_ctx` opens the scope; `error.rs`, `web/` and
//! the session store read it, and it imports none of them.

use std::cell::RefCell;
use std::future::Future;

use uuid::Uuid;

use crate::i18n::I18n;
use crate::layout::Page;
use crate::store::organisations::Customer;
use crate::store::users::Account;

/// Makes the signed-in user's layout, only when a page needs it.
type SignedIn = Box<dyn Fn() -> Page>;

struct Scope {
    id: String,
    /// The path and query asked for: where the language switch comes back to.
    path: String,
    i18n: RefCell<I18n>,
    signed_in: RefCell<Option<SignedIn>>,
    /// The session's user and their active account (`None`: none is), as
    /// read with the session, until access control takes it.
    account: RefCell<Option<(Uuid, Option<Account>)>>,
    /// The customer the path names, as read with the session for its user
    /// and in that user's scope (`None` inside: none is), until the page
    /// takes it.
    customer: RefCell<Option<(Uuid, Wanted, Option<Customer>)>>,
}

/// Which customer a page's path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// `/customers/{id}/...`
    Id(Uuid),
    /// `/my/...`: the signed-in customer user's own organisation.
    Own,
}

impl Wanted {
    /// The customer `path` (with its query) names, if any.
    pub fn of(path: &str) -> Option<Wanted> {
        if path.starts_with("/my/") {
            return Some(Wanted::Own);
        }
        let rest = path.strip_prefix("/customers/")?;
        let id = rest.split(['/', '?']).next()?;
        id.parse().ok().map(Wanted::Id)
    }
}

tokio::task_local! {
    static SCOPE: Scope;
}

/// A fresh id for a request or a job pass: short enough to read out from
/// an error page, long enough not to repeat in a day's logs.
pub fn new_id() -> String {
    let mut id = uuid::Uuid::new_v4().simple().to_string();
    id.truncate(12);
    id
}

/// Runs `f` as the request `id` for `path`, in the language `i18n` (until
/// the signed-in user's own is known).
pub async fn run<F: Future>(id: String, path: String, i18n: I18n, f: F) -> F::Output {
    let scope = Scope {
        id,
        path,
        i18n: RefCell::new(i18n),
        signed_in: RefCell::new(None),
        account: RefCell::new(None),
        customer: RefCell::new(None),
    };
    SCOPE.scope(scope, f).await
}

/// The current request's id, if inside a request.
pub fn request_id() -> Option<String> {
    SCOPE.try_with(|c| c.id.clone()).ok()
}

/// The current request's path and query (`/` outside a request).
pub fn path() -> String {
    SCOPE
        .try_with(|c| c.path.clone())
        .unwrap_or_else(|_| "/".to_owned())
}

/// The current request's language (English outside a request).
pub fn i18n() -> I18n {
    SCOPE
        .try_with(|c| c.i18n.borrow().clone())
        .unwrap_or_default()
}

/// Switches the request's language once the signed-in user is known.
pub fn set_i18n(i: I18n) {
    let _ = SCOPE.try_with(|c| *c.i18n.borrow_mut() = i);
}

/// Records the account of `user`, read with the request's session.
pub fn read_account(user: Uuid, account: Option<Account>) {
    let _ = SCOPE.try_with(|c| *c.account.borrow_mut() = Some((user, account)));
}

/// The account of `user` as read with the session (`None` inside: no active
/// one), once; `None` if the session named another user or none was read.
pub fn take_account(user: Uuid) -> Option<Option<Account>> {
    SCOPE
        .try_with(|c| c.account.borrow_mut().take())
        .ok()
        .flatten()
        .filter(|(u, _)| *u == user)
        .map(|(_, account)| account)
}

/// Records the customer `wanted` as read with the session of `user`.
pub fn read_customer(user: Uuid, wanted: Wanted, customer: Option<Customer>) {
    let _ = SCOPE.try_with(|c| *c.customer.borrow_mut() = Some((user, wanted, customer)));
}

/// The customer `wanted` as read with the session of `user` (`None`
/// inside: not in that user's scope), once; `None` if it was not read so.
pub fn take_customer(user: Uuid, wanted: Wanted) -> Option<Option<Customer>> {
    SCOPE
        .try_with(|c| c.customer.borrow_mut().take())
        .ok()
        .flatten()
        .filter(|(u, w, _)| *u == user && *w == wanted)
        .map(|(_, _, customer)| customer)
}

/// Records how to draw the signed-in user's layout for this request.
pub fn set_signed_in(layout: impl Fn() -> Page + 'static) {
    let _ = SCOPE.try_with(|c| *c.signed_in.borrow_mut() = Some(Box::new(layout)));
}

/// The signed-in user's layout, if access control resolved one for this
/// request.
pub fn signed_in() -> Option<Page> {
    SCOPE
        .try_with(|c| c.signed_in.borrow().as_ref().map(|layout| layout()))
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::Wanted;

    #[test]
    fn the_customer_a_path_names() {
        let id = uuid::Uuid::new_v4();
        assert_eq!(
            Wanted::of(&format!("/customers/{id}/software?q=x")),
            Some(Wanted::Id(id))
        );
        assert_eq!(
            Wanted::of(&format!("/customers/{id}?show=1")),
            Some(Wanted::Id(id))
        );
        assert_eq!(Wanted::of("/my/software"), Some(Wanted::Own));
        for none in [
            "/customers",
            "/customers?q=con",
            "/customers/new",
            "/customers/not-a-uuid/software",
            "/customers//software",
            "/my",
            "/activity",
        ] {
            assert_eq!(Wanted::of(none), None, "{none}");
        }
    }
}
