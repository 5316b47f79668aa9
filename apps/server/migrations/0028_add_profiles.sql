CREATE TABLE "profiles" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"experience_level" text,
	"location" text DEFAULT '' NOT NULL,
	"municipality_code" text,
	"timezone" text NOT NULL,
	"github" text,
	"linkedin" text,
	"website" text,
	"avatar_file_id" uuid,
	"visibility" text DEFAULT 'members' NOT NULL,
	"hidden_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_org_user" ON "profiles" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE POLICY "profiles_org_isolation" ON "profiles" AS PERMISSIVE FOR ALL TO "minga_app" USING ("profiles"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("profiles"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);