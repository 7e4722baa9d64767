-- no-transaction
-- A customer's primary domain is unique among one partner's customers, not
-- across the portal: a check across partners told a partner that another
-- partner had a customer with that domain. Two partners may each have a
-- customer that names the same domain (nothing looks a customer up by its
-- domain outside one partner's scope).
--
-- SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt
-- the documented way (https://sqlite.org/lang_altertable.html#otheralter):
-- foreign keys off for the copy, which only works outside a transaction, so
-- this file opens its own.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE organisations_new (
    id              BLOB PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('vendor', 'partner', 'customer')),
    name            TEXT NOT NULL,
    partner_id      BLOB REFERENCES organisations(id),
    tenant_guid     BLOB UNIQUE,
    primary_domain  TEXT,
    country         TEXT,
    billing_name    TEXT,
    billing_email   TEXT,
    created_at      TEXT NOT NULL,
    deactivated_at  TEXT,
    require_2fa     BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK ((kind = 'customer') = (partner_id IS NOT NULL))
);
INSERT INTO organisations_new (id, kind, name, partner_id, tenant_guid, primary_domain, country,
                               billing_name, billing_email, created_at, deactivated_at, require_2fa)
    SELECT id, kind, name, partner_id, tenant_guid, primary_domain, country,
           billing_name, billing_email, created_at, deactivated_at, require_2fa FROM organisations;
DROP TABLE organisations;
ALTER TABLE organisations_new RENAME TO organisations;
CREATE INDEX organisations_partner_name ON organisations (partner_id, name, id);
CREATE UNIQUE INDEX organisations_unique_partner_name ON organisations (lower(name)) WHERE kind <> 'customer';
CREATE UNIQUE INDEX organisations_partner_domain ON organisations (partner_id, primary_domain);
COMMIT;
PRAGMA foreign_keys = ON;
