import { sql } from 'drizzle-orm'
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const conversations = pgTable(
  'conversations',
  {
    ...tenantColumns(),
    kind: text('kind', { enum: ['direct', 'group', 'entity'] }).notNull(),
    title: text('title'),
    /** Direct conversations only: the two user ids sorted and joined, unique per org (one per pair). */
    directKey: text('direct_key'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    createdBy: uuid('created_by'),
    lastMessageId: uuid('last_message_id'),
    lastMessageAt: tz('last_message_at'),
    /**
     * Sort key of the conversation list: the newest message id, or the conversation id before any
     * message. Both are UUIDv7, so it orders by time and serves as the keyset cursor.
     */
    activityId: uuid('activity_id').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    uniqueIndex('conversations_org_direct_key').on(t.orgId, t.directKey),
    uniqueIndex('conversations_org_entity').on(t.orgId, t.entityType, t.entityId),
    orgIsolationPolicy('conversations', t.orgId),
  ],
).enableRLS()

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    orgId: uuid('org_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['owner', 'member'] }).notNull(),
    /** Read receipt: only moves forward. */
    lastReadMessageId: uuid('last_read_message_id'),
    joinedAt: tz('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.conversationId, t.userId] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
    }).onDelete('cascade'),
    index('conversation_participants_org_user').on(t.orgId, t.userId),
    orgIsolationPolicy('conversation_participants', t.orgId),
  ],
).enableRLS()

export type AttachmentLink = { name: string; url: string }

export const messages = pgTable(
  'messages',
  {
    ...tenantColumns(),
    conversationId: uuid('conversation_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** Thread root (same conversation); replies to replies are attached to the root. */
    parentId: uuid('parent_id'),
    /** Empty once deleted (tombstone). */
    body: text('body').notNull(),
    /** Links only: there is no file storage yet (files module, issue 4). */
    attachments: jsonb('attachments').$type<AttachmentLink[]>().notNull().default([]),
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    replyCount: integer('reply_count').notNull().default(0),
    createdAt: tz('created_at').notNull().defaultNow(),
    editedAt: tz('edited_at'),
    deletedAt: tz('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.conversationId],
      foreignColumns: [conversations.orgId, conversations.id],
    }).onDelete('cascade'),
    index('messages_org_conversation_id').on(t.orgId, t.conversationId, t.id.desc()),
    index('messages_org_parent_id')
      .on(t.orgId, t.parentId, t.id.desc())
      .where(sql`${t.parentId} is not null`),
    orgIsolationPolicy('messages', t.orgId),
  ],
).enableRLS()

/** Previous bodies of edited messages (the edit history). */
export const messageRevisions = pgTable(
  'message_revisions',
  {
    ...tenantColumns(),
    messageId: uuid('message_id').notNull(),
    body: text('body').notNull(),
    editedBy: uuid('edited_by'),
    editedAt: tz('edited_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.messageId], foreignColumns: [messages.orgId, messages.id] }).onDelete(
      'cascade',
    ),
    index('message_revisions_org_message').on(t.orgId, t.messageId, t.id),
    orgIsolationPolicy('message_revisions', t.orgId),
  ],
).enableRLS()
