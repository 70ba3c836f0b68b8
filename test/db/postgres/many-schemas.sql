-- Seed for crawls that must span many batches: six schemas s1 … s6, each with twenty tables
-- t01 … t20 of three columns. Used by tests that interrupt a crawl half-way (terminated
-- backend, lost connection, early stop) and need more schemas than the crawl prefetches.
DO $$
DECLARE
  s integer;
  t integer;
BEGIN
  FOR s IN 1..6 LOOP
    EXECUTE format('CREATE SCHEMA %I', 's' || s);
    FOR t IN 1..20 LOOP
      EXECUTE format(
        'CREATE TABLE %I.%I (id bigint NOT NULL, name varchar(40), created_at timestamptz DEFAULT now())',
        's' || s, 't' || lpad(t::text, 2, '0'));
    END LOOP;
  END LOOP;
END
$$;
