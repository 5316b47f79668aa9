CREATE TABLE "person_import_errors" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" text,
	"message" text NOT NULL,
	CONSTRAINT "person_import_errors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "person_import_errors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "person_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"headers" jsonb NOT NULL,
	"sample" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"mapping_suggested" boolean DEFAULT true NOT NULL,
	"assign_membership_numbers" boolean DEFAULT false NOT NULL,
	"mode" text,
	"locale" text DEFAULT 'es' NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer,
	"error_rows" integer,
	"to_create" integer,
	"to_update" integer,
	"created" integer,
	"updated" integer,
	"unchanged" integer,
	"skipped" integer,
	"failure_message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "person_imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "person_import_errors" ADD CONSTRAINT "person_import_errors_org_id_import_id_person_imports_org_id_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."person_imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_imports" ADD CONSTRAINT "person_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_import_errors_import_row" ON "person_import_errors" USING btree ("org_id","import_id","row","id");--> statement-breakpoint
CREATE POLICY "person_import_errors_org_isolation" ON "person_import_errors" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_import_errors"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_import_errors"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "person_imports_org_isolation" ON "person_imports" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_imports"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_imports"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);