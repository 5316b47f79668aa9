import { CalendarError } from './calendar-error.ts'
import { easterSunday } from './easter.ts'
import { dayOfWeekOfEpochDay, epochDayFromCivil, fromEpochDay, type IsoDate, toEpochDay } from './iso-date.ts'

export interface Holiday {
  readonly date: IsoDate
  /** Official names; two holidays can share a day (2025-06-30: San Pedro y San Pablo and Sagrado Corazón). */
  readonly names: readonly string[]
}

// Ley 51 de 1983 (Ley Emiliani) took effect in 1984; earlier years followed other rules.
export const FIRST_SUPPORTED_YEAR = 1984
export const LAST_SUPPORTED_YEAR = 9999

// Ley 51 de 1983, art. 1: these stay on their date whatever the weekday.
const FIXED: ReadonlyArray<readonly [number, number, string]> = [
  [1, 1, 'Año Nuevo'],
  [5, 1, 'Día del Trabajo'],
  [7, 20, 'Día de la Independencia'],
  [8, 7, 'Batalla de Boyacá'],
  [12, 8, 'Inmaculada Concepción'],
  [12, 25, 'Navidad'],
]

// Ley 51 de 1983, art. 1: moved to the following Monday when they do not fall on a Monday.
const MOVED_TO_MONDAY: ReadonlyArray<readonly [number, number, string]> = [
  [1, 6, 'Reyes Magos'],
  [3, 19, 'San José'],
  [6, 29, 'San Pedro y San Pablo'],
  [8, 15, 'Asunción de la Virgen'],
  [10, 12, 'Día de la Raza'],
  [11, 1, 'Todos los Santos'],
  [11, 11, 'Independencia de Cartagena'],
]

// Offsets from Easter Sunday. Holy Thursday and Good Friday stay put; the other three are already
// the Monday the law moves them to (Ascension +39 → +43, Corpus Christi +60 → +64, Sacred Heart +68 → +71).
const EASTER_BASED: ReadonlyArray<readonly [number, string]> = [
  [-3, 'Jueves Santo'],
  [-2, 'Viernes Santo'],
  [43, 'Ascensión del Señor'],
  [64, 'Corpus Christi'],
  [71, 'Sagrado Corazón de Jesús'],
]

function nextMonday(epochDay: number): number {
  const weekday = dayOfWeekOfEpochDay(epochDay)
  return weekday === 1 ? epochDay : epochDay + ((8 - weekday) % 7)
}

function computeHolidayDays(year: number): Map<number, string[]> {
  const days = new Map<number, string[]>()
  const add = (epochDay: number, name: string) => {
    const names = days.get(epochDay)
    if (names) names.push(name)
    else days.set(epochDay, [name])
  }
  for (const [month, day, name] of FIXED) add(epochDayFromCivil(year, month, day), name)
  for (const [month, day, name] of MOVED_TO_MONDAY) add(nextMonday(epochDayFromCivil(year, month, day)), name)
  const easter = toEpochDay(easterSunday(year))
  for (const [offset, name] of EASTER_BASED) add(easter + offset, name)
  return days
}

const cache = new Map<number, { days: ReadonlySet<number>; list: readonly Holiday[] }>()

function holidayData(year: number): { days: ReadonlySet<number>; list: readonly Holiday[] } {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new CalendarError(
      'UNSUPPORTED_YEAR',
      `Colombian holidays are computed for ${FIRST_SUPPORTED_YEAR}..${LAST_SUPPORTED_YEAR} (Ley 51 de 1983), got ${year}`,
    )
  }
  let data = cache.get(year)
  if (!data) {
    const map = computeHolidayDays(year)
    const list = [...map.entries()]
      .sort(([a], [b]) => a - b)
      .map(([epochDay, names]) =>
        Object.freeze({ date: fromEpochDay(epochDay), names: Object.freeze([...names]) }),
      )
    data = { days: new Set(map.keys()), list: Object.freeze(list) }
    cache.set(year, data)
  }
  return data
}

/** National holidays (festivos) of a year, sorted by date, one entry per day. */
export function holidaysOf(year: number): readonly Holiday[] {
  return holidayData(year).list
}

export function isColombianHoliday(date: IsoDate): boolean {
  return isColombianHolidayEpochDay(toEpochDay(date))
}

export function isColombianHolidayEpochDay(epochDay: number): boolean {
  // 1 Jan of the year containing epochDay: cheap year lookup without building a Date.
  const year = yearOfEpochDay(epochDay)
  return holidayData(year).days.has(epochDay)
}

function yearOfEpochDay(epochDay: number): number {
  // Approximate then correct: avoids the full civil conversion on this hot path.
  let year = Math.floor(epochDay / 365.2425) + 1970
  if (epochDayFromCivil(year, 1, 1) > epochDay) year -= 1
  else if (epochDayFromCivil(year + 1, 1, 1) <= epochDay) year += 1
  return year
}
