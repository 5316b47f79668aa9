export type CalendarErrorCode = 'INVALID_DATE' | 'UNSUPPORTED_YEAR' | 'INVALID_ARGUMENT'

// Typed so callers (the finance engine, the people module) can map it to their own error codes.
export class CalendarError extends Error {
  readonly code: CalendarErrorCode

  constructor(code: CalendarErrorCode, message: string) {
    super(message)
    this.name = 'CalendarError'
    this.code = code
  }
}
