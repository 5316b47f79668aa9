import type {
  CreatePerson,
  MyPermissions,
  Person,
  PersonHistory,
  PersonPage,
  PersonStatus,
  UpdatePerson,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const orgBase = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}`
const base = (org: string) => `${orgBase(org)}/people`

/** Every people query of an org starts with this key. */
export const peopleKey = (org: string) => ['orgs', 'bySlug', org, 'people'] as const

export type PeopleFilters = {
  q?: string | undefined
  status?: PersonStatus | undefined
  tags?: string | undefined
}

export function peopleQuery(org: string, filters: PeopleFilters) {
  return infiniteQueryOptions({
    queryKey: [...peopleKey(org), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      // POST: a searched document number or phone must not end up in a URL (server and proxy logs).
      apiFetch<PersonPage>(`${base(org)}/search`, {
        method: 'POST',
        body: { ...filters, limit: 25, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function personQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...peopleKey(org), 'one', id],
    queryFn: ({ signal }) => apiFetch<Person>(`${base(org)}/${encodeURIComponent(id)}`, { signal }),
  })
}

export function personHistoryQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...peopleKey(org), 'one', id, 'history'],
    queryFn: ({ signal }) =>
      apiFetch<PersonHistory>(`${base(org)}/${encodeURIComponent(id)}/history`, { signal }),
  })
}

export function myPermissionsQuery(org: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', org, 'me', 'permissions'],
    queryFn: ({ signal }) => apiFetch<MyPermissions>(`${orgBase(org)}/me/permissions`, { signal }),
    staleTime: 60_000,
  })
}

export function canWritePeople(permissions: MyPermissions | undefined) {
  return !!permissions && (permissions.all || permissions.permissions.includes('people:write'))
}

export const createPerson = (org: string, body: Partial<CreatePerson>) =>
  apiFetch<Person>(base(org), { method: 'POST', body })

export const updatePerson = (org: string, person: Person, body: UpdatePerson) =>
  apiFetch<Person>(`${base(org)}/${encodeURIComponent(person.id)}`, {
    method: 'PATCH',
    body,
    headers: { 'If-Match': `"${person.version}"` },
  })
