import type { Me } from '@minga/contracts'
import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { ApiError, apiFetch, isApiError } from '../api-client.ts'

export type SessionUser = Me['user']

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => apiFetch<Me>('/api/v1/me', { signal }),
  staleTime: 5 * 60_000,
  retry: false,
})

/** The signed-in user, or null when the server answers 401. Other failures throw. */
export async function loadSession(queryClient: QueryClient): Promise<SessionUser | null> {
  try {
    const me = await queryClient.ensureQueryData(meQuery)
    return me.user
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null
    throw error
  }
}

/** Ends the session on the server; signing out twice is not an error. */
export async function signOut(): Promise<void> {
  try {
    await apiFetch('/api/auth/sign-out', { method: 'POST', body: {} })
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error
  }
}

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeRedirect(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return undefined
  if (/^\/(sign-in|sign-up|forgot-password|reset-password)(?:[/?#]|$)/.test(target)) return undefined
  return target
}
