import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import type { LoanSchedule } from './amortization-schedule.ts'
import { accrueDefaultInterest, type DefaultInterestPolicy } from './default-interest.ts'
import { partialPeriodRate } from './loan-periods.ts'
import {
  assertAlignedWith,
  type ComponentAmounts,
  type InstallmentState,
  LOAN_COMPONENTS,
  type LoanComponent,
  outstandingOf,
} from './loan-state.ts'
import { assertDate } from './loan-terms.ts'
import { type Decimal, ZERO } from './money.ts'
import { roundAmount } from './rounding-policy.ts'

export interface PayoffQuote {
  readonly date: IsoDate
  /** Unpaid amounts of installments already due, with default interest accrued to the date. */
  readonly overdue: ComponentAmounts
  /** Principal of installments not yet due, less what was prepaid on them. */
  readonly principalNotDue: Decimal
  /** Interest earned up to the date but not yet due (the running period, deferred grace interest). */
  readonly accruedInterest: Decimal
  /** Interest paid in advance on installments not yet due, credited back. */
  readonly interestCredit: Decimal
  readonly total: Decimal
}

/**
 * Amount that cancels the loan on `date` (prepago total): everything due, all principal, and interest earned
 * to the date. Insurance and fees of installments not yet due are not charged.
 */
export function payoffAmount(
  schedule: LoanSchedule,
  installments: readonly InstallmentState[],
  date: IsoDate,
  defaultInterest?: DefaultInterestPolicy,
): PayoffQuote {
  assertDate(date, 'date')
  assertAlignedWith(schedule, installments)
  const { terms, rounding } = schedule
  const today = toEpochDay(date)
  const state = defaultInterest
    ? accrueDefaultInterest(installments, date, defaultInterest, rounding)
    : installments
  const overdue: Record<LoanComponent, Decimal> = {
    defaultInterest: ZERO,
    insurance: ZERO,
    fees: ZERO,
    interest: ZERO,
    principal: ZERO,
  }
  let principalNotDue = ZERO
  let earned = ZERO
  let interestDue = ZERO
  let interestCredit = ZERO
  state.forEach((installment, i) => {
    const row = schedule.rows[i]!
    const start = toEpochDay(row.periodStart)
    const end = toEpochDay(row.periodEnd)
    if (today >= end) earned = earned.plus(row.accruedInterest)
    else if (today > start) {
      // Old balance until an extra payment inside the period, the reduced balance after it.
      const paidOn = row.extraPaymentDate === null ? start : Math.min(toEpochDay(row.extraPaymentDate), today)
      const before = partialPeriodRate(terms, row.rate, paidOn - start, row.days)
      const after = partialPeriodRate(terms, row.rate, today - paidOn, row.days)
      const interest = row.openingBalance
        .times(before)
        .plus(row.openingBalance.minus(row.extraPayment).times(after))
      earned = earned.plus(roundAmount(interest, rounding))
    }
    if (toEpochDay(installment.dueDate) <= today) {
      interestDue = interestDue.plus(installment.due.interest)
      for (const component of LOAN_COMPONENTS)
        overdue[component] = overdue[component].plus(outstandingOf(installment, component))
    } else {
      principalNotDue = principalNotDue.plus(outstandingOf(installment, 'principal'))
      interestCredit = interestCredit.plus(installment.paid.interest)
    }
  })
  const accruedInterest = earned.minus(interestDue)
  let total = principalNotDue.plus(accruedInterest).minus(interestCredit)
  for (const component of LOAN_COMPONENTS) total = total.plus(overdue[component])
  return { date, overdue, principalNotDue, accruedInterest, interestCredit, total }
}
