import {
  addDays,
  addMonths,
  type BusinessDayConvention,
  type IsoDate,
  isValidIsoDate,
  toEpochDay,
} from '../../../platform/calendar/index.ts'
import { assertDayCount, type DayCount, type YearFraction } from './day-count.ts'
import { EngineError } from './errors.ts'
import { type Decimal, type Numeric, nonNegativeAmount, positiveAmount, ZERO } from './money.ts'
import { annualRate } from './rates.ts'

export type RepaymentFrequency = 'MONTHLY' | 'BIWEEKLY' | 'WEEKLY' | 'QUARTERLY'
export type AmortizationMethod = 'FRENCH' | 'GERMAN' | 'FLAT'
/** PER_PERIOD: Fineract SAME_AS_REPAYMENT_PERIOD (every regular period has the same rate). DAILY: by day count. */
export type InterestCalculation = 'PER_PERIOD' | 'DAILY'
/** What happens to interest during an interest grace: paid with the first installment after it, or forgiven. */
export type GraceInterestTreatment = 'DEFER' | 'WAIVE'

/**
 * NOMINAL: Fineract-compatible, period rate = nominal annual × year fraction (nominal / 12 for a month).
 * EFFECTIVE: Colombian, period rate = (1 + EA)^(year fraction) − 1.
 */
export type LoanRate =
  | { readonly mode: 'NOMINAL'; readonly nominalAnnualRate: Numeric }
  | { readonly mode: 'EFFECTIVE'; readonly effectiveAnnualRate: Numeric }

/** A fixed extra payment (prima) in the installments that fall in a month, e.g. June and December. */
export interface ExtraInstallment {
  readonly month: number
  readonly amount: Numeric
}

export interface LoanTerms {
  readonly principal: Numeric
  readonly disbursementDate: IsoDate
  readonly numberOfInstallments: number
  readonly frequency: RepaymentFrequency
  readonly amortization: AmortizationMethod
  readonly rate: LoanRate
  readonly interestCalculation?: InterestCalculation
  readonly dayCount?: DayCount
  /** A first due date other than disbursement + one period makes a broken (irregular) first period. */
  readonly firstDueDate?: IsoDate
  readonly graceOnPrincipal?: number
  readonly graceOnInterest?: number
  readonly graceInterest?: GraceInterestTreatment
  readonly extraInstallments?: readonly ExtraInstallment[]
  readonly feePerInstallment?: Numeric
  /** Debtor's life insurance: a monthly rate on the balance outstanding at the start of each period. */
  readonly insurance?: { readonly monthlyRate: Numeric }
  readonly businessDayConvention?: BusinessDayConvention
}

export interface NormalizedLoanTerms {
  readonly principal: Decimal
  readonly disbursementDate: IsoDate
  readonly numberOfInstallments: number
  readonly frequency: RepaymentFrequency
  readonly amortization: AmortizationMethod
  readonly rateMode: 'NOMINAL' | 'EFFECTIVE'
  readonly annualRate: Decimal
  readonly interestCalculation: InterestCalculation
  readonly dayCount: DayCount
  readonly firstDueDate: IsoDate | null
  readonly graceOnPrincipal: number
  readonly graceOnInterest: number
  readonly graceInterest: GraceInterestTreatment
  readonly extraInstallments: ReadonlyMap<number, Decimal>
  readonly feePerInstallment: Decimal
  readonly insuranceMonthlyRate: Decimal
  readonly businessDayConvention: BusinessDayConvention
}

interface FrequencySpec {
  readonly months: number
  readonly days: number
  readonly periodsPerYear: number
  /** Fineract's regular period as a year fraction: every / periods-per-year unit. */
  readonly regularFraction: YearFraction
}

export const FREQUENCIES: Readonly<Record<RepaymentFrequency, FrequencySpec>> = {
  MONTHLY: { months: 1, days: 0, periodsPerYear: 12, regularFraction: [{ days: 1, basis: 12 }] },
  QUARTERLY: { months: 3, days: 0, periodsPerYear: 4, regularFraction: [{ days: 3, basis: 12 }] },
  BIWEEKLY: { months: 0, days: 14, periodsPerYear: 26, regularFraction: [{ days: 2, basis: 52 }] },
  WEEKLY: { months: 0, days: 7, periodsPerYear: 52, regularFraction: [{ days: 1, basis: 52 }] },
}

const MAX_INSTALLMENTS = 1200
const CONVENTIONS: readonly BusinessDayConvention[] = ['NONE', 'FOLLOWING', 'PRECEDING', 'MODIFIED_FOLLOWING']

export function assertDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isValidIsoDate(value)) {
    throw new EngineError(
      'INVALID_DATE',
      `${field} must be a real date in YYYY-MM-DD form, got ${String(value)}`,
      {
        field,
      },
    )
  }
}

function wholeNumber(value: number | undefined, field: string, fallback: number): number {
  const result = value ?? fallback
  if (!Number.isInteger(result) || result < 0) {
    throw new EngineError(
      'INVALID_TERM',
      `${field} must be a whole number of periods, got ${String(value)}`,
      {
        field,
      },
    )
  }
  return result
}

function oneOf<T extends string>(value: T | undefined, allowed: readonly T[], field: string, fallback: T): T {
  const result = value ?? fallback
  if (!allowed.includes(result)) {
    throw new EngineError(
      'INVALID_INPUT',
      `${field} must be one of ${allowed.join(', ')}, got ${String(value)}`,
      {
        field,
      },
    )
  }
  return result
}

/** Adds `count` repayment steps to a date (month steps anchored on the date, so Jan 31 → Feb 29 → Mar 31). */
export function addPeriods(date: IsoDate, frequency: RepaymentFrequency, count: number): IsoDate {
  const spec = FREQUENCIES[frequency]
  return spec.months > 0 ? addMonths(date, spec.months * count) : addDays(date, spec.days * count)
}

export function normalizeLoanTerms(terms: LoanTerms): NormalizedLoanTerms {
  const principal = positiveAmount(terms.principal, 'principal')
  assertDate(terms.disbursementDate, 'disbursementDate')
  const n = terms.numberOfInstallments
  if (!Number.isInteger(n) || n < 1 || n > MAX_INSTALLMENTS) {
    throw new EngineError(
      'INVALID_TERM',
      `numberOfInstallments must be an integer 1..${MAX_INSTALLMENTS}, got ${n}`,
    )
  }
  const frequency = oneOf(
    terms.frequency,
    ['MONTHLY', 'BIWEEKLY', 'WEEKLY', 'QUARTERLY'],
    'frequency',
    'MONTHLY',
  )
  const amortization = oneOf(terms.amortization, ['FRENCH', 'GERMAN', 'FLAT'], 'amortization', 'FRENCH')
  const interestCalculation = oneOf(
    terms.interestCalculation,
    ['PER_PERIOD', 'DAILY'],
    'interestCalculation',
    'PER_PERIOD',
  )
  const dayCount = terms.dayCount ?? '30/360'
  assertDayCount(dayCount)
  const rate = terms.rate
  let rateMode: 'NOMINAL' | 'EFFECTIVE'
  let rateValue: Decimal
  if (rate?.mode === 'NOMINAL') {
    rateMode = 'NOMINAL'
    rateValue = annualRate(rate.nominalAnnualRate, 'nominalAnnualRate')
  } else if (rate?.mode === 'EFFECTIVE') {
    rateMode = 'EFFECTIVE'
    rateValue = annualRate(rate.effectiveAnnualRate, 'effectiveAnnualRate')
  } else {
    throw new EngineError('INVALID_RATE', 'rate.mode must be NOMINAL or EFFECTIVE')
  }

  let firstDueDate: IsoDate | null = null
  if (terms.firstDueDate !== undefined) {
    assertDate(terms.firstDueDate, 'firstDueDate')
    const first = toEpochDay(terms.firstDueDate)
    const disbursed = toEpochDay(terms.disbursementDate)
    const latest = toEpochDay(addPeriods(terms.disbursementDate, frequency, 2))
    if (first <= disbursed || first > latest) {
      throw new EngineError(
        'INVALID_DATE',
        `firstDueDate ${terms.firstDueDate} must be after the disbursement ${terms.disbursementDate} and no later than two periods after it`,
      )
    }
    firstDueDate = terms.firstDueDate
  }

  const graceOnPrincipal = wholeNumber(terms.graceOnPrincipal, 'graceOnPrincipal', 0)
  const graceOnInterest = wholeNumber(terms.graceOnInterest, 'graceOnInterest', 0)
  if (graceOnPrincipal >= n || graceOnInterest >= n) {
    throw new EngineError(
      'GRACE_EXCEEDS_TERM',
      `grace (${Math.max(graceOnPrincipal, graceOnInterest)} periods) must be shorter than the term (${n} installments)`,
    )
  }
  if (graceOnInterest > graceOnPrincipal) {
    throw new EngineError(
      'INVALID_TERM',
      `graceOnInterest (${graceOnInterest}) cannot exceed graceOnPrincipal (${graceOnPrincipal}): principal would be paid while interest is in grace`,
    )
  }
  const graceInterest = oneOf(terms.graceInterest, ['DEFER', 'WAIVE'], 'graceInterest', 'DEFER')

  const extraInstallments = new Map<number, Decimal>()
  for (const extra of terms.extraInstallments ?? []) {
    if (!Number.isInteger(extra.month) || extra.month < 1 || extra.month > 12) {
      throw new EngineError('INVALID_INPUT', `extra installment month must be 1..12, got ${extra.month}`)
    }
    if (extraInstallments.has(extra.month)) {
      throw new EngineError('INVALID_INPUT', `extra installment month ${extra.month} is listed twice`)
    }
    extraInstallments.set(
      extra.month,
      positiveAmount(extra.amount, `extra installment for month ${extra.month}`),
    )
  }
  if (extraInstallments.size > 0 && amortization === 'FLAT') {
    throw new EngineError(
      'UNSUPPORTED_COMBINATION',
      'extra installments (primas) are not supported on flat loans',
    )
  }

  const businessDayConvention = oneOf(
    terms.businessDayConvention,
    CONVENTIONS,
    'businessDayConvention',
    'FOLLOWING',
  )

  return {
    principal,
    disbursementDate: terms.disbursementDate,
    numberOfInstallments: n,
    frequency,
    amortization,
    rateMode,
    annualRate: rateValue,
    interestCalculation,
    dayCount,
    firstDueDate,
    graceOnPrincipal,
    graceOnInterest,
    graceInterest,
    extraInstallments,
    feePerInstallment:
      terms.feePerInstallment === undefined
        ? ZERO
        : nonNegativeAmount(terms.feePerInstallment, 'feePerInstallment'),
    insuranceMonthlyRate:
      terms.insurance === undefined ? ZERO : annualRate(terms.insurance.monthlyRate, 'insurance.monthlyRate'),
    businessDayConvention,
  }
}
