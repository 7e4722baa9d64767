-- Reminders already sent: the primary key is the claim, so with several
-- instances on one database each reminder goes out exactly once.
CREATE TABLE reminders_sent (
    kind        TEXT NOT NULL,
    subject_id  BLOB NOT NULL,
    period      TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (kind, subject_id, period)
);
