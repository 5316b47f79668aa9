CREATE TABLE "push_subscriptions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_success_at" timestamp with time zone,
	"failure_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "push_subscriptions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "push_subscriptions_endpoint_per_user" UNIQUE("org_id","user_id","endpoint")
);
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "push_subscriptions_org_isolation" ON "push_subscriptions" AS PERMISSIVE FOR ALL TO "minga_app" USING ("push_subscriptions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("push_subscriptions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);