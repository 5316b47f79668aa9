CREATE TABLE "conversation_participants" (
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"last_read_message_id" uuid,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_participants_org_id_conversation_id_user_id_pk" PRIMARY KEY("org_id","conversation_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "conversation_participants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "conversations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"direct_key" text,
	"entity_type" text,
	"entity_id" uuid,
	"created_by" uuid,
	"last_message_id" uuid,
	"last_message_at" timestamp with time zone,
	"activity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "message_revisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"body" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_revisions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "message_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "messages" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" uuid,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "messages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_org_id_conversation_id_conversations_org_id_id_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_revisions" ADD CONSTRAINT "message_revisions_org_id_message_id_messages_org_id_id_fk" FOREIGN KEY ("org_id","message_id") REFERENCES "public"."messages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_org_id_conversation_id_conversations_org_id_id_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_participants_org_user" ON "conversation_participants" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_org_direct_key" ON "conversations" USING btree ("org_id","direct_key");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_org_entity" ON "conversations" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "message_revisions_org_message" ON "message_revisions" USING btree ("org_id","message_id","id");--> statement-breakpoint
CREATE INDEX "messages_org_conversation_id" ON "messages" USING btree ("org_id","conversation_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_org_parent_id" ON "messages" USING btree ("org_id","parent_id","id" DESC NULLS LAST) WHERE "messages"."parent_id" is not null;--> statement-breakpoint
CREATE POLICY "conversation_participants_org_isolation" ON "conversation_participants" AS PERMISSIVE FOR ALL TO "minga_app" USING ("conversation_participants"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("conversation_participants"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "conversations_org_isolation" ON "conversations" AS PERMISSIVE FOR ALL TO "minga_app" USING ("conversations"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("conversations"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "message_revisions_org_isolation" ON "message_revisions" AS PERMISSIVE FOR ALL TO "minga_app" USING ("message_revisions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("message_revisions"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "messages_org_isolation" ON "messages" AS PERMISSIVE FOR ALL TO "minga_app" USING ("messages"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("messages"."org_id" = nullif(current_setting('app.org_id', true), '')::uuid);