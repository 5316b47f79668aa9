import type { DocumentLink, DocumentPage, DocumentWithVersions } from '@minga/contracts'
import { queryOptions } from '@tanstack/react-query'
import { apiFetch, toApiError } from '../../app/api-client.ts'
import { i18n } from '../../app/i18n/i18n.ts'

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

/**
 * Multipart upload through XMLHttpRequest: fetch has no upload progress events. Creates a document,
 * or a new version when `documentId` is given.
 */
export function uploadDocument(
  org: string,
  form: FormData,
  onProgress: (percent: number) => void,
  documentId?: string,
): Promise<DocumentWithVersions> {
  const url = documentId ? `${base(org)}/${encodeURIComponent(documentId)}/versions` : base(org)
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    xhr.setRequestHeader('Accept-Language', i18n.language)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(xhr.responseText)
      } catch {
        payload = xhr.responseText
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as DocumentWithVersions)
      else reject(toApiError({ status: xhr.status, statusText: xhr.statusText }, payload))
    }
    xhr.onerror = () => reject(toApiError({ status: 0, statusText: 'Network error' }, undefined))
    xhr.send(form)
  })
}
