-- Credit notes are documents: numbered 1, 2, 3... per partner, without gaps.
-- The partner's counter row is bumped in the approving transaction, so a
-- rollback gives its number back and concurrent approvals queue on the row
-- (a MAX(number) + 1 would hand two of them the same number).
ALTER TABLE credit_notes ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
UPDATE credit_notes SET number = (
    SELECT COUNT(*) FROM credit_notes c2
    WHERE c2.partner_id = credit_notes.partner_id
      AND (c2.issued_at, c2.id) <= (credit_notes.issued_at, credit_notes.id)
);
CREATE UNIQUE INDEX credit_notes_partner_number ON credit_notes (partner_id, number);
CREATE UNIQUE INDEX credit_notes_request ON credit_notes (service_request_id);

CREATE TABLE credit_note_counters (
    partner_id   BLOB PRIMARY KEY NOT NULL REFERENCES organisations(id),
    last_number  INTEGER NOT NULL
);
INSERT INTO credit_note_counters (partner_id, last_number)
    SELECT partner_id, MAX(number) FROM credit_notes GROUP BY partner_id;

-- The operator who took an open request ("in progress"), and when.
ALTER TABLE service_requests ADD COLUMN taken_by BLOB REFERENCES users(id);
ALTER TABLE service_requests ADD COLUMN taken_at TEXT;
-- A purchase's requests, newest last: its page shows the last rejection.
CREATE INDEX service_requests_subscription ON service_requests (subscription_id, status, decided_at);
