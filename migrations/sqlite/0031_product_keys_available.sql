-- A product's free keys, and only those: what an order takes a key from
-- and what the stock counts read (`subscription_id IS NULL AND revoked_at IS
-- NULL`, written out in those statements). PostgreSQL's generic plan read
-- the free keys of every product through the unique index on
-- subscription_id and kept the product's: 2,394 entries passed over to take
-- one key, inside the order's transaction, on the 1k data set (0.75 ms ->
-- 0.17 ms; the count 0.81 -> 0.20 ms). Found by an audit of every page's
-- statements under force_generic_plan (bench/RESULTS.md).
CREATE INDEX product_keys_available ON product_keys (product_id, id)
    WHERE subscription_id IS NULL AND revoked_at IS NULL;
