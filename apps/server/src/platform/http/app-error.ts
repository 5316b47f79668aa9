import type { FieldError } from '@minga/contracts'

/** The closed list of error codes a client can receive, with their HTTP status. */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  two_factor_required: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof errorStatus

/** The only error type that reaches clients; anything else becomes an opaque 500. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly errors: FieldError[] | undefined
  constructor(code: ErrorCode, message: string, errors?: FieldError[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.errors = errors
  }
  get status(): number {
    return errorStatus[this.code]
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`)
export const forbidden = () => new AppError('forbidden', 'You do not have permission to do this')
