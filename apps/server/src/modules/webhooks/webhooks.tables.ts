import { sql } from 'drizzle-orm'
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

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** An org's registered receiver: where matching domain events are POSTed, signed with `secret`. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    ...tenantColumns(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** Standard Webhooks secret (`whsec_<base64>`); needed in clear to sign, never returned after creation. */
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason').$type<'manual' | 'failures'>(),
    disabledAt: at('disabled_at'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('webhook_endpoints', t.orgId),
  ],
).enableRLS()

/** One event for one endpoint: created once per (endpoint, event), attempted until it succeeds or gives up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    ...tenantColumns(),
    endpointId: uuid('endpoint_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent on every attempt, so a replay sends the same message. */
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    status: text('status').notNull().$type<'pending' | 'succeeded' | 'failed'>().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Automatic attempts stop here; a replay raises it by one. */
    attemptLimit: integer('attempt_limit').notNull(),
    nextAttemptAt: at('next_attempt_at'),
    /** Lease held by the worker attempting it, so two workers never send it at once. */
    lockedUntil: at('locked_until'),
    /** The next attempt was asked for by hand (replay). */
    replayRequested: boolean('replay_requested').notNull().default(false),
    lastStatusCode: integer('last_status_code'),
    lastDurationMs: integer('last_duration_ms'),
    lastError: text('last_error'),
    lastResponseBody: text('last_response_body'),
    succeededAt: at('succeeded_at'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.endpointId],
      foreignColumns: [webhookEndpoints.orgId, webhookEndpoints.id],
    }).onDelete('cascade'),
    unique('webhook_deliveries_once').on(t.orgId, t.endpointId, t.eventId),
    index('webhook_deliveries_due').on(t.orgId, t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_endpoint').on(t.orgId, t.endpointId, t.id),
    orgIsolationPolicy('webhook_deliveries', t.orgId),
  ],
).enableRLS()

/** The log of every HTTP attempt of a delivery. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    ...tenantColumns(),
    deliveryId: uuid('delivery_id').notNull(),
    number: integer('number').notNull(),
    trigger: text('trigger').notNull().$type<'automatic' | 'replay'>(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    responseBody: text('response_body'),
    error: text('error'),
    startedAt: at('started_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.deliveryId],
      foreignColumns: [webhookDeliveries.orgId, webhookDeliveries.id],
    }).onDelete('cascade'),
    index('webhook_attempts_delivery').on(t.orgId, t.deliveryId, t.number),
    orgIsolationPolicy('webhook_attempts', t.orgId),
  ],
).enableRLS()

/** Event types seen in the org, offered by the filter picker. */
export const webhookEventTypes = pgTable(
  'webhook_event_types',
  {
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.type] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('webhook_event_types', t.orgId),
  ],
).enableRLS()
