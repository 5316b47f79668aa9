import type { ActivityEntityType, ActivityPage } from '@minga/contracts'
import { infiniteQueryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/activity`

/** Every activity query of an org starts with this key. */
export const activityKey = (org: string) => ['orgs', 'bySlug', org, 'activity'] as const

export type ActivityScope = {
  /** One entity's timeline when both are given; otherwise the org timeline, optionally of one type. */
  entityType?: ActivityEntityType | undefined
  entityId?: string | undefined
}

export function activityQuery(org: string, scope: ActivityScope = {}, pageSize = 20) {
  const path =
    scope.entityType && scope.entityId
      ? `${base(org)}/entities/${encodeURIComponent(scope.entityType)}/${encodeURIComponent(scope.entityId)}`
      : base(org)
  const entityType = scope.entityId ? undefined : scope.entityType
  return infiniteQueryOptions({
    queryKey: [...activityKey(org), scope.entityType ?? 'all', scope.entityId ?? 'all', pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ActivityPage>(path, { query: { limit: pageSize, cursor: pageParam, entityType }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}
