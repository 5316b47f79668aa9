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
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * One `notify()` call. A repeat with the same dedupe key finds this row and does nothing.
 * status: pending (fan-out after commit) | scheduled (waits for send_at) | due (send_at reached) |
 * delivered | cancelled.
 */
export const notificationRequests = pgTable(
  'notification_requests',
  {
    ...tenantColumns(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    recipients: uuid('recipients').array().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key'),
    sendAt: tz('send_at'),
    status: text('status', { enum: ['pending', 'scheduled', 'due', 'delivered', 'cancelled'] }).notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    unique('notification_requests_dedupe').on(t.orgId, t.dedupeKey),
    index('notification_requests_due').on(t.orgId, t.status, t.sendAt),
    orgIsolationPolicy('notification_requests', t.orgId),
  ],
).enableRLS()

/** The in-app inbox: one row per (request, recipient). */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    requestId: uuid('request_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    url: text('url'),
    actorId: uuid('actor_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    readAt: tz('read_at'),
    archivedAt: tz('archived_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [notificationRequests.orgId, notificationRequests.id],
    }).onDelete('cascade'),
    unique('notifications_once_per_recipient').on(t.orgId, t.requestId, t.userId),
    index('notifications_user_inbox').on(t.orgId, t.userId, t.id),
    orgIsolationPolicy('notifications', t.orgId),
  ],
).enableRLS()

/**
 * One row per (request, recipient, channel) other than in_app: the exactly-once record of an email,
 * push or webhook hand-off. status: sent | held (quiet hours, due_at) | digest (waits for the digest) |
 * digested | skipped.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    ...tenantColumns(),
    requestId: uuid('request_id').notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel', { enum: ['email', 'push', 'webhook'] }).notNull(),
    status: text('status', { enum: ['sent', 'held', 'digest', 'digested', 'skipped'] }).notNull(),
    dueAt: tz('due_at'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    url: text('url'),
    sentAt: tz('sent_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [notificationRequests.orgId, notificationRequests.id],
    }).onDelete('cascade'),
    unique('notification_deliveries_once').on(t.orgId, t.requestId, t.userId, t.channel),
    index('notification_deliveries_pending').on(t.orgId, t.status, t.dueAt),
    orgIsolationPolicy('notification_deliveries', t.orgId),
  ],
).enableRLS()

/** A user's switch for one channel: of one type, or of every type when type is '*'. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    channel: text('channel', { enum: ['in_app', 'email', 'webhook', 'push'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.type, t.channel] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('notification_preferences', t.orgId),
  ],
).enableRLS()

/** The org's default for one type and channel, set by admins. */
export const notificationOrgDefaults = pgTable(
  'notification_org_defaults',
  {
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    channel: text('channel', { enum: ['in_app', 'email', 'webhook', 'push'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.type, t.channel] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('notification_org_defaults', t.orgId),
  ],
).enableRLS()

/** Per-user settings: language, digest frequency and hour, quiet hours (local times in the org's zone). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    locale: text('locale', { enum: ['es', 'en'] })
      .notNull()
      .default('es'),
    digest: text('digest', { enum: ['off', 'daily', 'weekly'] })
      .notNull()
      .default('off'),
    /** Local hour 0–23 at which the digest goes out. */
    digestHour: integer('digest_hour').notNull().default(7),
    /** ISO weekday 1 (Monday) – 7 for weekly digests. */
    digestWeekday: integer('digest_weekday').notNull().default(1),
    /** 'HH:MM' local; both null = no quiet hours. */
    quietStart: text('quiet_start'),
    quietEnd: text('quiet_end'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('notification_settings', t.orgId),
  ],
).enableRLS()

/**
 * A browser's web push subscription (PushManager.subscribe): where the push service accepts messages
 * for one user on one device. Removed when the push service answers 404/410 (the browser dropped it).
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: tz('created_at').notNull().defaultNow(),
    lastSuccessAt: tz('last_success_at'),
    failureCount: integer('failure_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    unique('push_subscriptions_endpoint_per_user').on(t.orgId, t.userId, t.endpoint),
    orgIsolationPolicy('push_subscriptions', t.orgId),
  ],
).enableRLS()
