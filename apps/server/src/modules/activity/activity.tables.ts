import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { orgIsolationPolicy } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

/**
 * One human-readable line per domain event worth showing. The id is the outbox event's id (UUIDv7, so
 * time-ordered by when the event happened): the primary key makes a replayed event a no-op and keyset
 * pagination by id is newest-first by occurrence.
 */
export const activityEntries = pgTable(
  'activity_entries',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** Null for system work (jobs, deadlines). */
    actorId: uuid('actor_id'),
    /** The event type, e.g. `task.changed`. */
    verb: text('verb').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The enclosing entity (a motion's assembly), so its timeline shows its children's activity. */
    contextType: text('context_type'),
    contextId: text('context_id'),
    /** The only payload-derived text kept: a title, whitelisted per event type. */
    title: text('title'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('activity_entries_entity').on(t.orgId, t.entityType, t.entityId, t.id),
    index('activity_entries_context').on(t.orgId, t.contextType, t.contextId, t.id),
    index('activity_entries_actor').on(t.orgId, t.actorId, t.id),
    orgIsolationPolicy('activity_entries', t.orgId),
  ],
).enableRLS()
