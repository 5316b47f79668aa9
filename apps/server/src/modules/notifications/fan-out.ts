import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DomainEvent, EventHandlerDef } from '../../platform/events/event-bus.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { queueMail } from '../../platform/mail/index.ts'
import type { NotificationChannel } from '../../platform/notification-type.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { quietHoursEnd } from './local-time.ts'
import { AVAILABLE_CHANNELS, notificationTypes } from './notification-types.ts'
import {
  NOTIFICATION_DUE,
  NOTIFICATION_REQUESTED,
  NOTIFICATION_WEBHOOK,
  NOTIFICATIONS_CREATED,
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
export const PUSH_REALTIME_HANDLER = 'notifications.push-realtime'

/** The mail dedupe key of one notification email: a retried fan-out never mails twice. */
export const notificationMailKey = (requestId: string, userId: string) =>
  `notification:${requestId}:${userId}`

/**
 * Delivers one committed request to each recipient on each channel their preferences allow. Runs in
 * the event handler's transaction; the unique (request, user[, channel]) rows make a retry a no-op.
 */
export async function fanOut(ctx: ServiceContext, requestId: string) {
  const [request] = await ctx.db
    .select()
    .from(notificationRequests)
    .where(and(eq(notificationRequests.orgId, ctx.orgId), eq(notificationRequests.id, requestId)))
  if (!request || (request.status !== 'pending' && request.status !== 'due')) return
  const registered = (await notificationTypes()).get(request.type)
  if (!registered) return // the declaring module was removed; nothing can render it
  const { def } = registered
  const critical = def.critical ?? false

  const members = await memberDirectory(ctx)
  const recipients = request.recipients.filter((id) => members.has(id))
  const org = await orgProfile(ctx)
  // One transaction is one connection: its queries run one after another anyway.
  const prefs = await userPreferences(ctx, recipients, [request.type])
  const defaults = await orgDefaults(ctx)
  const settings = await settingsFor(ctx, recipients)

  const inboxCreated: { userId: string; id: string }[] = []
  for (const userId of recipients) {
    const member = members.get(userId)
    if (!member) continue
    const mine = settings.get(userId) ?? DEFAULT_SETTINGS
    const text = def.render(request.payload, mine.locale)
    const enabled = (channel: NotificationChannel) =>
      AVAILABLE_CHANNELS.includes(channel) &&
      resolveChannel({
        channel,
        critical,
        defaultChannels: def.defaultChannels,
        typePref: prefs.get(`${userId}|${request.type}|${channel}`),
        globalPref: prefs.get(`${userId}|*|${channel}`),
        orgDefault: defaults.get(`${request.type}|${channel}`),
      }).enabled

    if (enabled('in_app')) {
      const [row] = await ctx.db
        .insert(notifications)
        .values({
          orgId: ctx.orgId,
          userId,
          requestId,
          type: request.type,
          title: text.title,
          body: text.body,
          url: text.url ?? null,
          actorId: request.actorId,
          resourceType: request.resourceType,
          resourceId: request.resourceId,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: notifications.id })
      if (row) inboxCreated.push({ userId, id: row.id })
    }

    const delivery = {
      orgId: ctx.orgId,
      createdAt: ctx.now,
      requestId,
      userId,
      title: text.title,
      body: text.body,
      url: text.url ?? null,
    }
    if (enabled('email')) {
      const held = critical
        ? null
        : quietHoursEnd(ctx.now, org.timezone, { start: mine.quietStart, end: mine.quietEnd })
      const status = def.digestable && !critical && mine.digest !== 'off' ? 'digest' : held ? 'held' : 'sent'
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
          data: { recipientName: member.name, title: text.title, body: text.body, url: text.url ?? null },
          locale: mine.locale,
          dedupeKey: notificationMailKey(requestId, userId),
        })
      }
    }

    if (enabled('webhook')) {
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
            title: text.title,
            body: text.body,
            url: text.url ?? null,
          },
        })
      }
    }
  }

  await ctx.db
    .update(notificationRequests)
    .set({ status: 'delivered', updatedAt: ctx.now })
    .where(and(eq(notificationRequests.orgId, ctx.orgId), eq(notificationRequests.id, requestId)))

  if (inboxCreated.length > 0) {
    const counts = await unreadCounts(
      ctx,
      inboxCreated.map((c) => c.userId),
    )
    await recordEvent(ctx, {
      type: NOTIFICATIONS_CREATED,
      entityId: requestId,
      payload: {
        created: inboxCreated.map((c) => ({ ...c, unreadCount: counts.get(c.userId) ?? 0 })),
      },
    })
  }
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

export const fanOutHandler: EventHandlerDef = {
  name: FAN_OUT_HANDLER,
  on: [NOTIFICATION_REQUESTED, NOTIFICATION_DUE],
  handle: async (ctx, event: DomainEvent) => {
    if (event.entityId) await fanOut(ctx, event.entityId)
  },
}

/**
 * Pushes `notification.created` to each recipient once the inbox rows are committed (a separate
 * handler, so a client that refetches on the push always finds its new row).
 */
export const pushRealtimeHandler: EventHandlerDef = {
  name: PUSH_REALTIME_HANDLER,
  on: [NOTIFICATIONS_CREATED],
  handle: async (_ctx, event, { realtime }) => {
    const created = (event.payload.created ?? []) as { userId: string; id: string; unreadCount: number }[]
    for (const c of created) {
      realtime.emitToUser(c.userId, REALTIME_NOTIFICATION_CREATED, { id: c.id, unreadCount: c.unreadCount })
    }
  },
}
