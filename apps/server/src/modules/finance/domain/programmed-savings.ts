import {
  adjustToBusinessDay,
  type BusinessCalendar,
  type BusinessDayConvention,
  type IsoDate,
} from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { addPeriods, assertDate, FREQUENCIES, type RepaymentFrequency } from './loan-terms.ts'
import { type Decimal, type Numeric, positiveAmount, ZERO } from './money.ts'
import { annualRate, effectiveAnnualToPeriodic } from './rates.ts'
import { type RoundingPolicy, roundAmount } from './rounding-policy.ts'

/** Ahorro programado: a fixed deposit every period, interest compounding per period at the EA. */
export interface ProgrammedSavingsPlan {
  readonly startDate: IsoDate
  readonly depositAmount: Numeric
  readonly frequency: RepaymentFrequency
  readonly numberOfDeposits: number
  readonly effectiveAnnualRate: Numeric
  readonly businessDayConvention?: BusinessDayConvention
}

export interface ProgrammedSavingsRow {
  readonly number: number
  /** Contractual date. */
  readonly date: IsoDate
  /** Date rolled to a business day; the deposit is expected then. */
  readonly dueDate: IsoDate
  readonly deposit: Decimal
  /** Interest for the period that ends on this date, on the previous balance. */
  readonly interest: Decimal
  readonly balance: Decimal
}

export interface ProgrammedSavingsSchedule {
  /** One row per deposit plus a final maturity row (deposit zero) one period after the last deposit. */
  readonly rows: readonly ProgrammedSavingsRow[]
  readonly totalDeposits: Decimal
  readonly totalInterest: Decimal
  readonly maturityBalance: Decimal
}

export function programmedSavingsSchedule(
  plan: ProgrammedSavingsPlan,
  calendar: BusinessCalendar,
  rounding: RoundingPolicy,
): ProgrammedSavingsSchedule {
  assertDate(plan.startDate, 'startDate')
  if (!(plan.frequency in FREQUENCIES))
    throw new EngineError('INVALID_INPUT', `unknown frequency ${String(plan.frequency)}`)
  const n = plan.numberOfDeposits
  if (!Number.isInteger(n) || n < 1 || n > 1200) {
    throw new EngineError('INVALID_TERM', `numberOfDeposits must be an integer 1..1200, got ${n}`)
  }
  const deposit = positiveAmount(plan.depositAmount, 'depositAmount')
  const rate = effectiveAnnualToPeriodic(
    annualRate(plan.effectiveAnnualRate, 'effectiveAnnualRate'),
    FREQUENCIES[plan.frequency].periodsPerYear,
  )
  const convention = plan.businessDayConvention ?? 'FOLLOWING'
  const rows: ProgrammedSavingsRow[] = []
  let balance = ZERO
  let totalInterest = ZERO
  for (let k = 1; k <= n + 1; k++) {
    const date = addPeriods(plan.startDate, plan.frequency, k - 1)
    const interest = roundAmount(balance.times(rate), rounding)
    const amount = k <= n ? deposit : ZERO
    balance = balance.plus(interest).plus(amount)
    totalInterest = totalInterest.plus(interest)
    rows.push({
      number: k,
      date,
      dueDate: adjustToBusinessDay(date, convention, calendar),
      deposit: amount,
      interest,
      balance,
    })
  }
  return { rows, totalDeposits: deposit.times(n), totalInterest, maturityBalance: balance }
}
