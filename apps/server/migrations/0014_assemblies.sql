CREATE TABLE "assemblies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"modality" text NOT NULL,
	"legal_framework" text NOT NULL,
	"residential" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"first_call_at" timestamp with time zone NOT NULL,
	"second_call_at" timestamp with time zone,
	"notice_sent_on" date,
	"notice_days" integer,
	"notice_day_count" text DEFAULT 'calendar' NOT NULL,
	"proxy_policy" jsonb NOT NULL,
	"cooperative" jsonb,
	"current_call" text,
	"convened_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"quorum_formed_at" timestamp with time zone,
	"attendance_seq" integer DEFAULT 0 NOT NULL,
	"log_seq" integer DEFAULT 0 NOT NULL,
	"log_head" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assemblies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assemblies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assembly_agenda_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	CONSTRAINT "assembly_agenda_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assembly_agenda_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assembly_attendance" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"via" text NOT NULL,
	"proxy_id" uuid,
	"attendee_name" text NOT NULL,
	"attendee_user_id" uuid,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_attendance_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assembly_attendance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assembly_electorate" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"building" text,
	"coefficient" integer NOT NULL,
	CONSTRAINT "assembly_electorate_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assembly_electorate" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assembly_log" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assembly_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assembly_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assembly_proxies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"grantor_unit_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"holder_document" text NOT NULL,
	"holder_user_id" uuid,
	"holder_roles" jsonb NOT NULL,
	"scope" jsonb NOT NULL,
	"document_ref" text,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text,
	CONSTRAINT "assembly_proxies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "assembly_proxies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "motion_ballots" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"voter_user_id" uuid NOT NULL,
	"via" text NOT NULL,
	"choice" jsonb NOT NULL,
	"weight" bigint NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motion_ballots_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "motion_ballots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "motion_receipts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"receipt" text NOT NULL,
	CONSTRAINT "motion_receipts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "motion_receipts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "motion_totals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"option_key" text NOT NULL,
	"weight" bigint DEFAULT 0 NOT NULL,
	"heads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "motion_totals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "motion_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "motion_voters" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"voter_user_id" uuid NOT NULL,
	"via" text NOT NULL,
	CONSTRAINT "motion_voters_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "motion_voters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "motions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assembly_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"basis" text NOT NULL,
	"method" text NOT NULL,
	"options" jsonb NOT NULL,
	"max_choices" integer,
	"winners" integer DEFAULT 1 NOT NULL,
	"majority_preset" text NOT NULL,
	"majority" jsonb NOT NULL,
	"economic_content" boolean NOT NULL,
	"extinction" boolean DEFAULT false NOT NULL,
	"secrecy" text NOT NULL,
	"results_visibility" text NOT NULL,
	"quorum_at_open" jsonb,
	"quorum_at_close" jsonb,
	"result" jsonb,
	"receipts_digest" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "motions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assemblies" ADD CONSTRAINT "assemblies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_agenda_items" ADD CONSTRAINT "assembly_agenda_items_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_attendance" ADD CONSTRAINT "assembly_attendance_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_electorate" ADD CONSTRAINT "assembly_electorate_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_log" ADD CONSTRAINT "assembly_log_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_proxies" ADD CONSTRAINT "assembly_proxies_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_ballots" ADD CONSTRAINT "motion_ballots_org_id_motion_id_motions_org_id_id_fk" FOREIGN KEY ("org_id","motion_id") REFERENCES "public"."motions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_receipts" ADD CONSTRAINT "motion_receipts_org_id_motion_id_motions_org_id_id_fk" FOREIGN KEY ("org_id","motion_id") REFERENCES "public"."motions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_totals" ADD CONSTRAINT "motion_totals_org_id_motion_id_motions_org_id_id_fk" FOREIGN KEY ("org_id","motion_id") REFERENCES "public"."motions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_voters" ADD CONSTRAINT "motion_voters_org_id_motion_id_motions_org_id_id_fk" FOREIGN KEY ("org_id","motion_id") REFERENCES "public"."motions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_org_id_assembly_id_assemblies_org_id_id_fk" FOREIGN KEY ("org_id","assembly_id") REFERENCES "public"."assemblies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_org_id_agenda_item_id_assembly_agenda_items_org_id_id_fk" FOREIGN KEY ("org_id","agenda_item_id") REFERENCES "public"."assembly_agenda_items"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assemblies_org_status" ON "assemblies" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "assembly_agenda_items_assembly" ON "assembly_agenda_items" USING btree ("org_id","assembly_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "assembly_attendance_seq" ON "assembly_attendance" USING btree ("org_id","assembly_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "assembly_electorate_unit" ON "assembly_electorate" USING btree ("org_id","assembly_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assembly_log_seq" ON "assembly_log" USING btree ("org_id","assembly_id","seq");--> statement-breakpoint
CREATE INDEX "assembly_proxies_assembly" ON "assembly_proxies" USING btree ("org_id","assembly_id");--> statement-breakpoint
CREATE UNIQUE INDEX "motion_ballots_one_per_unit" ON "motion_ballots" USING btree ("org_id","motion_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "motion_receipts_receipt" ON "motion_receipts" USING btree ("org_id","motion_id","receipt");--> statement-breakpoint
CREATE UNIQUE INDEX "motion_totals_option" ON "motion_totals" USING btree ("org_id","motion_id","option_key");--> statement-breakpoint
CREATE UNIQUE INDEX "motion_voters_one_per_unit" ON "motion_voters" USING btree ("org_id","motion_id","unit_id");--> statement-breakpoint
CREATE INDEX "motions_assembly" ON "motions" USING btree ("org_id","assembly_id");--> statement-breakpoint
CREATE POLICY "assemblies_org_isolation" ON "assemblies" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assemblies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assemblies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assembly_agenda_items_org_isolation" ON "assembly_agenda_items" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assembly_agenda_items"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assembly_agenda_items"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assembly_attendance_org_isolation" ON "assembly_attendance" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assembly_attendance"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assembly_attendance"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assembly_electorate_org_isolation" ON "assembly_electorate" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assembly_electorate"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assembly_electorate"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assembly_log_org_isolation" ON "assembly_log" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assembly_log"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assembly_log"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assembly_proxies_org_isolation" ON "assembly_proxies" AS PERMISSIVE FOR ALL TO "minga_app" USING ("assembly_proxies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("assembly_proxies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "motion_ballots_org_isolation" ON "motion_ballots" AS PERMISSIVE FOR ALL TO "minga_app" USING ("motion_ballots"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("motion_ballots"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "motion_receipts_org_isolation" ON "motion_receipts" AS PERMISSIVE FOR ALL TO "minga_app" USING ("motion_receipts"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("motion_receipts"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "motion_totals_org_isolation" ON "motion_totals" AS PERMISSIVE FOR ALL TO "minga_app" USING ("motion_totals"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("motion_totals"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "motion_voters_org_isolation" ON "motion_voters" AS PERMISSIVE FOR ALL TO "minga_app" USING ("motion_voters"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("motion_voters"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "motions_org_isolation" ON "motions" AS PERMISSIVE FOR ALL TO "minga_app" USING ("motions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("motions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);