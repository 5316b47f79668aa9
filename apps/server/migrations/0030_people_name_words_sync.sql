-- Keeps person_name_words (each org's dictionary of name words) in step with people: one statement per
-- INSERT/UPDATE statement, so a bulk import adds its words in one pass. Words are never removed here:
-- a stale word only matches nobody (anonymization removes the words nobody else uses).
CREATE OR REPLACE FUNCTION people_name_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_words (org_id, word)
  SELECT DISTINCT n.org_id, w FROM new_rows n, unnest(n.name_words) AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_name_words_after_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_name_words_sync();
--> statement-breakpoint
CREATE TRIGGER people_name_words_after_update AFTER UPDATE ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_name_words_sync();
--> statement-breakpoint
-- The backfill reads every org's people as the owner: RLS is forced on people since an earlier start,
-- so lift it for this statement; runMigrations forces it again on every RLS table afterwards.
ALTER TABLE people NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO person_name_words (org_id, word)
SELECT DISTINCT org_id, w FROM people, unnest(name_words) AS w WHERE w <> ''
ON CONFLICT DO NOTHING;
