import type { ActivityEntityType, ActivityEntry, ActivityQuery } from '@minga/contracts'
import { can } from '../../platform/access/effective-permissions.ts'
import type { DomainEvent } from '../../platform/events/event-bus.ts'
import { notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { getTask } from '../tasks/index.ts'
import { ACTIVITY_EVENT_MAP, draftFor, READ_PERMISSION_BY_ENTITY, safeTitle } from './activity.event-map.ts'
import * as repo from './activity.repository.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Current title from the owning module, in a savepoint so a failed lookup never aborts the handler. */
async function lookupTitle(ctx: ServiceContext, entityType: ActivityEntityType, entityId: string) {
  if (entityType !== 'task' || !UUID.test(entityId)) return null
  try {
    return await ctx.db.transaction(async (savepoint) =>
      safeTitle((await getTask({ ...ctx, db: savepoint }, entityId)).title),
    )
  } catch {
    return null // deleted since: fall back to the last title we saw
  }
}

/**
 * The `activity.record` handler's work: at most one line per event (its id is the line's id), only for
 * mapped event types, keeping only whitelisted fields. Returns whether a line was written.
 */
export async function recordActivity(ctx: ServiceContext, event: DomainEvent): Promise<boolean> {
  const draft = draftFor(event)
  const mapping = ACTIVITY_EVENT_MAP[event.type]
  if (!draft || !mapping) return false
  const entity = { type: draft.entityType, id: draft.entityId }
  if (mapping.foldMinutes) {
    const previous = await repo.latestFor(ctx, entity, { verb: event.type, actorId: event.actorId })
    const windowMs = mapping.foldMinutes * 60_000
    if (previous && Math.abs(event.occurredAt.getTime() - previous.occurredAt.getTime()) < windowMs)
      return false
  }
  let title = draft.title
  if (!title && mapping.lookupTitle) title = await lookupTitle(ctx, draft.entityType, draft.entityId)
  if (!title) title = (await repo.latestFor(ctx, entity, { withTitle: true }))?.title ?? null
  return repo.insertEntry(ctx, {
    id: event.id,
    actorId: event.actorId,
    verb: event.type,
    entityType: draft.entityType,
    entityId: draft.entityId,
    contextType: draft.contextType,
    contextId: draft.contextId,
    title,
    occurredAt: event.occurredAt,
  })
}

/** Entity types whose module the caller may read: a role without `polls:read` sees no poll lines. */
function readableEntityTypes(ctx: ServiceContext): ActivityEntityType[] {
  return (Object.keys(READ_PERMISSION_BY_ENTITY) as ActivityEntityType[]).filter((type) =>
    can(ctx, READ_PERMISSION_BY_ENTITY[type]),
  )
}

async function toDtos(ctx: ServiceContext, rows: repo.ActivityRow[]): Promise<ActivityEntry[]> {
  const members = rows.some((r) => r.actorId) ? await memberDirectory(ctx) : new Map()
  return rows.map((row) => ({
    id: row.id,
    verb: row.verb,
    entityType: row.entityType as ActivityEntityType,
    entityId: row.entityId,
    context: row.contextType && row.contextId ? { type: row.contextType, id: row.contextId } : null,
    title: row.title,
    actor: row.actorId ? { id: row.actorId, name: members.get(row.actorId)?.name ?? null } : null,
    occurredAt: row.occurredAt.toISOString(),
  }))
}

/** The org timeline, newest first. */
export async function listActivity(ctx: ServiceContext, query: ActivityQuery) {
  const rows = await repo.listEntries(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    entityTypes: readableEntityTypes(ctx),
    entityType: query.entityType,
    actorId: query.actorId,
    since: query.since ? new Date(query.since) : undefined,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: await toDtos(ctx, page.items), nextCursor: page.nextCursor }
}

/** One entity's timeline (a motion's lines also show on its assembly's). 404 when its module is not readable. */
export async function entityActivity(
  ctx: ServiceContext,
  entity: { entityType: ActivityEntityType; entityId: string },
  query: { limit: number; cursor?: string | undefined },
) {
  const readable = readableEntityTypes(ctx)
  if (!readable.includes(entity.entityType)) throw notFound('Entity')
  const rows = await repo.listEntries(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    entityTypes: readable,
    entity: { type: entity.entityType, id: entity.entityId },
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: await toDtos(ctx, page.items), nextCursor: page.nextCursor }
}
