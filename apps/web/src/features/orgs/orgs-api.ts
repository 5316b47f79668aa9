import type { CreateOrg, ModuleCatalog, Org } from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

export interface OrgPage {
  items: Org[]
  nextCursor: string | null
}

/** One entry of `GET /api/v1/modules`. */
export type ModuleInfo = ModuleCatalog['items'][number]

const pageSize = 50

export const myOrgsQuery = infiniteQueryOptions({
  queryKey: ['orgs', 'mine'],
  queryFn: ({ pageParam, signal }) =>
    apiFetch<OrgPage>('/api/v1/orgs', { query: { limit: pageSize, cursor: pageParam }, signal }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
})

export function orgQuery(slug: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', slug],
    queryFn: ({ signal }) => apiFetch<Org>(`/api/v1/orgs/${encodeURIComponent(slug)}`, { signal }),
  })
}

/** The module catalog; optional: navigation falls back to i18n labels when it is missing. */
export const moduleCatalogQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: ({ signal }) => apiFetch<ModuleCatalog>('/api/v1/modules', { signal }),
  staleTime: 60 * 60_000,
  retry: false,
})

export function createOrg(input: CreateOrg): Promise<Org> {
  return apiFetch<Org>('/api/v1/orgs', { method: 'POST', body: input })
}
