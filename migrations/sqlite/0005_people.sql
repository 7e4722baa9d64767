-- One-time tokens for invitations and password resets (stored as SHA-256).
CREATE TABLE user_tokens (
    id               BLOB PRIMARY KEY NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    purpose          TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    email            TEXT NOT NULL,
    organisation_id  BLOB NOT NULL REFERENCES organisations(id),
    roles            TEXT NOT NULL DEFAULT '',
    user_id          BLOB REFERENCES users(id),
    created_by       BLOB REFERENCES users(id),
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT
);
CREATE INDEX user_tokens_org ON user_tokens (organisation_id, created_at DESC);
