import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { newId } from '../db/tenant-table.ts'

/**
 * Transactional outbox: a domain event is written in the same transaction as the change it
 * describes, then dispatched after commit. Infrastructure read across orgs by the dispatcher,
 * so it has no RLS; handlers run inside their event's org scope.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    entityId: text('entity_id'),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Lease taken by a dispatcher; an expired lease with no dispatchedAt is taken again. */
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('outbox_events_pending').on(t.occurredAt).where(sql`dispatched_at is null`)],
)

/** One row per (handler, event) already applied: makes at-least-once delivery idempotent. */
export const processedEvents = pgTable(
  'processed_events',
  {
    handler: text('handler').notNull(),
    eventId: uuid('event_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.eventId] })],
)
