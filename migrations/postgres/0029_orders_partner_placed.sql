-- A partner's view of a customer's orders (`customer_id = ? AND partner_id
-- = ?`, newest first) in an index of its own order. The only index leading
-- with both columns was the idempotency key's, and PostgreSQL's generic plan,
-- which every pooled connection runs, took it and sorted all of the
-- customer's orders through that partner on every page of the Orders tab
-- (found by tests/api/orders.rs's plan test, issue 11).
CREATE INDEX orders_partner_customer_placed ON orders (partner_id, customer_id, placed_at, id);
