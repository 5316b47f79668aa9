CREATE TABLE "mail_messages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"data" jsonb NOT NULL,
	"dedupe_key" text,
	"tracked" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"subject" text,
	"sent_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"click_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_messages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mail_tracking_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_tracking_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_tracking_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "org_mail_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"tracking_enabled" boolean DEFAULT false NOT NULL,
	"logo_url" text,
	"accent_color" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_mail_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_tracking_events" ADD CONSTRAINT "mail_tracking_events_org_id_message_id_mail_messages_org_id_id_fk" FOREIGN KEY ("org_id","message_id") REFERENCES "public"."mail_messages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_mail_settings" ADD CONSTRAINT "org_mail_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_dedupe" ON "mail_messages" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_tracking_events_message" ON "mail_tracking_events" USING btree ("org_id","message_id");--> statement-breakpoint
CREATE POLICY "mail_messages_org_isolation" ON "mail_messages" AS PERMISSIVE FOR ALL TO "minga_app" USING ("mail_messages"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("mail_messages"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "mail_tracking_events_org_isolation" ON "mail_tracking_events" AS PERMISSIVE FOR ALL TO "minga_app" USING ("mail_tracking_events"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("mail_tracking_events"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_mail_settings_org_isolation" ON "org_mail_settings" AS PERMISSIVE FOR ALL TO "minga_app" USING ("org_mail_settings"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_mail_settings"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);