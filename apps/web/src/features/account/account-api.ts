import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiFetch } from '../../app/api-client.ts'

/** `GET /api/auth/get-session`: Better Auth's view of the session (null when signed out). */
export interface AuthSession {
  session: { id: string; token: string; expiresAt: string; createdAt: string }
  user: {
    id: string
    email: string
    name: string
    emailVerified: boolean
    twoFactorEnabled?: boolean | null
  }
}

/** One row of `GET /api/auth/list-sessions`. */
export interface SessionInfo {
  token: string
  ipAddress?: string | null
  userAgent?: string | null
  createdAt: string
  expiresAt: string
}

export interface SecurityEvent {
  id: string
  occurredAt: string
  type: string
  userId: string | null
  email: string | null
  ip: string | null
  userAgent: string | null
}

export interface SecurityEventPage {
  items: SecurityEvent[]
  nextCursor: string | null
}

export interface TwoFactorEnrolment {
  totpURI: string
  backupCodes: string[]
}

export const authSessionQuery = queryOptions({
  queryKey: ['account', 'auth-session'],
  queryFn: ({ signal }) => apiFetch<AuthSession | null>('/api/auth/get-session', { signal }),
})

export const sessionsQuery = queryOptions({
  queryKey: ['account', 'sessions'],
  queryFn: ({ signal }) => apiFetch<SessionInfo[]>('/api/auth/list-sessions', { signal }),
})

const pageSize = 20

export const securityEventsQuery = infiniteQueryOptions({
  queryKey: ['account', 'security-events'],
  queryFn: ({ pageParam, signal }) =>
    apiFetch<SecurityEventPage>('/api/v1/me/security-events', {
      query: { limit: pageSize, cursor: pageParam },
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
})

const post = <T = unknown>(path: string, body: unknown = {}) => apiFetch<T>(path, { method: 'POST', body })

export const updateName = (name: string) => post('/api/auth/update-user', { name })

export const sendVerificationEmail = (email: string) =>
  post('/api/auth/send-verification-email', { email, callbackURL: '/account' })

export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  post('/api/auth/change-password', { ...input, revokeOtherSessions: true })

export const enableTwoFactor = (password: string) =>
  post<TwoFactorEnrolment>('/api/auth/two-factor/enable', { password })

export const verifyTotp = (code: string) => post('/api/auth/two-factor/verify-totp', { code })

export const verifyBackupCode = (code: string) => post('/api/auth/two-factor/verify-backup-code', { code })

export const disableTwoFactor = (password: string) => post('/api/auth/two-factor/disable', { password })

export const revokeSession = (token: string) => post('/api/auth/revoke-session', { token })

export const revokeOtherSessions = () => post('/api/auth/revoke-other-sessions', {})

/** The base32 secret inside an `otpauth://totp/…?secret=…` URI, for typing it by hand. */
export function totpSecret(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret')
  } catch {
    return /[?&]secret=([^&]+)/.exec(uri)?.[1] ?? null
  }
}

/** The secret in groups of four characters, easier to copy by eye. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}
