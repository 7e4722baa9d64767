-- Foundation: organisations (vendor, partners, customers), users and roles,
-- server-side sessions, sign-in throttling and the append-only audit log.
-- Same shape as migrations/sqlite/0001_foundation.sql.

CREATE TABLE organisations (
    id              UUID PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('vendor', 'partner', 'customer')),
    name            TEXT NOT NULL,
    partner_id      UUID REFERENCES organisations(id),
    tenant_guid     UUID UNIQUE,
    primary_domain  TEXT UNIQUE,
    country         TEXT,
    billing_name    TEXT,
    billing_email   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    deactivated_at  TIMESTAMPTZ,
    CHECK ((kind = 'customer') = (partner_id IS NOT NULL))
);
CREATE INDEX organisations_partner_name ON organisations (partner_id, name, id);
CREATE UNIQUE INDEX organisations_unique_partner_name ON organisations (lower(name)) WHERE kind <> 'customer';

CREATE TABLE users (
    id               UUID PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations(id),
    email            TEXT NOT NULL UNIQUE,
    password_hash    TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    phone            TEXT,
    locale           TEXT NOT NULL DEFAULT 'en-US',
    created_at       TIMESTAMPTZ NOT NULL,
    deactivated_at   TIMESTAMPTZ
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE user_roles (
    user_id  UUID NOT NULL REFERENCES users(id),
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    state         TEXT NOT NULL,
    user_id       UUID REFERENCES users(id),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    -- The absolute end: idle extensions never go past it.
    ends_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE sign_in_failures (
    key           TEXT PRIMARY KEY,
    window_start  TIMESTAMPTZ NOT NULL,
    count         BIGINT NOT NULL
);

CREATE TABLE audit_events (
    id               UUID PRIMARY KEY,
    at               TIMESTAMPTZ NOT NULL,
    organisation_id  UUID REFERENCES organisations(id),
    actor_user_id    UUID REFERENCES users(id),
    action           TEXT NOT NULL,
    subject_type     TEXT,
    subject_id       UUID,
    customer_id      UUID REFERENCES organisations(id),
    ip               TEXT,
    detail           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_org_at ON audit_events (organisation_id, at DESC, id);
CREATE INDEX audit_events_at ON audit_events (at DESC, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
