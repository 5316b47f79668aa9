import { AppError } from '../../platform/http/app-error.ts'
import { type AssemblyRuleErrorCode, isAssemblyRuleError } from './domain/index.ts'

/** Which request field a domain rule error points at, when there is one. */
const FIELD_OF: Partial<Record<AssemblyRuleErrorCode, string>> = {
  NOTICE_PERIOD_TOO_SHORT: 'body.noticeSentOn',
  COEFFICIENTS_NOT_100: 'electorate.coefficients',
  INVALID_COEFFICIENT: 'electorate.coefficients',
  PROXY_BARRED_HOLDER: 'body.holderUserId',
  PROXY_CAP_EXCEEDED: 'body.holderDocument',
  PROXY_ALREADY_GRANTED: 'body.grantorUnitId',
  WEIGHTED_NON_ECONOMIC_DECISION: 'body.basis',
  ABOVE_LEGAL_MAXIMUM_MAJORITY: 'body.majority',
  INVALID_RULE: 'body',
  INVALID_BALLOT: 'body.choice',
  SEAT_NOT_PRESENT: 'body.unitId',
  UNKNOWN_SEAT: 'body.unitId',
  PROXY_OUT_OF_SCOPE: 'body.unitId',
}

/** State conflicts answer 409; every other rule of the domain is a 422 with the domain's figures. */
const CONFLICTS: ReadonlySet<AssemblyRuleErrorCode> = new Set([
  'DUPLICATE_VOTE',
  'MOTION_NOT_OPEN',
  'INVALID_MOTION_TRANSITION',
  'PROXY_REVOKED',
])

/**
 * Maps an `AssemblyRuleError` to problem+json (`unprocessable` 422 or `conflict` 409). The detail keeps
 * the domain's English message (it names the figures, e.g. "0.000001 % short of 100 %"); the field
 * entry's message starts with the domain code so clients can branch on it.
 */
export function toAppError(error: unknown, field?: string): unknown {
  if (!isAssemblyRuleError(error)) return error
  const path = field ?? FIELD_OF[error.code] ?? 'body'
  const code = CONFLICTS.has(error.code) ? 'conflict' : 'unprocessable'
  return new AppError(code, error.message, [{ path, message: `${error.code}: ${error.message}` }])
}

/** Runs a domain call, turning its rule errors into problem+json errors. */
export function rule<T>(fn: () => T, field?: string): T {
  try {
    return fn()
  } catch (error) {
    throw toAppError(error, field)
  }
}

export const unprocessable = (path: string, message: string) =>
  new AppError('unprocessable', message, [{ path, message }])

export const conflict = (message: string) => new AppError('conflict', message)
