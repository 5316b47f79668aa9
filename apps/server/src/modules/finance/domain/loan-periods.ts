import {
  adjustToBusinessDay,
  type BusinessCalendar,
  CalendarError,
  type IsoDate,
  toEpochDay,
} from '../../../platform/calendar/index.ts'
import { type YearFraction, yearFraction } from './day-count.ts'
import { EngineError } from './errors.ts'
import { addPeriods, FREQUENCIES, type NormalizedLoanTerms } from './loan-terms.ts'
import { Decimal, ONE, ZERO } from './money.ts'
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
export function rateForFraction(terms: NormalizedLoanTerms, fraction: YearFraction): Decimal {
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
  return terms.rateMode === 'NOMINAL' ? periodRate.times(share) : ONE.plus(periodRate).pow(share).minus(1)
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

export function loanPeriods(terms: NormalizedLoanTerms, calendar: BusinessCalendar): LoanPeriod[] {
  const spec = FREQUENCIES[terms.frequency]
  const n = terms.numberOfInstallments
  const regularFirstEnd = addPeriods(terms.disbursementDate, terms.frequency, 1)
  const periods: LoanPeriod[] = []
  // Regular periods share one fraction: compute each distinct rate once and share the Decimal instance.
  const rates = new Map<string, Decimal>()
  const rateOf = (fraction: YearFraction): Decimal => {
    const key = fraction.map((p) => `${p.days}/${p.basis}`).join('+')
    let rate = rates.get(key)
    if (rate === undefined) {
      rate = rateForFraction(terms, fraction)
      rates.set(key, rate)
    }
    return rate
  }
  const regularMonths = new Decimal(spec.months)
  let start = terms.disbursementDate
  for (let k = 1; k <= n; k++) {
    const end =
      terms.firstDueDate === null
        ? addPeriods(terms.disbursementDate, terms.frequency, k)
        : addPeriods(terms.firstDueDate, terms.frequency, k - 1)
    const regular = k > 1 || terms.firstDueDate === null || terms.firstDueDate === regularFirstEnd
    const fraction = periodFraction(terms, start, end, regular)
    const days = toEpochDay(end) - toEpochDay(start)
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
  }
  return periods
}
