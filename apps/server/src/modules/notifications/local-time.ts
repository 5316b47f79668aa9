/**
 * Wall-clock arithmetic in the org's IANA zone, for quiet hours and digest hours. Users have no zone
 * of their own; the org's (America/Bogota by default) applies.
 */
export type LocalParts = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: number
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS[get('weekday')] ?? 1,
  }
}

/** The instant at local `hour:minute` on the local date of `instant` plus `dayOffset` days. */
export function localInstant(instant: Date, timeZone: string, hour: number, minute: number, dayOffset = 0) {
  const p = localParts(instant, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day + dayOffset, hour, minute)
  // Offset of the zone at that moment (first guess from the wall time itself, good outside DST jumps).
  const guess = new Date(asUtc)
  const g = localParts(guess, timeZone)
  const offset = Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute) - guess.getTime()
  return new Date(asUtc - offset)
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * When quiet hours hold mail at `now`, the instant they end; otherwise null. A window may wrap past
 * midnight (22:00–07:00); start equal to end means none.
 */
export function quietHoursEnd(
  now: Date,
  timeZone: string,
  quiet: { start: string | null; end: string | null },
): Date | null {
  if (!quiet.start || !quiet.end) return null
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return null
  const p = localParts(now, timeZone)
  const current = p.hour * 60 + p.minute
  const inside = start < end ? current >= start && current < end : current >= start || current < end
  if (!inside) return null
  const endsTomorrow = start > end && current >= start
  return localInstant(now, timeZone, Math.floor(end / 60), end % 60, endsTomorrow ? 1 : 0)
}
