-- The software list filtered by status ("active", "cancellable now", ...)
-- reads only the customer's purchases in that status, in purchase order
-- either way: the keyset condition (purchased_at, id) < (?, ?) or > (?, ?)
-- seeks in it as it does in subscriptions_customer_purchased.
CREATE INDEX subscriptions_customer_status_purchased ON subscriptions (customer_id, status, purchased_at, id);
