-- Reminders already sent: see the SQLite migration.
CREATE TABLE reminders_sent (
    kind        TEXT NOT NULL,
    subject_id  UUID NOT NULL,
    period      TEXT NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, subject_id, period)
);
