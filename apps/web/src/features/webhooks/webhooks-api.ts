import type {
  CreateWebhookEndpoint,
  UpdateWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventTypeList,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/webhooks`

/** Every webhooks query of an org starts with this key. */
export const webhooksKey = (org: string) => ['orgs', 'bySlug', org, 'webhooks'] as const

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Same rule as the server (contracts WebhookEventFilter): a type, a `prefix.*` or `*`. */
export const EVENT_FILTER_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/

export function endpointsQuery(org: string) {
  return infiniteQueryOptions({
    queryKey: [...webhooksKey(org), 'endpoints'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<WebhookEndpoint>>(`${base(org)}/endpoints`, {
        query: { limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function deliveriesQuery(org: string, endpointId: string) {
  return infiniteQueryOptions({
    queryKey: [...webhooksKey(org), 'deliveries', endpointId],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<WebhookDelivery>>(`${base(org)}/endpoints/${encodeURIComponent(endpointId)}/deliveries`, {
        query: { limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function deliveryQuery(org: string, deliveryId: string) {
  return queryOptions({
    queryKey: [...webhooksKey(org), 'delivery', deliveryId],
    queryFn: ({ signal }) =>
      apiFetch<WebhookDeliveryDetail>(`${base(org)}/deliveries/${encodeURIComponent(deliveryId)}`, {
        signal,
      }),
  })
}

export function eventTypesQuery(org: string) {
  return queryOptions({
    queryKey: [...webhooksKey(org), 'event-types'],
    queryFn: ({ signal }) => apiFetch<WebhookEventTypeList>(`${base(org)}/event-types`, { signal }),
    staleTime: 60_000,
  })
}

export const createEndpoint = (org: string, body: Partial<CreateWebhookEndpoint>) =>
  apiFetch<WebhookEndpointWithSecret>(`${base(org)}/endpoints`, { method: 'POST', body })

export const updateEndpoint = (org: string, id: string, body: UpdateWebhookEndpoint) =>
  apiFetch<WebhookEndpoint>(`${base(org)}/endpoints/${encodeURIComponent(id)}`, { method: 'PATCH', body })

export const deleteEndpoint = (org: string, id: string) =>
  apiFetch<null>(`${base(org)}/endpoints/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const rotateSecret = (org: string, id: string) =>
  apiFetch<WebhookEndpointWithSecret>(`${base(org)}/endpoints/${encodeURIComponent(id)}/rotate-secret`, {
    method: 'POST',
  })

export const replayDelivery = (org: string, id: string) =>
  apiFetch<WebhookDelivery>(`${base(org)}/deliveries/${encodeURIComponent(id)}/replay`, { method: 'POST' })
