-- A customer search reads a partner's customers in name order and keeps
-- those whose name or domain holds the words typed: about twenty rows read
-- for each one shown. With kind and primary_domain in the index (SQLite has
-- no INCLUDE: last key columns, which change no order the lists read) each
-- row is tested in the index and the table is read only for the 51 kept:
-- 1,053 -> 547 us for a common word among 2,004 customers (bench/RESULTS.md).
DROP INDEX organisations_partner_name;
CREATE INDEX organisations_partner_name ON organisations (partner_id, name, id, kind, primary_domain);
