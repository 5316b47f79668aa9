-- Extensions used by search (pg_trgm, unaccent) and case-insensitive text (citext).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;
--> statement-breakpoint
-- The runtime role: not the owner of any table, no BYPASSRLS, so row level security applies to it.
-- Roles are cluster-wide, so create it only once (several databases may share a cluster).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'minga_app') THEN
    CREATE ROLE minga_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
END $$;
--> statement-breakpoint
-- The migrating (owner) role switches to the runtime role with SET LOCAL ROLE in every tenant transaction.
DO $$
BEGIN
  EXECUTE format('GRANT minga_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- superusers need no grant; some managed services forbid it
END $$;
