-- Renewal in place and the link history: see migrations/sqlite/0013_links_renewal.sql.
ALTER TABLE download_links ADD COLUMN renewed_at TIMESTAMPTZ;
ALTER TABLE download_links ADD COLUMN renewed_by UUID REFERENCES users(id);
ALTER TABLE download_links ADD COLUMN downloads_before BIGINT NOT NULL DEFAULT 0;
ALTER TABLE download_links ADD COLUMN used_up_at TIMESTAMPTZ;
