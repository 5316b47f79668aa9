import type { DocumentLink, DocumentPage, DocumentWithVersions } from '@minga/contracts'
import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'
import { uploadWithProgress } from '../../app/upload.ts'

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/documents`

export const documentsKey = (org: string) => ['orgs', 'bySlug', org, 'documents'] as const

export function entityDocumentsQuery(org: string, entityType: string, entityId: string) {
  return queryOptions({
    queryKey: [...documentsKey(org), 'entity', entityType, entityId],
    queryFn: ({ signal }) =>
      apiFetch<DocumentPage>(base(org), { query: { entityType, entityId, limit: 100 }, signal }),
  })
}

export function documentQuery(org: string, id: string) {
  return queryOptions({
    queryKey: [...documentsKey(org), 'one', id],
    queryFn: ({ signal }) =>
      apiFetch<DocumentWithVersions>(`${base(org)}/${encodeURIComponent(id)}`, { signal }),
  })
}

export const downloadUrl = (org: string, id: string, versionId?: string) =>
  apiFetch<DocumentLink>(`${base(org)}/${encodeURIComponent(id)}/download-url`, {
    query: { versionId },
  })

/** Creates a document, or a new version when `documentId` is given; reports upload progress. */
export function uploadDocument(
  org: string,
  form: FormData,
  onProgress: (percent: number) => void,
  documentId?: string,
): Promise<DocumentWithVersions> {
  const url = documentId ? `${base(org)}/${encodeURIComponent(documentId)}/versions` : base(org)
  return uploadWithProgress<DocumentWithVersions>(url, form, onProgress)
}
