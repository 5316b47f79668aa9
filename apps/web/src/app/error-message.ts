import type { TFunction } from 'i18next'
import { isApiError, isTwoFactorRequired } from './api-client.ts'
import { esCO } from './i18n/es-co.ts'

type AuthErrorCode = keyof typeof esCO.auth.errors

function isAuthErrorCode(code: string): code is AuthErrorCode {
  return Object.hasOwn(esCO.auth.errors, code)
}

/** A message for the user, in the current language, for any error a request can throw. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('common.genericError')
  if (error.status === 0) return t('common.networkError')
  // Before the generic 429 text: a locked account (429 ACCOUNT_LOCKED) says so.
  if (isAuthErrorCode(error.code)) return t(`auth.errors.${error.code}`)
  if (error.status === 429) return t('common.tooManyRequests')
  // The org requires 2FA for this person's role: point them to Mi cuenta, in the UI language.
  if (isTwoFactorRequired(error)) return t('errors.twoFactorRequired.body')
  // Problems from the Minga API are already localized through Accept-Language.
  if (error.problem) return error.problem.detail ?? error.problem.title
  return t('common.genericError')
}
