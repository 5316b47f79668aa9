CREATE TABLE "privacy_consent_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"policy_id" uuid,
	"channel" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_user_id" uuid,
	"ip" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_consent_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "privacy_consent_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "privacy_policies" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"effective_date" date NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_policies_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "privacy_policies_org_version" UNIQUE("org_id","version")
);
--> statement-breakpoint
ALTER TABLE "privacy_policies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "privacy_purposes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_purposes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "privacy_purposes_org_key" UNIQUE("org_id","key")
);
--> statement-breakpoint
ALTER TABLE "privacy_purposes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "privacy_request_reminders" (
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_request_reminders_org_id_request_id_due_on_pk" PRIMARY KEY("org_id","request_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "privacy_request_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"channel" text NOT NULL,
	"description" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extension_reason" text,
	"extended_at" timestamp with time zone,
	"response" text,
	"answered_at" timestamp with time zone,
	"rejection_reason" text,
	"anonymized" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "privacy_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "privacy_consent_events" ADD CONSTRAINT "privacy_consent_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_consent_events" ADD CONSTRAINT "privacy_consent_events_org_id_purpose_id_privacy_purposes_org_id_id_fk" FOREIGN KEY ("org_id","purpose_id") REFERENCES "public"."privacy_purposes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_consent_events" ADD CONSTRAINT "privacy_consent_events_org_id_policy_id_privacy_policies_org_id_id_fk" FOREIGN KEY ("org_id","policy_id") REFERENCES "public"."privacy_policies"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_policies" ADD CONSTRAINT "privacy_policies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_purposes" ADD CONSTRAINT "privacy_purposes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request_reminders" ADD CONSTRAINT "privacy_request_reminders_org_id_request_id_privacy_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."privacy_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_consent_events_person" ON "privacy_consent_events" USING btree ("org_id","person_id","purpose_id","id");--> statement-breakpoint
CREATE INDEX "privacy_requests_org_status_due" ON "privacy_requests" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "privacy_requests_person" ON "privacy_requests" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE POLICY "privacy_consent_events_org_isolation" ON "privacy_consent_events" AS PERMISSIVE FOR ALL TO "minga_app" USING ("privacy_consent_events"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("privacy_consent_events"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "privacy_policies_org_isolation" ON "privacy_policies" AS PERMISSIVE FOR ALL TO "minga_app" USING ("privacy_policies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("privacy_policies"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "privacy_purposes_org_isolation" ON "privacy_purposes" AS PERMISSIVE FOR ALL TO "minga_app" USING ("privacy_purposes"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("privacy_purposes"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "privacy_request_reminders_org_isolation" ON "privacy_request_reminders" AS PERMISSIVE FOR ALL TO "minga_app" USING ("privacy_request_reminders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("privacy_request_reminders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "privacy_requests_org_isolation" ON "privacy_requests" AS PERMISSIVE FOR ALL TO "minga_app" USING ("privacy_requests"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("privacy_requests"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);