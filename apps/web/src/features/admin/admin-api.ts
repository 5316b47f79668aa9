import type { AdminOrg as AdminOrgSchema, Plan, SubscriptionStatus } from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../app/api-client.ts'

export type AdminOrg = z.infer<typeof AdminOrgSchema>

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Every org with its plan and status. Only platform admins get 200; the route shows not-found otherwise. */
export const adminOrgsQuery = infiniteQueryOptions({
  queryKey: ['admin', 'orgs'],
  queryFn: ({ pageParam, signal }) =>
    apiFetch<Page<AdminOrg>>('/api/v1/admin/orgs', { query: { limit: 50, cursor: pageParam }, signal }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
})

export const adminPlansQuery = queryOptions({
  queryKey: ['admin', 'plans'],
  queryFn: ({ signal }) => apiFetch<{ items: Plan[] }>('/api/v1/admin/plans', { signal }),
})

/** Whether the signed-in person is a platform admin (used to show the menu entry). */
export const isPlatformAdminQuery = queryOptions({
  queryKey: ['admin', 'probe'],
  queryFn: async ({ signal }) => {
    try {
      await apiFetch('/api/v1/admin/plans', { signal })
      return true
    } catch {
      return false
    }
  },
  staleTime: 10 * 60_000,
})

export const updateSubscription = (orgId: string, patch: { planKey?: string; status?: SubscriptionStatus }) =>
  apiFetch<AdminOrg>(`/api/v1/admin/orgs/${orgId}/subscription`, { method: 'PATCH', body: patch })

export const putPlan = (
  key: string,
  plan: { name: string; modules: string[] | null; maxUsers: number | null; maxBranches: number | null },
) => apiFetch<Plan>(`/api/v1/admin/plans/${encodeURIComponent(key)}`, { method: 'PUT', body: plan })
