import {
  daysInMonth,
  epochDayFromCivil,
  type IsoDate,
  parseIsoDate,
  toEpochDay,
} from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { Decimal } from './money.ts'

/**
 * 30/360: European 30E/360 (day 31 counts as 30). ACT/365 (fixed), ACT/360, ACT/ACT (ISDA: days in
 * leap years over 366, the rest over 365).
 */
export type DayCount = '30/360' | 'ACT/365' | 'ACT/360' | 'ACT/ACT'

export const DAY_COUNTS: readonly DayCount[] = ['30/360', 'ACT/365', 'ACT/360', 'ACT/ACT']

/** A year fraction kept as whole days over a basis, so powers stay exact: Σ days / basis. */
export interface YearFractionPart {
  readonly days: number
  readonly basis: number
}
export type YearFraction = readonly YearFractionPart[]

export function assertDayCount(value: unknown): asserts value is DayCount {
  if (!DAY_COUNTS.includes(value as DayCount)) {
    throw new EngineError(
      'INVALID_INPUT',
      `day count must be one of ${DAY_COUNTS.join(', ')}, got ${String(value)}`,
    )
  }
}

export function days30E360(start: IsoDate, end: IsoDate): number {
  const a = parseIsoDate(start)
  const b = parseIsoDate(end)
  const d1 = Math.min(a.day, 30)
  const d2 = Math.min(b.day, 30)
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)
}

export function yearFraction(dayCount: DayCount, start: IsoDate, end: IsoDate): YearFraction {
  const from = toEpochDay(start)
  const to = toEpochDay(end)
  if (to < from) throw new EngineError('INVALID_DATE', `period end ${end} is before its start ${start}`)
  switch (dayCount) {
    case '30/360':
      return [{ days: days30E360(start, end), basis: 360 }]
    case 'ACT/365':
      return [{ days: to - from, basis: 365 }]
    case 'ACT/360':
      return [{ days: to - from, basis: 360 }]
    case 'ACT/ACT': {
      let leapDays = 0
      let otherDays = 0
      let cursor = from
      let year = parseIsoDate(start).year
      while (cursor < to) {
        const nextYear = epochDayFromCivil(year + 1, 1, 1)
        const segmentEnd = Math.min(nextYear, to)
        if (daysInMonth(year, 2) === 29) leapDays += segmentEnd - cursor
        else otherDays += segmentEnd - cursor
        cursor = segmentEnd
        year += 1
      }
      const parts: YearFractionPart[] = []
      if (otherDays > 0) parts.push({ days: otherDays, basis: 365 })
      if (leapDays > 0) parts.push({ days: leapDays, basis: 366 })
      return parts.length > 0 ? parts : [{ days: 0, basis: 365 }]
    }
    default:
      throw new EngineError('INVALID_INPUT', `unknown day count ${String(dayCount)}`)
  }
}

export function yearFractionValue(fraction: YearFraction): Decimal {
  let total = new Decimal(0)
  for (const part of fraction) total = total.plus(new Decimal(part.days).div(part.basis))
  return total
}
