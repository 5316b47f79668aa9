import type { BusinessCalendar, IsoDate } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { type LoanPeriod, loanPeriods } from './loan-periods.ts'
import {
  type AmortizationMethod,
  type LoanTerms,
  type NormalizedLoanTerms,
  normalizeLoanTerms,
} from './loan-terms.ts'
import { type Decimal, maxDecimal, minDecimal, ONE, ZERO } from './money.ts'
import { type RoundingPolicy, roundAmount, roundInstallment } from './rounding-policy.ts'

export interface ScheduleRow {
  readonly number: number
  readonly periodStart: IsoDate
  readonly periodEnd: IsoDate
  readonly dueDate: IsoDate
  readonly days: number
  /** Period rate applied to the opening balance. */
  readonly rate: Decimal
  readonly openingBalance: Decimal
  /** Unscheduled principal prepaid inside this period (after re-amortization); not part of the installment. */
  readonly extraPayment: Decimal
  readonly extraPaymentDate: IsoDate | null
  /** Principal in the installment, including any prima. */
  readonly principal: Decimal
  /** Interest due with this installment (includes interest deferred by a grace period). */
  readonly interest: Decimal
  /** Interest earned in this period (differs from `interest` only around an interest grace). */
  readonly accruedInterest: Decimal
  /** The prima part of this installment (zero when none). */
  readonly extraInstallment: Decimal
  /** principal + interest: the cuota. */
  readonly installment: Decimal
  readonly insurance: Decimal
  readonly fees: Decimal
  /** installment + insurance + fees. */
  readonly totalDue: Decimal
  readonly closingBalance: Decimal
}

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
  let growthToEnd = ONE
  let factor = ZERO
  let extrasAtEnd = ZERO
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!
    if (!step.amortizing) continue
    factor = factor.plus(growthToEnd)
    if (!step.extra.isZero()) extrasAtEnd = extrasAtEnd.plus(step.extra.times(growthToEnd))
    growthToEnd = growthToEnd.times(step.growth)
  }
  if (factor.isZero())
    throw new EngineError('INVALID_TERM', 'there is no period left to amortize the principal')
  return balance.times(growthToEnd).minus(extrasAtEnd).div(factor)
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

/** Walks the periods: interest on the balance, principal by method, the last row takes what is left. */
export function generateRows(input: RowGenerationInput): ScheduleRow[] {
  const { terms, rounding, plans, method, level } = input
  const rows: ScheduleRow[] = []
  let balance = input.openingBalance
  let deferred = input.deferredInterest
  const fees = roundAmount(terms.feePerInstallment, rounding)
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!
    const period = plan.period
    if (balance.isZero() && deferred.isZero()) break
    const opening = balance
    if (plan.extraPayment.gt(balance)) {
      throw new EngineError('PAYMENT_EXCEEDS_BALANCE', 'an extra payment exceeds the outstanding principal')
    }
    balance = balance.minus(plan.extraPayment)
    const accrued = roundAmount(plan.interestOverride ?? opening.times(period.rate), rounding)
    let interest: Decimal
    if (period.interestGrace && terms.graceInterest === 'DEFER') {
      deferred = deferred.plus(accrued)
      interest = ZERO
    } else {
      interest = accrued.plus(deferred)
      deferred = ZERO
    }
    const isLast = i === plans.length - 1
    let principal: Decimal
    if (isLast) principal = balance
    else if (period.principalGrace) principal = ZERO
    else if (method === 'FRENCH')
      principal = maxDecimal(ZERO, level.plus(period.extraInstallment).minus(accrued))
    else principal = level.plus(period.extraInstallment)
    principal = minDecimal(principal, balance)
    const ceiling = input.balanceCeiling?.get(period.number)
    if (ceiling !== undefined && balance.minus(principal).gt(ceiling)) principal = balance.minus(ceiling)
    balance = balance.minus(principal)
    const insurance = roundAmount(
      terms.insuranceMonthlyRate.times(opening).times(period.insuranceMonths),
      rounding,
    )
    const installment = principal.plus(interest)
    rows.push({
      number: period.number,
      periodStart: period.start,
      periodEnd: period.end,
      dueDate: period.dueDate,
      days: period.days,
      rate: period.rate,
      openingBalance: opening,
      extraPayment: plan.extraPayment,
      extraPaymentDate: plan.extraPaymentDate,
      principal,
      interest,
      accruedInterest: accrued,
      extraInstallment: principal.isZero() ? ZERO : minDecimal(period.extraInstallment, principal),
      installment,
      insurance,
      fees,
      totalDue: installment.plus(insurance).plus(fees),
      closingBalance: balance,
    })
  }
  return rows
}

export function scheduleTotals(rows: readonly ScheduleRow[]): ScheduleTotals {
  let principal = ZERO
  let interest = ZERO
  let insurance = ZERO
  let fees = ZERO
  let totalDue = ZERO
  for (const row of rows) {
    principal = principal.plus(row.principal).plus(row.extraPayment)
    interest = interest.plus(row.interest)
    insurance = insurance.plus(row.insurance)
    fees = fees.plus(row.fees)
    totalDue = totalDue.plus(row.totalDue)
  }
  return { principal, interest, insurance, fees, totalDue }
}

/** Level installment or level principal for a method, rounded to the policy's installment multiple. */
export function levelFor(
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
    level = annuityInstallment(
      balance,
      periods.map((p) => ({
        growth: ONE.plus(p.rate),
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
