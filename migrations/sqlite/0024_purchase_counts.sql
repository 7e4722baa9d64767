-- How many purchases each customer holds through each partner, kept by the
-- triggers below: the software list's "of 1,004" is one row read, where a
-- count read up to 1,001 entries of subscriptions_customer_purchased on
-- every page (a third of the list statement's time, bench/RESULTS.md).
-- Triggers, not the code that orders, so that no path that writes a
-- purchase (an order, the bulk loader, a test) can leave the count behind.
CREATE TABLE purchase_counts (
    customer_id BLOB NOT NULL REFERENCES organisations(id),
    partner_id  BLOB NOT NULL REFERENCES organisations(id),
    purchases   INTEGER NOT NULL CHECK (purchases >= 0),
    PRIMARY KEY (customer_id, partner_id)
) WITHOUT ROWID;

INSERT INTO purchase_counts (customer_id, partner_id, purchases)
SELECT customer_id, partner_id, COUNT(*) FROM subscriptions GROUP BY customer_id, partner_id;

CREATE TRIGGER purchase_counted AFTER INSERT ON subscriptions BEGIN
    INSERT INTO purchase_counts (customer_id, partner_id, purchases)
    VALUES (NEW.customer_id, NEW.partner_id, 1)
    ON CONFLICT (customer_id, partner_id) DO UPDATE SET purchases = purchases + 1;
END;

CREATE TRIGGER purchase_uncounted AFTER DELETE ON subscriptions BEGIN
    UPDATE purchase_counts SET purchases = purchases - 1
    WHERE customer_id = OLD.customer_id AND partner_id = OLD.partner_id;
END;

CREATE TRIGGER purchase_recounted AFTER UPDATE OF customer_id, partner_id ON subscriptions BEGIN
    UPDATE purchase_counts SET purchases = purchases - 1
    WHERE customer_id = OLD.customer_id AND partner_id = OLD.partner_id;
    INSERT INTO purchase_counts (customer_id, partner_id, purchases)
    VALUES (NEW.customer_id, NEW.partner_id, 1)
    ON CONFLICT (customer_id, partner_id) DO UPDATE SET purchases = purchases + 1;
END;
