-- Download links: see migrations/sqlite/0003_download_links.sql.
CREATE TABLE download_links (
    id                UUID PRIMARY KEY,
    subscription_id   UUID NOT NULL REFERENCES subscriptions(id),
    download_file_id  UUID NOT NULL REFERENCES download_files(id),
    token_hash        TEXT NOT NULL UNIQUE,
    created_by        UUID REFERENCES users(id),
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    downloads_used    BIGINT NOT NULL DEFAULT 0,
    download_cap      BIGINT NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_by        UUID REFERENCES users(id),
    CHECK (downloads_used <= download_cap)
);
CREATE INDEX download_links_subscription ON download_links (subscription_id, created_at DESC);
