CREATE TABLE "activity_entries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"actor_id" uuid,
	"verb" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"context_type" text,
	"context_id" text,
	"title" text,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_entries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "activity_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_entries_entity" ON "activity_entries" USING btree ("org_id","entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "activity_entries_context" ON "activity_entries" USING btree ("org_id","context_type","context_id","id");--> statement-breakpoint
CREATE INDEX "activity_entries_actor" ON "activity_entries" USING btree ("org_id","actor_id","id");--> statement-breakpoint
CREATE POLICY "activity_entries_org_isolation" ON "activity_entries" AS PERMISSIVE FOR ALL TO "minga_app" USING ("activity_entries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("activity_entries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);