import { and, eq, sql } from 'drizzle-orm'
import webpush from 'web-push'
import type { Db } from '../../platform/db/connection.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import type { DomainEvent, EventHandlerDef } from '../../platform/events/event-bus.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import { NOTIFICATION_PUSH } from './notifications.events.ts'
import { notificationDeliveries, pushSubscriptions } from './notifications.tables.ts'
import { subscriptionsOf } from './push.service.ts'
import { pushSettings } from './push-settings.ts'

export const PUSH_HANDLER = 'notifications.push'
export const PUSH_JOB = 'notifications.push'

/** Push services keep an undelivered message this long (the device may be offline). */
export const PUSH_TTL_SECONDS = 24 * 60 * 60
/** Push services accept 4 KB of payload; the encryption adds ~100 bytes, so keep the JSON well below. */
const MAX_PAYLOAD_BYTES = 3000

export type PushJobData = { orgId: string; deliveryId: string; subscriptionId: string }

/** The JSON the service worker shows: `{ title, body, url }`, cut to fit a push message. */
export function pushPayload(message: { title: string; body: string; url: string | null }): string {
  const title = message.title.slice(0, 200)
  let body = message.body
  const encode = (b: string) => JSON.stringify({ title, body: b, url: message.url })
  while (Buffer.byteLength(encode(body)) > MAX_PAYLOAD_BYTES && body.length > 0) {
    body = `${body.slice(0, Math.max(0, body.length - Math.ceil(body.length / 10) - 1))}…`
    if (body === '…') break
  }
  return encode(body)
}

/**
 * A push delivery was recorded (by the fan-out, or by the sweep when quiet hours ended): one job per
 * subscription of the recipient, sent after this handler commits, so each device retries on its own.
 */
export const pushHandler: EventHandlerDef = {
  name: PUSH_HANDLER,
  on: [NOTIFICATION_PUSH],
  handle: async (ctx, event: DomainEvent, { afterCommit, jobs }) => {
    if (!event.entityId || !pushSettings()) return
    const [delivery] = await ctx.db
      .select({ id: notificationDeliveries.id, userId: notificationDeliveries.userId })
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.orgId, ctx.orgId), eq(notificationDeliveries.id, event.entityId)))
    if (!delivery) return
    const subscriptions = await subscriptionsOf(ctx, delivery.userId)
    const orgId = ctx.orgId
    afterCommit(async () => {
      for (const s of subscriptions) {
        const data: PushJobData = { orgId, deliveryId: delivery.id, subscriptionId: s.id }
        await jobs.send(PUSH_JOB, data, { singletonKey: `${delivery.id}:${s.id}` })
      }
    })
  },
}

/**
 * Sends one push message to one device, outside any transaction. 404/410 means the browser dropped
 * the subscription: it is deleted and the job ends. Other failures (network, 429, 5xx) count on the
 * subscription and throw, so pg-boss retries with backoff.
 */
export async function sendPush(db: Db, data: PushJobData): Promise<'sent' | 'gone' | 'skipped'> {
  const settings = pushSettings()
  if (!settings) return 'skipped'
  const found = await withOrg(db, data.orgId, async (tx) => {
    const [subscription] = await tx
      .select()
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.orgId, data.orgId), eq(pushSubscriptions.id, data.subscriptionId)))
    const [delivery] = await tx
      .select()
      .from(notificationDeliveries)
      .where(
        and(eq(notificationDeliveries.orgId, data.orgId), eq(notificationDeliveries.id, data.deliveryId)),
      )
    return subscription && delivery ? { subscription, delivery } : null
  })
  if (!found) return 'skipped'
  const { subscription, delivery } = found
  const where = and(eq(pushSubscriptions.orgId, data.orgId), eq(pushSubscriptions.id, subscription.id))
  const countFailure = () =>
    withOrg(db, data.orgId, (tx) =>
      tx
        .update(pushSubscriptions)
        .set({ failureCount: sql`${pushSubscriptions.failureCount} + 1` })
        .where(where),
    )
  // web-push encrypts and signs; the request goes out through fetch, which also reaches the
  // http:// push service the tests run (web-push's own sender speaks https only).
  const request = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    pushPayload(delivery),
    {
      TTL: PUSH_TTL_SECONDS,
      contentEncoding: 'aes128gcm',
      vapidDetails: {
        subject: settings.subject,
        publicKey: settings.vapidPublicKey,
        privateKey: settings.vapidPrivateKey,
      },
    },
  )
  let status: number
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    })
    await response.body?.cancel()
    status = response.status
  } catch (err) {
    await countFailure()
    throw err
  }
  if (status === 404 || status === 410) {
    await withOrg(db, data.orgId, (tx) => tx.delete(pushSubscriptions).where(where))
    return 'gone'
  }
  if (status < 200 || status >= 300) {
    await countFailure()
    throw new Error(`Push service answered ${status}`)
  }
  await withOrg(db, data.orgId, (tx) =>
    tx.update(pushSubscriptions).set({ lastSuccessAt: new Date(), failureCount: 0 }).where(where),
  )
  return 'sent'
}

export function pushJob(db: Db): JobDef<PushJobData> {
  return {
    name: PUSH_JOB,
    retryLimit: 5,
    retryDelaySeconds: 30,
    concurrency: 2,
    handler: async (data) => {
      await sendPush(db, data)
    },
  }
}
