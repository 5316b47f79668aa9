import type {
  CoefficientCheckResult,
  CreateUnit,
  CreateUnitHolder,
  ImportUnitsResult,
  Member,
  MyPermissions,
  Unit,
  UnitHolder,
  UnitType,
  UpdateUnit,
  UpdateUnitHolder,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

const base = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`
const unitsPath = (slug: string, path = '') => `${base(slug)}/units${path}`

/** Every units query of an org lives under this key (one invalidation refreshes them all). */
export const unitsKey = (slug: string) => ['orgs', 'bySlug', slug, 'units'] as const

export interface UnitFilters {
  building?: string | undefined
  type?: UnitType | undefined
  q?: string | undefined
}

export function unitsQuery(slug: string, filters: UnitFilters) {
  return infiniteQueryOptions({
    queryKey: [...unitsKey(slug), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<{ items: Unit[]; nextCursor: string | null }>(unitsPath(slug), {
        query: { limit: 100, cursor: pageParam, ...filters },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function coefficientCheckQuery(slug: string) {
  return queryOptions({
    queryKey: [...unitsKey(slug), 'coefficients'],
    queryFn: ({ signal }) =>
      apiFetch<CoefficientCheckResult>(unitsPath(slug, '/coefficients/check'), { signal }),
  })
}

export function holdersQuery(slug: string, unitId: string) {
  return queryOptions({
    queryKey: [...unitsKey(slug), unitId, 'holders'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: UnitHolder[] }>(unitsPath(slug, `/${encodeURIComponent(unitId)}/holders`), {
        signal,
      }),
  })
}

/** The org's members (first 100), to link a holder to a person who can vote from the phone. */
export function membersForHoldersQuery(slug: string) {
  return queryOptions({
    queryKey: [...unitsKey(slug), 'members'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Member[]; nextCursor: string | null }>(`${base(slug)}/members`, {
        query: { limit: 100 },
        signal,
      }),
    staleTime: 60_000,
  })
}

export function myPermissionsQuery(slug: string) {
  return queryOptions({
    queryKey: ['orgs', 'bySlug', slug, 'me', 'permissions'],
    queryFn: ({ signal }) => apiFetch<MyPermissions>(`${base(slug)}/me/permissions`, { signal }),
    staleTime: 60_000,
  })
}

export function canManageUnits(permissions: MyPermissions | undefined): boolean {
  return (
    !!permissions &&
    (permissions.all ||
      permissions.permissions.includes('units:manage') ||
      permissions.permissions.includes('units:*'))
  )
}

export const createUnit = (slug: string, input: CreateUnit) =>
  apiFetch<Unit>(unitsPath(slug), { method: 'POST', body: input })

export const updateUnit = (slug: string, unit: Pick<Unit, 'id' | 'version'>, patch: UpdateUnit) =>
  apiFetch<Unit>(unitsPath(slug, `/${encodeURIComponent(unit.id)}`), {
    method: 'PATCH',
    body: patch,
    headers: { 'If-Match': `"${unit.version}"` },
  })

export const deleteUnit = (slug: string, unitId: string) =>
  apiFetch<void>(unitsPath(slug, `/${encodeURIComponent(unitId)}`), { method: 'DELETE' })

export const addHolder = (slug: string, unitId: string, input: CreateUnitHolder) =>
  apiFetch<UnitHolder>(unitsPath(slug, `/${encodeURIComponent(unitId)}/holders`), {
    method: 'POST',
    body: input,
  })

export const updateHolder = (slug: string, unitId: string, holderId: string, patch: UpdateUnitHolder) =>
  apiFetch<UnitHolder>(
    unitsPath(slug, `/${encodeURIComponent(unitId)}/holders/${encodeURIComponent(holderId)}`),
    { method: 'PATCH', body: patch },
  )

export const removeHolder = (slug: string, unitId: string, holderId: string) =>
  apiFetch<void>(unitsPath(slug, `/${encodeURIComponent(unitId)}/holders/${encodeURIComponent(holderId)}`), {
    method: 'DELETE',
  })

export const importUnits = (
  slug: string,
  input: { csv: string; dryRun: boolean; coefficientsFromAreas: boolean },
) => apiFetch<ImportUnitsResult>(unitsPath(slug, '/import'), { method: 'POST', body: input })

/** "54.30" → "54,30" in Spanish: decimals as the API sends them, with the language's separator. */
export function formatDecimalText(value: string, language: string): string {
  return language.startsWith('es') ? value.replace('.', ',') : value
}

/** "99.999999" → "99,999999 %" in Spanish, "99.999999 %" in English (the six decimals are legal text). */
export function formatPercentText(value: string, language: string): string {
  return `${formatDecimalText(value, language)} %`
}

/** Today in Bogotá as YYYY-MM-DD (UTC−5 all year). */
export function todayInBogota(now = new Date()): string {
  return new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10)
}
