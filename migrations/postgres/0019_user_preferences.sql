-- A user's own choices. `language`: the language of their pages and of the
-- mail sent to them (NULL: their browser's Accept-Language, else English).
-- `time_zone`: an IANA name, where their pages show times (NULL: UTC).
-- `users.locale` (always 'en-US', never chosen by anyone) is no longer read.
ALTER TABLE users ADD COLUMN language TEXT;
ALTER TABLE users ADD COLUMN time_zone TEXT;
