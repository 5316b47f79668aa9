import {
  addBusinessDays,
  addDays,
  addMonths,
  type BusinessCalendar,
  COLOMBIAN_CALENDAR,
  compareIsoDates,
  type IsoDate,
} from '../../../platform/calendar/index.ts'
import { type Coefficient, FULL_COEFFICIENT } from './coefficients.ts'
import { AssemblyRuleError } from './errors.ts'
import { meetsThreshold, ratio } from './ratio.ts'

export type AssemblyKind = 'ordinary' | 'extraordinary'

/** Ley 675 art. 39: an ordinary assembly is convened at least 15 days ahead. */
export const ORDINARY_NOTICE_DAYS = 15

export interface NoticeRule {
  readonly kind: AssemblyKind
  /** From the reglamento or statutes; ordinary defaults to 15, extraordinary has no legal default. */
  readonly noticeDays?: number
  /** Ley 675 counts calendar days; some statutes say días hábiles. */
  readonly dayCount?: 'calendar' | 'business'
}

/** The first date the assembly may be held when the notice goes out on `noticeSentOn` (that day not counted). */
export function earliestAssemblyDate(
  noticeSentOn: IsoDate,
  rule: NoticeRule,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): IsoDate {
  const days = rule.noticeDays ?? (rule.kind === 'ordinary' ? ORDINARY_NOTICE_DAYS : null)
  if (days === null) {
    throw new AssemblyRuleError(
      'INVALID_INPUT',
      'set the notice period for extraordinary assemblies from the reglamento',
    )
  }
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new AssemblyRuleError('INVALID_RULE', `the notice period must be whole days, got ${days}`)
  }
  return rule.dayCount === 'business'
    ? addBusinessDays(noticeSentOn, days, calendar)
    : addDays(noticeSentOn, days)
}

/** Throws NOTICE_PERIOD_TOO_SHORT naming the first valid date. */
export function assertConvocationNotice(
  noticeSentOn: IsoDate,
  assemblyOn: IsoDate,
  rule: NoticeRule,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): void {
  const earliest = earliestAssemblyDate(noticeSentOn, rule, calendar)
  if (compareIsoDates(assemblyOn, earliest) < 0) {
    throw new AssemblyRuleError(
      'NOTICE_PERIOD_TOO_SHORT',
      `an assembly convened on ${noticeSentOn} cannot meet before ${earliest}; ${assemblyOn} is too early`,
      { noticeSentOn, assemblyOn, earliest },
    )
  }
}

/**
 * Ley 675 art. 41: when the first call lacks quorum, the meeting is held again on the third business day
 * after it, at 8:00 p.m., unless the convocation set another date.
 */
export function secondCallDate(
  firstCallOn: IsoDate,
  calendar: BusinessCalendar = COLOMBIAN_CALENDAR,
): { readonly date: IsoDate; readonly time: '20:00' } {
  return { date: addBusinessDays(firstCallOn, 3, calendar), time: '20:00' }
}

/** Ley 675 art. 43: written votes are accepted within one month of the first communication. */
export function writtenVoteWindow(firstCommunicationOn: IsoDate): {
  readonly opensOn: IsoDate
  readonly closesOn: IsoDate
} {
  return { opensOn: firstCommunicationOn, closesOn: addMonths(firstCommunicationOn, 1) }
}

export function isWithinWrittenVoteWindow(firstCommunicationOn: IsoDate, receivedOn: IsoDate): boolean {
  const { opensOn, closesOn } = writtenVoteWindow(firstCommunicationOn)
  return compareIsoDates(receivedOn, opensOn) >= 0 && compareIsoDates(receivedOn, closesOn) <= 0
}

/** Ley 675 art. 39: owners holding at least one fifth of the coefficients may convene an extraordinary assembly. */
export function ownersMayConvene(requestersCoefficient: Coefficient): boolean {
  return meetsThreshold(requestersCoefficient, FULL_COEFFICIENT, ratio(1, 5), 'gte')
}
