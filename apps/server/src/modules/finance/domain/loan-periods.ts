import {
  addMonthsToCivil,
  adjustToBusinessDay,
  type BusinessCalendar,
  CalendarError,
  epochDayFromCivil,
  fromEpochDay,
  type IsoDate,
  parseIsoDate,
  toEpochDay,
} from '../../../platform/calendar/index.ts'
import { type YearFraction, yearFraction } from './day-count.ts'
import { EngineError } from './errors.ts'
import { addPeriods, FREQUENCIES, type NormalizedLoanTerms } from './loan-terms.ts'

// 9999-12-31: the last date an IsoDate can hold.
const MAX_EPOCH_DAY = 2932896

import { Decimal, decimalRatio, ONE, withExactRatio, ZERO } from './money.ts'
import { effectiveGrowth, nominalRateFor } from './rates.ts'

/** One repayment period: interest accrues from `start` to `end`; the installment is due on `dueDate`. */
export interface LoanPeriod {
  readonly number: number
  readonly start: IsoDate
  /** Accrual end: the contractual date, before any business-day roll. */
  readonly end: IsoDate
  /** `end` moved by the business-day convention; interest is not recomputed for the roll. */
  readonly dueDate: IsoDate
  readonly days: number
  readonly regular: boolean
  readonly yearFraction: YearFraction
  /** Rate applied to the opening balance for the whole period. */
  readonly rate: Decimal
  /** Months of debtor's insurance the period carries (1 for a month, 3 for a quarter, days/30 otherwise). */
  readonly insuranceMonths: Decimal
  readonly principalGrace: boolean
  readonly interestGrace: boolean
  /** Prima due in this period (zero when none). */
  readonly extraInstallment: Decimal
}

/** Period rate for a year fraction under the loan's rate mode. */
function rateForFraction(terms: NormalizedLoanTerms, fraction: YearFraction): Decimal {
  return terms.rateMode === 'NOMINAL'
    ? nominalRateFor(terms.annualRate, fraction)
    : effectiveGrowth(terms.annualRate, fraction).minus(1)
}

/**
 * The rate for the first `elapsedDays` of a `totalDays` period: proportional for a nominal rate,
 * (1 + r)^(elapsed/total) − 1 for an effective one. The two parts of a split never add up to more than r.
 */
export function partialPeriodRate(
  terms: NormalizedLoanTerms,
  periodRate: Decimal,
  elapsedDays: number,
  totalDays: number,
): Decimal {
  if (elapsedDays <= 0 || totalDays <= 0) return ZERO
  if (elapsedDays >= totalDays) return periodRate
  const share = new Decimal(elapsedDays).div(totalDays)
  if (terms.rateMode !== 'NOMINAL') return ONE.plus(periodRate).pow(share).minus(1)
  const { numerator, denominator } = decimalRatio(periodRate)
  return withExactRatio(periodRate.times(share), {
    numerator: numerator * BigInt(elapsedDays),
    denominator: denominator * BigInt(totalDays),
  })
}

function periodFraction(
  terms: NormalizedLoanTerms,
  start: IsoDate,
  end: IsoDate,
  regular: boolean,
): YearFraction {
  const spec = FREQUENCIES[terms.frequency]
  if (regular && terms.interestCalculation === 'PER_PERIOD') return spec.regularFraction
  // Fineract DAYS_30: a regular month counts 30 days however long it really is.
  if (regular && terms.dayCount === '30/360' && spec.months > 0)
    return [{ days: 30 * spec.months, basis: 360 }]
  return yearFraction(terms.dayCount, start, end)
}

function adjust(date: IsoDate, terms: NormalizedLoanTerms, calendar: BusinessCalendar): IsoDate {
  try {
    return adjustToBusinessDay(date, terms.businessDayConvention, calendar)
  } catch (error) {
    if (error instanceof CalendarError) throw new EngineError('INVALID_DATE', error.message)
    throw error
  }
}

// Rates depend only on mode, annual rate and year fraction; schedules for one product reuse a handful.
const RATE_CACHE_LIMIT = 4096
const rateCache = new Map<string, Decimal>()

function fractionKey(fraction: YearFraction): string {
  let key = ''
  for (const part of fraction) key += `${part.days}/${part.basis};`
  return key
}

function rateLookup(terms: NormalizedLoanTerms): (fraction: YearFraction) => Decimal {
  const prefix = `${terms.rateMode}|${terms.annualRate.toString()}|`
  const byIdentity = new Map<YearFraction, Decimal>()
  // Day-counted periods build a new fraction each time; a single part is keyed by a number, not a string.
  const bySinglePart = new Map<number, Decimal>()
  return (fraction) => {
    let rate = byIdentity.get(fraction)
    if (rate !== undefined) return rate
    const single = fraction.length === 1 ? fraction[0]!.days * 1000 + fraction[0]!.basis : -1
    if (single >= 0) {
      rate = bySinglePart.get(single)
      if (rate !== undefined) return rate
    }
    const key = prefix + fractionKey(fraction)
    rate = rateCache.get(key)
    if (rate === undefined) {
      rate = rateForFraction(terms, fraction)
      if (rateCache.size >= RATE_CACHE_LIMIT) rateCache.clear()
      rateCache.set(key, rate)
    }
    byIdentity.set(fraction, rate)
    if (single >= 0) bySinglePart.set(single, rate)
    return rate
  }
}

/** Contractual period ends, by civil arithmetic on the anchor (month steps clamp to the month's last day). */
function periodEnds(terms: NormalizedLoanTerms): number[] {
  const spec = FREQUENCIES[terms.frequency]
  const anchor = terms.firstDueDate ?? terms.disbursementDate
  const offset = terms.firstDueDate === null ? 1 : 0
  const ends: number[] = []
  if (spec.months > 0) {
    const civil = parseIsoDate(anchor)
    for (let k = 0; k < terms.numberOfInstallments; k++) {
      const { year, month, day } = addMonthsToCivil(civil, spec.months * (k + offset))
      ends.push(epochDayFromCivil(year, month, day))
    }
  } else {
    const start = toEpochDay(anchor)
    for (let k = 0; k < terms.numberOfInstallments; k++) ends.push(start + spec.days * (k + offset))
  }
  return ends
}

export function loanPeriods(terms: NormalizedLoanTerms, calendar: BusinessCalendar): LoanPeriod[] {
  const spec = FREQUENCIES[terms.frequency]
  const regularFirstEnd = addPeriods(terms.disbursementDate, terms.frequency, 1)
  const ends = periodEnds(terms)
  if (ends.at(-1)! > MAX_EPOCH_DAY)
    throw new EngineError('INVALID_DATE', 'the schedule runs past the year 9999')
  const periods: LoanPeriod[] = []
  const regularMonths = new Decimal(spec.months)
  const rateOf = rateLookup(terms)
  let startDay = toEpochDay(terms.disbursementDate)
  let start = terms.disbursementDate
  for (let k = 1; k <= ends.length; k++) {
    const endDay = ends[k - 1]!
    const end = fromEpochDay(endDay)
    const regular = k > 1 || terms.firstDueDate === null || terms.firstDueDate === regularFirstEnd
    const fraction = periodFraction(terms, start, end, regular)
    const days = endDay - startDay
    const principalGrace = k <= terms.graceOnPrincipal
    const interestGrace = k <= terms.graceOnInterest
    const month = Number(end.slice(5, 7))
    periods.push({
      number: k,
      start,
      end,
      dueDate: adjust(end, terms, calendar),
      days,
      regular,
      yearFraction: fraction,
      rate: interestGrace && terms.graceInterest === 'WAIVE' ? ZERO : rateOf(fraction),
      insuranceMonths: regular && spec.months > 0 ? regularMonths : new Decimal(days).div(30),
      principalGrace,
      interestGrace,
      extraInstallment: principalGrace ? ZERO : (terms.extraInstallments.get(month) ?? ZERO),
    })
    start = end
    startDay = endDay
  }
  return periods
}
