import type { Profile, ProfilePage, ProfileSkills, SaveProfile } from '@minga/contracts'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { ApiError, apiFetch, toApiError } from '../../app/api-client.ts'
import { i18n } from '../../app/i18n/i18n.ts'

const base = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}/profiles`

/** Every profiles query of an org starts with this key. */
export const profilesKey = (org: string) => ['orgs', 'bySlug', org, 'profiles'] as const

export type DirectoryFilters = { q?: string | undefined; skill?: string | undefined }

export function directoryQuery(org: string, filters: DirectoryFilters) {
  return infiniteQueryOptions({
    queryKey: [...profilesKey(org), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ProfilePage>(base(org), {
        query: { ...filters, limit: 24, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
}

export function skillsQuery(org: string) {
  return queryOptions({
    queryKey: [...profilesKey(org), 'skills'],
    queryFn: ({ signal }) => apiFetch<ProfileSkills>(`${base(org)}/skills`, { signal }),
    staleTime: 60_000,
  })
}

export function profileQuery(org: string, userId: string) {
  return queryOptions({
    queryKey: [...profilesKey(org), 'one', userId],
    queryFn: ({ signal }) => apiFetch<Profile>(`${base(org)}/${encodeURIComponent(userId)}`, { signal }),
  })
}

export function myProfileQuery(org: string) {
  return queryOptions({
    queryKey: [...profilesKey(org), 'me'],
    queryFn: ({ signal }) => apiFetch<Profile>(`${base(org)}/me`, { signal }),
  })
}

/** Saves my profile; If-Match once it exists (version 0 is "never saved"). */
export const saveMyProfile = (org: string, current: Profile, body: SaveProfile) =>
  apiFetch<Profile>(`${base(org)}/me`, {
    method: 'PUT',
    body,
    ...(current.version > 0 ? { headers: { 'If-Match': `"${current.version}"` } } : {}),
  })

/** The picture's URL: the API redirects to a short signed link; `v` changes with the picture. */
export const avatarUrl = (org: string, userId: string, fileId: string) =>
  `${base(org)}/${encodeURIComponent(userId)}/avatar?v=${encodeURIComponent(fileId)}`

/** Multipart PUT (apiFetch sends JSON): the browser sets the boundary. */
export async function uploadAvatar(org: string, file: File): Promise<Profile> {
  const form = new FormData()
  form.append('file', file)
  let response: Response
  try {
    response = await fetch(`${base(org)}/me/avatar`, {
      method: 'PUT',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.language },
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'Network error' })
  }
  const text = await response.text()
  let payload: unknown = text
  try {
    payload = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  if (!response.ok) throw toApiError(response, payload)
  return payload as Profile
}

export const removeAvatar = (org: string) =>
  apiFetch<undefined>(`${base(org)}/me/avatar`, { method: 'DELETE' })
