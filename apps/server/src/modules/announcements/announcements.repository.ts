import { and, desc, eq, ilike, lt, or, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { announcements } from './announcements.tables.ts'

export type AnnouncementRow = typeof announcements.$inferSelect

export async function listAnnouncements(
  ctx: ServiceContext,
  filter: { limit: number; after?: string | undefined; pinned?: boolean | undefined; q?: string | undefined },
) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined
  return ctx.db
    .select()
    .from(announcements)
    .where(
      and(
        eq(announcements.orgId, ctx.orgId),
        filter.after ? lt(announcements.id, filter.after) : undefined,
        filter.pinned === undefined ? undefined : eq(announcements.pinned, filter.pinned),
        pattern ? or(ilike(announcements.title, pattern), ilike(announcements.body, pattern)) : undefined,
      ),
    )
    .orderBy(desc(announcements.id))
    .limit(filter.limit + 1)
}

export async function findAnnouncement(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(announcements)
    .where(and(eq(announcements.orgId, ctx.orgId), eq(announcements.id, id)))
  return row ?? null
}

export async function insertAnnouncement(
  ctx: ServiceContext,
  values: { title: string; body: string; pinned: boolean },
) {
  const [row] = await ctx.db
    .insert(announcements)
    .values({ ...values, orgId: ctx.orgId, authorId: ctx.actor.userId!, publishedAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Updates only if the row still has `version`; null means someone changed it first. */
export async function updateAnnouncementIfVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: Partial<Pick<AnnouncementRow, 'title' | 'body' | 'pinned'>>,
) {
  const [row] = await ctx.db
    .update(announcements)
    .set({ ...patch, version: sql`${announcements.version} + 1`, updatedAt: ctx.now })
    .where(
      and(eq(announcements.orgId, ctx.orgId), eq(announcements.id, id), eq(announcements.version, version)),
    )
    .returning()
  return row ?? null
}

export async function deleteAnnouncement(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .delete(announcements)
    .where(and(eq(announcements.orgId, ctx.orgId), eq(announcements.id, id)))
    .returning({ id: announcements.id })
  return rows.length > 0
}
