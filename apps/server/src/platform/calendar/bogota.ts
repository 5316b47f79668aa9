import type { IsoDate } from './iso-date.ts'

/** Minga's civil dates (terms, due dates, validity) are Bogotá's, whatever the server's zone. */
export const BOGOTA_TIME_ZONE = 'America/Bogota'

// Built once: constructing an Intl.DateTimeFormat costs ~100 µs, which adds up in bulk imports.
const bogotaFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BOGOTA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Bogotá calendar date of an instant ("today" for `ctx.now`). */
export function bogotaDate(instant: Date): IsoDate {
  return bogotaFormat.format(instant)
}
