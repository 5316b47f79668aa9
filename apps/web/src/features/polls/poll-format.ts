import type { Poll, PollOption } from '@minga/contracts'
import type { TFunction } from 'i18next'

type Position = 'agree' | 'abstain' | 'disagree' | 'block'
const POSITIONS: readonly string[] = ['agree', 'abstain', 'disagree', 'block']

/** Proposal options are fixed ids the UI translates; the others are the author's own words. */
export function optionLabel(t: TFunction, type: Poll['type'], option: PollOption): string {
  if (type === 'proposal' && POSITIONS.includes(option.id))
    return t(`polls.positions.${option.id as Position}`)
  return option.label
}

/** "3 d 4 h", "5 h 12 min", "45 s": the time left until `closingAt`; null once passed. */
export function timeLeft(t: TFunction, closingAt: string, now: number): string | null {
  let seconds = Math.floor((new Date(closingAt).getTime() - now) / 1000)
  if (seconds <= 0) return null
  const days = Math.floor(seconds / 86_400)
  seconds -= days * 86_400
  const hours = Math.floor(seconds / 3600)
  seconds -= hours * 3600
  const minutes = Math.floor(seconds / 60)
  seconds -= minutes * 60
  if (days > 0) return `${t('polls.units.d', { count: days })} ${t('polls.units.h', { count: hours })}`
  if (hours > 0) return `${t('polls.units.h', { count: hours })} ${t('polls.units.m', { count: minutes })}`
  if (minutes > 0) return t('polls.units.m', { count: minutes })
  return t('polls.units.s', { count: seconds })
}

/** A date and time in the org's time zone (Bogotá by default), in the UI language. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(new Date(iso))
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'America/Bogota' }).format(new Date(iso))
  }
}

/** "2026-03-28T09:00" from a datetime-local input, read in the org's time zone, as an ISO instant. */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000
  return new Date(asUtc - offsetMinutes(new Date(first), timeZone) * 60_000).toISOString()
}

/** Minutes the zone is ahead of UTC at `at` (Bogotá: −300). */
function offsetMinutes(at: Date, timeZone: string): number {
  let zone = timeZone
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
  } catch {
    zone = 'America/Bogota'
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/** A datetime-local value `days` from now in the org's time zone (the form's default closing time). */
export function localInputInDays(days: number, timeZone: string, now = Date.now()): string {
  const at = new Date(now + days * 86_400_000)
  const shifted = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000)
  return shifted.toISOString().slice(0, 16)
}
