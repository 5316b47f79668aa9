-- Keeps person_name_index (which person's name has which word) in step with people, one statement per
-- INSERT/UPDATE statement so a bulk import indexes its rows in one pass; deletes cascade by foreign key.
CREATE OR REPLACE FUNCTION people_name_index_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_index (org_id, word, person_id)
  SELECT DISTINCT n.org_id, w, n.id FROM new_rows n, unnest(n.name_words) AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION people_name_index_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_name_index i
  USING old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.id = o.id
  WHERE i.org_id = o.org_id AND i.person_id = o.id AND o.name_words IS DISTINCT FROM n.name_words;
  INSERT INTO person_name_index (org_id, word, person_id)
  SELECT DISTINCT n.org_id, w, n.id
  FROM new_rows n JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id, unnest(n.name_words) AS w
  WHERE w <> '' AND o.name_words IS DISTINCT FROM n.name_words
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_name_index_after_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_name_index_insert();
--> statement-breakpoint
CREATE TRIGGER people_name_index_after_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION people_name_index_update();
--> statement-breakpoint
-- The backfill reads every org's people as the owner: lift forced RLS for it (runMigrations forces it
-- again on every RLS table afterwards).
ALTER TABLE people NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO person_name_index (org_id, word, person_id)
SELECT DISTINCT org_id, w, id FROM people, unnest(name_words) AS w WHERE w <> ''
ON CONFLICT DO NOTHING;
