-- Each row of the software list names its last rejected cancellation request
-- (ORDER BY decided_at DESC, id DESC LIMIT 1). Without id in this index SQLite
-- sorted each row's requests in a temporary B-tree: 150 opened and freed per
-- page of 50, an eighth of the page's time in a profile (bench/RESULTS.md).
DROP INDEX service_requests_subscription;
CREATE INDEX service_requests_subscription ON service_requests (subscription_id, status, decided_at, id);
