import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { activityEntries } from './activity.tables.ts'

export type ActivityRow = typeof activityEntries.$inferSelect

/** Inserts once per event id; false when the event was already recorded. */
export async function insertEntry(ctx: ServiceContext, values: Omit<ActivityRow, 'orgId'>) {
  const rows = await ctx.db
    .insert(activityEntries)
    .values({ ...values, orgId: ctx.orgId })
    .onConflictDoNothing()
    .returning({ id: activityEntries.id })
  return rows.length > 0
}

/** The newest line about one entity, optionally of one verb and actor. */
export async function latestFor(
  ctx: ServiceContext,
  entity: { type: string; id: string },
  match: { verb?: string; actorId?: string | null; withTitle?: boolean } = {},
) {
  const [row] = await ctx.db
    .select()
    .from(activityEntries)
    .where(
      and(
        eq(activityEntries.orgId, ctx.orgId),
        eq(activityEntries.entityType, entity.type),
        eq(activityEntries.entityId, entity.id),
        match.verb === undefined ? undefined : eq(activityEntries.verb, match.verb),
        match.actorId === undefined
          ? undefined
          : match.actorId === null
            ? isNull(activityEntries.actorId)
            : eq(activityEntries.actorId, match.actorId),
        match.withTitle ? isNotNull(activityEntries.title) : undefined,
      ),
    )
    .orderBy(desc(activityEntries.id))
    .limit(1)
  return row ?? null
}

export type ActivityFilter = {
  limit: number
  after?: string | undefined
  entityTypes: string[]
  entityType?: string | undefined
  actorId?: string | undefined
  since?: Date | undefined
  /** One entity's timeline: its own lines and those of its children (context). */
  entity?: { type: string; id: string } | undefined
}

/** Newest first by event id (UUIDv7 = time of the event). */
export async function listEntries(ctx: ServiceContext, filter: ActivityFilter) {
  if (filter.entityTypes.length === 0) return []
  return ctx.db
    .select()
    .from(activityEntries)
    .where(
      and(
        eq(activityEntries.orgId, ctx.orgId),
        inArray(activityEntries.entityType, filter.entityTypes),
        filter.after ? lt(activityEntries.id, filter.after) : undefined,
        filter.entityType ? eq(activityEntries.entityType, filter.entityType) : undefined,
        filter.actorId ? eq(activityEntries.actorId, filter.actorId) : undefined,
        filter.since ? gte(activityEntries.occurredAt, filter.since) : undefined,
        filter.entity
          ? or(
              and(
                eq(activityEntries.entityType, filter.entity.type),
                eq(activityEntries.entityId, filter.entity.id),
              ),
              and(
                eq(activityEntries.contextType, filter.entity.type),
                eq(activityEntries.contextId, filter.entity.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(activityEntries.id))
    .limit(filter.limit + 1)
}
