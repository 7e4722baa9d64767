-- Each list is read newest first on (time, id) both descending. An index
-- whose columns run (time DESC, id ASC) matches neither that order nor its
-- reverse, so engines sorted; these run the same way as the order and are
-- read backwards, and the keyset condition (time, id) < (?, ?) seeks in them.
DROP INDEX subscriptions_customer_purchased;
CREATE INDEX subscriptions_customer_purchased ON subscriptions (customer_id, purchased_at, id);
DROP INDEX orders_customer_placed;
CREATE INDEX orders_customer_placed ON orders (customer_id, placed_at, id);
DROP INDEX service_requests_partner;
CREATE INDEX service_requests_partner ON service_requests (partner_id, filed_at, id);

-- The activity log: one index per filter, each in the log's order, so a
-- filtered page reads only its own rows.
DROP INDEX audit_events_org_at;
CREATE INDEX audit_events_org_at ON audit_events (organisation_id, at, id);
DROP INDEX audit_events_at;
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_customer_at ON audit_events (customer_id, at, id);
CREATE INDEX audit_events_actor_at ON audit_events (actor_user_id, at, id);
CREATE INDEX audit_events_org_action_at ON audit_events (organisation_id, action, at, id);
