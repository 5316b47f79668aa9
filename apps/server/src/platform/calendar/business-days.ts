import { CalendarError } from './calendar-error.ts'
import { isColombianHolidayEpochDay } from './colombian-holidays.ts'
import { dayOfWeekOfEpochDay, fromEpochDay, type IsoDate, parseIsoDate, toEpochDay } from './iso-date.ts'

/** Anything that can say whether a date is a working day: the Colombian calendar, a test stub, a tenant override. */
export interface BusinessCalendar {
  isBusinessDay(date: IsoDate): boolean
}

export interface ColombianCalendarOptions {
  /** Days of week that are not business days (0 = Sunday … 6 = Saturday). Default: Saturday and Sunday. */
  readonly weekend?: readonly number[]
  /** Extra non-business dates of this organization (e.g. a regional holiday or a closing day). */
  readonly extraClosedDates?: readonly IsoDate[]
}

/** Rolling rule for a date that is not a business day. */
export type BusinessDayConvention = 'NONE' | 'FOLLOWING' | 'PRECEDING' | 'MODIFIED_FOLLOWING'

export function colombianCalendar(options: ColombianCalendarOptions = {}): BusinessCalendar {
  const weekend = options.weekend ?? [0, 6]
  for (const day of weekend) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new CalendarError('INVALID_ARGUMENT', `weekend days must be integers 0..6, got ${day}`)
    }
  }
  const weekendSet = new Set(weekend)
  const closed = new Set((options.extraClosedDates ?? []).map(toEpochDay))
  return {
    isBusinessDay(date: IsoDate): boolean {
      const epochDay = toEpochDay(date)
      return (
        !weekendSet.has(dayOfWeekOfEpochDay(epochDay)) &&
        !closed.has(epochDay) &&
        !isColombianHolidayEpochDay(epochDay)
      )
    },
  }
}

/** Monday to Friday, national holidays excluded. */
export const COLOMBIAN_CALENDAR: BusinessCalendar = colombianCalendar()

/** Every date is a business day: for products that ignore holidays, and for tests. */
export const EVERY_DAY_CALENDAR: BusinessCalendar = {
  isBusinessDay(date: IsoDate): boolean {
    parseIsoDate(date)
    return true
  },
}

export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar = COLOMBIAN_CALENDAR): boolean {
  return calendar.isBusinessDay(date)
}

// A calendar with no business day in ~3 years is broken; stop instead of looping forever.
const MAX_SEARCH_DAYS = 1100

function step(date: IsoDate, direction: 1 | -1, calendar: BusinessCalendar): IsoDate {
  let epochDay = toEpochDay(date)
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    epochDay += direction
    const candidate = fromEpochDay(epochDay)
    if (calendar.isBusinessDay(candidate)) return candidate
  }
  throw new CalendarError('INVALID_ARGUMENT', `no business day within ${MAX_SEARCH_DAYS} days of ${date}`)
}

/**
 * Counts `days` business days after `date` (the start date itself is not counted), as legal
 * deadlines in días hábiles are counted. Negative values count backwards; 0 returns `date`.
 */
export function addBusinessDays(
  date: IsoDate,
  days: number,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): IsoDate {
  if (!Number.isInteger(days))
    throw new CalendarError('INVALID_ARGUMENT', `days must be an integer, got ${days}`)
  parseIsoDate(date)
  let current = date
  const direction = days < 0 ? -1 : 1
  for (let i = 0; i < Math.abs(days); i++) current = step(current, direction, calendar)
  return current
}

/** The date itself if it is a business day, otherwise the next one. */
export function nextBusinessDay(date: IsoDate, calendar: BusinessCalendar = COLOMBIAN_CALENDAR): IsoDate {
  return calendar.isBusinessDay(date) ? date : step(date, 1, calendar)
}

/** The date itself if it is a business day, otherwise the previous one. */
export function previousBusinessDay(date: IsoDate, calendar: BusinessCalendar = COLOMBIAN_CALENDAR): IsoDate {
  return calendar.isBusinessDay(date) ? date : step(date, -1, calendar)
}

export function adjustToBusinessDay(
  date: IsoDate,
  convention: BusinessDayConvention,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): IsoDate {
  switch (convention) {
    case 'NONE':
      parseIsoDate(date)
      return date
    case 'FOLLOWING':
      return nextBusinessDay(date, calendar)
    case 'PRECEDING':
      return previousBusinessDay(date, calendar)
    case 'MODIFIED_FOLLOWING': {
      const following = nextBusinessDay(date, calendar)
      // Stay in the same month: roll back instead of crossing into the next one.
      return following.slice(0, 7) === date.slice(0, 7) ? following : previousBusinessDay(date, calendar)
    }
    default:
      throw new CalendarError('INVALID_ARGUMENT', `unknown business-day convention ${String(convention)}`)
  }
}

/** Business days in the half-open interval (from, to]; negative when `to` is before `from`. */
export function businessDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): number {
  const start = toEpochDay(from)
  const end = toEpochDay(to)
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1]
  let count = 0
  for (let day = low + 1; day <= high; day++) if (calendar.isBusinessDay(fromEpochDay(day))) count++
  return sign * count
}
