-- The operators' log filtered by an action (every partner's events): no
-- index led with the action, so both engines read the whole log in time
-- order and kept the events of that action. For an action with few events
-- that was every one of two million (10.8 s on PostgreSQL, 60 s on SQLite
-- from a cold cache, bench/RESULTS.md); read here, a page costs what any
-- other filtered page does. A partner's log has (organisation_id, action,
-- at, id) already.
CREATE INDEX audit_events_action_at ON audit_events (action, at, id);
