import { apiFetch } from '../../app/api-client.ts'

export const minPasswordLength = 10

export interface SignInInput {
  email: string
  password: string
}

export interface SignUpInput extends SignInInput {
  name: string
}

export function signInWithEmail(input: SignInInput): Promise<unknown> {
  return apiFetch('/api/auth/sign-in/email', { method: 'POST', body: input })
}

export function signUpWithEmail(input: SignUpInput): Promise<unknown> {
  return apiFetch('/api/auth/sign-up/email', { method: 'POST', body: input })
}

/** Plain format check before asking the server; the server has the last word. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
}

/** Better Auth answers a sign-in of an account with 2FA on with `{ twoFactorRedirect: true }`. */
export function needsSecondFactor(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { twoFactorRedirect?: unknown }).twoFactorRedirect === true
  )
}

export function verifySignInCode(input: { code: string; backup: boolean }): Promise<unknown> {
  const path = input.backup ? '/api/auth/two-factor/verify-backup-code' : '/api/auth/two-factor/verify-totp'
  return apiFetch(path, { method: 'POST', body: { code: input.code } })
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return apiFetch('/api/auth/request-password-reset', {
    method: 'POST',
    body: { email, redirectTo: `${window.location.origin}/reset-password` },
  })
}

export function resetPassword(input: { newPassword: string; token: string }): Promise<unknown> {
  return apiFetch('/api/auth/reset-password', { method: 'POST', body: input })
}
