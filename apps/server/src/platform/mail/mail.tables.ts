import {
  boolean,
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
import { orgIsolationPolicy, tenantColumns, timestamps } from '../db/tenant-table.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'

/**
 * One row per queued mail. Written by `queueMail` in the caller's transaction, sent by the mail
 * event handler. The unique (org, dedupe key) makes a repeated `queueMail` a no-op.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    ...tenantColumns(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    locale: text('locale', { enum: ['es', 'en'] }).notNull(),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    dedupeKey: text('dedupe_key'),
    /** The caller asked for tracking and the org had it on when the mail was queued. */
    tracked: boolean('tracked').notNull().default(false),
    status: text('status', { enum: ['queued', 'sent'] })
      .notNull()
      .default('queued'),
    subject: text('subject'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    openCount: integer('open_count').notNull().default(0),
    clickCount: integer('click_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    uniqueIndex('mail_messages_dedupe').on(t.orgId, t.dedupeKey),
    orgIsolationPolicy('mail_messages', t.orgId),
  ],
).enableRLS()

/** Opens and clicks of tracked mail (only for orgs that switched tracking on). */
export const mailTrackingEvents = pgTable(
  'mail_tracking_events',
  {
    ...tenantColumns(),
    messageId: uuid('message_id').notNull(),
    kind: text('kind', { enum: ['open', 'click'] }).notNull(),
    url: text('url'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.messageId],
      foreignColumns: [mailMessages.orgId, mailMessages.id],
    }).onDelete('cascade'),
    index('mail_tracking_events_message').on(t.orgId, t.messageId),
    orgIsolationPolicy('mail_tracking_events', t.orgId),
  ],
).enableRLS()

/** Per-org mail settings: branding and tracking (off by default; no row means defaults). */
export const orgMailSettings = pgTable(
  'org_mail_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    trackingEnabled: boolean('tracking_enabled').notNull().default(false),
    logoUrl: text('logo_url'),
    accentColor: text('accent_color'),
    ...timestamps(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('org_mail_settings', t.orgId),
  ],
).enableRLS()
