-- An order's idempotency key is the review page's, so it only has to be
-- unique for one partner's orders for one customer. Unique across the portal,
-- another partner's key answered 500 (found by the insert, not by the
-- partner's own look-up) and told that the key was in use elsewhere.
ALTER TABLE orders DROP CONSTRAINT orders_idempotency_key_key;
CREATE UNIQUE INDEX orders_idempotency ON orders (partner_id, customer_id, idempotency_key);
