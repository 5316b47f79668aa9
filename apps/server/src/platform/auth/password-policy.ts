import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128

const commonPasswords = new Set(
  readFileSync(join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
)

export type PasswordProblem = { code: 'PASSWORD_TOO_COMMON' | 'PASSWORD_TOO_PREDICTABLE'; message: string }

/**
 * Beyond length (Better Auth checks it): refuse passwords from the shipped common list, one repeated
 * character, straight digit or letter runs, and the account's own email.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const lower = password.toLowerCase()
  if (commonPasswords.has(lower)) {
    return {
      code: 'PASSWORD_TOO_COMMON',
      message: 'This password is among the most common ones; choose another',
    }
  }
  if (/^(.)\1+$/.test(password) || isRun(lower)) {
    return { code: 'PASSWORD_TOO_PREDICTABLE', message: 'This password is too predictable; choose another' }
  }
  const local = email?.toLowerCase().split('@')[0]
  if (email && (lower === email.toLowerCase() || (local && local.length >= 6 && lower.includes(local)))) {
    return { code: 'PASSWORD_TOO_PREDICTABLE', message: 'The password must not contain your email address' }
  }
  return null
}

/** "abcdefghij", "9876543210": each character one step from the previous, in one direction. */
function isRun(text: string): boolean {
  let step = 0
  for (let i = 1; i < text.length; i++) {
    const diff = text.charCodeAt(i) - text.charCodeAt(i - 1)
    if (Math.abs(diff) !== 1 || (step !== 0 && diff !== step)) return false
    step = diff
  }
  return true
}
