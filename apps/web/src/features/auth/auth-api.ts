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
