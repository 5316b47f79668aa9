CREATE TABLE "file_quotas" (
	"org_id" uuid NOT NULL,
	"used_bytes" bigint DEFAULT 0 NOT NULL,
	"quota_bytes" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_quotas_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "file_quotas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "files" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "file_quotas" ADD CONSTRAINT "file_quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_org_sha256" ON "files" USING btree ("org_id","sha256");--> statement-breakpoint
CREATE POLICY "file_quotas_org_isolation" ON "file_quotas" AS PERMISSIVE FOR ALL TO "minga_app" USING ("file_quotas"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("file_quotas"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "files_org_isolation" ON "files" AS PERMISSIVE FOR ALL TO "minga_app" USING ("files"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("files"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);