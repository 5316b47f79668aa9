CREATE TABLE "person_name_index" (
	"org_id" uuid NOT NULL,
	"word" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_name_index_org_id_word_person_id_pk" PRIMARY KEY("org_id","word","person_id")
);
--> statement-breakpoint
ALTER TABLE "person_name_index" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "people_name_words";--> statement-breakpoint
ALTER TABLE "person_name_index" ADD CONSTRAINT "person_name_index_org_id_person_id_people_org_id_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_name_index_person" ON "person_name_index" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE POLICY "person_name_index_org_isolation" ON "person_name_index" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_name_index"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_name_index"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);