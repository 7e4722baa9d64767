-- How many purchases each customer holds through each partner, kept by the
-- trigger below: the software list's "of 1,004" is one row read, where a
-- count read up to 1,001 entries of subscriptions_customer_purchased on
-- every page (a third of the list statement's time, bench/RESULTS.md).
-- A trigger, not the code that orders, so that no path that writes a
-- purchase (an order, the bulk loader, a test) can leave the count behind.
CREATE TABLE purchase_counts (
    customer_id UUID NOT NULL REFERENCES organisations(id),
    partner_id  UUID NOT NULL REFERENCES organisations(id),
    purchases   BIGINT NOT NULL CHECK (purchases >= 0),
    PRIMARY KEY (customer_id, partner_id)
);

INSERT INTO purchase_counts (customer_id, partner_id, purchases)
SELECT customer_id, partner_id, COUNT(*) FROM subscriptions GROUP BY customer_id, partner_id;

CREATE FUNCTION purchase_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE purchase_counts SET purchases = purchases - 1
        WHERE customer_id = OLD.customer_id AND partner_id = OLD.partner_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO purchase_counts (customer_id, partner_id, purchases)
        VALUES (NEW.customer_id, NEW.partner_id, 1)
        ON CONFLICT (customer_id, partner_id)
        DO UPDATE SET purchases = purchase_counts.purchases + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER purchase_counted
AFTER INSERT OR DELETE OR UPDATE OF customer_id, partner_id ON subscriptions
FOR EACH ROW EXECUTE FUNCTION purchase_counts_keep();
