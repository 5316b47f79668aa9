import type { TFunction } from 'i18next'
import { isApiError } from '../../app/api-client.ts'
import { errorMessage } from '../../app/error-message.ts'

export type AuthField = 'name' | 'email' | 'password'

/** Better Auth codes that belong to one field rather than to the whole form. */
const codeField: Record<string, AuthField> = {
  USER_ALREADY_EXISTS: 'email',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'email',
  INVALID_EMAIL: 'email',
  INVALID_PASSWORD: 'password',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
}

export interface AuthFormErrors {
  fields: Partial<Record<AuthField, string>>
  form: string | null
}

/** Spread a failed auth request over the form: field messages under inputs, the rest on top. */
export function authFormErrors(t: TFunction, error: unknown, fields: readonly AuthField[]): AuthFormErrors {
  const result: AuthFormErrors = { fields: {}, form: null }
  if (isApiError(error)) {
    for (const field of fields) {
      const message = error.fieldErrors[field]
      if (message) result.fields[field] = message
    }
    const field = codeField[error.code]
    if (field && fields.includes(field) && !result.fields[field]) {
      result.fields[field] = errorMessage(t, error)
    }
    if (Object.keys(result.fields).length > 0) return result
  }
  result.form = errorMessage(t, error)
  return result
}
