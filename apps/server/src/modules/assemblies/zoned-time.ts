import type { IsoDate } from '../../platform/calendar/index.ts'

/** The civil date of an instant in a time zone (assemblies are dated where the org is). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant) as IsoDate
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

/** The instant of a wall-clock time (`HH:MM`) on a civil date in a time zone. */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`)
  const offset = offsetMinutes(naive, timeZone)
  return new Date(naive.getTime() - offset * 60_000)
}
