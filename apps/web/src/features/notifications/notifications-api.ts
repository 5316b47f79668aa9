import type {
  CreatePushSubscription,
  InboxNotification,
  InboxPage,
  InboxStatus,
  NotificationPreferences,
  OrgNotificationDefaults,
  PushPublicKey,
  PushSubscriptionInfo,
  UnreadCount,
  UpdateInboxNotification,
  UpdateNotificationPreferences,
  UpdateOrgNotificationDefaults,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const orgPath = (slug: string, path = '') => `/api/v1/orgs/${encodeURIComponent(slug)}/notifications${path}`

/** Every notifications query of an org (invalidate it after a realtime push or a change). */
export const notificationsKey = (slug: string) => ['orgs', 'bySlug', slug, 'notifications']

export function unreadCountQuery(slug: string) {
  return queryOptions({
    queryKey: [...notificationsKey(slug), 'unread-count'],
    queryFn: ({ signal }) => apiFetch<UnreadCount>(orgPath(slug, '/unread-count'), { signal }),
    // The bell must never break a page: a failure just hides the count.
    retry: false,
  })
}

export function inboxQuery(slug: string, status: InboxStatus, pageSize = 20) {
  return infiniteQueryOptions({
    queryKey: [...notificationsKey(slug), 'inbox', status, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<InboxPage>(orgPath(slug), { query: { status, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export const updateInboxItem = (slug: string, id: string, change: UpdateInboxNotification) =>
  apiFetch<InboxNotification>(orgPath(slug, `/${id}`), { method: 'PATCH', body: change })

export const markAllRead = (slug: string) =>
  apiFetch<{ updated: number; unreadCount: number }>(orgPath(slug, '/mark-all-read'), { method: 'POST' })

export function preferencesQuery(slug: string) {
  return queryOptions({
    queryKey: [...notificationsKey(slug), 'preferences'],
    queryFn: ({ signal }) => apiFetch<NotificationPreferences>(orgPath(slug, '/preferences'), { signal }),
  })
}

export const updatePreferences = (slug: string, change: UpdateNotificationPreferences) =>
  apiFetch<NotificationPreferences>(orgPath(slug, '/preferences'), { method: 'PUT', body: change })

export function orgDefaultsQuery(slug: string) {
  return queryOptions({
    queryKey: [...notificationsKey(slug), 'org-defaults'],
    queryFn: ({ signal }) => apiFetch<OrgNotificationDefaults>(orgPath(slug, '/org-defaults'), { signal }),
  })
}

export const updateOrgDefaults = (slug: string, change: UpdateOrgNotificationDefaults) =>
  apiFetch<OrgNotificationDefaults>(orgPath(slug, '/org-defaults'), { method: 'PUT', body: change })

/** The server's VAPID key; a 404 means web push is not configured (the device switch hides). */
export function pushPublicKeyQuery(slug: string) {
  return queryOptions({
    queryKey: [...notificationsKey(slug), 'push-public-key'],
    queryFn: ({ signal }) => apiFetch<PushPublicKey>(orgPath(slug, '/push/public-key'), { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export const savePushSubscription = (slug: string, subscription: CreatePushSubscription) =>
  apiFetch<PushSubscriptionInfo>(orgPath(slug, '/push/subscriptions'), { method: 'POST', body: subscription })

export const deletePushSubscription = (slug: string, endpoint: string) =>
  apiFetch<{ removed: boolean }>(orgPath(slug, '/push/subscriptions'), {
    method: 'DELETE',
    body: { endpoint },
  })
