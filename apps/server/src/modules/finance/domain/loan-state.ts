import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import type { LoanSchedule } from './amortization-schedule.ts'
import { EngineError } from './errors.ts'
import { type Decimal, ZERO } from './money.ts'

/** What an installment is made of, in the order a payment usually settles it. */
export type LoanComponent = 'defaultInterest' | 'insurance' | 'fees' | 'interest' | 'principal'

export const LOAN_COMPONENTS: readonly LoanComponent[] = [
  'defaultInterest',
  'insurance',
  'fees',
  'interest',
  'principal',
]

export type ComponentAmounts = Readonly<Record<LoanComponent, Decimal>>

/** An installment as the loan lives it: what is due and what has been paid, per component. */
export interface InstallmentState {
  readonly number: number
  readonly periodStart: IsoDate
  readonly periodEnd: IsoDate
  readonly dueDate: IsoDate
  readonly due: ComponentAmounts
  readonly paid: ComponentAmounts
  /** Default interest is accrued up to this date; null when none has been accrued yet. */
  readonly defaultInterestAccruedTo: IsoDate | null
}

const NO_AMOUNTS: ComponentAmounts = Object.freeze({
  defaultInterest: ZERO,
  insurance: ZERO,
  fees: ZERO,
  interest: ZERO,
  principal: ZERO,
})

/** The starting state of a loan: every scheduled amount due, nothing paid. */
export function installmentStates(schedule: LoanSchedule): InstallmentState[] {
  return schedule.rows.map((row) => ({
    number: row.number,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueDate: row.dueDate,
    due: {
      defaultInterest: ZERO,
      insurance: row.insurance,
      fees: row.fees,
      interest: row.interest,
      principal: row.principal,
    },
    paid: NO_AMOUNTS,
    defaultInterestAccruedTo: null,
  }))
}

export function outstandingOf(installment: InstallmentState, component: LoanComponent): Decimal {
  return installment.due[component].minus(installment.paid[component])
}

export function totalOutstanding(installment: InstallmentState): Decimal {
  let total = ZERO
  for (const component of LOAN_COMPONENTS) total = total.plus(outstandingOf(installment, component))
  return total
}

// Default interest alone does not keep a loan in arrears: it is a consequence of arrears, not an installment.
const ARREARS_COMPONENTS: readonly LoanComponent[] = ['principal', 'interest', 'insurance', 'fees']

export function isInArrears(installment: InstallmentState): boolean {
  return ARREARS_COMPONENTS.some((c) => outstandingOf(installment, c).gt(0))
}

/** Días de mora: days since the oldest installment that was due before `asOf` and is not fully paid. */
export function daysPastDue(installments: readonly InstallmentState[], asOf: IsoDate): number {
  const today = toEpochDay(asOf)
  let oldest: number | null = null
  for (const installment of installments) {
    const due = toEpochDay(installment.dueDate)
    if (due < today && isInArrears(installment) && (oldest === null || due < oldest)) oldest = due
  }
  return oldest === null ? 0 : today - oldest
}

export function assertAlignedWith(schedule: LoanSchedule, installments: readonly InstallmentState[]): void {
  if (
    installments.length !== schedule.rows.length ||
    installments.some((inst, i) => inst.number !== schedule.rows[i]!.number)
  ) {
    throw new EngineError('INVALID_INPUT', 'the installment states do not match the schedule rows')
  }
}
