import type { AuditEvent } from '@minga/contracts'
import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm'
import { newId } from '../db/tenant-table.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import type { ServiceContext } from '../service-context.ts'
import { auditEvents } from './audit.tables.ts'

type Snapshot = Record<string, unknown> | null | undefined

/** Field-by-field differences between two snapshots: `{ field: { from, to } }`. */
export function diffSnapshots(before: Snapshot, after: Snapshot) {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    const from = normalize(before?.[key])
    const to = normalize(after?.[key])
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to }
  }
  return changes
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  return value ?? null
}

/** One audit entry: the before/after snapshots are stored as their field-by-field diff. */
export type AuditEntry = {
  action: string
  entityType: string
  entityId?: string | null
  before?: Snapshot
  after?: Snapshot
}

/** Writes one audit row in the caller's transaction: it commits or rolls back with the change. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry) {
  const changes = diffSnapshots(entry.before, entry.after)
  await ctx.db.insert(auditEvents).values({
    orgId: ctx.orgId,
    occurredAt: ctx.now,
    actorId: ctx.actor.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: Object.keys(changes).length ? changes : null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  })
}

/** Rows per statement in `recordAuditMany`. */
const AUDIT_BATCH = 5000

/**
 * Writes many audit rows (a bulk import) in the caller's transaction, each exactly what `recordAudit`
 * would write. One INSERT … SELECT FROM unnest per 5,000 rows: a handful of array parameters instead
 * of a VALUES list that costs more to build than to run.
 */
export async function recordAuditMany(ctx: ServiceContext, entries: AuditEntry[]) {
  const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    const chunk = entries.slice(i, i + AUDIT_BATCH)
    const changes = chunk.map((entry) => {
      const diff = diffSnapshots(entry.before, entry.after)
      return Object.keys(diff).length ? JSON.stringify(diff) : null
    })
    await ctx.db.execute(sql`
      insert into ${auditEvents} (org_id, id, occurred_at, actor_id, action, entity_type, entity_id, changes, ip, request_id)
      select ${ctx.orgId}::uuid, v.id, ${ctx.now}::timestamptz, ${ctx.actor.userId}::uuid, v.action, v.entity_type,
        v.entity_id, v.changes::jsonb, ${ctx.ip}, ${ctx.requestId}
      from unnest(
        ${array(
          chunk.map(() => newId()),
          'uuid',
        )},
        ${array(
          chunk.map((e) => e.action),
          'text',
        )},
        ${array(
          chunk.map((e) => e.entityType),
          'text',
        )},
        ${array(
          chunk.map((e) => e.entityId ?? null),
          'text',
        )},
        ${array(changes, 'text')}
      ) as v(id, action, entity_type, entity_id, changes)`)
  }
}

export type AuditFilter = {
  limit: number
  cursor?: string | undefined
  action?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  actorId?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export async function listAudit(ctx: ServiceContext, filter: AuditFilter) {
  const after = decodeCursor(filter.cursor)
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, ctx.orgId),
        after ? lt(auditEvents.id, after) : undefined,
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
        filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
        filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
        filter.from ? gte(auditEvents.occurredAt, new Date(filter.from)) : undefined,
        filter.to ? lte(auditEvents.occurredAt, new Date(filter.to)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1)
  const page = toPage(rows, filter.limit, (r) => r.id)
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(
      (r): AuditEvent => ({
        id: r.id,
        occurredAt: r.occurredAt.toISOString(),
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        changes: r.changes ?? null,
        ip: r.ip,
        requestId: r.requestId,
      }),
    ),
  }
}
