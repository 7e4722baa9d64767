-- Personal API tokens (issue 15). Only a SHA-256 of the token is kept: the
-- token is 256 random bits, so a fast hash is as safe as a slow one and
-- costs nothing per request. The token carries no roles of its own: each
-- request reads its user's current roles, so shrinking them shrinks it.
CREATE TABLE api_tokens (
    id            BLOB PRIMARY KEY NOT NULL,
    user_id       BLOB NOT NULL REFERENCES users(id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    expires_at    TEXT,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at DESC);
