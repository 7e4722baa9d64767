-- One-time tokens for invitations and password resets (stored as SHA-256).
CREATE TABLE user_tokens (
    id               UUID PRIMARY KEY,
    token_hash       TEXT NOT NULL UNIQUE,
    purpose          TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    email            TEXT NOT NULL,
    organisation_id  UUID NOT NULL REFERENCES organisations(id),
    roles            TEXT NOT NULL DEFAULT '',
    user_id          UUID REFERENCES users(id),
    created_by       UUID REFERENCES users(id),
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    used_at          TIMESTAMPTZ
);
CREATE INDEX user_tokens_org ON user_tokens (organisation_id, created_at DESC);
