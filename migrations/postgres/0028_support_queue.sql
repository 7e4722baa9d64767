-- The operators' queue, flat with the number of requests ever filed: see
-- the SQLite migration. PostgreSQL keeps statistics and weighs them: with
-- the status index kept whole it seeks a single status there, and the open
-- view (two statuses) reads the open requests' partial index in order.
CREATE INDEX service_requests_filed ON service_requests (filed_at, id);
CREATE INDEX service_requests_open ON service_requests (filed_at, id)
    WHERE status IN ('submitted', 'in_progress');
CREATE INDEX service_requests_type ON service_requests (problem_type, filed_at, id);
CREATE INDEX service_requests_type_status ON service_requests (problem_type, status, filed_at, id);
CREATE INDEX service_requests_type_open ON service_requests (problem_type, filed_at, id)
    WHERE status IN ('submitted', 'in_progress');

-- How many requests of each problem type are in each status, kept by the
-- trigger below.
CREATE TABLE request_counts (
    problem_type TEXT NOT NULL,
    status       TEXT NOT NULL,
    requests     BIGINT NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (problem_type, status)
);

INSERT INTO request_counts (problem_type, status, requests)
SELECT problem_type, status, COUNT(*) FROM service_requests GROUP BY problem_type, status;

-- Per row: requests are filed and decided one at a time.
CREATE FUNCTION request_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE request_counts SET requests = requests - 1
        WHERE problem_type = OLD.problem_type AND status = OLD.status;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO request_counts (problem_type, status, requests)
        VALUES (NEW.problem_type, NEW.status, 1)
        ON CONFLICT (problem_type, status)
        DO UPDATE SET requests = request_counts.requests + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER request_counted AFTER INSERT OR DELETE ON service_requests
FOR EACH ROW EXECUTE FUNCTION request_counts_keep();

CREATE TRIGGER request_recounted AFTER UPDATE OF problem_type, status ON service_requests
FOR EACH ROW WHEN (OLD.problem_type IS DISTINCT FROM NEW.problem_type OR OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION request_counts_keep();
