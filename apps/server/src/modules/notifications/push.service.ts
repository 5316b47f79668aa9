import type {
  CreatePushSubscription,
  DeletePushSubscription,
  PushPublicKey,
  PushSubscriptionInfo,
} from '@minga/contracts'
import { and, eq } from 'drizzle-orm'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { pushSubscriptions } from './notifications.tables.ts'
import { type PushSettings, pushSettings } from './push-settings.ts'

function me(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue')
  return ctx.actor.userId
}

/** 404 when the server has no VAPID keys: the push channel does not exist here. */
function requirePush(): PushSettings {
  const settings = pushSettings()
  if (!settings) throw notFound('Web push (not configured on this server)')
  return settings
}

export function publicKey(): PushPublicKey {
  return { publicKey: requirePush().vapidPublicKey }
}

/** Subscribes the signed-in user's browser; the same endpoint again refreshes its keys. */
export async function subscribe(
  ctx: ServiceContext,
  input: CreatePushSubscription,
  userAgent: string | null,
): Promise<PushSubscriptionInfo> {
  const settings = requirePush()
  const userId = me(ctx)
  const protocol = new URL(input.endpoint).protocol
  if (protocol !== 'https:' && !(protocol === 'http:' && settings.allowHttp)) {
    throw new AppError('unprocessable', 'Invalid push subscription', [
      { path: 'endpoint', message: 'Push service endpoints must use https://' },
    ])
  }
  const values = {
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 300) ?? null,
  }
  const [row] = await ctx.db
    .insert(pushSubscriptions)
    .values({ orgId: ctx.orgId, userId, endpoint: input.endpoint, createdAt: ctx.now, ...values })
    .onConflictDoUpdate({
      target: [pushSubscriptions.orgId, pushSubscriptions.userId, pushSubscriptions.endpoint],
      set: { ...values, failureCount: 0 },
    })
    .returning()
  if (!row) throw new Error('push subscription upsert returned nothing')
  return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt.toISOString() }
}

/** Removes one of the signed-in user's subscriptions; `removed: false` when it was not theirs or gone. */
export async function unsubscribe(ctx: ServiceContext, input: DeletePushSubscription) {
  requirePush()
  const userId = me(ctx)
  const removed = await ctx.db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.orgId, ctx.orgId),
        eq(pushSubscriptions.userId, userId),
        eq(pushSubscriptions.endpoint, input.endpoint),
      ),
    )
    .returning({ id: pushSubscriptions.id })
  return { removed: removed.length > 0 }
}

/** A user's subscriptions, for the push handler. */
export function subscriptionsOf(ctx: ServiceContext, userId: string) {
  return ctx.db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.orgId, ctx.orgId), eq(pushSubscriptions.userId, userId)))
}
