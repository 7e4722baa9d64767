-- How many purchases each customer holds through each partner, kept by the
-- triggers below: the software list's "of 1,004" is one row read, where a
-- count read up to 1,001 entries of subscriptions_customer_purchased on
-- every page (a third of the list statement's time, bench/RESULTS.md).
-- Triggers, not the code that orders, so that no path that writes a
-- purchase (an order, the bulk loader, a test) can leave the count behind.
CREATE TABLE purchase_counts (
    customer_id UUID NOT NULL REFERENCES organisations(id),
    partner_id  UUID NOT NULL REFERENCES organisations(id),
    purchases   BIGINT NOT NULL CHECK (purchases >= 0),
    PRIMARY KEY (customer_id, partner_id)
);

INSERT INTO purchase_counts (customer_id, partner_id, purchases)
SELECT customer_id, partner_id, COUNT(*) FROM subscriptions GROUP BY customer_id, partner_id;

-- Once per statement, over its rows grouped: a row trigger updated a
-- customer's count once per purchase, and every update of one row in one
-- transaction is a new version of it that the next must step over, so the
-- bulk loader's batches of 10,000 took seconds each.
CREATE FUNCTION purchase_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO purchase_counts (customer_id, partner_id, purchases)
    SELECT customer_id, partner_id, COUNT(*) FROM added GROUP BY customer_id, partner_id
    ON CONFLICT (customer_id, partner_id)
    DO UPDATE SET purchases = purchase_counts.purchases + EXCLUDED.purchases;
    RETURN NULL;
END $$;

CREATE FUNCTION purchase_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE purchase_counts pc SET purchases = pc.purchases - r.n
    FROM (SELECT customer_id, partner_id, COUNT(*) AS n FROM removed
          GROUP BY customer_id, partner_id) r
    WHERE pc.customer_id = r.customer_id AND pc.partner_id = r.partner_id;
    RETURN NULL;
END $$;

CREATE TRIGGER purchases_added AFTER INSERT ON subscriptions
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION purchase_counts_add();

CREATE TRIGGER purchases_removed AFTER DELETE ON subscriptions
REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION purchase_counts_remove();

-- A purchase moved to another customer or partner (no path of the portal
-- does this; a repair by hand might): per row, as a statement trigger with
-- transition tables cannot name the columns it watches.
CREATE FUNCTION purchase_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE purchase_counts SET purchases = purchases - 1
    WHERE customer_id = OLD.customer_id AND partner_id = OLD.partner_id;
    INSERT INTO purchase_counts (customer_id, partner_id, purchases)
    VALUES (NEW.customer_id, NEW.partner_id, 1)
    ON CONFLICT (customer_id, partner_id)
    DO UPDATE SET purchases = purchase_counts.purchases + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER purchases_moved AFTER UPDATE OF customer_id, partner_id ON subscriptions
FOR EACH ROW EXECUTE FUNCTION purchase_counts_move();
