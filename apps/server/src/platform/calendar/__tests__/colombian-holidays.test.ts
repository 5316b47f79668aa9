import { describe, expect, it } from 'vitest'
import { CalendarError } from '../calendar-error.ts'
import { holidaysOf, isColombianHoliday } from '../colombian-holidays.ts'
import { easterSunday } from '../easter.ts'

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })
})

describe('holidaysOf', () => {
  it('lists the 2024 festivos (official decree list)', () => {
    expect(holidaysOf(2024).map((h) => h.date)).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-03-25',
      '2024-03-28',
      '2024-03-29',
      '2024-05-01',
      '2024-05-13',
      '2024-06-03',
      '2024-06-10',
      '2024-07-01',
      '2024-07-20',
      '2024-08-07',
      '2024-08-19',
      '2024-10-14',
      '2024-11-04',
      '2024-11-11',
      '2024-12-08',
      '2024-12-25',
    ])
  })

  it('merges two holidays that land on the same Monday (2025-06-30)', () => {
    const list = holidaysOf(2025)
    expect(list).toHaveLength(17)
    expect(list.find((h) => h.date === '2025-06-30')?.names).toEqual([
      'San Pedro y San Pablo',
      'Sagrado Corazón de Jesús',
    ])
    expect(list.map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-03-24',
      '2025-04-17',
      '2025-04-18',
      '2025-05-01',
      '2025-06-02',
      '2025-06-23',
      '2025-06-30',
      '2025-07-20',
      '2025-08-07',
      '2025-08-18',
      '2025-10-13',
      '2025-11-03',
      '2025-11-17',
      '2025-12-08',
      '2025-12-25',
    ])
  })

  it('lists the 2026 festivos', () => {
    expect(holidaysOf(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-12',
      '2026-03-23',
      '2026-04-02',
      '2026-04-03',
      '2026-05-01',
      '2026-05-18',
      '2026-06-08',
      '2026-06-15',
      '2026-06-29',
      '2026-07-20',
      '2026-08-07',
      '2026-08-17',
      '2026-10-12',
      '2026-11-02',
      '2026-11-16',
      '2026-12-08',
      '2026-12-25',
    ])
  })

  it('keeps fixed holidays on weekends and moves Emiliani holidays to Monday', () => {
    // 2025-07-20 is a Sunday and stays; 2025-08-15 is a Friday and moves to Monday 18.
    expect(isColombianHoliday('2025-07-20')).toBe(true)
    expect(isColombianHoliday('2025-08-15')).toBe(false)
    expect(isColombianHoliday('2025-08-18')).toBe(true)
  })

  it('every Emiliani and Easter-based moved holiday falls on a Monday, for 1984..2100', () => {
    const fixed = new Set(['01-01', '05-01', '07-20', '08-07', '12-08', '12-25'])
    for (let year = 1984; year <= 2100; year++) {
      const easter = easterSunday(year)
      for (const holiday of holidaysOf(year)) {
        const md = holiday.date.slice(5)
        const weekday = new Date(`${holiday.date}T00:00:00Z`).getUTCDay()
        const holyWeek = holiday.names.some((n) => n === 'Jueves Santo' || n === 'Viernes Santo')
        if (!fixed.has(md) && !holyWeek) expect(weekday, `${holiday.date} ${holiday.names}`).toBe(1)
        if (holyWeek) expect(holiday.date < easter).toBe(true)
      }
    }
  })

  it('rejects years before Ley 51 de 1983 took effect', () => {
    expect(() => holidaysOf(1983)).toThrow(CalendarError)
    expect(() => holidaysOf(2025.5)).toThrow(/1984/)
  })
})
