import type { BusinessCalendar } from '../../../platform/calendar/index.ts'
import { buildSchedule, type LoanSchedule } from './amortization-schedule.ts'
import { type CreditLine, lineMaximumAmount } from './credit-line.ts'
import { EngineError } from './errors.ts'
import type { LoanTerms } from './loan-terms.ts'
import {
  Decimal,
  maxDecimal,
  type Numeric,
  nonNegativeAmount,
  positiveAmount,
  toDecimal,
  ZERO,
} from './money.ts'
import { annualRate } from './rates.ts'
import type { RoundingPolicy } from './rounding-policy.ts'

export interface CapacityToPayInput {
  readonly netIncome: Numeric
  /** Deductions already taken from the income (other installments, legal deductions, aportes). */
  readonly currentDeductions: Numeric
  /** Share of the net income that deductions may take, e.g. 0.5 (a product or legal parameter: verify for libranza). */
  readonly maxDeductionRatio: Numeric
  readonly newInstallment?: Numeric
}

export interface CapacityToPay {
  readonly limit: Decimal
  /** Room left for a new installment: limit − current deductions, never negative. */
  readonly available: Decimal
  readonly newInstallment: Decimal
  readonly fits: boolean
  /** (current deductions + new installment) / net income. */
  readonly deductionRatio: Decimal
}

export function capacityToPay(input: CapacityToPayInput): CapacityToPay {
  const income = positiveAmount(input.netIncome, 'netIncome')
  const deductions = nonNegativeAmount(input.currentDeductions, 'currentDeductions')
  const ratio = annualRate(input.maxDeductionRatio, 'maxDeductionRatio')
  if (ratio.gt(1)) throw new EngineError('INVALID_RATE', 'maxDeductionRatio cannot exceed 100 %')
  const installment = nonNegativeAmount(input.newInstallment ?? 0, 'newInstallment')
  const limit = income.times(ratio)
  const available = maxDecimal(ZERO, limit.minus(deductions))
  return {
    limit,
    available,
    newInstallment: installment,
    fits: installment.lte(available),
    deductionRatio: deductions.plus(installment).div(income),
  }
}

/** The largest installment a schedule asks of the income: total due without primas (paid from the bonus). */
export function largestRegularPayment(schedule: LoanSchedule): Decimal {
  let largest = ZERO
  for (const row of schedule.rows) largest = maxDecimal(largest, row.totalDue.minus(row.extraInstallment))
  return largest
}

export interface MaximumLoan {
  readonly amount: Decimal
  readonly largestPayment: Decimal
  /** False when the amount is below the line minimum (the member does not qualify). */
  readonly meetsLineMinimum: boolean
  readonly schedule: LoanSchedule | null
}

/**
 * The largest amount, in multiples of `amountMultipleOf`, whose schedule never asks more than `capacity` in
 * one installment, capped by the line. Found by bisection on real schedules, so rounding, grace, insurance and
 * fees are all accounted for.
 */
export function maximumLoanAmount(input: {
  readonly capacity: Numeric
  readonly terms: Omit<LoanTerms, 'principal'>
  readonly calendar: BusinessCalendar
  readonly rounding: RoundingPolicy
  readonly line?: CreditLine
  readonly contributions?: Numeric
  readonly amountMultipleOf?: Numeric
}): MaximumLoan {
  const capacity = nonNegativeAmount(input.capacity, 'capacity')
  const step =
    input.amountMultipleOf === undefined
      ? input.rounding.multipleOf
      : positiveAmount(input.amountMultipleOf, 'amountMultipleOf')
  const n = input.terms.numberOfInstallments
  if (!Number.isInteger(n) || n < 1)
    throw new EngineError('INVALID_TERM', `numberOfInstallments must be a positive integer, got ${n}`)
  // Any installment is at least principal / n when rates are not negative, so capacity × n bounds the answer.
  let upper = capacity.times(n)
  const lineMax = input.line ? lineMaximumAmount(input.line, input.contributions) : null
  if (lineMax?.lt(upper)) upper = lineMax
  const scheduleFor = (units: Decimal) =>
    buildSchedule({ ...input.terms, principal: units.times(step) }, input.calendar, input.rounding)
  let lo = new Decimal(0)
  let hi = upper.div(step).floor()
  let best: LoanSchedule | null = null
  while (lo.lt(hi)) {
    const mid = lo.plus(hi).plus(1).div(2).floor()
    const schedule = scheduleFor(mid)
    if (largestRegularPayment(schedule).lte(capacity)) {
      lo = mid
      best = schedule
    } else hi = mid.minus(1)
  }
  const amount = lo.times(step)
  const minimum =
    input.line?.minAmount === undefined ? ZERO : toDecimal(input.line.minAmount, 'line minAmount')
  return {
    amount,
    largestPayment: best ? largestRegularPayment(best) : ZERO,
    meetsLineMinimum: amount.gt(0) && amount.gte(minimum),
    schedule: best,
  }
}
