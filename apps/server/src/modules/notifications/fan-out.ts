import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DomainEvent, EventHandlerDef } from '../../platform/events/event-bus.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { queueMail } from '../../platform/mail/index.ts'
import type { NotificationChannel } from '../../platform/notification-type.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { quietHoursEnd } from './local-time.ts'
import { availableChannels, notificationTypes } from './notification-types.ts'
import {
  NOTIFICATION_DUE,
  NOTIFICATION_PUSH,
  NOTIFICATION_REQUESTED,
  NOTIFICATION_WEBHOOK,
  REALTIME_NOTIFICATION_CREATED,
} from './notifications.events.ts'
import { notificationDeliveries, notificationRequests, notifications } from './notifications.tables.ts'
import { resolveChannel } from './preference-resolution.ts'
import {
  DEFAULT_SETTINGS,
  orgDefaults,
  orgProfile,
  settingsFor,
  userPreferences,
} from './preferences.repository.ts'

export const FAN_OUT_HANDLER = 'notifications.fan-out'
export const IN_APP_HANDLER = 'notifications.in-app'

/** The mail dedupe key of one notification email: a retried fan-out never mails twice. */
export const notificationMailKey = (requestId: string, userId: string) =>
  `notification:${requestId}:${userId}`

/** The request and everything both deliveries need, or null when there is nothing to deliver. */
async function loadRequest(ctx: ServiceContext, requestId: string, statuses: readonly string[]) {
  const [request] = await ctx.db
    .select()
    .from(notificationRequests)
    .where(and(eq(notificationRequests.orgId, ctx.orgId), eq(notificationRequests.id, requestId)))
  if (!request || !statuses.includes(request.status)) return null
  const registered = (await notificationTypes()).get(request.type)
  if (!registered) return null // the declaring module was removed; nothing can render it
  const { def } = registered
  const critical = def.critical ?? false
  const members = await memberDirectory(ctx)
  const recipients = request.recipients.filter((id) => members.has(id))
  // One transaction is one connection: its queries run one after another anyway.
  const prefs = await userPreferences(ctx, recipients, [request.type])
  const defaults = await orgDefaults(ctx)
  const settings = await settingsFor(ctx, recipients)
  const mine = (userId: string) => settings.get(userId) ?? DEFAULT_SETTINGS
  const enabled = (userId: string, channel: NotificationChannel) =>
    availableChannels().includes(channel) &&
    resolveChannel({
      channel,
      critical,
      defaultChannels: def.defaultChannels,
      typePref: prefs.get(`${userId}|${request.type}|${channel}`),
      globalPref: prefs.get(`${userId}|*|${channel}`),
      orgDefault: defaults.get(`${request.type}|${channel}`),
    }).enabled
  const text = (userId: string) => def.render(request.payload, mine(userId).locale)
  return { request, def, critical, members, recipients, mine, enabled, text }
}

/**
 * The in-app half: one inbox row per recipient who wants it, in one statement, so a broadcast to a
 * thousand members commits in milliseconds. Returns the new rows with each recipient's unread count.
 * Runs even after the outbound half marked the request delivered; the unique (request, user) row makes
 * a retry a no-op.
 */
export async function deliverInApp(ctx: ServiceContext, requestId: string) {
  const loaded = await loadRequest(ctx, requestId, ['pending', 'due', 'delivered'])
  if (!loaded) return []
  const { request, recipients, enabled, text } = loaded
  const rows = recipients
    .filter((userId) => enabled(userId, 'in_app'))
    .map((userId) => {
      const rendered = text(userId)
      return {
        orgId: ctx.orgId,
        userId,
        requestId,
        type: request.type,
        title: rendered.title,
        body: rendered.body,
        url: rendered.url ?? null,
        actorId: request.actorId,
        resourceType: request.resourceType,
        resourceId: request.resourceId,
        createdAt: ctx.now,
      }
    })
  if (rows.length === 0) return []
  const created = await ctx.db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId })
  if (created.length === 0) return []
  const counts = await unreadCounts(
    ctx,
    created.map((c) => c.userId),
  )
  return created.map((c) => ({ ...c, unreadCount: counts.get(c.userId) ?? 0 }))
}

/**
 * The outbound half: email (now, held for quiet hours, or kept for the digest), web push (now or
 * held for quiet hours; the push handler sends it from jobs) and webhook, per
 * recipient and channel their preferences allow; then the request is delivered. The unique
 * (request, user, channel) rows and the mail dedupe key make a retry a no-op.
 */
export async function deliverOutbound(ctx: ServiceContext, requestId: string) {
  const loaded = await loadRequest(ctx, requestId, ['pending', 'due'])
  if (!loaded) return
  const { request, def, critical, members, recipients, mine, enabled, text } = loaded
  const org = await orgProfile(ctx)
  for (const userId of recipients) {
    const member = members.get(userId)
    if (!member) continue
    const settings = mine(userId)
    const rendered = text(userId)
    const delivery = {
      orgId: ctx.orgId,
      createdAt: ctx.now,
      requestId,
      userId,
      title: rendered.title,
      body: rendered.body,
      url: rendered.url ?? null,
    }
    // Quiet hours hold email and push alike; critical types ignore them.
    const held = critical
      ? null
      : quietHoursEnd(ctx.now, org.timezone, { start: settings.quietStart, end: settings.quietEnd })
    if (enabled(userId, 'email')) {
      const status =
        def.digestable && !critical && settings.digest !== 'off' ? 'digest' : held ? 'held' : 'sent'
      const [row] = await ctx.db
        .insert(notificationDeliveries)
        .values({
          ...delivery,
          channel: 'email',
          status,
          dueAt: status === 'held' ? held : null,
          sentAt: status === 'sent' ? ctx.now : null,
        })
        .onConflictDoNothing()
        .returning({ id: notificationDeliveries.id })
      if (row && status === 'sent') {
        await queueMail(ctx, {
          to: member.email,
          template: 'notification',
          data: {
            recipientName: member.name,
            title: rendered.title,
            body: rendered.body,
            url: rendered.url ?? null,
          },
          locale: settings.locale,
          dedupeKey: notificationMailKey(requestId, userId),
        })
      }
    }
    if (enabled(userId, 'push')) {
      const status = held ? 'held' : 'sent'
      const [row] = await ctx.db
        .insert(notificationDeliveries)
        .values({
          ...delivery,
          channel: 'push',
          status,
          dueAt: held,
          sentAt: status === 'sent' ? ctx.now : null,
        })
        .onConflictDoNothing()
        .returning({ id: notificationDeliveries.id })
      if (row && status === 'sent') {
        await recordEvent(ctx, { type: NOTIFICATION_PUSH, entityId: row.id, payload: { userId } })
      }
    }
    if (enabled(userId, 'webhook')) {
      const [row] = await ctx.db
        .insert(notificationDeliveries)
        .values({ ...delivery, channel: 'webhook', status: 'sent', sentAt: ctx.now })
        .onConflictDoNothing()
        .returning({ id: notificationDeliveries.id })
      if (row) {
        await recordEvent(ctx, {
          type: NOTIFICATION_WEBHOOK,
          entityId: requestId,
          payload: {
            notificationType: request.type,
            recipientId: userId,
            title: rendered.title,
            body: rendered.body,
            url: rendered.url ?? null,
          },
        })
      }
    }
  }
  await ctx.db
    .update(notificationRequests)
    .set({ status: 'delivered', updatedAt: ctx.now })
    .where(and(eq(notificationRequests.orgId, ctx.orgId), eq(notificationRequests.id, requestId)))
}

/** Both halves in one transaction (jobs and tests); the handlers run them apart. */
export async function fanOut(ctx: ServiceContext, requestId: string) {
  const created = await deliverInApp(ctx, requestId)
  await deliverOutbound(ctx, requestId)
  return created
}

export async function unreadCounts(ctx: ServiceContext, userIds: string[]) {
  const rows = await ctx.db
    .select({ userId: notifications.userId, count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, ctx.orgId),
        inArray(notifications.userId, userIds),
        isNull(notifications.readAt),
        isNull(notifications.archivedAt),
      ),
    )
    .groupBy(notifications.userId)
  return new Map(rows.map((r) => [r.userId, r.count]))
}

/** Email and webhook deliveries, after the request commits. */
export const fanOutHandler: EventHandlerDef = {
  name: FAN_OUT_HANDLER,
  on: [NOTIFICATION_REQUESTED, NOTIFICATION_DUE],
  handle: async (ctx, event: DomainEvent) => {
    if (event.entityId) await deliverOutbound(ctx, event.entityId)
  },
}

/**
 * Inbox rows, then `notification.created` to each recipient once they are committed (a client that
 * refetches on the push always finds its row). Separate from the email half so a broadcast reaches the
 * bells without waiting for a thousand emails to be queued.
 */
export const inAppHandler: EventHandlerDef = {
  name: IN_APP_HANDLER,
  urgent: true,
  on: [NOTIFICATION_REQUESTED, NOTIFICATION_DUE],
  handle: async (ctx, event: DomainEvent, { realtime, afterCommit }) => {
    if (!event.entityId) return
    const created = await deliverInApp(ctx, event.entityId)
    afterCommit(() => {
      for (const c of created) {
        realtime.emitToUser(c.userId, REALTIME_NOTIFICATION_CREATED, { id: c.id, unreadCount: c.unreadCount })
      }
    })
  },
}
