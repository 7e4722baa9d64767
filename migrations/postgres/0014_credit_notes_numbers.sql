-- Credit-note numbers per partner without gaps, the operator who took a
-- request: see the SQLite migration.
ALTER TABLE credit_notes ADD COLUMN number BIGINT;
UPDATE credit_notes c SET number = n.rn
    FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY partner_id ORDER BY issued_at, id) AS rn
          FROM credit_notes) n
    WHERE n.id = c.id;
ALTER TABLE credit_notes ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX credit_notes_partner_number ON credit_notes (partner_id, number);
CREATE UNIQUE INDEX credit_notes_request ON credit_notes (service_request_id);

CREATE TABLE credit_note_counters (
    partner_id   UUID PRIMARY KEY REFERENCES organisations(id),
    last_number  BIGINT NOT NULL
);
INSERT INTO credit_note_counters (partner_id, last_number)
    SELECT partner_id, MAX(number) FROM credit_notes GROUP BY partner_id;

ALTER TABLE service_requests ADD COLUMN taken_by UUID REFERENCES users(id);
ALTER TABLE service_requests ADD COLUMN taken_at TIMESTAMPTZ;
CREATE INDEX service_requests_subscription ON service_requests (subscription_id, status, decided_at);
