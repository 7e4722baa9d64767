-- Foundation: organisations (vendor, partners, customers), users and roles,
-- server-side sessions, sign-in throttling and the append-only audit log.
-- Ids are UUIDs (16-byte blobs here, uuid on PostgreSQL); times are UTC.

CREATE TABLE organisations (
    id              BLOB PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('vendor', 'partner', 'customer')),
    name            TEXT NOT NULL,
    partner_id      BLOB REFERENCES organisations(id),
    tenant_guid     BLOB UNIQUE,
    primary_domain  TEXT UNIQUE,
    country         TEXT,
    billing_name    TEXT,
    billing_email   TEXT,
    created_at      TEXT NOT NULL,
    deactivated_at  TEXT,
    CHECK ((kind = 'customer') = (partner_id IS NOT NULL))
);
CREATE INDEX organisations_partner_name ON organisations (partner_id, name, id);
CREATE UNIQUE INDEX organisations_unique_partner_name ON organisations (lower(name)) WHERE kind <> 'customer';

CREATE TABLE users (
    id               BLOB PRIMARY KEY NOT NULL,
    organisation_id  BLOB NOT NULL REFERENCES organisations(id),
    email            TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    phone            TEXT,
    locale           TEXT NOT NULL DEFAULT 'en-US',
    created_at       TEXT NOT NULL,
    deactivated_at   TEXT
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE user_roles (
    user_id  BLOB NOT NULL REFERENCES users(id),
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- The session key is only ever stored as its SHA-256, so a copy of this table
-- does not hold live sessions.
CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY NOT NULL,
    state         TEXT NOT NULL,
    user_id       BLOB REFERENCES users(id),
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    -- The absolute end: idle extensions never go past it.
    ends_at       TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE sign_in_failures (
    key           TEXT PRIMARY KEY NOT NULL,
    window_start  TEXT NOT NULL,
    count         INTEGER NOT NULL
);

CREATE TABLE audit_events (
    id               BLOB PRIMARY KEY NOT NULL,
    at               TEXT NOT NULL,
    organisation_id  BLOB REFERENCES organisations(id),
    actor_user_id    BLOB REFERENCES users(id),
    action           TEXT NOT NULL,
    subject_type     TEXT,
    subject_id       BLOB,
    customer_id      BLOB REFERENCES organisations(id),
    ip               TEXT,
    detail           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_org_at ON audit_events (organisation_id, at DESC, id);
CREATE INDEX audit_events_at ON audit_events (at DESC, id);

-- The log is append-only: the database refuses changes, not only the code.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
