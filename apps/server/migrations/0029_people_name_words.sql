CREATE TABLE "person_name_words" (
	"org_id" uuid NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "person_name_words_org_id_word_pk" PRIMARY KEY("org_id","word")
);
--> statement-breakpoint
ALTER TABLE "person_name_words" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "name_words" text[] GENERATED ALWAYS AS (string_to_array(name_search, ' ')) STORED;--> statement-breakpoint
ALTER TABLE "person_name_words" ADD CONSTRAINT "person_name_words_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_name_words_trgm" ON "person_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_name_words" ON "people" USING gin ("name_words");--> statement-breakpoint
CREATE POLICY "person_name_words_org_isolation" ON "person_name_words" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_name_words"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_name_words"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);