import type { BusinessCalendar, IsoDate } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { type LoanPeriod, loanPeriods } from './loan-periods.ts'
import {
  type AmortizationMethod,
  type LoanTerms,
  type NormalizedLoanTerms,
  normalizeLoanTerms,
} from './loan-terms.ts'
import { Decimal, decimalFromMinor, decimalRatio, maxDecimal, ONE, toMinorUnits, ZERO } from './money.ts'
import {
  minorMultiples,
  type RoundingPolicy,
  roundAmount,
  roundInstallment,
  roundQuotient,
} from './rounding-policy.ts'
import { type ScheduleRow, scheduleRow } from './schedule-row.ts'

export type { ScheduleAmounts, ScheduleRow } from './schedule-row.ts'

export interface ScheduleTotals {
  readonly principal: Decimal
  readonly interest: Decimal
  readonly insurance: Decimal
  readonly fees: Decimal
  readonly totalDue: Decimal
}

export interface LoanSchedule {
  readonly terms: NormalizedLoanTerms
  readonly rounding: RoundingPolicy
  readonly periods: readonly LoanPeriod[]
  readonly rows: readonly ScheduleRow[]
  /** Level installment (French), level principal (German, flat), before primas. */
  readonly level: Decimal
  readonly totals: ScheduleTotals
}

/**
 * One step of an annuity: the growth factor (1 + r) of the period, its prima, and whether it pays principal.
 * A step that does not (principal grace) pays its interest, so the balance neither grows nor shrinks in it.
 */
export interface AnnuityStep {
  readonly growth: Decimal
  readonly amortizing: boolean
  readonly extra: Decimal
}

/**
 * Level installment C that amortizes `balance` over the steps: balance × Π(1+r) = Σ (C + extra_k) × H_k, where
 * H_k is the growth from the end of step k to the end. With equal rates and no primas this is the closed form
 * P·r / (1 − (1+r)^−n); with uneven periods it is Fineract's progressive EMI (N × balance / Fn).
 */
export function annuityInstallment(balance: Decimal, steps: readonly AnnuityStep[]): Decimal {
  const uniform = uniformGrowth(steps)
  if (uniform !== null) {
    // Closed form with one integer power instead of a product per period.
    const m = steps.filter((s) => s.amortizing).length
    const rate = uniform.minus(1)
    if (rate.isZero()) return balance.div(m)
    const growth = uniform.pow(m)
    return balance.times(rate).times(growth).div(growth.minus(1))
  }
  // Uneven periods: accumulate in 40-digit fixed-point integers (truncation below 1e-40, finer than the
  // 34 significant digits of the Decimal path), one product per period instead of two Decimal operations.
  const fixed = (value: Decimal) => BigInt(value.times(FIXED_DECIMAL).toFixed(0, Decimal.ROUND_DOWN))
  const growths = new Map<Decimal, bigint>()
  let growthToEnd = FIXED_ONE
  let factor = 0n
  let extrasAtEnd = ZERO
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!
    if (!step.amortizing) continue
    factor += growthToEnd
    if (!step.extra.isZero()) extrasAtEnd = extrasAtEnd.plus(step.extra.times(fromFixed(growthToEnd)))
    let growth = growths.get(step.growth)
    if (growth === undefined) {
      growth = fixed(step.growth)
      growths.set(step.growth, growth)
    }
    growthToEnd = (growthToEnd * growth) / FIXED_ONE
  }
  if (factor === 0n)
    throw new EngineError('INVALID_TERM', 'there is no period left to amortize the principal')
  return balance.times(fromFixed(growthToEnd)).minus(extrasAtEnd).div(fromFixed(factor))
}

const FIXED_DIGITS = 40
const FIXED_ONE = 10n ** BigInt(FIXED_DIGITS)
const FIXED_DECIMAL = new Decimal(10).pow(FIXED_DIGITS)

function fromFixed(value: bigint): Decimal {
  return new Decimal(`${value}e-${FIXED_DIGITS}`)
}

/** The common growth factor when every paying step has the same rate and no prima; null otherwise. */
function uniformGrowth(steps: readonly AnnuityStep[]): Decimal | null {
  let growth: Decimal | null = null
  for (const step of steps) {
    if (!step.amortizing) continue
    if (!step.extra.isZero()) return null
    if (growth === null) growth = step.growth
    else if (step.growth !== growth && !step.growth.eq(growth)) return null
  }
  return growth
}

export interface RowPlan {
  readonly period: LoanPeriod
  /** Principal prepaid inside the period (reduces the balance before the installment). */
  readonly extraPayment: Decimal
  readonly extraPaymentDate: IsoDate | null
  /** Unrounded interest for the period when it is not opening balance × rate (split period, flat share). */
  readonly interestOverride: Decimal | null
}

export interface RowGenerationInput {
  readonly terms: NormalizedLoanTerms
  readonly rounding: RoundingPolicy
  readonly plans: readonly RowPlan[]
  readonly openingBalance: Decimal
  readonly method: AmortizationMethod
  readonly level: Decimal
  /** Interest earned in earlier grace periods and not yet due. */
  readonly deferredInterest: Decimal
  /** Highest closing balance allowed per period number (re-amortization never leaves the member worse off). */
  readonly balanceCeiling?: ReadonlyMap<number, Decimal>
}

function minor(value: Decimal, rounding: RoundingPolicy, field: string): bigint {
  try {
    return toMinorUnits(value, rounding.scale)
  } catch {
    throw new EngineError(
      'INVALID_AMOUNT',
      `${field} ${value.toString()} has more decimal places than the currency scale (${rounding.scale})`,
    )
  }
}

/**
 * Walks the periods: interest on the balance, principal by method, the last row takes what is left.
 * Works in exact bigint minor units (interest = round(balance × rate) with the rate as an exact ratio).
 */
export function generateRows(input: RowGenerationInput): ScheduleRow[] {
  const { terms, rounding, plans, method } = input
  const { scale, mode } = rounding
  const multiple = minorMultiples(rounding).amount
  // round(value × rate) in minor units, for a rate kept as an exact ratio.
  const roundProduct = (amount: bigint, rate: Decimal): bigint => {
    const { numerator, denominator } = decimalRatio(rate)
    return roundQuotient(amount * numerator, denominator * multiple, mode) * multiple
  }
  const rows: ScheduleRow[] = []
  const level = minor(input.level, rounding, 'level')
  let balance = minor(input.openingBalance, rounding, 'opening balance')
  let deferred = minor(roundAmount(input.deferredInterest, rounding), rounding, 'deferred interest')
  const fees = minor(roundAmount(terms.feePerInstallment, rounding), rounding, 'fee')
  const insuranceRates = new Map<Decimal, Decimal>()
  const insuranceRateOf = (months: Decimal) => {
    let rate = insuranceRates.get(months)
    if (rate === undefined) {
      rate = terms.insuranceMonthlyRate.times(months)
      insuranceRates.set(months, rate)
    }
    return rate
  }
  const insured = !terms.insuranceMonthlyRate.isZero()
  const ceilings = new Map<number, bigint>()
  for (const [number, value] of input.balanceCeiling ?? [])
    ceilings.set(number, minor(value, rounding, 'ceiling'))
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!
    const period = plan.period
    if (balance === 0n && deferred === 0n) break
    const opening = balance
    const extraPayment = plan.extraPayment.isZero() ? 0n : minor(plan.extraPayment, rounding, 'extra payment')
    if (extraPayment > balance) {
      throw new EngineError('PAYMENT_EXCEEDS_BALANCE', 'an extra payment exceeds the outstanding principal')
    }
    balance -= extraPayment
    const accrued =
      plan.interestOverride === null
        ? roundProduct(opening, period.rate)
        : minor(roundAmount(plan.interestOverride, rounding), rounding, 'interest')
    let interest: bigint
    if (period.interestGrace && terms.graceInterest === 'DEFER') {
      deferred += accrued
      interest = 0n
    } else {
      interest = accrued + deferred
      deferred = 0n
    }
    const extraInstallment = period.extraInstallment.isZero()
      ? 0n
      : minor(period.extraInstallment, rounding, 'extra installment')
    let principal: bigint
    if (i === plans.length - 1) principal = balance
    else if (period.principalGrace) principal = 0n
    else if (method === 'FRENCH') principal = level + extraInstallment - accrued
    else principal = level + extraInstallment
    if (principal < 0n) principal = 0n
    if (principal > balance) principal = balance
    const ceiling = ceilings.get(period.number)
    if (ceiling !== undefined && balance - principal > ceiling) principal = balance - ceiling
    balance -= principal
    const insurance = insured ? roundProduct(opening, insuranceRateOf(period.insuranceMonths)) : 0n
    const installment = principal + interest
    rows.push(
      scheduleRow(
        {
          number: period.number,
          periodStart: period.start,
          periodEnd: period.end,
          dueDate: period.dueDate,
          days: period.days,
          rate: period.rate,
          extraPaymentDate: plan.extraPaymentDate,
        },
        {
          openingBalance: opening,
          extraPayment,
          principal,
          interest,
          accruedInterest: accrued,
          extraInstallment: extraInstallment < principal ? extraInstallment : principal,
          installment,
          insurance,
          fees,
          totalDue: installment + insurance + fees,
          closingBalance: balance,
        },
        scale,
      ),
    )
  }
  return rows
}

export function scheduleTotals(rows: readonly ScheduleRow[]): ScheduleTotals {
  const first = rows[0]
  const last = rows.at(-1)
  if (!first || !last) return { principal: ZERO, interest: ZERO, insurance: ZERO, fees: ZERO, totalDue: ZERO }
  let interest = 0n
  let insurance = 0n
  let fees = 0n
  let totalDue = 0n
  for (const row of rows) {
    interest += row.minor.interest
    insurance += row.minor.insurance
    fees += row.minor.fees
    totalDue += row.minor.totalDue
  }
  // Each row opens with the previous closing balance, so principal paid telescopes to first opening − last closing.
  const principal = first.minor.openingBalance - last.minor.closingBalance
  const scale = first.scale
  return {
    principal: decimalFromMinor(principal, scale),
    interest: decimalFromMinor(interest, scale),
    insurance: decimalFromMinor(insurance, scale),
    fees: decimalFromMinor(fees, scale),
    totalDue: decimalFromMinor(totalDue, scale),
  }
}

/** Level installment or level principal for a method, rounded to the policy's installment multiple. */
function levelFor(
  method: AmortizationMethod,
  balance: Decimal,
  periods: readonly LoanPeriod[],
  rounding: RoundingPolicy,
): Decimal {
  const amortizing = periods.filter((p) => !p.principalGrace)
  if (amortizing.length === 0)
    throw new EngineError('INVALID_TERM', 'there is no period left to amortize the principal')
  let level: Decimal
  if (method === 'FRENCH') {
    // One growth factor per distinct rate object: regular periods share theirs, so the closed form applies.
    const growths = new Map<Decimal, Decimal>()
    const growthOf = (rate: Decimal) => {
      let growth = growths.get(rate)
      if (growth === undefined) {
        growth = ONE.plus(rate)
        growths.set(rate, growth)
      }
      return growth
    }
    level = annuityInstallment(
      balance,
      periods.map((p) => ({
        growth: growthOf(p.rate),
        amortizing: !p.principalGrace,
        extra: p.extraInstallment,
      })),
    )
  } else {
    let extras = ZERO
    for (const p of amortizing) extras = extras.plus(p.extraInstallment)
    level = balance.minus(extras).div(amortizing.length)
  }
  const rounded = roundInstallment(level, rounding)
  if (rounded.lte(0) && level.gt(0)) {
    throw new EngineError(
      'INVALID_ROUNDING_POLICY',
      `the installment ${level.toDecimalPlaces(rounding.scale).toString()} rounds to zero in multiples of ${rounding.installmentMultipleOf.toString()}`,
    )
  }
  if (rounded.lte(0)) {
    throw new EngineError(
      'INVALID_INPUT',
      'the extra installments (primas) cover the whole loan: the regular installment would be zero or negative',
    )
  }
  return rounded
}

/** Flat interest: principal × Σ period rates, spread evenly over the periods that bear interest. */
function flatInterestPlans(
  terms: NormalizedLoanTerms,
  periods: readonly LoanPeriod[],
  rounding: RoundingPolicy,
) {
  let total = ZERO
  let bearing = 0
  for (const p of periods) {
    if (!p.rate.isZero()) {
      total = total.plus(terms.principal.times(p.rate))
      bearing += 1
    }
  }
  const share = bearing === 0 ? ZERO : total.div(bearing)
  const roundedTotal = roundAmount(total, rounding)
  const roundedShare = roundAmount(share, rounding)
  let lastBearing = -1
  for (let i = periods.length - 1; i >= 0; i--) {
    if (!periods[i]!.rate.isZero()) {
      lastBearing = i
      break
    }
  }
  return periods.map((period, i) => {
    let interest = ZERO
    if (!period.rate.isZero()) {
      interest = i === lastBearing ? roundedTotal.minus(roundedShare.times(bearing - 1)) : roundedShare
    }
    return {
      period,
      extraPayment: ZERO,
      extraPaymentDate: null,
      interestOverride: maxDecimal(interest, ZERO),
    }
  })
}

/**
 * The amortization schedule: a pure function of the terms, the business calendar (due dates roll to a
 * business day; interest is still computed to the contractual date) and the rounding policy.
 */
export function buildSchedule(
  terms: LoanTerms,
  calendar: BusinessCalendar,
  rounding: RoundingPolicy,
): LoanSchedule {
  const normalized = normalizeLoanTerms(terms)
  const periods = loanPeriods(normalized, calendar)
  const method = normalized.amortization
  const level = levelFor(method, normalized.principal, periods, rounding)
  const plans: RowPlan[] =
    method === 'FLAT'
      ? flatInterestPlans(normalized, periods, rounding)
      : periods.map((period) => ({
          period,
          extraPayment: ZERO,
          extraPaymentDate: null,
          interestOverride: null,
        }))
  const rows = generateRows({
    terms: normalized,
    rounding,
    plans,
    openingBalance: normalized.principal,
    method,
    level,
    deferredInterest: ZERO,
  })
  return { terms: normalized, rounding, periods, rows, level, totals: scheduleTotals(rows) }
}
