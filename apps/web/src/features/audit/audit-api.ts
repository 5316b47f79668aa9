import type { AuditEvent } from '@minga/contracts'
import { infiniteQueryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

export interface AuditPage {
  items: AuditEvent[]
  nextCursor: string | null
}

const pageSize = 25

export function auditQuery(org: string) {
  return infiniteQueryOptions({
    queryKey: ['orgs', 'bySlug', org, 'audit'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(`/api/v1/orgs/${encodeURIComponent(org)}/audit`, {
        query: { limit: pageSize, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

/** A date and time in the org's time zone, written the way the UI language writes it. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    )
  } catch {
    // unknown time zone: fall back to Bogotá, Minga's default
    return new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Bogota',
    }).format(date)
  }
}
