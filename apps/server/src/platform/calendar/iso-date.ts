import { CalendarError } from './calendar-error.ts'

/** A business date as `YYYY-MM-DD`, with no time and no time zone. */
export type IsoDate = string

export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

// Hand-rolled digit parsing: dates are parsed on every schedule row, and a regex per call shows in profiles.
function digits(value: string, from: number, to: number): number {
  let result = 0
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i) - 48
    if (code < 0 || code > 9) return -1
    result = result * 10 + code
  }
  return result
}

function civilOrNull(value: unknown): CivilDate | null {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null
  const year = digits(value, 0, 4)
  const month = digits(value, 5, 7)
  const day = digits(value, 8, 10)
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return civilOrNull(value) !== null
}

export function parseIsoDate(value: string): CivilDate {
  const civil = civilOrNull(value)
  if (civil === null) {
    throw new CalendarError('INVALID_DATE', `"${String(value)}" is not a valid date in YYYY-MM-DD form`)
  }
  return civil
}

export function formatIsoDate(date: CivilDate): IsoDate {
  const { year, month, day } = date
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12) {
    throw new CalendarError('INVALID_DATE', `year ${year} month ${month} is outside 0001-01..9999-12`)
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('INVALID_DATE', `${year}-${month} has no day ${day}`)
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// Days since 1970-01-01 by pure integer arithmetic (H. Hinnant's days_from_civil): no Date, no time zone.
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  return epochDayFromCivil(year, month, day)
}

export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function civilFromEpochDay(epochDay: number): CivilDate {
  if (!Number.isInteger(epochDay))
    throw new CalendarError('INVALID_ARGUMENT', `epoch day ${epochDay} is not an integer`)
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return { year, month, day }
}

export function fromEpochDay(epochDay: number): IsoDate {
  return formatIsoDate(civilFromEpochDay(epochDay))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days))
    throw new CalendarError('INVALID_ARGUMENT', `days must be an integer, got ${days}`)
  return fromEpochDay(toEpochDay(date) + days)
}

/** A civil date plus whole months; a day the target month lacks becomes its last day. */
export function addMonthsToCivil(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) }
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new CalendarError('INVALID_ARGUMENT', `months must be an integer, got ${months}`)
  }
  return formatIsoDate(addMonthsToCivil(parseIsoDate(date), months))
}

/** Signed number of days from `from` to `to` (`to − from`). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekOfEpochDay(toEpochDay(date))
}

export function dayOfWeekOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDay + 4) % 7) + 7) % 7
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const diff = toEpochDay(a) - toEpochDay(b)
  return diff < 0 ? -1 : diff > 0 ? 1 : 0
}

export function isLastDayOfMonth(date: IsoDate): boolean {
  const { year, month, day } = parseIsoDate(date)
  return day === daysInMonth(year, month)
}
