-- Requests per API token in fixed windows, counted in the store so that a
-- limit holds across instances. One row per token and window; old windows
-- are purged by the housekeeping job.
CREATE TABLE api_rate_windows (
    token_id         TEXT NOT NULL,
    window_start_ms  BIGINT NOT NULL,
    requests         BIGINT NOT NULL,
    PRIMARY KEY (token_id, window_start_ms)
);
CREATE INDEX api_rate_windows_start ON api_rate_windows (window_start_ms);
