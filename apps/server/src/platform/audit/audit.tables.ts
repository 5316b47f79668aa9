import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { newId, orgIsolationPolicy } from '../db/tenant-table.ts'

/**
 * Append-only audit trail, partitioned by month on `occurred_at` (the migration declares the
 * partitioning; drizzle-kit cannot). The runtime role may only SELECT and INSERT it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.occurredAt, t.id] }),
    index('audit_events_org_id_id').on(t.orgId, t.id),
    index('audit_events_org_entity').on(t.orgId, t.entityType, t.entityId),
    orgIsolationPolicy('audit_events', t.orgId),
  ],
).enableRLS()
