-- Renewing a download link extends it in place (docs/links.md): a new
-- period of the product's lifetime and cap from the renewal, at the same
-- address. These keep what the links table and its history show: who
-- renewed it last and when, the downloads of the periods before, and when
-- its last allowed download was counted (why and when a link ended).
ALTER TABLE download_links ADD COLUMN renewed_at TEXT;
ALTER TABLE download_links ADD COLUMN renewed_by BLOB REFERENCES users(id);
ALTER TABLE download_links ADD COLUMN downloads_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE download_links ADD COLUMN used_up_at TEXT;
