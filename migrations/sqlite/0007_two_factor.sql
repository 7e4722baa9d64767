-- Two-factor sign-in: a TOTP secret per user (encrypted like product keys),
-- the last time step accepted (a code works once), one-time recovery codes
-- (stored hashed), and whether an organisation requires a second factor.
ALTER TABLE users ADD COLUMN totp_ciphertext BLOB;
ALTER TABLE users ADD COLUMN totp_nonce BLOB;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
ALTER TABLE organisations ADD COLUMN require_2fa BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE recovery_codes (
    user_id    BLOB NOT NULL REFERENCES users(id),
    code_hash  TEXT NOT NULL,
    used_at    TEXT,
    PRIMARY KEY (user_id, code_hash)
);
