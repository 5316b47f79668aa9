import { recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/connection.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import { forEachOrg } from '../../platform/jobs/for-each-org.ts'
import { type ServiceContext, systemContext } from '../../platform/service-context.ts'
import { getOrg } from '../../platform/tenancy/tenancy.service.ts'
import { notify, orgAdminIds } from '../notifications/index.ts'
import { type SendResult, sendWebhook } from './webhook-sender.ts'
import * as repo from './webhooks.repository.ts'
import { retryDelaySeconds } from './webhooks.service.ts'

export const SWEEP_JOB = 'webhooks.sweep'
export const DELIVER_JOB = 'webhooks.deliver'
export const ENDPOINT_DISABLED = 'webhooks.endpoint_disabled'

export type WebhookSettings = { allowPrivate: boolean; disableAfterFailedDeliveries: number }

const DEFAULT_SETTINGS: WebhookSettings = { allowPrivate: false, disableAfterFailedDeliveries: 5 }
/** Deliveries attempted per sweep, all orgs together: bounded so a sweep ends well inside its lease. */
const SWEEP_BATCH = 25
const PARALLEL_SENDS = 5
/** A claimed delivery stays invisible to other workers this long (longer than a whole sweep). */
const LEASE_SECONDS = 300

/**
 * Jobs only receive the database, so the app's webhook settings are registered per database when
 * the routes are (one app per database, also in tests that build several apps).
 */
const settingsByDb = new WeakMap<Db, WebhookSettings>()

export function configureWebhooks(db: Db, settings: WebhookSettings) {
  settingsByDb.set(db, settings)
}

function settingsFor(db: Db, override?: WebhookSettings): WebhookSettings {
  return override ?? settingsByDb.get(db) ?? DEFAULT_SETTINGS
}

type Claimed = { orgId: string; delivery: repo.DeliveryRow; url: string; secret: string }

async function claimWithEndpoints(ctx: ServiceContext, limit: number, onlyId?: string): Promise<Claimed[]> {
  const rows = await repo.claimDue(ctx, {
    limit,
    leaseSeconds: LEASE_SECONDS,
    ...(onlyId ? { onlyId } : {}),
  })
  const claimed: Claimed[] = []
  for (const delivery of rows) {
    const endpoint = await repo.findEndpoint(ctx, delivery.endpointId)
    if (endpoint) claimed.push({ orgId: ctx.orgId, delivery, url: endpoint.url, secret: endpoint.secret })
  }
  return claimed
}

/**
 * The sweeper: attempts every delivery that is due at `now` (new ones, retries whose backoff has
 * passed, replays). Three steps so no transaction is open while an endpoint answers: lease the due
 * deliveries, POST them (outside any transaction, a few at a time), record each result. Returns
 * how many it attempted. Tests call it directly with a `now` in the future to skip the backoff.
 */
export async function runDueDeliveries(
  db: Db,
  options: { now?: Date; settings?: WebhookSettings } = {},
): Promise<number> {
  const now = options.now ?? new Date()
  const settings = settingsFor(db, options.settings)
  const claimed: Claimed[] = []
  await forEachOrg(db, { job: SWEEP_JOB, module: 'webhooks', now }, async (ctx) => {
    const room = SWEEP_BATCH - claimed.length
    if (room <= 0) return 0
    const batch = await claimWithEndpoints(ctx, room)
    claimed.push(...batch)
    return batch.length
  })
  for (let i = 0; i < claimed.length; i += PARALLEL_SENDS) {
    await Promise.all(claimed.slice(i, i + PARALLEL_SENDS).map((c) => attempt(db, c, now, settings)))
  }
  return claimed.length
}

/** Attempts one delivery now if it is due and not held by another worker (the replay job). */
export async function deliverNow(
  db: Db,
  orgId: string,
  deliveryId: string,
  options: { now?: Date; settings?: WebhookSettings } = {},
): Promise<boolean> {
  const now = options.now ?? new Date()
  const settings = settingsFor(db, options.settings)
  const [claimed] = await withOrg(db, orgId, (tx) =>
    claimWithEndpoints(systemContext(tx, orgId, `job:${DELIVER_JOB}`, { now }), 1, deliveryId),
  )
  if (!claimed) return false
  await attempt(db, claimed, now, settings)
  return true
}

async function attempt(db: Db, claimed: Claimed, now: Date, settings: WebhookSettings) {
  const startedAt = new Date()
  let result: SendResult
  try {
    result = await sendWebhook({
      url: claimed.url,
      secret: claimed.secret,
      messageId: claimed.delivery.id,
      body: JSON.stringify(claimed.delivery.payload),
      policy: { allowPrivate: settings.allowPrivate },
    })
  } catch (err) {
    result = {
      ok: false,
      statusCode: null,
      durationMs: Date.now() - startedAt.getTime(),
      responseBody: null,
      error: err instanceof Error ? err.message : String(err),
    }
  }
  await withOrg(db, claimed.orgId, (tx) =>
    recordAttempt(
      systemContext(tx, claimed.orgId, `job:${SWEEP_JOB}`, { now }),
      claimed.delivery.id,
      result,
      startedAt,
      settings,
    ),
  )
}

/** Logs an attempt and moves the delivery on: done, retry later, or failed (maybe disabling its endpoint). */
async function recordAttempt(
  ctx: ServiceContext,
  deliveryId: string,
  result: SendResult,
  startedAt: Date,
  settings: WebhookSettings,
) {
  const delivery = await repo.findDelivery(ctx, deliveryId, { lock: true })
  if (!delivery) return // its endpoint was deleted meanwhile
  const number = delivery.attempts + 1
  await repo.insertAttempt(ctx, {
    deliveryId,
    number,
    trigger: delivery.replayRequested ? 'replay' : 'automatic',
    statusCode: result.statusCode,
    durationMs: result.durationMs,
    responseBody: result.responseBody,
    error: result.error,
    startedAt,
  })
  const last = {
    attempts: number,
    lockedUntil: null,
    replayRequested: false,
    lastStatusCode: result.statusCode,
    lastDurationMs: result.durationMs,
    lastError: result.error,
    lastResponseBody: result.responseBody,
  }
  if (result.ok) {
    await repo.updateDelivery(ctx, deliveryId, {
      ...last,
      status: 'succeeded',
      succeededAt: ctx.now,
      nextAttemptAt: null,
    })
    const endpoint = await repo.findEndpoint(ctx, delivery.endpointId)
    if (endpoint && endpoint.consecutiveFailures > 0) {
      await repo.updateEndpoint(ctx, endpoint.id, { consecutiveFailures: 0 })
    }
    return
  }
  if (number < delivery.attemptLimit) {
    await repo.updateDelivery(ctx, deliveryId, {
      ...last,
      nextAttemptAt: new Date(ctx.now.getTime() + retryDelaySeconds(number) * 1000),
    })
    return
  }
  await repo.updateDelivery(ctx, deliveryId, { ...last, status: 'failed', nextAttemptAt: null })
  // A failed replay says nothing new about the endpoint; only exhausted automatic retries count.
  if (!delivery.replayRequested) await countExhaustedDelivery(ctx, delivery.endpointId, settings)
}

async function countExhaustedDelivery(ctx: ServiceContext, endpointId: string, settings: WebhookSettings) {
  const endpoint = await repo.findEndpoint(ctx, endpointId, { lock: true })
  if (!endpoint) return
  const failures = endpoint.consecutiveFailures + 1
  const disable = endpoint.enabled && failures >= settings.disableAfterFailedDeliveries
  await repo.updateEndpoint(ctx, endpointId, {
    consecutiveFailures: failures,
    ...(disable ? { enabled: false, disabledReason: 'failures' as const, disabledAt: ctx.now } : {}),
  })
  if (!disable) return
  await recordAudit(ctx, {
    action: 'webhook_endpoint.auto_disabled',
    entityType: 'webhook_endpoint',
    entityId: endpointId,
    after: { enabled: false, consecutiveFailures: failures },
  })
  const org = await getOrg(ctx, 'owner')
  await notify(ctx, {
    type: ENDPOINT_DISABLED,
    recipients: await orgAdminIds(ctx),
    payload: { endpointId, url: endpoint.url, failedDeliveries: failures, orgSlug: org.org.slug },
    dedupeKey: `${ENDPOINT_DISABLED}:${endpointId}:${ctx.now.toISOString()}`,
    resource: { type: 'webhook_endpoint', id: endpointId },
  })
}
