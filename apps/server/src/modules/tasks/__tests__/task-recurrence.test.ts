import { describe, expect, it } from 'vitest'
import { latestOccurrence, occurrence, type Recurrence } from '../task-recurrence.ts'

const rule = (r: Partial<Recurrence>): Recurrence => ({
  frequency: 'daily',
  interval: 1,
  weekday: null,
  monthDay: null,
  startsOn: '2026-01-01',
  ...r,
})

describe('recurrence', () => {
  it('steps daily and weekly rules by their interval', () => {
    expect([0, 1, 2].map((n) => occurrence(rule({ interval: 3 }), n))).toEqual([
      '2026-01-01',
      '2026-01-04',
      '2026-01-07',
    ])
    // 2026-01-01 is a Thursday; every second Monday starting on the first Monday after it.
    const weekly = rule({ frequency: 'weekly', interval: 2, weekday: 1 })
    expect([0, 1].map((n) => occurrence(weekly, n))).toEqual(['2026-01-05', '2026-01-19'])
  })

  it('clamps monthly days to short months and starts in the next month when the day has passed', () => {
    const monthly = rule({ frequency: 'monthly', monthDay: 31, startsOn: '2026-01-15' })
    expect([0, 1, 2, 3].map((n) => occurrence(monthly, n))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ])
    const meters = rule({ frequency: 'monthly', monthDay: 1, startsOn: '2026-01-15' })
    expect(occurrence(meters, 0)).toBe('2026-02-01')
  })

  it('finds the latest occurrence on or before a day, with its index for rotas', () => {
    expect(latestOccurrence(rule({ startsOn: '2026-03-01' }), '2026-02-28')).toBeNull()
    expect(latestOccurrence(rule({ interval: 7 }), '2026-01-20')).toEqual({ date: '2026-01-15', index: 2 })
    const monthly = rule({ frequency: 'monthly', monthDay: 31, startsOn: '2026-01-01' })
    expect(latestOccurrence(monthly, '2026-02-27')).toEqual({ date: '2026-01-31', index: 0 })
    expect(latestOccurrence(monthly, '2026-02-28')).toEqual({ date: '2026-02-28', index: 1 })
    const quarterly = rule({ frequency: 'monthly', interval: 3, monthDay: 5, startsOn: '2026-01-01' })
    expect(latestOccurrence(quarterly, '2026-09-04')).toEqual({ date: '2026-07-05', index: 2 })
  })
})
