CREATE TABLE "notification_deliveries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"url" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notification_deliveries_once" UNIQUE("org_id","request_id","user_id","channel")
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_org_defaults" (
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_org_defaults_org_id_type_channel_pk" PRIMARY KEY("org_id","type","channel")
);
--> statement-breakpoint
ALTER TABLE "notification_org_defaults" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_org_id_user_id_type_channel_pk" PRIMARY KEY("org_id","user_id","type","channel")
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"recipients" uuid[] NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"send_at" timestamp with time zone,
	"status" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notification_requests_dedupe" UNIQUE("org_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "notification_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"locale" text DEFAULT 'es' NOT NULL,
	"digest" text DEFAULT 'off' NOT NULL,
	"digest_hour" integer DEFAULT 7 NOT NULL,
	"digest_weekday" integer DEFAULT 1 NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notification_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"url" text,
	"actor_id" uuid,
	"resource_type" text,
	"resource_id" text,
	"read_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notifications_once_per_recipient" UNIQUE("org_id","request_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_org_id_request_id_notification_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."notification_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_org_defaults" ADD CONSTRAINT "notification_org_defaults_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_requests" ADD CONSTRAINT "notification_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_request_id_notification_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."notification_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_pending" ON "notification_deliveries" USING btree ("org_id","status","due_at");--> statement-breakpoint
CREATE INDEX "notification_requests_due" ON "notification_requests" USING btree ("org_id","status","send_at");--> statement-breakpoint
CREATE INDEX "notifications_user_inbox" ON "notifications" USING btree ("org_id","user_id","id");--> statement-breakpoint
CREATE POLICY "notification_deliveries_org_isolation" ON "notification_deliveries" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notification_deliveries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notification_deliveries"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notification_org_defaults_org_isolation" ON "notification_org_defaults" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notification_org_defaults"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notification_org_defaults"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notification_preferences_org_isolation" ON "notification_preferences" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notification_preferences"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notification_preferences"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notification_requests_org_isolation" ON "notification_requests" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notification_requests"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notification_requests"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notification_settings_org_isolation" ON "notification_settings" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notification_settings"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notification_settings"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notifications_org_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO "minga_app" USING ("notifications"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("notifications"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);