import type { InboxNotification, InboxQuery, UpdateInboxNotification } from '@minga/contracts'
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { unreadCounts } from './fan-out.ts'
import { notifications } from './notifications.tables.ts'

type InboxRow = typeof notifications.$inferSelect

function toDto(row: InboxRow): InboxNotification {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    url: row.url,
    actorId: row.actorId,
    resource: row.resourceType && row.resourceId ? { type: row.resourceType, id: row.resourceId } : null,
    readAt: row.readAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** The signed-in user: every inbox query is filtered by it on top of the org's RLS. */
function me(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue')
  return ctx.actor.userId
}

const mine = (ctx: ServiceContext) =>
  and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, me(ctx)))

export async function listInbox(ctx: ServiceContext, query: InboxQuery) {
  const after = decodeCursor(query.cursor)
  const status =
    query.status === 'archived'
      ? isNotNull(notifications.archivedAt)
      : and(
          isNull(notifications.archivedAt),
          query.status === 'read' ? isNotNull(notifications.readAt) : isNull(notifications.readAt),
        )
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(mine(ctx), status, after ? lt(notifications.id, after) : undefined))
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1)
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toDto), nextCursor: page.nextCursor }
}

export async function unreadCount(ctx: ServiceContext) {
  const userId = me(ctx)
  return { unreadCount: (await unreadCounts(ctx, [userId])).get(userId) ?? 0 }
}

export async function updateInboxItem(ctx: ServiceContext, id: string, change: UpdateInboxNotification) {
  const [row] = await ctx.db
    .update(notifications)
    .set({
      ...(change.read === undefined ? {} : { readAt: change.read ? ctx.now : null }),
      ...(change.archived === undefined ? {} : { archivedAt: change.archived ? ctx.now : null }),
    })
    .where(and(mine(ctx), eq(notifications.id, id)))
    .returning()
  if (!row) throw notFound('Notification')
  return toDto(row)
}

export async function markAllRead(ctx: ServiceContext) {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(mine(ctx), isNull(notifications.readAt), isNull(notifications.archivedAt)))
    .returning({ id: notifications.id })
  return { updated: rows.length, ...(await unreadCount(ctx)) }
}
