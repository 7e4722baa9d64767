-- Two-factor sign-in: see the SQLite migration.
ALTER TABLE users ADD COLUMN totp_ciphertext BYTEA;
ALTER TABLE users ADD COLUMN totp_nonce BYTEA;
ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE organisations ADD COLUMN require_2fa BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE recovery_codes (
    user_id    UUID NOT NULL REFERENCES users(id),
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);
