/** Due dates are civil dates in Bogotá: "today" is Bogotá's, whatever the browser's zone. */
export function todayInBogota(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Bogota',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** `2026-03-28` → `28/03/2026` (a civil date: no time zone shift). */
export function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return `${day}/${month}/${year}`
}

/** An instant as a Bogotá date and time, e.g. `28/03/2026, 9:05 a. m.` */
export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-CO', {
    timeZone: 'America/Bogota',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso))
}
