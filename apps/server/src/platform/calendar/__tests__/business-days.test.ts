import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  adjustToBusinessDay,
  businessDaysBetween,
  colombianCalendar,
  EVERY_DAY_CALENDAR,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from '../business-days.ts'
import { CalendarError } from '../calendar-error.ts'
import { addDays } from '../iso-date.ts'

describe('isBusinessDay', () => {
  it('excludes weekends and festivos', () => {
    expect(isBusinessDay('2025-03-21')).toBe(true) // Friday
    expect(isBusinessDay('2025-03-22')).toBe(false) // Saturday
    expect(isBusinessDay('2025-03-23')).toBe(false) // Sunday
    expect(isBusinessDay('2025-03-24')).toBe(false) // San José moved to Monday
    expect(isBusinessDay('2025-03-25')).toBe(true)
  })

  it('accepts a custom weekend and organization closing days', () => {
    const saturdayOpen = colombianCalendar({ weekend: [0], extraClosedDates: ['2025-12-31'] })
    expect(saturdayOpen.isBusinessDay('2025-03-22')).toBe(true)
    expect(saturdayOpen.isBusinessDay('2025-12-31')).toBe(false)
    expect(() => colombianCalendar({ weekend: [7] })).toThrow(CalendarError)
  })

  it('rejects impossible dates', () => {
    expect(() => isBusinessDay('2025-02-29')).toThrow(CalendarError)
    expect(() => isBusinessDay('2025-13-01')).toThrow(/not a valid date/)
  })
})

describe('addBusinessDays', () => {
  it('counts a Ley 1581 consulta deadline (10 business days) across Holy Week 2025', () => {
    // Filed Monday 2025-04-14; Thu 17 and Fri 18 are festivos.
    expect(addBusinessDays('2025-04-14', 10)).toBe('2025-04-30')
  })

  it('counts a reclamo deadline (15 business days) across the June 2025 Mondays', () => {
    // 2025-06-02, 06-23 and 06-30 are festivos.
    expect(addBusinessDays('2025-06-01', 15)).toBe('2025-06-24')
  })

  it('returns the same date for 0 and walks backwards for negative values', () => {
    expect(addBusinessDays('2025-03-22', 0)).toBe('2025-03-22')
    expect(addBusinessDays('2025-03-25', -1)).toBe('2025-03-21')
  })

  it('is the inverse of businessDaysBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const start = addDays('2024-01-01', offset)
        const end = addBusinessDays(start, n)
        expect(businessDaysBetween(start, end)).toBe(n)
        if (n > 0) expect(isBusinessDay(end)).toBe(true)
      }),
    )
  })
})

describe('adjustToBusinessDay', () => {
  it('rolls a festivo per convention', () => {
    expect(adjustToBusinessDay('2025-08-18', 'FOLLOWING')).toBe('2025-08-19')
    expect(adjustToBusinessDay('2025-08-18', 'PRECEDING')).toBe('2025-08-15')
    expect(adjustToBusinessDay('2025-08-18', 'NONE')).toBe('2025-08-18')
    // Sunday 2025-08-31: following is in September, so modified following goes back to Friday 29.
    expect(adjustToBusinessDay('2025-08-31', 'MODIFIED_FOLLOWING')).toBe('2025-08-29')
    expect(nextBusinessDay('2025-12-25')).toBe('2025-12-26')
    expect(previousBusinessDay('2026-01-01')).toBe('2025-12-31')
  })

  it('leaves every date alone on the every-day calendar', () => {
    expect(adjustToBusinessDay('2025-12-25', 'FOLLOWING', EVERY_DAY_CALENDAR)).toBe('2025-12-25')
  })
})
