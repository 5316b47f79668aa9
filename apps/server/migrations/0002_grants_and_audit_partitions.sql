-- The runtime role reads and writes tenant data; row level security decides which rows.
GRANT USAGE ON SCHEMA public TO minga_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO minga_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO minga_app;
--> statement-breakpoint
-- Tables created by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO minga_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO minga_app;
--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM minga_app;
--> statement-breakpoint
-- Monthly partitions of audit_events: creates the partition holding `month` if missing.
-- A default partition catches anything outside the created months, so an insert never fails.
CREATE OR REPLACE FUNCTION minga_ensure_audit_partition(month date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  partition_name text := 'audit_events_' || to_char(first_day, 'YYYY_MM');
BEGIN
  IF to_regclass(partition_name) IS NULL THEN
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
      partition_name, first_day, (first_day + interval '1 month')::date
    );
    -- Only the parent (with its row level security) is the way in for the application.
    EXECUTE format('REVOKE ALL ON %I FROM minga_app', partition_name);
  END IF;
END $$;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS audit_events_default PARTITION OF audit_events DEFAULT;
--> statement-breakpoint
REVOKE ALL ON audit_events_default FROM minga_app;
--> statement-breakpoint
SELECT minga_ensure_audit_partition((now() + make_interval(months => m))::date) FROM generate_series(-1, 2) AS m;
