import { addDays, addMonths, bogotaDate, daysBetween } from '../../platform/calendar/index.ts'
import { AppError } from '../../platform/http/app-error.ts'

export type ScorecardRange = {
  /** Bogotá dates, both included. */
  fromDay: string
  toDay: string
  /** The instants the facts functions filter on: fromDay 00:00 to toDay 23:59:59.999 in Bogotá. */
  from: Date
  to: Date
}

const MAX_DAYS = 366 * 5

const startOfBogotaDay = (day: string) => new Date(`${day}T05:00:00.000Z`)

/** `from`/`to` from the query, defaulting to the rolling 12 months that end today. */
export function scorecardRange(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const toDay = query.to ?? bogotaDate(now)
  const fromDay = query.from ?? addDays(addMonths(toDay, -12), 1)
  if (daysBetween(fromDay, toDay) < 0) {
    const message = 'The start date must not be after the end date'
    throw new AppError('unprocessable', message, [{ path: 'querystring.from', message }])
  }
  if (daysBetween(fromDay, toDay) > MAX_DAYS) {
    const message = 'The range can cover at most 5 years'
    throw new AppError('unprocessable', message, [{ path: 'querystring.from', message }])
  }
  return {
    fromDay,
    toDay,
    from: startOfBogotaDay(fromDay),
    to: new Date(startOfBogotaDay(addDays(toDay, 1)).getTime() - 1),
  } satisfies ScorecardRange
}
