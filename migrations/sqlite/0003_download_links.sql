-- Download links: an unguessable token (stored only as its SHA-256) for one
-- subscription's file, with an expiry and a download cap taken from the
-- product's policy when the link is made.
CREATE TABLE download_links (
    id                BLOB PRIMARY KEY NOT NULL,
    subscription_id   BLOB NOT NULL REFERENCES subscriptions(id),
    download_file_id  BLOB NOT NULL REFERENCES download_files(id),
    token_hash        TEXT NOT NULL UNIQUE,
    created_by        BLOB REFERENCES users(id),
    created_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL,
    downloads_used    INTEGER NOT NULL DEFAULT 0,
    download_cap      INTEGER NOT NULL,
    revoked_at        TEXT,
    revoked_by        BLOB REFERENCES users(id),
    CHECK (downloads_used <= download_cap)
);
CREATE INDEX download_links_subscription ON download_links (subscription_id, created_at DESC);
