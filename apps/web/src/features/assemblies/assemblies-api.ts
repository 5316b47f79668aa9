import type {
  Assembly,
  AssemblyAttendanceEntry,
  AssemblyCheckIn,
  AssemblyCheckOut,
  AssemblyElectorate,
  AssemblyLogVerification,
  AssemblyMySeats,
  AssemblyPage as AssemblyPageSchema,
  AssemblyProxy,
  AssemblyQrTokenList as AssemblyQrTokenListSchema,
  AssemblyQuorumStatus,
  CastMotionBallot,
  ConveneAssembly,
  CreateAgendaItem,
  CreateAssembly,
  CreateAssemblyProxy,
  CreateMotion,
  Motion,
  MotionBallotReceipt,
  MotionOptionTotals as MotionOptionTotalsSchema,
  MyPermissions,
  StartAssembly,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import { apiFetch } from '../../app/api-client.ts'

export type AssemblyPage = z.infer<typeof AssemblyPageSchema>
export type AssemblyQrTokenList = z.infer<typeof AssemblyQrTokenListSchema>
export type MotionOptionTotals = z.infer<typeof MotionOptionTotalsSchema>
export type MySeat = AssemblyMySeats['seats'][number]
export type QuorumSeat = AssemblyQuorumStatus['seats'][number]

/** The few fields of a unit (units module) the check-in search needs: its voter's name. */
export interface UnitVoterRow {
  id: string
  code: string
  voter: { name: string } | null
}

const base = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`
const assemblyPath = (slug: string, id: string, path = '') =>
  `${base(slug)}/assemblies/${encodeURIComponent(id)}${path}`
const motionPath = (slug: string, id: string, path = '') =>
  `${base(slug)}/motions/${encodeURIComponent(id)}${path}`

/** Every assemblies query of an org lives under this key (one invalidation refreshes them). */
export const assembliesKey = (slug: string) => ['orgs', 'bySlug', slug, 'assemblies'] as const
export const assemblyKey = (slug: string, id: string) => [...assembliesKey(slug), id] as const

// ---------------------------------------------------------------- queries

export function myPermissionsQuery(slug: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', slug, 'me', 'permissions'],
    queryFn: ({ signal }) => apiFetch<MyPermissions>(`${base(slug)}/me/permissions`, { signal }),
    staleTime: 60_000,
  })
}

/** What the person may do with assemblies: `manage` (console, check-in) and `vote` (their phone). */
export function assemblyAbilities(permissions: MyPermissions | undefined) {
  const has = (key: string) =>
    !!permissions &&
    (permissions.all ||
      permissions.permissions.includes(key) ||
      permissions.permissions.includes('assemblies:*'))
  return { manage: has('assemblies:manage'), vote: has('assemblies:vote') }
}

export function assembliesQuery(slug: string) {
  return infiniteQueryOptions({
    queryKey: [...assembliesKey(slug), 'list'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AssemblyPage>(`${base(slug)}/assemblies`, { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function assemblyQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'detail'],
    queryFn: ({ signal }) => apiFetch<Assembly>(assemblyPath(slug, id), { signal }),
  })
}

export function quorumQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'quorum'],
    queryFn: ({ signal }) => apiFetch<AssemblyQuorumStatus>(assemblyPath(slug, id, '/quorum'), { signal }),
  })
}

export function electorateQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'electorate'],
    queryFn: ({ signal }) => apiFetch<AssemblyElectorate>(assemblyPath(slug, id, '/electorate'), { signal }),
  })
}

export function motionsQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'motions'],
    queryFn: ({ signal }) => apiFetch<{ items: Motion[] }>(assemblyPath(slug, id, '/motions'), { signal }),
  })
}

export function proxiesQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'proxies'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: AssemblyProxy[] }>(assemblyPath(slug, id, '/proxies'), { signal }),
  })
}

export function attendanceQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'attendance'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: AssemblyAttendanceEntry[] }>(assemblyPath(slug, id, '/attendance'), { signal }),
  })
}

export function qrTokensQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'qr-tokens'],
    queryFn: ({ signal }) => apiFetch<AssemblyQrTokenList>(assemblyPath(slug, id, '/qr-tokens'), { signal }),
    staleTime: 10 * 60_000,
  })
}

export function mySeatsQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'my-seats'],
    queryFn: ({ signal }) => apiFetch<AssemblyMySeats>(assemblyPath(slug, id, '/my-seats'), { signal }),
  })
}

export function logVerificationQuery(slug: string, id: string) {
  return queryOptions({
    queryKey: [...assemblyKey(slug, id), 'log-verification'],
    queryFn: ({ signal }) =>
      apiFetch<AssemblyLogVerification>(assemblyPath(slug, id, '/log/verify'), { signal }),
    // Only when the person asks: verification reads the whole chain.
    enabled: false,
  })
}

/**
 * Every unit with its voter's name, for the check-in search by holder name. The units list is
 * paginated (100 at most per page), so this walks the pages once and keeps the result a while.
 */
export function unitVotersQuery(slug: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', slug, 'units', 'voters'],
    queryFn: async ({ signal }) => {
      const rows: UnitVoterRow[] = []
      let cursor: string | undefined
      for (let page = 0; page < 100; page++) {
        const result = await apiFetch<{ items: UnitVoterRow[]; nextCursor: string | null }>(
          `${base(slug)}/units`,
          {
            query: { limit: 100, cursor },
            signal,
          },
        )
        rows.push(...result.items)
        if (!result.nextCursor) break
        cursor = result.nextCursor
      }
      return rows
    },
    staleTime: 5 * 60_000,
    retry: false,
  })
}

/** Where the acta PDF is served; a plain link, so the browser downloads it with the session cookie. */
export function actaUrl(slug: string, id: string): string {
  return assemblyPath(slug, id, '/acta.pdf')
}

// ---------------------------------------------------------------- writes

export function createAssembly(slug: string, input: CreateAssembly): Promise<Assembly> {
  return apiFetch<Assembly>(`${base(slug)}/assemblies`, { method: 'POST', body: input })
}

export function addAgendaItem(slug: string, id: string, input: CreateAgendaItem): Promise<Assembly> {
  return apiFetch<Assembly>(assemblyPath(slug, id, '/agenda-items'), { method: 'POST', body: input })
}

export function removeAgendaItem(slug: string, id: string, itemId: string): Promise<Assembly> {
  return apiFetch<Assembly>(assemblyPath(slug, id, `/agenda-items/${encodeURIComponent(itemId)}`), {
    method: 'DELETE',
  })
}

export function conveneAssembly(slug: string, id: string, input: ConveneAssembly = {}): Promise<Assembly> {
  return apiFetch<Assembly>(assemblyPath(slug, id, '/convene'), { method: 'POST', body: input })
}

export function startAssembly(slug: string, id: string, input: StartAssembly): Promise<Assembly> {
  return apiFetch<Assembly>(assemblyPath(slug, id, '/start'), { method: 'POST', body: input })
}

export function closeAssembly(slug: string, id: string): Promise<Assembly> {
  return apiFetch<Assembly>(assemblyPath(slug, id, '/close'), { method: 'POST', body: {} })
}

export function checkIn(slug: string, id: string, input: AssemblyCheckIn): Promise<AssemblyAttendanceEntry> {
  return apiFetch<AssemblyAttendanceEntry>(assemblyPath(slug, id, '/attendance/check-in'), {
    method: 'POST',
    body: input,
  })
}

export function checkOut(
  slug: string,
  id: string,
  input: AssemblyCheckOut,
): Promise<AssemblyAttendanceEntry> {
  return apiFetch<AssemblyAttendanceEntry>(assemblyPath(slug, id, '/attendance/check-out'), {
    method: 'POST',
    body: input,
  })
}

export function qrCheckIn(slug: string, id: string, token: string): Promise<AssemblyAttendanceEntry> {
  return apiFetch<AssemblyAttendanceEntry>(assemblyPath(slug, id, '/attendance/qr'), {
    method: 'POST',
    body: { token },
  })
}

export function createProxy(slug: string, id: string, input: CreateAssemblyProxy): Promise<AssemblyProxy> {
  return apiFetch<AssemblyProxy>(assemblyPath(slug, id, '/proxies'), { method: 'POST', body: input })
}

export function revokeProxy(slug: string, proxyId: string, reason?: string): Promise<AssemblyProxy> {
  return apiFetch<AssemblyProxy>(`${base(slug)}/proxies/${encodeURIComponent(proxyId)}/revoke`, {
    method: 'POST',
    body: reason ? { reason } : {},
  })
}

export function createMotion(slug: string, id: string, input: CreateMotion): Promise<Motion> {
  return apiFetch<Motion>(assemblyPath(slug, id, '/motions'), { method: 'POST', body: input })
}

export type MotionTransition = 'open' | 'close' | 'publish'

export function transitionMotion(
  slug: string,
  motionId: string,
  transition: MotionTransition,
): Promise<Motion> {
  return apiFetch<Motion>(motionPath(slug, motionId, `/${transition}`), { method: 'POST', body: {} })
}

export function castBallot(
  slug: string,
  motionId: string,
  input: CastMotionBallot,
): Promise<MotionBallotReceipt> {
  return apiFetch<MotionBallotReceipt>(motionPath(slug, motionId, '/ballots'), {
    method: 'POST',
    body: input,
  })
}
