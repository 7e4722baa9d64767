-- A customer's primary domain is unique among one partner's customers, not
-- across the portal: a check across partners told a partner that another
-- partner had a customer with that domain. Two partners may each have a
-- customer that names the same domain (nothing looks a customer up by its
-- domain outside one partner's scope).
ALTER TABLE organisations DROP CONSTRAINT organisations_primary_domain_key;
CREATE UNIQUE INDEX organisations_partner_domain ON organisations (partner_id, primary_domain);
