-- The software list's capped count reads up to 1,001 entries of this index
-- and checks each against the partner scope; with partner_id in the index
-- (SQLite has no INCLUDE: a last key column, which changes no order the
-- list reads) the count never visits the table.
DROP INDEX subscriptions_customer_purchased;
CREATE INDEX subscriptions_customer_purchased ON subscriptions (customer_id, purchased_at, id, partner_id);
