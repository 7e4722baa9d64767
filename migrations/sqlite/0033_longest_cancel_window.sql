-- The longest cancellation window any purchase of a product was given, in
-- whole days rounded up (at least that): "cancellable now" reads only the
-- purchases made since the longest window began (`store::software`), where
-- it read all of a customer's active purchases from the oldest and kept
-- those still inside their window (83,730 passed over to find 16,274 on the
-- 1M data set, 35-45 ms a statement). Not the product's window: the vendor
-- has shortened windows (SPEC 3.4), and a purchase keeps the one it got.
-- Kept by triggers on what purchases hold, as purchase_counts (0024) is, so
-- that no path that writes a purchase can leave it short.
ALTER TABLE products ADD COLUMN longest_cancel_window_days INTEGER NOT NULL DEFAULT 0;

UPDATE products SET longest_cancel_window_days = w.days
FROM (SELECT product_id,
             CAST(max(julianday(cancel_until) - julianday(purchased_at)) AS INTEGER) + 1 AS days
      FROM subscriptions GROUP BY product_id) w
WHERE products.id = w.product_id AND w.days > 0;

CREATE TRIGGER purchase_window_noted AFTER INSERT ON subscriptions BEGIN
    UPDATE products
    SET longest_cancel_window_days =
        CAST(julianday(NEW.cancel_until) - julianday(NEW.purchased_at) AS INTEGER) + 1
    WHERE id = NEW.product_id AND longest_cancel_window_days <
        CAST(julianday(NEW.cancel_until) - julianday(NEW.purchased_at) AS INTEGER) + 1;
END;

CREATE TRIGGER purchase_window_renoted
AFTER UPDATE OF product_id, purchased_at, cancel_until ON subscriptions BEGIN
    UPDATE products
    SET longest_cancel_window_days =
        CAST(julianday(NEW.cancel_until) - julianday(NEW.purchased_at) AS INTEGER) + 1
    WHERE id = NEW.product_id AND longest_cancel_window_days <
        CAST(julianday(NEW.cancel_until) - julianday(NEW.purchased_at) AS INTEGER) + 1;
END;

-- The count of the purchases cancellable now reads up to 1,001 entries of
-- this index from the bound above; with the window's end and the partner
-- in it, it reads no row of the table (1,001 lookups took about 0.8 ms).
DROP INDEX subscriptions_customer_status_purchased;
CREATE INDEX subscriptions_customer_status_purchased
    ON subscriptions (customer_id, status, purchased_at, id, partner_id, cancel_until);
