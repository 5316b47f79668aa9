import type {
  AnswerDataRequest,
  ConsentEvent,
  CreateDataRequest,
  CreatePrivacyPolicy,
  CreatePrivacyPurpose,
  DataRequest,
  GrantConsent,
  PersonConsents,
  PrivacyPolicy,
  PrivacyPurpose,
  RevokeConsent,
} from '@minga/contracts'
import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

export const privacyBase = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/privacy`

/** Every privacy query of an org starts with this key. */
export const privacyKey = (org: string) => ['orgs', 'bySlug', org, 'privacy'] as const

export const requestsQuery = (org: string) =>
  queryOptions({
    queryKey: [...privacyKey(org), 'requests'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: DataRequest[]; nextCursor: string | null }>(`${privacyBase(org)}/requests`, {
        query: { limit: 100 },
        signal,
      }),
  })

export const requestQuery = (org: string, id: string) =>
  queryOptions({
    queryKey: [...privacyKey(org), 'requests', id],
    queryFn: ({ signal }) =>
      apiFetch<DataRequest>(`${privacyBase(org)}/requests/${encodeURIComponent(id)}`, { signal }),
  })

export const policiesQuery = (org: string) =>
  queryOptions({
    queryKey: [...privacyKey(org), 'policies'],
    queryFn: ({ signal }) => apiFetch<{ items: PrivacyPolicy[] }>(`${privacyBase(org)}/policies`, { signal }),
  })

export const purposesQuery = (org: string) =>
  queryOptions({
    queryKey: [...privacyKey(org), 'purposes'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: PrivacyPurpose[] }>(`${privacyBase(org)}/purposes`, { signal }),
  })

export const consentsQuery = (org: string, personId: string) =>
  queryOptions({
    queryKey: [...privacyKey(org), 'consents', personId],
    queryFn: ({ signal }) =>
      apiFetch<PersonConsents>(`${privacyBase(org)}/people/${encodeURIComponent(personId)}/consents`, {
        signal,
      }),
  })

export const createRequest = (org: string, body: CreateDataRequest) =>
  apiFetch<DataRequest>(`${privacyBase(org)}/requests`, { method: 'POST', body })

export type RequestAction =
  | { action: 'start' }
  | { action: 'extend'; reason: string }
  | { action: 'answer'; body: AnswerDataRequest }
  | { action: 'reject'; reason: string }

export function actOnRequest(org: string, id: string, input: RequestAction) {
  const url = `${privacyBase(org)}/requests/${encodeURIComponent(id)}/${input.action}`
  const body =
    input.action === 'start' ? {} : input.action === 'answer' ? input.body : { reason: input.reason }
  return apiFetch<DataRequest>(url, { method: 'POST', body })
}

export const createPolicy = (org: string, body: CreatePrivacyPolicy) =>
  apiFetch<PrivacyPolicy>(`${privacyBase(org)}/policies`, { method: 'POST', body })

export const publishPolicy = (org: string, id: string) =>
  apiFetch<PrivacyPolicy>(`${privacyBase(org)}/policies/${encodeURIComponent(id)}/publish`, {
    method: 'POST',
    body: {},
  })

export const createPurpose = (
  org: string,
  body: Omit<CreatePrivacyPurpose, 'description'> & { description?: string },
) => apiFetch<PrivacyPurpose>(`${privacyBase(org)}/purposes`, { method: 'POST', body })

export const grantConsent = (
  org: string,
  body: Omit<GrantConsent, 'actorType'> & Partial<Pick<GrantConsent, 'actorType'>>,
) => apiFetch<ConsentEvent>(`${privacyBase(org)}/consents`, { method: 'POST', body })

export const revokeConsent = (
  org: string,
  body: Omit<RevokeConsent, 'actorType'> & Partial<Pick<RevokeConsent, 'actorType'>>,
) => apiFetch<ConsentEvent>(`${privacyBase(org)}/consents/revoke`, { method: 'POST', body })

export const exportUrl = (org: string, personId: string, format: 'json' | 'pdf') =>
  `${privacyBase(org)}/people/${encodeURIComponent(personId)}/export.${format}`
