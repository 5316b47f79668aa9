/**
 * The first day an assembly may meet when the notice goes out on `noticeSentOn` and the period is
 * counted in calendar days (Ley 675 art. 39; the sending day is not counted). Mirrors the domain's
 * `earliestAssemblyDate` for an early hint in the form; business-day counts need the holiday
 * calendar, so those are left to the server, which checks every convocation.
 */
export function earliestCalendarDate(noticeSentOn: string, noticeDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(noticeSentOn)
  if (!match || !Number.isInteger(noticeDays) || noticeDays < 0) return null
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + noticeDays))
  return date.toISOString().slice(0, 10)
}
