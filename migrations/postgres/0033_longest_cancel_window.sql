-- The longest cancellation window any purchase of a product was given, in
-- whole days rounded up: "cancellable now" reads only the purchases made
-- since the longest window began (`store::software`), where it read all of
-- a customer's active purchases from the oldest and kept those still inside
-- their window (83,730 passed over to find 16,274 on the 1M data set, 35-45
-- ms a statement). Not the product's window: the vendor has shortened
-- windows (SPEC 3.4), and a purchase keeps the one it got. Kept by triggers
-- on what purchases hold, as purchase_counts (0024) is, so that no path
-- that writes a purchase can leave it short.
ALTER TABLE products ADD COLUMN longest_cancel_window_days BIGINT NOT NULL DEFAULT 0;

UPDATE products p SET longest_cancel_window_days = w.days
FROM (SELECT product_id, max(ceil(extract(epoch FROM cancel_until - purchased_at) / 86400))::BIGINT AS days
      FROM subscriptions GROUP BY product_id) w
WHERE p.id = w.product_id AND w.days > 0;

-- Once per statement, over its rows grouped by product (the bulk loader
-- inserts 10,000 at a time); an update only where the window grows, so an
-- order does not lock its product's row.
CREATE FUNCTION purchase_windows_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products p SET longest_cancel_window_days = w.days
    FROM (SELECT product_id, max(ceil(extract(epoch FROM cancel_until - purchased_at) / 86400))::BIGINT AS days
          FROM added GROUP BY product_id) w
    WHERE p.id = w.product_id AND p.longest_cancel_window_days < w.days;
    RETURN NULL;
END $$;

CREATE TRIGGER purchase_windows_noted AFTER INSERT ON subscriptions
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION purchase_windows_note();

-- A purchase's dates or product changed (no path of the portal does this; a
-- repair by hand might): per row, as a statement trigger with transition
-- tables cannot name the columns it watches.
CREATE FUNCTION purchase_window_renote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE products p SET longest_cancel_window_days = w.days
    FROM (SELECT ceil(extract(epoch FROM NEW.cancel_until - NEW.purchased_at) / 86400)::BIGINT AS days) w
    WHERE p.id = NEW.product_id AND p.longest_cancel_window_days < w.days;
    RETURN NULL;
END $$;

CREATE TRIGGER purchase_window_renoted AFTER UPDATE OF product_id, purchased_at, cancel_until ON subscriptions
FOR EACH ROW EXECUTE FUNCTION purchase_window_renote();

-- The count of the purchases cancellable now reads up to 1,001 entries of
-- this index from the bound above; with the window's end and the partner
-- in it, an index-only scan (0.29 ms on the 1M data set, where 1,001 rows
-- read from the table took 0.76 ms).
DROP INDEX subscriptions_customer_status_purchased;
CREATE INDEX subscriptions_customer_status_purchased
    ON subscriptions (customer_id, status, purchased_at, id) INCLUDE (partner_id, cancel_until);
