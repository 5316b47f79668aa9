export { BOGOTA_TIME_ZONE, bogotaDate } from './bogota.ts'
export {
  addBusinessDays,
  adjustToBusinessDay,
  type BusinessCalendar,
  type BusinessDayConvention,
  businessDaysBetween,
  COLOMBIAN_CALENDAR,
  type ColombianCalendarOptions,
  colombianCalendar,
  EVERY_DAY_CALENDAR,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from './business-days.ts'
export { CalendarError, type CalendarErrorCode } from './calendar-error.ts'
export {
  FIRST_SUPPORTED_YEAR,
  type Holiday,
  holidaysOf,
  isColombianHoliday,
  LAST_SUPPORTED_YEAR,
} from './colombian-holidays.ts'
export { easterSunday } from './easter.ts'
export {
  addDays,
  addMonths,
  addMonthsToCivil,
  type CivilDate,
  compareIsoDates,
  dayOfWeek,
  dayOfWeekOfEpochDay,
  daysBetween,
  daysInMonth,
  epochDayFromCivil,
  formatIsoDate,
  fromEpochDay,
  type IsoDate,
  isLastDayOfMonth,
  isLeapYear,
  isValidIsoDate,
  parseIsoDate,
  toEpochDay,
} from './iso-date.ts'
