/**
 * Display helpers for the assembly screens. Coefficients arrive as integers in millionths of a
 * percent (100 % = 100_000_000); every decision is computed by the server, these only show figures.
 */

export const FULL_COEFFICIENT = 100_000_000

/** 52_500_000 → "52,500000 %" (es-CO) or "52.500000 %" (en): the reglamento's six decimals, exact. */
export function formatCoefficient(millionths: number, language: string, decimals = 6): string {
  const separator = language.startsWith('en') ? '.' : ','
  const negative = millionths < 0
  const scale = 10 ** (6 - decimals)
  // Round half up at the requested precision, in integers (no float drift).
  const rounded = Math.floor((Math.abs(millionths) + scale / 2) / scale) * scale
  const whole = Math.floor(rounded / 1_000_000)
  const fraction = String(rounded % 1_000_000)
    .padStart(6, '0')
    .slice(0, decimals)
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? separator + fraction : ''} %`
}

/** part / whole as a 0–100 number for progress bars (0 when the whole is empty). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0
  // Two decimals are plenty for a bar, and keep aria-valuenow readable (55, not 55.00000000000001).
  return Math.min(100, Math.max(0, Math.round((part * 10_000) / whole) / 100))
}

/** A fraction like 1/2 or 7/10 as "50 %" / "70 %" (two decimals at most). */
export function formatShare(share: { numerator: number; denominator: number }, language: string): string {
  const value = (share.numerator / share.denominator) * 100
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value)} %`
}

/**
 * The smallest figure that meets `threshold` of `whole` with `comparison` (gt: strictly more; gte: at
 * least), as the live screens show it ("votos necesarios"). Mirrors the domain's `minimumToMeet`; the
 * outcome itself always comes from the server's tally. Null when nothing can meet it (empty whole).
 */
export function figureNeeded(
  whole: number,
  threshold: { numerator: number; denominator: number },
  comparison: 'gt' | 'gte',
): number | null {
  if (whole <= 0) return null
  const product = BigInt(whole) * BigInt(threshold.numerator)
  const denominator = BigInt(threshold.denominator)
  const floor = product / denominator
  const exact = floor * denominator === product
  const needed = comparison === 'gt' ? floor + 1n : exact ? floor : floor + 1n
  return needed > BigInt(whole) ? null : Number(needed)
}

/**
 * "2026-03-28T09:00" typed in a datetime-local input, read in the org's time zone, as an ISO instant.
 * Bogotá has no daylight saving time, but orgs elsewhere may: the offset is taken at that moment.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  const offset = zoneOffsetMinutes(new Date(asUtc), timeZone)
  const instant = new Date(asUtc - offset * 60_000)
  // A second pass settles instants next to an offset change.
  const corrected = zoneOffsetMinutes(instant, timeZone)
  return new Date(asUtc - corrected * 60_000).toISOString()
}

function zoneOffsetMinutes(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(at)
  } catch {
    return zoneOffsetMinutes(at, 'America/Bogota')
  }
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/** A calendar date (YYYY-MM-DD) shown as "13 mar 2026" in the UI language, without time-zone shifts. */
export function formatDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** Long hashes stay readable: first and last characters. */
export function shortHash(hash: string, size = 10): string {
  return hash.length <= size * 2 + 1 ? hash : `${hash.slice(0, size)}…${hash.slice(-size)}`
}
