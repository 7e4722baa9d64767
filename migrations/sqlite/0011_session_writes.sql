-- Sessions are touched (last_seen_at, expires_at) at most once a minute.
-- An index on expires_at would make each touch a new row version in every
-- index on PostgreSQL (no in-place HOT update); the purge that used it runs
-- every few minutes and can scan the table instead.
DROP INDEX sessions_expires;
