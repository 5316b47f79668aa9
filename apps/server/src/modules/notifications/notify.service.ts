import type { FieldError } from '@minga/contracts'
import { and, eq, inArray } from 'drizzle-orm'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberships } from '../../platform/tenancy/tenancy.tables.ts'
import { notificationTypes } from './notification-types.ts'
import { NOTIFICATION_REQUESTED } from './notifications.events.ts'
import { notificationRequests } from './notifications.tables.ts'

export type NotifyInput = {
  type: string
  /** User ids; each must be a member of the org. */
  recipients: string[]
  payload: unknown
  /** Same key in the same org → the repeat returns the first request's id and sends nothing. */
  dedupeKey?: string
  /** Deliver later (a reminder); cancellable with cancelScheduled until then. */
  sendAt?: Date
  resource?: { type: string; id: string }
}

const unprocessable = (message: string, errors: FieldError[]) =>
  new AppError('unprocessable', message, errors)

/**
 * In the caller's transaction: validates the type, recipients and payload, stores one request and
 * records its outbox event. After commit the fan-out handler delivers per recipient and channel.
 */
export async function notify(ctx: ServiceContext, input: NotifyInput): Promise<{ id: string }> {
  const registered = (await notificationTypes()).get(input.type)
  if (!registered) {
    throw unprocessable(`Unknown notification type ${input.type}`, [
      { path: 'type', message: 'Unknown notification type' },
    ])
  }
  if (input.dedupeKey !== undefined && (input.dedupeKey.length === 0 || input.dedupeKey.length > 300)) {
    throw unprocessable('Invalid dedupe key', [{ path: 'dedupeKey', message: 'Use 1 to 300 characters' }])
  }
  if (input.sendAt !== undefined && Number.isNaN(input.sendAt.getTime())) {
    throw unprocessable('Invalid send time', [{ path: 'sendAt', message: 'Invalid date' }])
  }

  const parsed = registered.def.payload.safeParse(input.payload)
  if (!parsed.success) {
    throw unprocessable(
      `Invalid payload for ${input.type}`,
      parsed.error.issues.map((issue) => ({
        path: ['payload', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    )
  }

  const recipients = [...new Set(input.recipients)]
  const members = await memberIds(ctx, recipients)
  const strangers = input.recipients.flatMap((id, index) =>
    members.has(id) ? [] : [{ path: `recipients.${index}`, message: 'Not a member of this organization' }],
  )
  if (strangers.length > 0)
    throw unprocessable('Some recipients are not members of the organization', strangers)

  if (input.dedupeKey) {
    const existing = await findByDedupeKey(ctx, input.dedupeKey)
    if (existing) return { id: existing }
  }

  const scheduled = input.sendAt !== undefined && input.sendAt.getTime() > ctx.now.getTime()
  const [row] = await ctx.db
    .insert(notificationRequests)
    .values({
      orgId: ctx.orgId,
      type: input.type,
      actorId: ctx.actor.userId,
      recipients,
      payload: (parsed.data ?? {}) as Record<string, unknown>,
      dedupeKey: input.dedupeKey ?? null,
      sendAt: input.sendAt ?? null,
      status: scheduled ? 'scheduled' : 'pending',
      resourceType: input.resource?.type ?? null,
      resourceId: input.resource?.id ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notificationRequests.id })
  if (!row) {
    // A concurrent caller committed the same dedupe key first.
    const existing = input.dedupeKey ? await findByDedupeKey(ctx, input.dedupeKey) : null
    if (existing) return { id: existing }
    throw new AppError('conflict', 'The notification could not be stored')
  }
  if (!scheduled) {
    await recordEvent(ctx, { type: NOTIFICATION_REQUESTED, entityId: row.id, payload: { type: input.type } })
  }
  return { id: row.id }
}

/** Cancels a scheduled notification that has not gone out yet; false when there is none to cancel. */
export async function cancelScheduled(ctx: ServiceContext, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false
  const rows = await ctx.db
    .update(notificationRequests)
    .set({ status: 'cancelled', updatedAt: ctx.now })
    .where(
      and(
        eq(notificationRequests.orgId, ctx.orgId),
        eq(notificationRequests.id, id),
        eq(notificationRequests.status, 'scheduled'),
      ),
    )
    .returning({ id: notificationRequests.id })
  return rows.length > 0
}

/** The org's owners and admins (platform roles), e.g. to tell them a webhook was disabled. */
export async function orgAdminIds(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), inArray(memberships.role, ['owner', 'admin'])))
    .orderBy(memberships.userId)
  return rows.map((r) => r.userId)
}

async function memberIds(ctx: ServiceContext, userIds: string[]): Promise<Set<string>> {
  const valid = userIds.filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  )
  if (valid.length === 0) return new Set()
  const rows = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), inArray(memberships.userId, valid)))
  return new Set(rows.map((r) => r.userId))
}

async function findByDedupeKey(ctx: ServiceContext, dedupeKey: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: notificationRequests.id })
    .from(notificationRequests)
    .where(and(eq(notificationRequests.orgId, ctx.orgId), eq(notificationRequests.dedupeKey, dedupeKey)))
  return row?.id ?? null
}
