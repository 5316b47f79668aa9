CREATE TABLE "poll_invitees" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_invitees_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "poll_invitees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "poll_stances" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"choices" jsonb NOT NULL,
	"reason" text,
	"latest" boolean DEFAULT true NOT NULL,
	"cast_at" timestamp with time zone NOT NULL,
	CONSTRAINT "poll_stances_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "poll_stances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "polls" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"options" jsonb NOT NULL,
	"min_choices" integer,
	"max_choices" integer,
	"min_score" integer,
	"max_score" integer,
	"dots_per_person" integer,
	"closing_at" timestamp with time zone NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"hide_results" boolean DEFAULT false NOT NULL,
	"audience" text NOT NULL,
	"audience_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text NOT NULL,
	"author_id" uuid NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"results" jsonb,
	"closing_soon_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "polls_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "polls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "poll_invitees" ADD CONSTRAINT "poll_invitees_org_id_poll_id_polls_org_id_id_fk" FOREIGN KEY ("org_id","poll_id") REFERENCES "public"."polls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_stances" ADD CONSTRAINT "poll_stances_org_id_poll_id_polls_org_id_id_fk" FOREIGN KEY ("org_id","poll_id") REFERENCES "public"."polls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poll_invitees_one_per_user" ON "poll_invitees" USING btree ("org_id","poll_id","user_id");--> statement-breakpoint
CREATE INDEX "poll_invitees_user" ON "poll_invitees" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_stances_one_latest" ON "poll_stances" USING btree ("org_id","poll_id","user_id") WHERE "poll_stances"."latest";--> statement-breakpoint
CREATE INDEX "poll_stances_user" ON "poll_stances" USING btree ("org_id","user_id","cast_at");--> statement-breakpoint
CREATE INDEX "polls_org_state" ON "polls" USING btree ("org_id","state","id");--> statement-breakpoint
CREATE INDEX "polls_org_closing" ON "polls" USING btree ("org_id","state","closing_at");--> statement-breakpoint
CREATE POLICY "poll_invitees_org_isolation" ON "poll_invitees" AS PERMISSIVE FOR ALL TO "minga_app" USING ("poll_invitees"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("poll_invitees"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "poll_stances_org_isolation" ON "poll_stances" AS PERMISSIVE FOR ALL TO "minga_app" USING ("poll_stances"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("poll_stances"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "polls_org_isolation" ON "polls" AS PERMISSIVE FOR ALL TO "minga_app" USING ("polls"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("polls"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);