-- Attempts (sign-in, second factor, current password, reset mail) counted
-- per key with growing delays instead of lockouts. Times are epoch
-- milliseconds so that one statement's arithmetic runs on both stores.
DROP TABLE sign_in_failures;

CREATE TABLE throttle (
    key         TEXT PRIMARY KEY NOT NULL,
    attempts    BIGINT NOT NULL,
    delay_ms    BIGINT NOT NULL,
    next_at_ms  BIGINT NOT NULL,
    last_at_ms  BIGINT NOT NULL
);
CREATE INDEX throttle_last_at ON throttle (last_at_ms);
