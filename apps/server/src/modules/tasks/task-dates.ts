import type { IsoDate } from '../../platform/calendar/index.ts'

/** Due dates and completion days are civil dates in Bogotá, whatever the server's zone. */
export const TASKS_TIME_ZONE = 'America/Bogota'

const bogotaFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TASKS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export function bogotaDate(instant: Date): IsoDate {
  return bogotaFormat.format(instant)
}
