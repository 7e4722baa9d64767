## The portal's messages in English. Every string a user sees comes from here.

app-name = CSP Software Portal
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-customers = Customers
nav-partners = Partners
sign-out = Sign out
cancel = Cancel
save = Save
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
pager-previous = Previous page

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
sign-in-throttled = Too many failed sign-ins for this account or from this network. Try again in { $wait }. On a device you have signed in from before, you can sign in now; or reset your password.
sign-in-failures-notice = { $count ->
    [one] Since your last sign-in, 1 attempt to sign in to your account failed. If it was not you, change your password.
   *[other] Since your last sign-in, { $count } attempts to sign in to your account failed. If they were not you, change your password.
}
code-throttled = Too many wrong codes. Try again in { $wait }.
password-throttled = Too many wrong passwords. Try again in { $wait }.
wait-seconds = { $n } s
wait-minutes = { $n } min
sign-in-signed-out = You have signed out.

## Home
home-title = Welcome
home-signed-in-as = You are signed in for { $org }.
home-your-roles = Your roles:
home-nothing-yet = There is nothing here for your role yet.
home-partners-hint = Partners of the portal, their customers and users.
home-requests-hint = Service requests and cancellations waiting for a decision.
home-catalog-hint = Products, download files and keys left.
home-activity-hint = Who did what, when.

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
error-too-long = This is too long: use at most { $max ->
        [one] 1 character
       *[other] { $max } characters
    }.
form-required-note = Fields marked * are required.
form-required = required
error-control-characters = This contains characters that are not allowed.
error-domain-invalid = Enter a domain name such as contoso.onmicrosoft.com.
error-domain-taken = One of your customers already uses this domain.
error-country-invalid = Choose a country from the list.
error-email-invalid = Enter an e-mail address such as name@example.com.

## Confirmations
confirm-final = This cannot be undone.

## Error pages
error-go-home = Go to the start page
error-400-title = Bad request
error-400 = The request could not be understood. Go back and try again.
error-413-title = Too large
error-form-too-large = This form is larger than { $limit } in all. Go back, remove some attachments and try again.
error-form-too-many-parts = This form has more than { $count } parts. Go back, reload the page and try again.
error-form-field-too-large = A text field is longer than { $limit }. Go back, shorten it and try again.
error-form-text-too-large = The text fields add up to more than { $limit }. Go back, shorten them and try again.
error-403-title = Not allowed
error-403-role = You need the { $roles } role for this page. Your account does not have it; roles are assigned by your organisation's global admin.
error-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-404-title = Not found
error-404 = There is nothing here, or you do not have access to it.
error-500-title = Something went wrong
error-500 = The portal could not complete the request. Try again; if it keeps happening, contact support and quote the request id.
error-503-title = Temporarily unavailable
error-503 = The portal cannot reach its database right now. Try again in a moment.
error-busy = Many people are signing in right now. Wait a few seconds, then try again.

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
order-next = Next
order-next-software = All software of { $customer }
order-next-orders = All orders of this customer
order-next-keys-admins = Keys and downloads of these purchases are for admin agents: ask one to get them.
order-status-placed = Placed
order-line-key-assigned = Key assigned
order-line-key-revoked = Key revoked
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
catalog-policy-value = Cancel within { $cancel ->
        [one] 1 day
       *[other] { $cancel } days
    }; links last { $days ->
        [one] 1 day
       *[other] { $days } days
    } or { $cap ->
        [one] 1 download
       *[other] { $cap } downloads
    }
catalog-cli-hint = The same tools work from the server's command line: "csp-portal catalog import FILE", "csp-portal keys import --product SKU FILE" and "csp-portal files add".
variant-version = Version
variant-language = Language
variant-platform = Bitness or platform
file-name = File name
file-size = Size
file-sha256 = SHA-256

## The operator's catalog tools (pages and command line share the import-
## and catalog-error- messages)
catalog-new = New product
catalog-new-title = New product
catalog-edit = Edit product
catalog-edit-title = Edit { $name }
catalog-created = { $name } was added to the catalog.
catalog-saved = Your changes to { $name } are saved.
catalog-add-keys = Add keys
catalog-add-file = Add a download file
catalog-actions = Product actions
catalog-term = Term
catalog-term-none = No term
catalog-term-months = { $months ->
        [one] 1 month
       *[other] { $months } months
    }
catalog-contents = Comes with
catalog-contents-keys = Product keys
catalog-contents-downloads = Download files
catalog-key-format = Key format
key-format-chars32 = 32 characters (8 groups of 4)
key-format-chars25 = 25 characters (5 groups of 5)
catalog-low-stock-at = Low-stock warning at
catalog-form-name = Name
catalog-form-sku-hint = Up to 64 letters, digits, '-' or '_'. It names the product on the command line and cannot change later.
catalog-form-family-hint = Products of one family are listed together, for example Windows Server.
catalog-form-kind-choose = Choose a kind
catalog-form-term-hint = Subscriptions and reserved instances run for 12 or 36 months; perpetual software has no term.
catalog-form-contents-hint = Reserved instances come with neither.
catalog-form-price = Unit price
catalog-form-price-hint = In the currency below, for example 6771.00.
catalog-form-currency = Currency
catalog-form-currency-hint = ISO 4217 code, for example USD.
catalog-form-countries-hint = ISO 3166-1 alpha-2 codes separated by commas or spaces, for example CN, RU. Leave empty to sell everywhere.
catalog-form-policy = Policy
catalog-form-policy-hint = When purchases can be cancelled and how far a download link goes.
catalog-form-cancel-days = Days to cancel a purchase
catalog-form-link-days = Days a download link works
catalog-form-link-cap = Downloads a link allows
catalog-form-low-stock-hint = The catalog warns when this many free keys or fewer are left.
catalog-form-variants = Variants
catalog-form-variants-add = Add variants
catalog-form-variants-hint = One variant is made for each language with each bitness or platform chosen.
catalog-form-variants-existing = { $count ->
    [one] The product has one variant; it stays. Leave these fields empty to add none.
   *[other] The product has { $count } variants; they stay. Leave these fields empty to add none.
}
catalog-form-languages = Languages
catalog-form-languages-hint = BCP 47 tags separated by commas, for example en-US, pl-PL.
catalog-form-platforms = Bitness or platforms
catalog-form-platforms-hint = Choose bitness, or file types with operating systems: not both.
catalog-form-create = Create product
catalog-form-save = Save changes
catalog-error-whole-number = Enter a whole number, such as 14.
catalog-error-price-format = Enter a price such as 6771.00.
keys-title = Add keys to { $name }
keys-format = { $format } per key
keys-file = Key file
keys-file-hint = A text file with one key per line. Dashes and spaces between groups are ignored, and so are blank lines and lines that start with #. If any line is wrong, no key is added.
keys-file-limit = At most { $limit }.
keys-submit = Add keys
keys-added = { $count ->
    [one] One key was added to { $name }. Free keys now: { $left }.
   *[other] { $count } keys were added to { $name }. Free keys now: { $left }.
}
keys-refused = No key was added: { $count ->
    [one] one line needs fixing.
   *[other] { $count } lines need fixing.
}
keys-refused-more = … and { $count } more.
keys-error-choose = Choose the key file to upload.
keys-error-too-large = The key file is larger than { $limit }: split it and upload the parts one after the other.
keys-error-not-text = The key file is not plain text (UTF-8).
keys-none-for-product = This product has no product keys. Edit the product to give it keys first.
files-title = Add a download file to { $name }
files-variant = Variant
files-variant-choose = Choose a variant
files-name = Download as (optional)
files-name-hint = The name partners download it as. Leave empty to keep the uploaded file's name.
files-file = File
files-file-hint = Large files take a while: keep this page open until the upload ends. The size and SHA-256 are worked out as it arrives. At most { $limit }. A file of the same name on the variant is replaced; its links keep working.
files-submit = Upload file
files-added = { $file } ({ $size }) was added to { $variant }. SHA-256: { $sha256 }
files-error-choose = Choose the file to upload.
files-error-too-large = The file is larger than { $limit }.
files-error-variant = Choose one of the product's variants.
files-error-name = Give a name of 1 to { $max } characters without slashes or control characters.
files-error-no-downloads = { $product } has no download files.
files-no-downloads = This product has no download files. Edit the product to give it downloads first.
files-no-variants = This product has no variants yet. Edit the product to add some first.
import-line = Line { $line }: { $message }
import-syntax = { $detail }
keys-error-format-32 = This is not a key of this product's format: 32 letters and digits (groups of 4 may be separated by '-').
keys-error-format-25 = This is not a key of this product's format: 25 letters and digits (groups of 5 may be separated by '-').
keys-error-repeated = The same key as line { $first }.
keys-error-known = This key is already in the inventory.
keys-error-empty = The file holds no keys.
catalog-error-empty = The file has no [[product]] entries.
catalog-error-policy-kind = There is no product kind "{ $kind }" to set a policy for.
catalog-error-sku = Enter a SKU of 1 to { $max } letters, digits, '-' or '_'.
catalog-error-sku-repeated = SKU { $sku } is also used on line { $line }.
catalog-error-sku-taken = A product with this SKU exists already.
catalog-error-name = Enter a name of 1 to { $max } characters.
catalog-error-family = Enter a family of 1 to { $max } characters.
catalog-error-kind = Choose what kind of product this is: perpetual software (perpetual), a software subscription (subscription) or a reserved instance (reserved_instance).
catalog-error-term-perpetual = Perpetual software has no term.
catalog-error-term-required = Subscriptions and reserved instances need a term of 12 or 36 months.
catalog-error-term = The term must be 12 or 36 months.
catalog-error-ri-contents = Reserved instances have no keys and no downloads.
catalog-error-key-format = The key format must be chars32 (8 groups of 4) or chars25 (5 groups of 5).
catalog-error-price = The price cannot be negative.
catalog-error-currency = Enter the currency as an ISO 4217 code of three capital letters, such as USD.
catalog-error-country = "{ $code }" is not an ISO 3166-1 alpha-2 country code.
catalog-error-low-stock = The low-stock warning cannot be below 0.
catalog-error-cancel-window = The days to cancel must be { $min } to { $max }.
catalog-error-link-lifetime = The days a link works must be { $min } to { $max }.
catalog-error-link-cap = The downloads a link allows must be { $min } to { $max }.
catalog-error-no-variants = A product with downloads needs at least one variant: give a version, languages and bitness or platforms.
catalog-error-version = Enter a version of 1 to { $max } characters.
catalog-error-languages = Give at least one language.
catalog-error-language = "{ $tag }" is not a BCP 47 language tag such as en-US.
catalog-error-platforms = Choose at least one bitness, or at least one platform (file type and operating system), but not both.
catalog-error-bitness = Bitness must be one of { $values }.
catalog-error-platform = The file type must be one of { $types } and the operating system one of { $systems }.

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
link-made = New download link for { $file }. Copy it and send it to the customer:
link-renewed = Download link for { $file } renewed, at the same address. Copy it and send it to the customer:
link-limits = It works until { $date } or for { $cap ->
        [one] 1 download
       *[other] { $cap } downloads
    }, whichever comes first.
link-copied = The download link for { $file } is on the clipboard.
link-copy-failed = The link could not be put on the clipboard. Copy it from the box under Download links.
links-title = Download links
links-help = A download link works without signing in, for { $days } days or { $cap } downloads, whichever comes first. Copy link on a file whose link still works renews that link: another { $days } days and { $cap } downloads from then, at the same address, so a link already sent keeps working. Once a link has expired, been used up or been revoked, Copy link makes a new one with a new address.
links-live = Links that work
links-none = No live links for this purchase.
links-address = Address
links-address-unknown = Not shown (an older link)
links-created = Made
links-by = { $date } by { $name }
links-renewed-by = renewed { $date } by { $name }
links-expires = Expires
links-downloads = Downloads
links-downloads-before = and { $count } before the last renewal
links-revoke = Revoke
links-revoked = The link was revoked; it no longer works.
links-revoke-confirm-title = Revoke this download link?
links-revoke-confirm-stops = The link stops working at once: no one who has it can download the file any more.
links-revoke-confirm-final = This cannot be undone. Copy link then makes a new link, at a new address.
links-revoke-confirm = Revoke link
links-revoke-keep = Keep the link
links-revoke-confirm-js = Revoke the download link for { $file }? It stops working at once for anyone who has it. This cannot be undone.
links-time-left = { $days } d { $hours } h left
links-history = Links that no longer work ({ $count })
links-ended = Ended
link-ended-expired = Expired
link-ended-used-up = Used up
link-ended-revoked = Revoked
links-ended-with-cancellation = { $date }, with the cancellation of the purchase
links-ended-undated = date not recorded
link-expired-title = This download link has expired
link-expired = The link stopped working on { $date }.
link-used-up-title = This download link has been used up
link-used-up = The link has been used for as many downloads as it allows.
link-revoked-title = This download link was revoked
link-revoked = The link was withdrawn, or the purchase it belongs to was cancelled.
link-unknown-title = This download link is not valid
link-unknown = Check that the whole link was copied.
link-what-to-do = Ask your software partner for a new download link.
error-410-title = No longer available
error-410 = This is no longer available: the purchase was cancelled or its key was revoked.

## Report a problem, service requests, cancellations
nav-support = Service requests
nav-requests = Request queue
filter = Filter
report-title = Report a problem
report-details = Details
report-problem-type = Problem type
report-choose = Choose a problem type
report-impact = Impact
report-title-field = Title
report-description = Description
report-refund-fields-note = For a cancellation (CSP purchase/refund on behalf of customers), fill in the purchase below. Only whole purchases are cancelled, for 100% of what was paid.
report-customer-ref = Customer tenant ID or domain name
report-customer-ref-hint = For example contoso.onmicrosoft.com
report-purchase-ref = Subscription ID or order ID
report-purchase-ref-hint = An order ID names its purchase only when the order has one.
report-refund-reason = Reason for the refund
report-requested-amount = Requested amount
report-requested-amount-hint = The whole purchase: { $amount } (100%).
report-requested-amount-hint-generic = The whole purchase, 100% of what was paid.
report-contact = Contact
report-contact-name = Name
report-contact-email = E-mail
report-contact-phone = Phone
report-files = Files
report-add-files = Add files (optional)
report-files-hint = Up to 5 files, 10 MiB each and 25 MiB in all, of these types: { $types }.
report-files-choose-again = You had chosen { $names }. Files are not kept when a form comes back: choose them again.
report-submit = Submit
report-leave = Back without submitting
report-cancel-title = Cancel purchase: { $product }
report-cancelling = Cancelling { $product }
report-days-left = { $days ->
    [one] 1 day left to cancel, until { $date }.
   *[other] { $days } days left to cancel, until { $date }.
}
report-filed = Request { $number } submitted.
report-already-filed = This request was already submitted; here it is.
problem-type-refund = CSP purchase/refund on behalf of customers
problem-type-billing = Billing
problem-type-technical = Technical problem
problem-type-account = Account and access
problem-type-other = Something else
impact-critical = Critical: work has stopped
impact-moderate = Moderate: work is slowed
impact-minimal = Minimal: a question or an inconvenience
request-number = Request
request-filed = Filed
request-has-reply = · replied
request-no-files = None
request-decided-at = Decided
request-reply = Reply
request-reply-hint = Your answer to the partner.
request-reply-hint-refund = Your answer to the partner; required when rejecting.
request-decide = Decision
request-approve = Approve cancellation
request-reject = Reject
request-close = Close with reply
request-decided = Decision recorded.
request-already-decided = This request had already been decided; nothing changed.
requests-none = No service requests.
request-status-submitted = Submitted
request-status-in_progress = In progress
request-status-approved = Approved
request-status-rejected = Rejected
request-status-closed = Closed
error-choose-from-list = Choose one from the list.
error-phone-invalid = Enter a phone number of 7 to 15 digits, such as +1 425 555 0100.
error-customer-unknown = None of your customers has this tenant ID or domain.
error-purchase-unknown = This customer has no purchase with this ID.
error-order-several-lines = This order has several purchases: give the subscription ID of the one to cancel.
error-amount-invalid = Enter an amount such as 1,234.56, or 100%.
error-amount-partial = Only whole purchases can be cancelled: ask for exactly 100% of what was paid.
error-window-closed = The time to cancel this purchase has passed.
error-purchase-not-active = This purchase is already cancelled or has a cancellation request open.
error-file-too-large = { $name } is larger than { $limit }.
error-files-too-much = The files add up to more than { $limit }.
error-files-too-many = { $count ->
        [one] At most 1 file can be added.
       *[other] At most { $count } files can be added.
    }
error-file-type = { $name } is not a type that can be added ({ $types }).
error-reject-reason = Give the partner a reason for the rejection.
software-cancel = Cancel purchase
software-cancelled-note = This purchase was cancelled: its key and downloads are no longer available.
software-days-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
software-credited = Credited { $amount }
software-filters-label = Find purchases
software-search-placeholder = Part of a product name
software-filter-cancellable = Cancellable now
software-sort = Sort
software-sort-newest = Newest purchase first
software-sort-oldest = Oldest purchase first
software-none-matching = No purchase matches this search and filter.
software-role-note = Getting keys and downloads and cancelling a purchase need the Admin agent role, which your account does not have; roles are assigned by your organisation's global admin.
filters-clear = Clear filters
copy-full-id = Copy the full ID { $id }
duration-days-hours = { $days } d { $hours } h
duration-under-an-hour = under an hour
paging-showing = Showing { $from }–{ $to } of { $total }
paging-showing-many = Showing { $from }–{ $to } of more than { $cap }
paging-showing-far = Further than the first { $cap }
request-take = Take
request-take-over = Take over
request-taken = You are working on { $number } now.
request-already-yours = You were already working on { $number }.
request-taken-by = { $name }, since { $date }
request-decided-credited = Cancellation approved: credit note { $number } issued.
request-window = Cancellation window
request-window-closes = Closes { $date }
request-window-at-filing = { $span } left when filed
approval-will = Approving will:
request-approve-confirm-title = Approve the cancellation { $number }?
request-reject-confirm-title = Reject the cancellation { $number }?
request-approve-confirm-page = Approve this cancellation?
request-reject-confirm-page = Reject this cancellation?
request-reject-confirm-reply = The partner is told the request was rejected, with your reply as the reason.
request-reject-confirm-stays = The purchase stays as it is: nothing is cancelled or credited.
request-reject-confirm = Reject cancellation
request-confirm-back = Back to the request, deciding nothing
approval-cancels = cancel the purchase of { $quantity } × { $product };
approval-credits = credit { $amount } (100% of the purchase) to { $partner } with a numbered credit note;
approval-revokes-key = revoke its product key: it is never shown or given out again;
approval-no-key = (this purchase has no product key to revoke);
approval-disables-links = disable its download links at once ({ $count } live now).
approval-no-links = disable any download link made for it (none is live now).
queue-views-label = Requests by status
queue-view-open = Open
queue-view-all = All
queue-none = No requests here.
queue-oldest-first = oldest first
queue-newest-first = newest first
queue-action = Action
queue-waiting = waiting { $span }
credit-note = Credit note
credit-note-title = Credit note { $number }
credit-note-issued = Issued
credit-note-issued-by = Issued by
credit-note-issued-to = Issued to
credit-note-settles = Cancellation request
credit-note-approved-on = approved { $date }
credit-note-line = Credited purchase
credit-note-paid = Paid
credit-note-credited = Credited
credit-note-whole-line = 100% of the purchase
credit-note-effects = The purchase is cancelled: its product key was revoked and its download links disabled.
purchase-cancellation-rejected = Cancellation rejected
purchase-read-reply = { $number }: read the reply

## Activity log
nav-activity = Activity log
activity-title = Activity log
activity-export = Export CSV
activity-user = User (e-mail)
activity-action = Action
activity-from = From
activity-to = To
activity-at = When
activity-organisation = Organisation

activity-ip = Address
activity-detail = Details
activity-none = No activity matches.
activity-error-from = "From" must be a date such as 2026-11-01.
activity-error-to = "To" must be a date such as 2026-11-30.
activity-customer = Customer (name or domain)
activity-error-action = There is no such action.
activity-error-customer = None of your customers has that name or domain.
activity-error-customer-several = Several of your customers have that name: type the domain instead.
action-sign_in = Signed in
action-sign_in_failed = Sign-in failed
action-sign_out = Signed out
action-password_changed = Password changed
action-password_reset = Password reset
action-second_factor_enabled = Two-factor sign-in turned on
action-second_factor_disabled = Two-factor sign-in turned off
action-second_factor_required = Two-factor sign-in required
action-second_factor_optional = Two-factor sign-in made optional
action-customer_created = Customer created
action-order_placed = Order placed
action-key_revealed = Product key shown
action-file_downloaded = File downloaded
action-link_created = Download link created
action-link_renewed = Download link renewed
action-link_revoked = Download link revoked
action-link_download_counted = Download through a link
action-service_request_filed = Service request filed
action-cancellation_requested = Cancellation requested
action-cancellation_approved = Cancellation approved
action-cancellation_rejected = Cancellation rejected
action-service_request_closed = Service request closed
action-request_taken = Service request taken
action-user_invited = User invited
action-invitation_accepted = Invitation accepted
action-role_changed = Roles changed
action-user_deactivated = User deactivated
action-user_reactivated = User reactivated
action-partner_deactivated = Partner deactivated
action-partner_reactivated = Partner reactivated
action-demo_loaded = Demo data loaded
action-product_created = Product added to the catalog
action-product_updated = Product changed
action-keys_added = Product keys added
action-download_file_added = Download file added
action-api_token_created = API token made
action-api_token_revoked = API token revoked
activity-what = What happened
activity-table-label = Activity, newest first
activity-dates-hint = Times are UTC. Where your browser shows no calendar, type dates as 2026-11-01.
activity-error-range = "To" cannot be before "From".
activity-someone = Someone
activity-someone-command-line = Someone at the server's command line
activity-unknown-customer = an unknown customer
activity-unknown-product = an unknown product
activity-unknown-file = an unknown file
activity-unknown-user = an unknown user
activity-unknown-organisation = an unknown organisation
activity-unknown-request = an unknown request
activity-no-roles = no roles
activity-event-sign_in = { $actor } signed in
activity-event-sign_in-totp = { $actor } signed in with an authenticator code
activity-event-sign_in-recovery_code = { $actor } signed in with a recovery code
activity-event-sign_in_failed-bad_credentials = A sign-in as { $email } failed: wrong password
activity-event-sign_in_failed-no_account = A sign-in as { $email } failed: no account has that address
activity-event-sign_in_failed-deactivated = A sign-in as { $email } failed: the account is deactivated
activity-event-sign_in_failed-second_factor = A sign-in as { $email } failed: wrong second-factor code
activity-event-sign_in_failed-throttled = A sign-in as { $email } was held back after too many failed attempts
activity-event-sign_in_failed-other = A sign-in as { $email } failed
activity-event-sign_out = { $actor } signed out
activity-event-password_changed = { $actor } changed their password
activity-event-password_reset = { $actor } set a new password through a reset link
activity-event-second_factor_enabled = { $actor } turned on two-factor sign-in
activity-event-second_factor_disabled = { $actor } turned off two-factor sign-in
activity-event-second_factor_required = { $actor } required two-factor sign-in of everyone at { $organisation }
activity-event-second_factor_optional = { $actor } made two-factor sign-in optional at { $organisation }
activity-event-customer_created = { $actor } created the customer { $customer }
activity-event-order_placed = { $actor } placed an order for { $customer }
activity-event-key_revealed = { $actor } revealed the key of { $product } for { $customer }
activity-event-file_downloaded = { $actor } downloaded { $file } of { $product } for { $customer }
activity-event-link_created = { $actor } made a download link to { $file } of { $product } for { $customer }
activity-event-link_renewed = { $actor } renewed the download link to { $file } of { $product } for { $customer }
activity-event-link_revoked = { $actor } revoked a download link to { $file } of { $product } for { $customer }
activity-event-link_download_counted = { $file } of { $product } was downloaded through a link given to { $customer }
activity-event-service_request_filed = { $actor } filed service request { $request }
activity-event-service_request_filed-customer = { $actor } filed service request { $request } about { $customer }
activity-event-cancellation_requested = { $actor } asked to cancel { $product } for { $customer } (request { $request })
activity-event-cancellation_approved = { $actor } approved the cancellation of { $product } for { $customer } (request { $request })
activity-event-cancellation_rejected = { $actor } rejected the cancellation of { $product } for { $customer } (request { $request })
activity-event-service_request_closed = { $actor } closed service request { $request }
activity-event-request_taken = { $actor } took service request { $request }
activity-event-request_taken-over = { $actor } took over service request { $request } from another operator
activity-event-user_invited = { $actor } invited { $email } to { $organisation } as { $roles }
activity-event-invitation_accepted = { $actor } accepted an invitation and joined { $organisation }
activity-event-role_changed = { $actor } changed the roles of { $user } to { $roles }
activity-event-user_deactivated = { $actor } deactivated { $user }
activity-event-user_reactivated = { $actor } reactivated { $user }
activity-event-partner_deactivated = { $actor } deactivated the partner { $organisation }
activity-event-partner_reactivated = { $actor } reactivated the partner { $organisation }
activity-event-demo_loaded = The demo data was loaded
activity-event-product_created = { $actor } added { $product } to the catalog
activity-event-product_updated = { $actor } changed { $product } in the catalog
activity-event-keys_added = { $actor } added { $count ->
        [one] one key
       *[other] { $count } keys
    } to { $product }
activity-event-download_file_added = { $actor } added the file { $file } to { $product }
activity-event-api_token_created = { $actor } made an API token
activity-event-api_token_revoked = { $actor } revoked an API token
activity-detail-record = Record id
activity-detail-domain = Primary domain
activity-detail-products = Products
activity-detail-order-line = { $sku } × { $quantity }
activity-detail-purchases = Purchases
activity-detail-total = Total
activity-detail-link-downloads = Downloads through the link so far
activity-detail-problem-type = Type
activity-detail-attachments = Attachments
activity-detail-credit-note = Credit note
activity-detail-sku = SKU
activity-detail-version = Version
activity-detail-language = Language
activity-detail-platform = Platform
activity-detail-size = Size
activity-detail-sha256 = SHA-256
activity-detail-replaced = Replaced
activity-detail-variants-added = Variants added
activity-value-replaced = an earlier file of the same name
activity-value-none = none
activity-value-yes = yes
activity-value-no = no
activity-change = { $from } → { $to }
activity-change-name = Name
activity-change-family = Family
activity-change-kind = Kind
activity-change-term_months = Term (months)
activity-change-keys = Product keys
activity-change-downloads = Download files
activity-change-key_format = Key format
activity-change-unit_price_minor = Unit price
activity-change-currency = Currency
activity-change-restricted_countries = Not sold in
activity-change-low_stock_at = Low-stock warning at
activity-change-cancel_window_days = Days to cancel
activity-change-link_lifetime_days = Days a link works
activity-change-link_download_cap = Downloads a link allows

## People, invitations, passwords
nav-users = Users
users-title = Users
users-name = Name
users-roles = Roles
users-save-roles = Save roles
users-deactivate = Deactivate
users-reactivate = Reactivate
users-roles-saved = Roles of { $user } saved.
users-deactivated = { $user } was deactivated and signed out.
users-deactivate-confirm-title = Deactivate { $name }?
users-deactivate-confirm-signed-out = { $name } is signed out at once and can no longer sign in.
users-deactivate-confirm-kept = Nothing is deleted: what they did stays in the activity log, and Reactivate lets them sign in again.
users-deactivate-confirm = Deactivate user
users-deactivate-keep = Keep { $name } active
users-deactivate-confirm-js = Deactivate { $name }? They are signed out at once and can no longer sign in.
users-reactivated = { $user } can sign in again.
users-error-last-admin = A partner keeps at least one active global admin: make someone else a global admin first.
users-error-no-role = Choose at least one role.
invite-title = Invite a user
invite-email = E-mail address
invite-email-hint = The invitation link works once, for 7 days.
invite-send = Send invitation
invite-sent = An invitation was sent to { $email }. If that address already has an account, it gets a note saying so instead.
partner-new-title = New partner
partner-deactivated = The partner was deactivated: its users can no longer sign in.
partner-reactivated = The partner was reactivated.
customer-invite-admin = Invite the customer's global admin
customer-invite-admin-hint = They will see this customer's keys and downloads, nothing else.
error-email-taken = A user with this e-mail address exists already.
error-choose-role = Choose at least one role.
error-partner-taken = A partner with this name exists already.
invitation-title = Accept your invitation
invitation-name-required = Enter your name.
invitation-done = Your account is ready. Sign in with your new password.
set-password-for = For { $email }.
password-new = New password
password-confirm = New password again
password-current = Current password
password-save = Save password
password-rules = At least 12 characters. Long phrases are good; common passwords are refused.
password-too-short = The password must have at least 12 characters.
password-too-long = The password can have at most 128 characters.
password-common = This password is too common: it appears in lists of breached passwords. Choose another.
password-contains-email = The password must not contain your e-mail address.
password-mismatch = The two passwords differ.
password-current-wrong = The current password is not correct.
password-change-title = Change password
password-changed = Your password was changed; your other sessions were signed out.
password-reset-done = Your password was reset. Sign in with the new one.
forgot-link = Forgot your password?
forgot-title = Reset your password
forgot-submit = Send a reset link
forgot-sent = If an account uses this address, a link to reset its password is on its way. It works once, for an hour.
reset-title = Choose a new password
mail-invite-subject = You are invited to { $org } on the CSP Software Portal
mail-invite-body = You have been invited to the CSP Software Portal for { $org }. Open this link to choose your password (it works once, for { $days ->
        [one] 1 day
       *[other] { $days } days
    }): { $link }
mail-invite-existing-subject = Someone tried to invite you to { $org } on the CSP Software Portal
mail-invite-existing-body = Someone invited this address to { $org } on the CSP Software Portal, but it already has an account, so no invitation was made. Sign in as usual: { $link } (use "Forgot your password?" there if you need a new one). If you did not expect this, you can ignore this mail.
mail-reset-subject = Reset your CSP Software Portal password
mail-reset-body = Someone asked to reset the password of this account. Open this link to choose a new one (it works once, for { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }): { $link } If it was not you, ignore this mail.

## Reminder mail
mail-window-subject = 7 days left to cancel { $product }
mail-window-body = The purchase of { $product } for { $customer } can be cancelled for { $days ->
        [one] 1 more day
       *[other] { $days } more days
    }, until { $until }. After that it can no longer be cancelled.
mail-links-subject = Download links that expire on { $date }
mail-links-body = These download links stop working on { $date } (UTC). If customers still need them, press Copy link on the file under Get keys and downloads: that renews the link at the same address.
    { $links }

## Two-factor sign-in
code-title = Enter your sign-in code
code-label = Code from your authenticator app
code-hint = Six digits; or one of your recovery codes.
code-wrong = That code is not right, or it was used already.
two-factor-title = Two-factor sign-in
two-factor-on = Two-factor sign-in is on
two-factor-enable = Turn on two-factor sign-in
two-factor-disable = Turn off two-factor sign-in
two-factor-disabled = Two-factor sign-in is off.
two-factor-scan = Scan this code with an authenticator app, then enter the six digits it shows and your password.
two-factor-manual = Or type this key into the app:
two-factor-qr-alt = QR code for your authenticator app
two-factor-must-enrol = Your organisation requires two-factor sign-in: set it up to continue.
two-factor-required-note = Your organisation requires two-factor sign-in, so it cannot be turned off.
two-factor-required-cannot-disable = Your organisation requires two-factor sign-in.
two-factor-recovery-title = Your recovery codes
two-factor-recovery-hint = Keep these somewhere safe. Each works once if you lose your phone. They are shown only now.
two-factor-require-all = Require two-factor sign-in for every user of this partner
two-factor-now-required = Two-factor sign-in is now required for everyone here.
two-factor-now-optional = Two-factor sign-in is now optional here.

## API tokens (settings page) and the API's reference
api-tokens-title = API tokens
api-tokens-lead = A personal API token lets your own systems use the portal's API as you: with your organisation and your roles as they are when each request is made. Keep it secret, like a password.
api-tokens-made = Your new API token
api-tokens-made-once = Copy it now: it is shown only this once. The portal keeps only a fingerprint of it.
api-tokens-name = Name
api-tokens-name-hint = What it is for, e.g. "Billing sync".
api-tokens-expires-on = Expires on
api-tokens-expires-hint = Optional. It stops working at the end of this day (UTC).
api-tokens-create = Make token
api-tokens-yours = Your tokens
api-tokens-none = You have no API tokens.
api-tokens-created = Made
api-tokens-expires = Expires
api-tokens-last-used = Last used
api-tokens-state = State
api-tokens-actions = Actions
api-tokens-never = Never
api-tokens-state-active = Active
api-tokens-state-revoked = Revoked
api-tokens-state-expired = Expired
api-tokens-revoke = Revoke
api-tokens-revoked = The token was revoked. It no longer works.
api-tokens-revoke-confirm-title = Revoke this API token?
api-tokens-revoke-confirm-stops = Programs and scripts that use it are refused from their next request.
api-tokens-revoke-confirm-final = This cannot be undone. Make a new token for whatever still needs one.
api-tokens-revoke-confirm = Revoke token
api-tokens-revoke-keep = Keep the token
api-tokens-revoke-confirm-js = Revoke the API token { $name }? Programs that use it are refused from their next request. This cannot be undone.
error-token-expiry-past = Choose a day after today.
error-date = Enter a date as YYYY-MM-DD.
api-reference-title = API reference
api-reference-lead = Every operation of the portal's REST API, read from its OpenAPI 3.1 document. Send your token in an Authorization: Bearer header.
api-reference-document = The OpenAPI document (JSON)
api-reference-operations = Operations
api-reference-parameters = Parameters
api-reference-name = Name
api-reference-in = In
api-reference-required = Required
api-reference-description = Description
api-reference-yes = Yes
api-reference-no = No
api-reference-body = Request body:
api-reference-responses = Responses
api-reference-status = Status
api-reference-problems = Problems
api-reference-problems-lead = Errors are RFC 9457 problem details (application/problem+json); each kind has a type of its own.
api-problem-bad-request = The request is malformed
api-problem-bad-request-detail = The request could not be read.
api-problem-json = The body is not the JSON this operation takes.
api-problem-query = A query parameter is not valid.
api-problem-nul = Text may not hold a NUL character.
api-problem-cursor = The cursor is not one this list gave.
api-problem-idempotency-key = The Idempotency-Key header must be a UUID.
api-problem-idempotency-key-reused = This Idempotency-Key was sent before with another basket. Send the same order again, or make a new key for a new order.
api-problem-unauthorized = A valid API token is required
api-problem-forbidden = Your roles do not allow this
api-problem-forbidden-detail = This needs one of these roles: { $roles }.
api-problem-second-factor-required = Set up a second factor first
api-problem-not-found = Not found
api-problem-gone = No longer available
api-problem-domain-taken = The primary domain is taken
api-problem-out-of-keys = A product is out of keys
api-problem-purchase-not-active = The purchase is not active
api-problem-already-decided = The request was decided already
api-problem-not-a-cancellation = The request is not a cancellation
api-problem-not-a-cancellation-detail = Only cancellations are approved or rejected.
api-problem-validation = The input is not valid
api-problem-too-large = The request is too large
api-problem-rate-limited = Too many requests
api-problem-rate-limited-detail = This token has made too many requests; try again in { $seconds } seconds.
api-problem-unavailable = The portal is unavailable
api-problem-internal = Something went wrong
api-error-limit = Choose a number from 1 to { $max }.
api-error-status = Choose active, cancellation_requested, cancelled or cancellable.
api-error-queue-view = Choose open, submitted, in_progress, approved, rejected, closed or all.
api-error-duplicate-product = Name each product once.
