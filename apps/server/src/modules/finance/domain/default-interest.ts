import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { type InstallmentState, outstandingOf } from './loan-state.ts'
import { Decimal, minDecimal, type Numeric, ONE } from './money.ts'
import { annualRate, effectiveAnnualToPeriodic } from './rates.ts'
import { type RoundingPolicy, roundAmount } from './rounding-policy.ts'

/**
 * How interés de mora grows with days late, a product parameter:
 * EFFECTIVE_ANNUAL: amount × ((1 + EA)^(d/365) − 1). MONTHLY_LINEAR: amount × EM / 30 × d, EM = (1 + EA)^(1/12) − 1.
 */
export type DefaultInterestMethod = 'EFFECTIVE_ANNUAL' | 'MONTHLY_LINEAR'

export interface DefaultInterestPolicy {
  readonly effectiveAnnualRate: Numeric
  readonly method: DefaultInterestMethod
  /** The usury cap in force: the mora rate is capped to it (Código de Comercio art. 884). */
  readonly usuryCap?: Numeric
}

/** The mora EA actually applied: the contract's, or the usury cap when that is lower. */
export function appliedDefaultRate(policy: DefaultInterestPolicy): Decimal {
  const rate = annualRate(policy.effectiveAnnualRate, 'default effectiveAnnualRate')
  return policy.usuryCap === undefined ? rate : minDecimal(rate, annualRate(policy.usuryCap, 'usuryCap'))
}

/** Unrounded default interest on an overdue amount for a number of days. */
export function defaultInterestFor(amount: Decimal, days: number, policy: DefaultInterestPolicy): Decimal {
  if (!Number.isInteger(days) || days < 0) {
    throw new EngineError('INVALID_INPUT', `days late must be a whole non-negative number, got ${days}`)
  }
  if (days === 0 || amount.lte(0)) return new Decimal(0)
  const rate = appliedDefaultRate(policy)
  switch (policy.method) {
    case 'EFFECTIVE_ANNUAL':
      return amount.times(ONE.plus(rate).pow(new Decimal(days).div(365)).minus(1))
    case 'MONTHLY_LINEAR':
      return amount.times(effectiveAnnualToPeriodic(rate, 12)).div(30).times(days)
    default:
      throw new EngineError('INVALID_INPUT', `unknown default interest method ${String(policy.method)}`)
  }
}

/**
 * Accrues default interest on each installment's overdue principal from its due date (or the last accrual)
 * to `asOf`. Call it at every event that changes overdue principal (payments, daily close) so each
 * stretch uses the principal that was actually overdue.
 */
export function accrueDefaultInterest(
  installments: readonly InstallmentState[],
  asOf: IsoDate,
  policy: DefaultInterestPolicy,
  rounding: RoundingPolicy,
): InstallmentState[] {
  const today = toEpochDay(asOf)
  return installments.map((installment) => {
    const due = toEpochDay(installment.dueDate)
    if (due >= today) return installment
    const from = Math.max(
      due,
      installment.defaultInterestAccruedTo ? toEpochDay(installment.defaultInterestAccruedTo) : due,
    )
    const overdue = outstandingOf(installment, 'principal')
    if (from >= today) return installment
    const increment = roundAmount(defaultInterestFor(overdue, today - from, policy), rounding)
    return {
      ...installment,
      due: { ...installment.due, defaultInterest: installment.due.defaultInterest.plus(increment) },
      defaultInterestAccruedTo: asOf,
    }
  })
}
