CREATE TABLE "unit_holders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"email" text,
	"phone" text,
	"role" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"is_voter" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_holders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "unit_holders_valid_range" CHECK ("unit_holders"."valid_to" is null or "unit_holders"."valid_to" >= "unit_holders"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "unit_holders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "units" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"building" text,
	"private_area" numeric(10, 2),
	"coefficient" integer,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "units_coefficient_range" CHECK ("units"."coefficient" is null or "units"."coefficient" between 1 and 100000000)
);
--> statement-breakpoint
ALTER TABLE "units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "unit_holders" ADD CONSTRAINT "unit_holders_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_holders_org_unit" ON "unit_holders" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_holders_org_user" ON "unit_holders" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_holders_one_open_voter" ON "unit_holders" USING btree ("org_id","unit_id") WHERE "unit_holders"."is_voter" and "unit_holders"."valid_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "units_org_code" ON "units" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "units_org_building" ON "units" USING btree ("org_id","building","code");--> statement-breakpoint
CREATE POLICY "unit_holders_org_isolation" ON "unit_holders" AS PERMISSIVE FOR ALL TO "minga_app" USING ("unit_holders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("unit_holders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "units_org_isolation" ON "units" AS PERMISSIVE FOR ALL TO "minga_app" USING ("units"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("units"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);