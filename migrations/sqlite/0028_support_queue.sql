-- The operators' queue, flat with the number of requests ever filed (issue
-- 11). Before, only a single status had an index in the queue's order: the
-- open view (two statuses) was sorted whole on every page, "all" read and
-- sorted every request (473 ms on SQLite, 220 ms on PostgreSQL with 100,000
-- requests), a problem type was kept row by row, and the count per status
-- on every page read every request (15 ms and 56 ms). bench/RESULTS.md.
--
-- The open requests and the decided ones each have partial indexes on the
-- very conditions the queue's statements write (store::requests::
-- status_condition): a page of open work reads open requests only. SQLite
-- keeps no statistics, so with one index on (status, ...) for every status
-- it sought the two open statuses there and sorted them; with the status
-- index holding decided requests only, the open view's one choice in order
-- is its own index.
DROP INDEX service_requests_queue;
CREATE INDEX service_requests_filed ON service_requests (filed_at, id);
CREATE INDEX service_requests_open ON service_requests (filed_at, id)
    WHERE status IN ('submitted', 'in_progress');
CREATE INDEX service_requests_decided ON service_requests (status, filed_at, id)
    WHERE status NOT IN ('submitted', 'in_progress');
CREATE INDEX service_requests_type ON service_requests (problem_type, filed_at, id);
CREATE INDEX service_requests_type_open ON service_requests (problem_type, filed_at, id)
    WHERE status IN ('submitted', 'in_progress');
CREATE INDEX service_requests_type_decided ON service_requests (problem_type, status, filed_at, id)
    WHERE status NOT IN ('submitted', 'in_progress');

-- How many requests of each problem type are in each status, kept by the
-- triggers below (no path that writes a request can leave it behind): the
-- queue's tabs read at most 25 rows.
CREATE TABLE request_counts (
    problem_type TEXT NOT NULL,
    status       TEXT NOT NULL,
    requests     INTEGER NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (problem_type, status)
) WITHOUT ROWID;

INSERT INTO request_counts (problem_type, status, requests)
SELECT problem_type, status, COUNT(*) FROM service_requests GROUP BY problem_type, status;

CREATE TRIGGER request_counted AFTER INSERT ON service_requests BEGIN
    INSERT INTO request_counts (problem_type, status, requests)
    VALUES (NEW.problem_type, NEW.status, 1)
    ON CONFLICT (problem_type, status) DO UPDATE SET requests = requests + 1;
END;

CREATE TRIGGER request_uncounted AFTER DELETE ON service_requests BEGIN
    UPDATE request_counts SET requests = requests - 1
    WHERE problem_type = OLD.problem_type AND status = OLD.status;
END;

CREATE TRIGGER request_recounted AFTER UPDATE OF problem_type, status ON service_requests
WHEN OLD.problem_type IS NOT NEW.problem_type OR OLD.status IS NOT NEW.status BEGIN
    UPDATE request_counts SET requests = requests - 1
    WHERE problem_type = OLD.problem_type AND status = OLD.status;
    INSERT INTO request_counts (problem_type, status, requests)
    VALUES (NEW.problem_type, NEW.status, 1)
    ON CONFLICT (problem_type, status) DO UPDATE SET requests = requests + 1;
END;
