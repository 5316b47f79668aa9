/** The time now in `timeZone`, as the UI language writes it ("3:45 p. m."); null for an unknown zone. */
export function localTime(now: Date, timeZone: string, language: string): string | null {
  try {
    return new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit' }).format(now)
  } catch {
    return null
  }
}
