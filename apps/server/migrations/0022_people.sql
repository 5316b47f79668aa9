CREATE TABLE "people" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number_enc" text NOT NULL,
	"document_number_bidx" text,
	"document_last4" text NOT NULL,
	"nit_check_digit" text,
	"first_names" text,
	"last_names" text,
	"business_name" text,
	"name_search" text NOT NULL,
	"birth_date" date,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"primary_email" text,
	"phones_enc" text,
	"phone_bidx" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" jsonb,
	"employer_name" text,
	"position" text,
	"salary_enc" text,
	"status" text DEFAULT 'activo' NOT NULL,
	"status_changed_on" date,
	"status_reason" text,
	"membership_number" integer,
	"joined_on" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"branch_id" uuid,
	"user_id" uuid,
	"claim_in_progress" boolean DEFAULT false NOT NULL,
	"anonymized_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "people" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "person_relatives" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"document_type" text,
	"document_number_enc" text,
	"document_last4" text,
	"beneficiary_bp" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_relatives_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "person_relatives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "person_status_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_status_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "person_status_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relatives" ADD CONSTRAINT "person_relatives_org_id_person_id_people_org_id_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_status_history" ADD CONSTRAINT "person_status_history_org_id_person_id_people_org_id_id_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_document" ON "people" USING btree ("org_id","document_type","document_number_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_membership_number" ON "people" USING btree ("org_id","membership_number");--> statement-breakpoint
CREATE INDEX "people_org_status" ON "people" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "people_org_email" ON "people" USING btree ("org_id","primary_email");--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "people" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_tags" ON "people" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "people_phone_bidx" ON "people" USING gin ("phone_bidx");--> statement-breakpoint
CREATE INDEX "person_relatives_person" ON "person_relatives" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "person_status_history_person" ON "person_status_history" USING btree ("org_id","person_id","id");--> statement-breakpoint
CREATE POLICY "people_org_isolation" ON "people" AS PERMISSIVE FOR ALL TO "minga_app" USING ("people"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("people"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "person_relatives_org_isolation" ON "person_relatives" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_relatives"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_relatives"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "person_status_history_org_isolation" ON "person_status_history" AS PERMISSIVE FOR ALL TO "minga_app" USING ("person_status_history"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("person_status_history"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);