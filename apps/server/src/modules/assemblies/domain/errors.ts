/** The closed set of reasons the assemblies domain refuses an input; the HTTP layer maps each to problem+json. */
export const ASSEMBLY_RULE_ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_COEFFICIENT',
  'COEFFICIENTS_NOT_100',
  'DUPLICATE_SEAT',
  'UNKNOWN_SEAT',
  'INVALID_RULE',
  'WEIGHTED_NON_ECONOMIC_DECISION',
  'ABOVE_LEGAL_MAXIMUM_MAJORITY',
  'NOTICE_PERIOD_TOO_SHORT',
  'PROXY_BARRED_HOLDER',
  'PROXY_CAP_EXCEEDED',
  'PROXY_ALREADY_GRANTED',
  'PROXY_REVOKED',
  'PROXY_OUT_OF_SCOPE',
  'MOTION_NOT_OPEN',
  'INVALID_MOTION_TRANSITION',
  'RESULTS_VISIBILITY_ONE_WAY',
  'DUPLICATE_VOTE',
  'SEAT_NOT_PRESENT',
  'INVALID_BALLOT',
  'INVALID_RECEIPT_NONCE',
] as const

export type AssemblyRuleErrorCode = (typeof ASSEMBLY_RULE_ERROR_CODES)[number]

export class AssemblyRuleError extends Error {
  readonly code: AssemblyRuleErrorCode
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: AssemblyRuleErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'AssemblyRuleError'
    this.code = code
    this.details = details
  }
}

export function isAssemblyRuleError(value: unknown): value is AssemblyRuleError {
  return value instanceof AssemblyRuleError
}
