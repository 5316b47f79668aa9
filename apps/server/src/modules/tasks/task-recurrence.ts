import {
  addDays,
  addMonthsToCivil,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  type IsoDate,
  parseIsoDate,
} from '../../platform/calendar/index.ts'

export type Recurrence = {
  frequency: 'daily' | 'weekly' | 'monthly'
  interval: number
  weekday: number | null
  monthDay: number | null
  startsOn: IsoDate
}

/** The n-th occurrence (0-based) of a rule; the first one is on or after `startsOn`. */
export function occurrence(rule: Recurrence, n: number): IsoDate {
  if (rule.frequency === 'daily') return addDays(rule.startsOn, n * rule.interval)
  if (rule.frequency === 'weekly') {
    const shift = ((rule.weekday ?? 0) - dayOfWeek(rule.startsOn) + 7) % 7
    return addDays(addDays(rule.startsOn, shift), n * 7 * rule.interval)
  }
  const start = parseIsoDate(rule.startsOn)
  const day = rule.monthDay ?? start.day
  const clamp = (year: number, month: number) =>
    formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) })
  // The first month whose (clamped) day is not before startsOn.
  const firstInStartMonth = clamp(start.year, start.month)
  const offset = firstInStartMonth < rule.startsOn ? 1 : 0
  const month = addMonthsToCivil({ year: start.year, month: start.month, day: 1 }, offset + n * rule.interval)
  return clamp(month.year, month.month)
}

/**
 * The latest occurrence on or before `today` with its index (for assignee rotation), or null when
 * the rule has not started yet.
 */
export function latestOccurrence(rule: Recurrence, today: IsoDate): { date: IsoDate; index: number } | null {
  const first = occurrence(rule, 0)
  if (first > today) return null
  let n: number
  if (rule.frequency === 'monthly') {
    const a = parseIsoDate(first)
    const b = parseIsoDate(today)
    n = Math.floor(((b.year - a.year) * 12 + (b.month - a.month)) / rule.interval)
  } else {
    const step = rule.frequency === 'daily' ? rule.interval : 7 * rule.interval
    n = Math.floor(daysBetween(first, today) / step)
  }
  // Clamped month days can land after `today` within its month: step back until it fits.
  while (n > 0 && occurrence(rule, n) > today) n--
  return { date: occurrence(rule, n), index: n }
}
