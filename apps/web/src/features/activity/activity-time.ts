/** Activity times are shown in Bogotá: an org's members share its local day. */
export const ACTIVITY_TIME_ZONE = 'America/Bogota'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Calendar day (YYYY-MM-DD) of an instant in Bogotá. */
function bogotaDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ACTIVITY_TIME_ZONE }).format(date)
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (24 * HOUR))
}

/**
 * "hace 5 minutos", "hace 3 horas", "ayer", "hace 4 días", then the date. Days count calendar days in
 * Bogotá, so 11 p. m. yesterday is "ayer" at 1 a. m. today.
 */
export function relativeTime(iso: string, now: Date, language: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const elapsed = now.getTime() - at.getTime()
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  if (elapsed < MINUTE) return rtf.format(0, 'second')
  if (elapsed < HOUR) return rtf.format(-Math.floor(elapsed / MINUTE), 'minute')
  const days = daysBetween(bogotaDay(at), bogotaDay(now))
  if (days === 0) return rtf.format(-Math.floor(elapsed / HOUR), 'hour')
  if (days < 7) return rtf.format(-days, 'day')
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: ACTIVITY_TIME_ZONE }).format(at)
}

/** The full date and time in Bogotá, for the tooltip. */
export function absoluteTime(iso: string, language: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: ACTIVITY_TIME_ZONE,
  }).format(at)
}
