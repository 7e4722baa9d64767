## The portal's messages in English. Every string a user sees comes from here.

app-name = CSP Software Portal
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-customers = Customers
nav-partners = Partners
sign-out = Sign out
cancel = Cancel
search = Search
search-clear = Clear search
list-or = {" or "}
list-comma = {", "}
footer-request-id = Request id: { $id }
status-active = Active
status-deactivated = Deactivated
pager-label = Pages
pager-first = First page
pager-next = Next page

## Roles
role-admin-agent = Admin agent
role-sales-agent = Sales agent
role-helpdesk-agent = Helpdesk agent
role-partner-global-admin = Global admin
role-customer-global-admin = Customer global admin
role-customer-user = Customer user
role-operator = Operator

## Sign-in
sign-in-title = Sign in
sign-in-submit = Sign in
field-email = E-mail
field-password = Password
sign-in-missing = Enter your e-mail and password.
sign-in-failed = The e-mail or password is incorrect.
sign-in-throttled = Too many failed sign-ins. Wait 15 minutes, then try again.
sign-in-signed-out = You have signed out.

## Home
home-title = Welcome
home-signed-in-as = You are signed in for { $org }.
home-your-roles = Your roles:
home-nothing-yet = There is nothing here for your role yet.
home-partners-hint = Partners of the portal, their customers and users.

## Customers
customers-title = Customers
customers-add = Add customer
customers-search-label = Search customers
customers-search-placeholder = Name or domain
customers-none = No customers yet.
customers-none-matching = No customer matches “{ $q }”.
customer-company-name = Company name
customer-primary-domain = Primary domain
customer-primary-domain-hint = For example contoso.onmicrosoft.com
customer-country = Country
customer-country-choose = Choose a country
customer-tenant-guid = Tenant ID
customer-billing-contact = Billing contact
customer-billing-name = Name
customer-billing-email = E-mail
customer-created-at = Created
customer-new-title = New customer
customer-create-submit = Create customer
customer-tenant-guid-generated = A tenant ID is generated when the customer is created.
customer-created = Customer { $name } created.
customer-tabs-label = Customer
customer-tab-details = Details

## Operator
partners-title = Partners
partner-name = Partner
partner-customers = Customers
partner-users = Users
partner-since = Since
partner-status = Status

## Forms
form-has-errors = There is a problem
error-required = Fill this in.
error-too-long = This is too long.
error-control-characters = This contains characters that are not allowed.
error-domain-invalid = Enter a domain name such as contoso.onmicrosoft.com.
error-domain-taken = Another customer already uses this domain.
error-country-invalid = Choose a country from the list.
error-email-invalid = Enter an e-mail address such as name@example.com.

## Error pages
error-go-home = Go to the start page
error-400-title = Bad request
error-400 = The request could not be understood. Go back and try again.
error-403-title = Not allowed
error-403-role = You need the { $roles } role for this page. Your account does not have it; roles are assigned by your organisation's global admin.
error-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-404-title = Not found
error-404 = There is nothing here, or you do not have access to it.
error-500-title = Something went wrong
error-500 = The portal could not complete the request. Try again; if it keeps happening, contact support and quote the request id.
error-503-title = Temporarily unavailable
error-503 = The portal cannot reach its database right now. Try again in a moment.

## Catalog and orders
nav-catalog = Catalog
customer = Customer
customer-tab-orders = Orders
customer-tab-add-products = Add products
product = Product
product-sku = SKU
product-family = Family
product-kind = Kind
unit-price = Unit price
quantity = Quantity
line-total = Line total
status = Status
kind-perpetual = Perpetual software
kind-subscription = Software subscription
kind-reserved-instance = Reserved instance
add-products-title = Add products
add-products-country-note = Showing the products that may be sold to customers in { $country }.
add-products-review = Review order
order-quantity-range = Enter a whole number from 1 to 1000, or leave it empty.
order-error-empty = Choose at least one product: enter a quantity next to it.
order-error-quantity = The quantity of { $product } must be a whole number from 1 to 1000.
order-error-not-offered = A chosen product is not offered to this customer (it may not be sold in their country). Nothing was ordered.
order-error-currencies = Products priced in different currencies cannot be in one order.
order-error-too-large = The order total is too large. Split it into several orders.
order-error-out-of-keys = There are no product keys left for { $product }. Nothing was ordered; try again later or contact the portal's operators.
review-title = Review order
review-change = Change quantities
review-billing-note = Placing the order bills your organisation. The order is final when placed; purchases can be cancelled only within the product's cancellation window.
place-order = Place order
order = Order
order-total = Total
order-placed-at = Placed
order-placed-by = Placed by
order-placed = Order placed.
order-already-placed = This order was already placed; here it is.
order-status-placed = Placed
order-line-key-assigned = Key assigned
orders-none = No orders yet.
subscription-id = Subscription ID
subscription-status-active = Active
subscription-status-cancellation_requested = Cancellation requested
subscription-status-cancelled = Cancelled
order-refused-title = Order not placed
order-refused-nothing-written = Nothing was ordered.
order-refused-back = Back to Add products
catalog-title = Catalog
catalog-variants = Variants
catalog-files = Files
catalog-keys-left = Keys left
catalog-restricted = Not sold in
catalog-restricted-none = Sold everywhere
catalog-no-keys = No keys
catalog-no-file = (no file yet)
catalog-low = { $count } left: low
catalog-low-warning = { $count ->
    [one] One product is running low on keys.
   *[other] { $count } products are running low on keys.
}
catalog-policy = Policy
catalog-policy-value = Cancel within { $cancel } days; links last { $days } days or { $cap } downloads
catalog-cli-hint = Load products with "csp-portal catalog import FILE", keys with "csp-portal keys import --product SKU FILE" and files with "csp-portal files add".
variant-version = Version
variant-language = Language
variant-platform = Bitness or platform
file-name = File name
file-size = Size

## Software, keys and downloads
nav-my-software = Your products
customer-tab-software = Software
my-software-title = Your products
my-software-intro = Software bought for { $org }, with its product keys and downloads.
software-none = No software has been bought for this customer yet.
software-purchased = Purchased
software-cancel-until = Can be cancelled until
software-actions = Actions
software-get-keys = Get keys and downloads
software-get-key = Get key
software-no-match = No download matches this choice. Change the version, language or platform.
software-risk-note = Copied links and downloaded software carry risk: anyone who has a link can download the software until it expires, and keys grant the right to install. Share them only with the customer's administrators. Only admin agents can get keys and links.
software-risk-note-own = Downloaded software and product keys carry risk: keys grant the right to install. Keep them to your administrators.
software-window-closed = Closed ({ $date })
selector-any = Any
download = Download
copy-link = Copy link
copy = Copy
copied = Copied
close = Close
back = Back
key-title = Product key for { $product }
key-audited = Each time a key is shown, the portal records who saw it.
link-made = A download link for { $file } (shown only now: copy it and send it to the customer):
link-limits = It works for { $days } days or { $cap } downloads, whichever comes first. Make a new one at any time.
links-title = Live download links
links-none = No live links for this purchase.
links-created = Made
links-expires = Expires
links-downloads = Downloads
links-revoke = Revoke
links-revoked = The link was revoked; it no longer works.
links-time-left = { $days } d { $hours } h left
link-expired-title = This download link has expired
link-expired = The link stopped working on { $date }.
link-used-up-title = This download link has been used up
link-used-up = The link has been used for as many downloads as it allows.
link-revoked-title = This download link was revoked
link-revoked = The partner who made the link has withdrawn it.
link-unknown-title = This download link is not valid
link-unknown = Check that the whole link was copied.
link-what-to-do = Ask your software partner for a new download link.
error-410-title = No longer available
error-410 = This is no longer available: the purchase was cancelled or its key was revoked.
