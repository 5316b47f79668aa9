import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { type Decimal, type Numeric, nonNegativeAmount, toDecimal, ZERO } from './money.ts'
import { annualRate, effectiveAnnualToDaily } from './rates.ts'
import { type RoundingPolicy, roundAmount } from './rounding-policy.ts'

/** EFFECTIVE: the rate is an EA and the daily rate is (1 + EA)^(1/days) − 1. NOMINAL: Fineract, rate / days. */
export type SavingsRateConvention = 'EFFECTIVE' | 'NOMINAL'

export interface SavingsProduct {
  readonly annualRate: Numeric
  readonly convention?: SavingsRateConvention
  readonly daysInYear?: 360 | 365
  /** An end-of-day balance below this earns nothing that day. */
  readonly minimumBalance?: Numeric
  /** Retención en la fuente on posted interest, as a fraction (a parameter: verify the current rate). */
  readonly withholdingRate?: Numeric
}

/** The product with its daily rate worked out once, to reuse across many accounts. */
export interface SavingsRate {
  readonly dailyRate: Decimal
  readonly minimumBalance: Decimal
  readonly withholdingRate: Decimal
}

export function savingsRate(product: SavingsProduct): SavingsRate {
  const convention = product.convention ?? 'EFFECTIVE'
  const daysInYear = product.daysInYear ?? 365
  if (daysInYear !== 360 && daysInYear !== 365) {
    throw new EngineError('INVALID_INPUT', `daysInYear must be 360 or 365, got ${String(daysInYear)}`)
  }
  const rate = annualRate(product.annualRate, 'annualRate')
  let dailyRate: Decimal
  if (convention === 'EFFECTIVE') dailyRate = effectiveAnnualToDaily(rate, daysInYear)
  else if (convention === 'NOMINAL') dailyRate = rate.div(daysInYear)
  else
    throw new EngineError(
      'INVALID_INPUT',
      `convention must be EFFECTIVE or NOMINAL, got ${String(convention)}`,
    )
  const withholdingRate = annualRate(product.withholdingRate ?? 0, 'withholdingRate')
  if (withholdingRate.gt(1)) throw new EngineError('INVALID_RATE', 'withholdingRate cannot exceed 100 %')
  return {
    dailyRate,
    minimumBalance: nonNegativeAmount(product.minimumBalance ?? 0, 'minimumBalance'),
    withholdingRate,
  }
}

/** One day's interest on an end-of-day balance (unrounded). */
export function dailySavingsInterest(endOfDayBalance: Decimal, rate: SavingsRate): Decimal {
  return endOfDayBalance.gt(0) && endOfDayBalance.gte(rate.minimumBalance)
    ? endOfDayBalance.times(rate.dailyRate)
    : ZERO
}

/** A deposit (+) or withdrawal (−) on a date. */
export interface BalanceMovement {
  readonly date: IsoDate
  readonly amount: Numeric
}

export interface SavingsAccrualInput {
  /** End-of-day balance of the day before `from`. */
  readonly openingBalance: Numeric
  readonly movements: readonly BalanceMovement[]
  /** First and last day of the accrual, both included. */
  readonly from: IsoDate
  readonly to: IsoDate
}

export interface SavingsAccrual {
  readonly days: number
  /** Σ end-of-day balance × days over the days that earn interest (saldo-días). */
  readonly balanceDays: Decimal
  /** Unrounded: rounding happens once, at posting. */
  readonly interest: Decimal
  readonly closingBalance: Decimal
}

function epochDayOf(date: IsoDate, field: string): number {
  try {
    return toEpochDay(date)
  } catch {
    throw new EngineError(
      'INVALID_DATE',
      `${field} must be a real date in YYYY-MM-DD form, got ${String(date)}`,
    )
  }
}

/**
 * Daily-balance interest: Σ_d EOD_d × daily rate = (Σ_d EOD_d) × daily rate. The balance-days are summed
 * exactly per stretch of equal balance and multiplied by the rate once, instead of once per day.
 */
export function accrueSavingsInterest(input: SavingsAccrualInput, rate: SavingsRate): SavingsAccrual {
  const first = epochDayOf(input.from, 'from')
  const last = epochDayOf(input.to, 'to')
  if (last < first) {
    throw new EngineError('INVALID_DATE', `accrual end ${input.to} is before its start ${input.from}`)
  }
  const changes = input.movements.map((m) => {
    const day = epochDayOf(m.date, 'movement date')
    if (day < first || day > last) {
      throw new EngineError('INVALID_DATE', `movement on ${m.date} is outside ${input.from}..${input.to}`)
    }
    return { day, amount: toDecimal(m.amount, 'movement amount') }
  })
  if (changes.length > 1) changes.sort((a, b) => a.day - b.day)
  let balance = toDecimal(input.openingBalance, 'openingBalance')
  let balanceDays = ZERO
  let cursor = first
  let i = 0
  while (cursor <= last) {
    while (i < changes.length && changes[i]!.day === cursor) {
      balance = balance.plus(changes[i]!.amount)
      i++
    }
    if (balance.isNegative() && !balance.isZero()) {
      throw new EngineError(
        'INVALID_AMOUNT',
        `the balance would be negative (${balance.toString()}) on day ${cursor - first + 1}`,
      )
    }
    const nextChange = i < changes.length ? changes[i]!.day : last + 1
    const days = nextChange - cursor
    if (!balance.isZero() && balance.gte(rate.minimumBalance)) {
      balanceDays = balanceDays.plus(days === 1 ? balance : balance.times(days))
    }
    cursor = nextChange
  }
  const interest = balanceDays.isZero() ? ZERO : balanceDays.times(rate.dailyRate)
  return { days: last - first + 1, balanceDays, interest, closingBalance: balance }
}

export interface InterestPosting {
  readonly gross: Decimal
  readonly withholding: Decimal
  readonly net: Decimal
}

/** Rounds the accrued interest once and withholds tax on it. */
export function postSavingsInterest(
  accrued: Decimal,
  rate: SavingsRate,
  rounding: RoundingPolicy,
): InterestPosting {
  const gross = roundAmount(accrued, rounding)
  const withholding = roundAmount(gross.times(rate.withholdingRate), rounding)
  return { gross, withholding, net: gross.minus(withholding) }
}

/** A posting period (usually the month): accrue daily, post once. */
export function savingsInterestForPeriod(
  input: SavingsAccrualInput,
  rate: SavingsRate,
  rounding: RoundingPolicy,
): SavingsAccrual & { readonly posting: InterestPosting } {
  const accrual = accrueSavingsInterest(input, rate)
  return { ...accrual, posting: postSavingsInterest(accrual.interest, rate, rounding) }
}
