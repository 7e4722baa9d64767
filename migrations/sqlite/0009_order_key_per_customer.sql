-- no-transaction
-- An order's idempotency key is the review page's, so it only has to be
-- unique for one partner's orders for one customer. Unique across the portal,
-- another partner's key answered 500 (found by the insert, not by the
-- partner's own look-up) and told that the key was in use elsewhere.
--
-- SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt
-- the documented way (https://sqlite.org/lang_altertable.html#otheralter):
-- foreign keys off for the copy, which only works outside a transaction, so
-- this file opens its own.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE orders_new (
    id               BLOB PRIMARY KEY NOT NULL,
    customer_id      BLOB NOT NULL REFERENCES organisations(id),
    partner_id       BLOB NOT NULL REFERENCES organisations(id),
    placed_by        BLOB REFERENCES users(id),
    placed_at        TEXT NOT NULL,
    idempotency_key  BLOB NOT NULL,
    total_minor      INTEGER NOT NULL,
    currency         TEXT NOT NULL,
    status           TEXT NOT NULL
);
INSERT INTO orders_new (id, customer_id, partner_id, placed_by, placed_at, idempotency_key, total_minor, currency, status)
    SELECT id, customer_id, partner_id, placed_by, placed_at, idempotency_key, total_minor, currency, status FROM orders;
DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at DESC, id);
CREATE UNIQUE INDEX orders_idempotency ON orders (partner_id, customer_id, idempotency_key);
COMMIT;
PRAGMA foreign_keys = ON;
