/** The closed set of reasons the engine refuses an input. */
export const ENGINE_ERROR_CODES = [
  'INVALID_AMOUNT',
  'INVALID_RATE',
  'INVALID_DATE',
  'INVALID_TERM',
  'INVALID_ROUNDING_POLICY',
  'INVALID_INPUT',
  'AMOUNT_OUT_OF_RANGE',
  'TERM_OUT_OF_RANGE',
  'GRACE_EXCEEDS_TERM',
  'RATE_ABOVE_USURY_CAP',
  'USURY_RATE_UNAVAILABLE',
  'PAYMENT_EXCEEDS_BALANCE',
  'UNSUPPORTED_COMBINATION',
  'NOT_REPRESENTABLE',
  'REFERENCE_DATA_UNAVAILABLE',
] as const

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number]

export class EngineError extends Error {
  readonly code: EngineErrorCode
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: EngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'EngineError'
    this.code = code
    this.details = details
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError
}
