import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CalendarError } from '../calendar-error.ts'
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  isLastDayOfMonth,
  isValidIsoDate,
  toEpochDay,
} from '../iso-date.ts'

describe('iso dates', () => {
  it('validates real calendar dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2023-02-29')).toBe(false)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(isValidIsoDate('2000-02-29')).toBe(true)
    expect(isValidIsoDate('2024-2-1')).toBe(false)
    expect(isValidIsoDate('2024-04-31')).toBe(false)
    expect(() => toEpochDay('2024-04-31')).toThrow(CalendarError)
  })

  it('agrees with UTC Date arithmetic over 1900..2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (epochDay) => {
        const iso = fromEpochDay(epochDay)
        expect(iso).toBe(new Date(epochDay * 86_400_000).toISOString().slice(0, 10))
        expect(toEpochDay(iso)).toBe(epochDay)
        expect(dayOfWeek(iso)).toBe(new Date(epochDay * 86_400_000).getUTCDay())
      }),
    )
  })

  it('adds months clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-01-31', 3)).toBe('2024-04-30')
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(isLastDayOfMonth('2024-02-29')).toBe(true)
  })

  it('counts days between dates', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28)
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01')
  })
})
