-- Service requests, attachments, credit notes: see the SQLite migration.
CREATE TABLE service_requests (
    id                UUID PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    partner_id        UUID NOT NULL REFERENCES organisations(id),
    filed_by          UUID REFERENCES users(id),
    filed_at          TIMESTAMPTZ NOT NULL,
    idempotency_key   UUID NOT NULL UNIQUE,
    problem_type      TEXT NOT NULL,
    impact            TEXT NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    customer_id       UUID REFERENCES organisations(id),
    subscription_id   UUID REFERENCES subscriptions(id),
    refund_reason     TEXT,
    requested_minor   BIGINT,
    currency          TEXT,
    contact_name      TEXT NOT NULL,
    contact_email     TEXT NOT NULL,
    contact_phone     TEXT NOT NULL,
    status            TEXT NOT NULL,
    decided_by        UUID REFERENCES users(id),
    decided_at        TIMESTAMPTZ,
    reply             TEXT
);
CREATE INDEX service_requests_partner ON service_requests (partner_id, filed_at DESC, id);
CREATE INDEX service_requests_queue ON service_requests (status, filed_at, id);
-- At most one open cancellation per purchase.
CREATE UNIQUE INDEX service_requests_one_open_refund ON service_requests (subscription_id)
    WHERE subscription_id IS NOT NULL AND status IN ('submitted', 'in_progress');

CREATE TABLE attachments (
    id                  UUID PRIMARY KEY,
    service_request_id  UUID NOT NULL REFERENCES service_requests(id),
    original_name       TEXT NOT NULL,
    content_type        TEXT NOT NULL,
    size_bytes          BIGINT NOT NULL,
    storage_name        TEXT NOT NULL,
    sha256              TEXT NOT NULL
);
CREATE INDEX attachments_request ON attachments (service_request_id);

CREATE TABLE credit_notes (
    id                  UUID PRIMARY KEY,
    subscription_id     UUID NOT NULL UNIQUE REFERENCES subscriptions(id),
    service_request_id  UUID NOT NULL REFERENCES service_requests(id),
    partner_id          UUID NOT NULL REFERENCES organisations(id),
    customer_id         UUID NOT NULL REFERENCES organisations(id),
    amount_minor        BIGINT NOT NULL,
    currency            TEXT NOT NULL,
    issued_at           TIMESTAMPTZ NOT NULL
);
