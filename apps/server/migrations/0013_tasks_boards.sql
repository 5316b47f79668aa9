CREATE TABLE "task_assignees" (
	"org_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_assignees_org_id_task_id_user_id_pk" PRIMARY KEY("org_id","task_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "task_assignees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_attachments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_attachments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_boards" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_boards_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_boards" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_checklist_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"text" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_checklist_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_checklist_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_columns" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"wip_limit" integer,
	"wip_mode" text DEFAULT 'soft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_columns_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_columns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_comments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_due_reminders" (
	"org_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_due_reminders_org_id_task_id_due_on_pk" PRIMARY KEY("org_id","task_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "task_due_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_label_links" (
	"org_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	CONSTRAINT "task_label_links_org_id_task_id_label_id_pk" PRIMARY KEY("org_id","task_id","label_id")
);
--> statement-breakpoint
ALTER TABLE "task_label_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_labels" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_labels_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "task_labels_board_name" UNIQUE("org_id","board_id","name")
);
--> statement-breakpoint
ALTER TABLE "task_labels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "task_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"label_ids" uuid[] DEFAULT '{}' NOT NULL,
	"assignee_ids" uuid[] DEFAULT '{}' NOT NULL,
	"rotate_assignees" boolean DEFAULT false NOT NULL,
	"frequency" text NOT NULL,
	"interval" integer DEFAULT 1 NOT NULL,
	"weekday" integer,
	"month_day" integer,
	"starts_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_occurrence_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "task_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"parent_task_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"order_key" text NOT NULL,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"template_id" uuid,
	"occurrence_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "tasks_column_order_key" UNIQUE("org_id","column_id","order_key"),
	CONSTRAINT "tasks_template_occurrence" UNIQUE("org_id","template_id","occurrence_on")
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_attachments" ADD CONSTRAINT "task_attachments_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_boards" ADD CONSTRAINT "task_boards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_checklist_items" ADD CONSTRAINT "task_checklist_items_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_columns" ADD CONSTRAINT "task_columns_org_id_board_id_task_boards_org_id_id_fk" FOREIGN KEY ("org_id","board_id") REFERENCES "public"."task_boards"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_due_reminders" ADD CONSTRAINT "task_due_reminders_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_label_links" ADD CONSTRAINT "task_label_links_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_label_links" ADD CONSTRAINT "task_label_links_org_id_label_id_task_labels_org_id_id_fk" FOREIGN KEY ("org_id","label_id") REFERENCES "public"."task_labels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_labels" ADD CONSTRAINT "task_labels_org_id_board_id_task_boards_org_id_id_fk" FOREIGN KEY ("org_id","board_id") REFERENCES "public"."task_boards"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_templates" ADD CONSTRAINT "task_templates_org_id_board_id_task_boards_org_id_id_fk" FOREIGN KEY ("org_id","board_id") REFERENCES "public"."task_boards"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_templates" ADD CONSTRAINT "task_templates_org_id_column_id_task_columns_org_id_id_fk" FOREIGN KEY ("org_id","column_id") REFERENCES "public"."task_columns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_board_id_task_boards_org_id_id_fk" FOREIGN KEY ("org_id","board_id") REFERENCES "public"."task_boards"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_column_id_task_columns_org_id_id_fk" FOREIGN KEY ("org_id","column_id") REFERENCES "public"."task_columns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_parent_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","parent_task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_assignees_user" ON "task_assignees" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "task_boards_org_entity" ON "task_boards" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "task_checklist_task" ON "task_checklist_items" USING btree ("org_id","task_id","position");--> statement-breakpoint
CREATE INDEX "task_columns_board" ON "task_columns" USING btree ("org_id","board_id","position");--> statement-breakpoint
CREATE INDEX "task_comments_task" ON "task_comments" USING btree ("org_id","task_id","id");--> statement-breakpoint
CREATE INDEX "tasks_board" ON "tasks" USING btree ("org_id","board_id");--> statement-breakpoint
CREATE INDEX "tasks_due" ON "tasks" USING btree ("org_id","due_on");--> statement-breakpoint
CREATE POLICY "task_assignees_org_isolation" ON "task_assignees" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_assignees"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_assignees"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_attachments_org_isolation" ON "task_attachments" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_attachments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_attachments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_boards_org_isolation" ON "task_boards" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_boards"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_boards"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_checklist_items_org_isolation" ON "task_checklist_items" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_checklist_items"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_checklist_items"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_columns_org_isolation" ON "task_columns" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_columns"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_columns"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_comments_org_isolation" ON "task_comments" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_comments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_comments"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_due_reminders_org_isolation" ON "task_due_reminders" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_due_reminders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_due_reminders"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_label_links_org_isolation" ON "task_label_links" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_label_links"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_label_links"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_labels_org_isolation" ON "task_labels" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_labels"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_labels"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "task_templates_org_isolation" ON "task_templates" AS PERMISSIVE FOR ALL TO "minga_app" USING ("task_templates"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("task_templates"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tasks_org_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "minga_app" USING ("tasks"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("tasks"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);