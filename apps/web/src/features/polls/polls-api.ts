import type { CastStance, CreatePollInput, MyStance, Poll, PollResults, PollState } from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

export interface PollPage {
  items: Poll[]
  nextCursor: string | null
}

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/polls`

/** Every polls query of an org starts with this key: a `poll.changed` push invalidates them all. */
export const pollsKey = (org: string) => ['orgs', 'bySlug', org, 'polls'] as const

export function pollListQuery(org: string, state: PollState) {
  return infiniteQueryOptions({
    queryKey: [...pollsKey(org), 'list', state],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<PollPage>(base(org), { query: { state, limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function pollQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...pollsKey(org), 'one', id],
    queryFn: ({ signal }) => apiFetch<Poll>(`${base(org)}/${encodeURIComponent(id)}`, { signal }),
  })
}

export function myStanceQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...pollsKey(org), 'one', id, 'stance'],
    queryFn: ({ signal }) => apiFetch<MyStance>(`${base(org)}/${encodeURIComponent(id)}/stance`, { signal }),
  })
}

export function pollResultsQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...pollsKey(org), 'one', id, 'results'],
    queryFn: ({ signal }) =>
      apiFetch<PollResults>(`${base(org)}/${encodeURIComponent(id)}/results`, { signal }),
  })
}

export const createPoll = (org: string, body: CreatePollInput) =>
  apiFetch<Poll>(base(org), { method: 'POST', body })

export const castStance = (org: string, id: string, body: CastStance) =>
  apiFetch<MyStance>(`${base(org)}/${encodeURIComponent(id)}/stance`, { method: 'PUT', body })

export const closePoll = (org: string, id: string) =>
  apiFetch<Poll>(`${base(org)}/${encodeURIComponent(id)}/close`, { method: 'POST' })

export const openPoll = (org: string, id: string) =>
  apiFetch<Poll>(`${base(org)}/${encodeURIComponent(id)}/open`, { method: 'POST' })

export interface MemberOption {
  userId: string
  name: string
  email: string
}

/** The first 100 members, for choosing a poll's invited members (orgs with more use "todos"). */
export function pollMembersQuery(org: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', org, 'members', 'for-polls'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: MemberOption[] }>(`/api/v1/orgs/${encodeURIComponent(org)}/members`, {
        query: { limit: 100 },
        signal,
      }),
  })
}
