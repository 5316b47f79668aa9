import type { MyPermissions, MyScorecard, OrgScorecard } from '@minga/contracts'
import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const base = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`

export interface ScorecardRangeInput {
  from?: string | undefined
  to?: string | undefined
}

export const scorecardsKey = (slug: string) => ['orgs', 'bySlug', slug, 'scorecards'] as const

export function orgScorecardQuery(slug: string, range: ScorecardRangeInput) {
  return queryOptions({
    queryKey: [...scorecardsKey(slug), 'org', range],
    queryFn: ({ signal }) =>
      apiFetch<OrgScorecard>(`${base(slug)}/scorecards/org`, { query: { ...range }, signal }),
  })
}

export function myScorecardQuery(slug: string, range: ScorecardRangeInput) {
  return queryOptions({
    queryKey: [...scorecardsKey(slug), 'me', range],
    queryFn: ({ signal }) =>
      apiFetch<MyScorecard>(`${base(slug)}/scorecards/me`, { query: { ...range }, signal }),
  })
}

export function myPermissionsQuery(slug: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', slug, 'me', 'permissions'],
    queryFn: ({ signal }) => apiFetch<MyPermissions>(`${base(slug)}/me/permissions`, { signal }),
    staleTime: 60_000,
  })
}

export function canReadOrgScorecard(permissions: MyPermissions | undefined): boolean {
  return (
    !!permissions &&
    (permissions.all ||
      permissions.permissions.includes('scorecards:read') ||
      permissions.permissions.includes('scorecards:*'))
  )
}

/** "33.33" → "33,33 %" in Spanish. */
export function percentText(percent: string, language: string): string {
  return `${language.startsWith('es') ? percent.replace('.', ',') : percent} %`
}
