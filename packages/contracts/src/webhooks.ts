import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

/**
 * An event filter: an exact event type (`announcement.published`), every type under a prefix
 * (`announcement.*`) or every event (`*`).
 */
export const WebhookEventFilter = z
  .string()
  .trim()
  .max(120)
  .regex(
    /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/,
    'Use an event type (announcement.published), a prefix ending in .* (announcement.*) or *',
  )

const url = z.string().trim().min(1).max(2000)
const description = z.string().trim().max(500)
const eventTypes = z
  .array(WebhookEventFilter)
  .min(1, 'Choose at least one event type')
  .max(50)
  .transform((list) => [...new Set(list)])

export const WebhookEndpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    /** Why it is off: `failures` when Minga disabled it after repeated failed deliveries. */
    disabledReason: z.enum(['manual', 'failures']).nullable(),
    disabledAt: z.string().nullable(),
    /** Deliveries in a row that exhausted their retries. */
    consecutiveFailures: z.number().int(),
    /** Last characters of the signing secret, to tell secrets apart. */
    secretHint: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' })
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>

/** Returned once, when the endpoint is created or its secret rotated. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().describe('Standard Webhooks signing secret (whsec_…); shown only this once'),
}).meta({ id: 'WebhookEndpointWithSecret' })
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>

export const CreateWebhookEndpoint = z.strictObject({
  url,
  description: description.default(''),
  eventTypes,
  enabled: z.boolean().default(true),
})
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpoint>

export const UpdateWebhookEndpoint = z.strictObject({
  url: url.optional(),
  description: description.optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional(),
})
export type UpdateWebhookEndpoint = z.infer<typeof UpdateWebhookEndpoint>

export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed'])
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>

export const WebhookDelivery = z
  .object({
    id: z.uuid().describe('Also the webhook-id header: the same on every attempt and replay'),
    endpointId: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastResponseBody: z.string().nullable(),
    succeededAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' })
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

export const WebhookAttempt = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    trigger: z.enum(['automatic', 'replay']),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    /** First 2 KB of the response body. */
    responseBody: z.string().nullable(),
    error: z.string().nullable(),
    startedAt: z.string(),
  })
  .meta({ id: 'WebhookAttempt' })
export type WebhookAttempt = z.infer<typeof WebhookAttempt>

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  payload: z.record(z.string(), z.unknown()),
  attemptLog: z.array(WebhookAttempt),
}).meta({ id: 'WebhookDeliveryDetail' })
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>

export const WebhookEndpointPage = pageOf(WebhookEndpoint)
export const WebhookDeliveryPage = pageOf(WebhookDelivery)
export const WebhookDeliveryQuery = PageQuery.extend({ status: WebhookDeliveryStatus.optional() })
export const WebhookEndpointParams = z.object({ id: z.uuid() })
export const WebhookDeliveryParams = z.object({ id: z.uuid() })

/** Event types seen in this org, for the filter picker. */
export const WebhookEventTypeList = z.object({
  items: z.array(z.object({ type: z.string(), lastSeenAt: z.string() })),
})
export type WebhookEventTypeList = z.infer<typeof WebhookEventTypeList>
