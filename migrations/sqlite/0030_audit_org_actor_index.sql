-- A partner's activity log filtered by one of its users, in the log's order.
-- PostgreSQL's generic plan, which every pooled connection runs, combined
-- audit_events_org_at and audit_events_actor_at in a bitmap and sorted the
-- user's events: 215,616 events read and sorted for a page of 50 in the 1k
-- data set, 542 ms (the custom plan read 51 rows, bench/RESULTS.md). Found
-- by an audit of every page's statements under force_generic_plan.
CREATE INDEX audit_events_org_actor_at ON audit_events (organisation_id, actor_user_id, at, id);
