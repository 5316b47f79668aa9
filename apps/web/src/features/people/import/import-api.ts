import type {
  CommitPersonImport,
  PersonExportQuery,
  PersonImport,
  PersonImportErrorPage,
  PersonImportPage,
  ValidatePersonImport,
} from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../../app/api-client.ts'
import { uploadWithProgress } from '../../../app/upload.ts'
import { peopleKey } from '../people-api.ts'

const peopleBase = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/people`
const importsBase = (org: string) => `${peopleBase(org)}/imports`
const importBase = (org: string, id: string) => `${importsBase(org)}/${encodeURIComponent(id)}`

/** Every import query of an org (history, one import, its errors) starts with this key. */
export const importsKey = (org: string) => [...peopleKey(org), 'imports'] as const
export const importKey = (org: string, id: string) => [...importsKey(org), 'one', id] as const

/** A job is running on the server: poll and keep the buttons disabled. */
export const isImportRunning = (status: PersonImport['status']) =>
  status === 'validating' || status === 'committing'

export function importsHistoryQuery(org: string) {
  return infiniteQueryOptions({
    queryKey: [...importsKey(org), 'list'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<PersonImportPage>(importsBase(org), {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function importQuery(org: string, id: string) {
  return queryOptions({
    queryKey: importKey(org, id),
    queryFn: ({ signal }) => apiFetch<PersonImport>(importBase(org, id), { signal }),
    // Fallback when the realtime progress event is lost: poll while a job runs.
    refetchInterval: (query) => (query.state.data && isImportRunning(query.state.data.status) ? 2000 : false),
  })
}

export const ERRORS_PAGE_SIZE = 25

export function importErrorsQuery(org: string, id: string, cursor: string | undefined, updatedAt: string) {
  return queryOptions({
    // updatedAt: a new validation replaces the errors, so its pages are new data.
    queryKey: [...importKey(org, id), 'errors', updatedAt, cursor ?? null],
    queryFn: ({ signal }) =>
      apiFetch<PersonImportErrorPage>(`${importBase(org, id)}/errors`, {
        query: { limit: ERRORS_PAGE_SIZE, cursor },
        signal,
      }),
  })
}

/** Same-origin link: the session cookie authorizes the download. */
export const importReportUrl = (org: string, id: string) => `${importBase(org, id)}/report.csv`

export const uploadImport = (org: string, file: File, onProgress: (percent: number) => void) => {
  const form = new FormData()
  form.set('file', file)
  return uploadWithProgress<PersonImport>(importsBase(org), form, onProgress)
}

export const validateImport = (org: string, id: string, body: ValidatePersonImport) =>
  apiFetch<PersonImport>(`${importBase(org, id)}/validate`, { method: 'POST', body })

export const commitImport = (org: string, id: string, body: CommitPersonImport) =>
  apiFetch<PersonImport>(`${importBase(org, id)}/commit`, { method: 'POST', body })

/** GET /people/export with the list's current filters, as a plain download link. */
export function exportUrl(
  org: string,
  format: PersonExportQuery['format'],
  filters: {
    q?: string | undefined
    status?: string | undefined
    tags?: string | undefined
    branchId?: string | undefined
  },
) {
  const params = new URLSearchParams({ format })
  for (const key of ['q', 'status', 'tags', 'branchId'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  return `${peopleBase(org)}/export?${params.toString()}`
}
