import { randomBytes } from 'node:crypto'
import type {
  CreateWebhookEndpoint,
  UpdateWebhookEndpoint,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
} from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { DomainEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { filterMatches, isDeliverable } from './event-filter.ts'
import { checkWebhookUrl, type UrlPolicy } from './url-guard.ts'
import * as repo from './webhooks.repository.ts'

/** Automatic attempts per delivery; with RETRY_DELAYS_SECONDS they span about 24 hours. */
export const ATTEMPT_LIMIT = 8
/** Wait after failed attempt n (1-based) before attempt n + 1: 1 min, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h. */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 18_000, 28_800, 28_800] as const

export function retryDelaySeconds(failedAttempt: number): number {
  return RETRY_DELAYS_SECONDS[Math.min(failedAttempt, RETRY_DELAYS_SECONDS.length) - 1] ?? 60
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toEndpointDto(row: repo.EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason ?? null,
    disabledAt: iso(row.disabledAt),
    consecutiveFailures: row.consecutiveFailures,
    secretHint: `…${row.secret.slice(-4)}`,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function toDeliveryDto(row: repo.DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastError: row.lastError,
    lastResponseBody: row.lastResponseBody,
    succeededAt: iso(row.succeededAt),
    createdAt: row.createdAt.toISOString(),
  }
}

function toAttemptDto(row: repo.AttemptRow): WebhookAttempt {
  return {
    id: row.id,
    number: row.number,
    trigger: row.trigger,
    statusCode: row.statusCode,
    durationMs: row.durationMs,
    responseBody: row.responseBody,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
  }
}

const auditView = (row: repo.EndpointRow) => ({
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes,
  enabled: row.enabled,
})

async function validUrl(raw: string, policy: UrlPolicy): Promise<string> {
  const check = await checkWebhookUrl(raw, policy)
  if (!check.ok) {
    throw new AppError('unprocessable', check.message, [{ path: 'body.url', message: check.message }])
  }
  return check.url.toString()
}

export async function listEndpoints(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined },
) {
  const rows = await repo.listEndpoints(ctx, { limit: query.limit, after: decodeCursor(query.cursor) })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toEndpointDto), nextCursor: page.nextCursor }
}

export async function getEndpoint(ctx: ServiceContext, id: string) {
  const row = await repo.findEndpoint(ctx, id)
  if (!row) throw notFound('Webhook endpoint')
  return toEndpointDto(row)
}

/** Registers an endpoint; the secret is in the answer and never again. */
export async function createEndpoint(ctx: ServiceContext, input: CreateWebhookEndpoint, policy: UrlPolicy) {
  const url = await validUrl(input.url, policy)
  const secret = generateSecret()
  const row = await repo.insertEndpoint(ctx, {
    url,
    description: input.description,
    eventTypes: input.eventTypes,
    enabled: input.enabled,
    secret,
  })
  await recordAudit(ctx, {
    action: 'webhook_endpoint.created',
    entityType: 'webhook_endpoint',
    entityId: row.id,
    after: auditView(row),
  })
  return { ...toEndpointDto(row), secret }
}

export async function updateEndpoint(
  ctx: ServiceContext,
  id: string,
  patch: UpdateWebhookEndpoint,
  policy: UrlPolicy,
) {
  const before = await repo.findEndpoint(ctx, id, { lock: true })
  if (!before) throw notFound('Webhook endpoint')
  const url = patch.url === undefined ? undefined : await validUrl(patch.url, policy)
  const enabling = patch.enabled === true && !before.enabled
  const disabling = patch.enabled === false && before.enabled
  const after = await repo.updateEndpoint(ctx, id, {
    ...(url === undefined ? {} : { url }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
    ...(patch.eventTypes === undefined ? {} : { eventTypes: patch.eventTypes }),
    // Re-enabling gives the endpoint a fresh failure count; disabling by hand says so.
    ...(enabling ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 } : {}),
    ...(disabling ? { enabled: false, disabledReason: 'manual' as const, disabledAt: ctx.now } : {}),
  })
  if (!after) throw notFound('Webhook endpoint')
  await recordAudit(ctx, {
    action: 'webhook_endpoint.updated',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  return toEndpointDto(after)
}

export async function rotateSecret(ctx: ServiceContext, id: string) {
  const secret = generateSecret()
  const row = await repo.updateEndpoint(ctx, id, { secret })
  if (!row) throw notFound('Webhook endpoint')
  await recordAudit(ctx, {
    action: 'webhook_endpoint.secret_rotated',
    entityType: 'webhook_endpoint',
    entityId: id,
  })
  return { ...toEndpointDto(row), secret }
}

export async function removeEndpoint(ctx: ServiceContext, id: string) {
  const before = await repo.findEndpoint(ctx, id)
  if (!before || !(await repo.deleteEndpoint(ctx, id))) throw notFound('Webhook endpoint')
  await recordAudit(ctx, {
    action: 'webhook_endpoint.deleted',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: auditView(before),
  })
}

export async function listDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  query: { limit: number; cursor?: string | undefined; status?: WebhookDelivery['status'] | undefined },
) {
  if (!(await repo.findEndpoint(ctx, endpointId))) throw notFound('Webhook endpoint')
  const rows = await repo.listDeliveries(ctx, {
    endpointId,
    limit: query.limit,
    after: decodeCursor(query.cursor),
    status: query.status,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toDeliveryDto), nextCursor: page.nextCursor }
}

export async function getDelivery(ctx: ServiceContext, id: string): Promise<WebhookDeliveryDetail> {
  const row = await repo.findDelivery(ctx, id)
  if (!row) throw notFound('Webhook delivery')
  const attempts = await repo.listAttempts(ctx, id)
  return { ...toDeliveryDto(row), payload: row.payload, attemptLog: attempts.map(toAttemptDto) }
}

/**
 * Asks for one more attempt of a delivery, whatever its state, with the same webhook-id and body.
 * The attempt itself runs in a job (the caller sends it after commit).
 */
export async function replayDelivery(ctx: ServiceContext, id: string) {
  const row = await repo.findDelivery(ctx, id, { lock: true })
  if (!row) throw notFound('Webhook delivery')
  const endpoint = await repo.findEndpoint(ctx, row.endpointId)
  if (!endpoint) throw notFound('Webhook delivery')
  if (!endpoint.enabled) {
    throw new AppError('conflict', 'The endpoint is disabled; enable it before replaying a delivery')
  }
  const after = await repo.updateDelivery(ctx, id, {
    status: 'pending',
    nextAttemptAt: ctx.now,
    lockedUntil: null,
    replayRequested: true,
    // One attempt beyond those made; a pending delivery keeps the automatic retries it had left.
    attemptLimit: Math.max(row.attemptLimit, row.attempts + 1),
  })
  if (!after) throw notFound('Webhook delivery')
  await recordAudit(ctx, {
    action: 'webhook_delivery.replayed',
    entityType: 'webhook_delivery',
    entityId: id,
  })
  return toDeliveryDto(after)
}

export async function listEventTypes(ctx: ServiceContext) {
  const rows = await repo.listEventTypes(ctx)
  return { items: rows.map((r) => ({ type: r.type, lastSeenAt: r.lastSeenAt.toISOString() })) }
}

/** The JSON body of every webhook: only the event's own payload, never anything else from the database. */
export function webhookBody(event: DomainEvent) {
  return {
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: { id: event.id, orgId: event.orgId, entityId: event.entityId, payload: event.payload },
  }
}

/**
 * Event handler (runs after the event's commit, inside its org): one pending delivery per matching
 * enabled endpoint, due now. The sweeper job sends it; nothing here talks to the network.
 */
/** One pending delivery per matching enabled endpoint; returns the new deliveries' ids. */
export async function recordDeliveries(ctx: ServiceContext, event: DomainEvent): Promise<string[]> {
  if (!isDeliverable(event.type)) return []
  await repo.touchEventType(ctx, event.type)
  const endpoints = (await repo.enabledEndpoints(ctx)).filter((e) => filterMatches(e.eventTypes, event.type))
  const inserted = await repo.insertDeliveries(
    ctx,
    endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      payload: webhookBody(event),
      attemptLimit: ATTEMPT_LIMIT,
      nextAttemptAt: ctx.now,
    })),
  )
  return inserted.map((d) => d.id)
}
