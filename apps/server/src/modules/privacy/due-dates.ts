import { addBusinessDays, businessDaysBetween, type IsoDate } from '../../platform/calendar/index.ts'

/**
 * Ley 1581 de 2012 response terms, in Colombian business days (días hábiles), counted from the day
 * after the complete request was received:
 * - consulta (art. 14): 10 days, extendable once by 5 days after the first term expires;
 * - reclamo (art. 15): 15 days, extendable once by 8 days after the first term expires.
 * A supresión (deletion) request is a reclamo (art. 15 lists supresión among a reclamo's aims).
 */
export const TERMS = {
  consulta: { days: 10, extensionDays: 5 },
  reclamo: { days: 15, extensionDays: 8 },
  supresion: { days: 15, extensionDays: 8 },
} as const

export type RequestKind = keyof typeof TERMS

/** Reminders go out this many business days before the due date. */
export const REMINDER_BUSINESS_DAYS = 2

export function initialDueDate(kind: RequestKind, receivedOn: IsoDate): IsoDate {
  return addBusinessDays(receivedOn, TERMS[kind].days)
}

export function extendedDueDate(kind: RequestKind, firstDueOn: IsoDate): IsoDate {
  return addBusinessDays(firstDueOn, TERMS[kind].extensionDays)
}

export function reminderDate(dueOn: IsoDate): IsoDate {
  return addBusinessDays(dueOn, -REMINDER_BUSINESS_DAYS)
}

/** Business days from `today` until `dueOn` (0 on the due date, negative once overdue). */
export function businessDaysLeft(today: IsoDate, dueOn: IsoDate): number {
  return businessDaysBetween(today, dueOn)
}
