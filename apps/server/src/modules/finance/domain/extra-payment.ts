import { type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import {
  type AnnuityStep,
  annuityInstallment,
  generateRows,
  type LoanSchedule,
  type RowPlan,
  scheduleTotals,
} from './amortization-schedule.ts'
import { EngineError } from './errors.ts'
import { partialPeriodRate } from './loan-periods.ts'
import { assertDate } from './loan-terms.ts'
import { type Decimal, maxDecimal, type Numeric, ONE, positiveAmount, toMinorUnits, ZERO } from './money.ts'
import { roundAmountDown } from './rounding-policy.ts'
import { withRowChanges } from './schedule-row.ts'

/** The member's choice after an abono extraordinario: keep the installment and finish sooner, or keep the term. */
export type ExtraPaymentChoice = 'REDUCE_TERM' | 'REDUCE_INSTALLMENT'

export interface ExtraPayment {
  readonly date: IsoDate
  readonly amount: Numeric
  readonly choice: ExtraPaymentChoice
}

/** Index of the row whose accrual period contains the date (start < date ≤ end; the disbursement date maps to row 0). */
function rowIndexAt(schedule: LoanSchedule, date: IsoDate): number {
  const day = toEpochDay(date)
  const rows = schedule.rows
  if (day < toEpochDay(schedule.terms.disbursementDate)) {
    throw new EngineError(
      'INVALID_DATE',
      `${date} is before the disbursement ${schedule.terms.disbursementDate}`,
    )
  }
  for (let i = 0; i < rows.length; i++) {
    if (day <= toEpochDay(rows[i]!.periodEnd)) return i
  }
  throw new EngineError(
    'INVALID_DATE',
    `${date} is after the last period of the schedule (${rows.at(-1)?.periodEnd})`,
  )
}

/**
 * Re-amortizes after an extra principal payment on `date`, assuming every earlier installment was paid as
 * scheduled. Inside a period, interest runs on the old balance until the payment and on the new one after it.
 * REDUCE_TERM keeps the installment; REDUCE_INSTALLMENT lowers it by the annuity of the payment, rounded down.
 * Either way no closing balance ends above the original schedule's, so total interest never rises.
 */
export function applyExtraPayment(schedule: LoanSchedule, payment: ExtraPayment): LoanSchedule {
  const { terms, rounding, rows } = schedule
  if (terms.amortization === 'FLAT') {
    throw new EngineError(
      'UNSUPPORTED_COMBINATION',
      'flat loans charge interest on the original principal: re-amortization does not apply',
    )
  }
  if (payment.choice !== 'REDUCE_TERM' && payment.choice !== 'REDUCE_INSTALLMENT') {
    throw new EngineError(
      'INVALID_INPUT',
      `choice must be REDUCE_TERM or REDUCE_INSTALLMENT, got ${String(payment.choice)}`,
    )
  }
  assertDate(payment.date, 'date')
  const amount = positiveAmount(payment.amount, 'amount')
  const amountMinor = toMinorUnits(amount, rounding.scale)
  const k = rowIndexAt(schedule, payment.date)
  const row = rows[k]!
  if (!row.extraPayment.isZero()) {
    throw new EngineError(
      'UNSUPPORTED_COMBINATION',
      `period ${row.number} already has an extra payment; combine them into one`,
    )
  }
  const lastNumber = rows.at(-1)!.number
  const elapsed = Math.max(0, toEpochDay(payment.date) - toEpochDay(row.periodStart))
  // Paid together with the installment due that day: that installment stands, the rest is re-amortized.
  const withInstallment = elapsed >= row.days
  const available = withInstallment ? row.closingBalance : row.openingBalance
  if (amount.gt(available)) {
    throw new EngineError(
      'PAYMENT_EXCEEDS_BALANCE',
      `the extra payment ${amount.toString()} exceeds the outstanding principal ${available.toString()}; use the payoff amount`,
    )
  }
  const firstNumber = withInstallment ? row.number + 1 : row.number
  const periods = schedule.periods.filter((p) => p.number >= firstNumber && p.number <= lastNumber)
  const kept = withInstallment
    ? [
        ...rows.slice(0, k),
        withRowChanges(row, {
          extraPaymentDate: payment.date,
          minor: {
            extraPayment: amountMinor,
            closingBalance: row.minor.closingBalance - amountMinor,
          },
        }),
      ]
    : rows.slice(0, k)

  // Inside a period: the old balance earns interest until the payment, the new one after it.
  let firstRate: Decimal | null = null
  let firstInterest: Decimal | null = null
  if (!withInstallment) {
    const before = partialPeriodRate(terms, row.rate, elapsed, row.days)
    firstRate = partialPeriodRate(terms, row.rate, row.days - elapsed, row.days)
    firstInterest = row.openingBalance.times(before).plus(row.openingBalance.minus(amount).times(firstRate))
  }

  let level = schedule.level
  if (payment.choice === 'REDUCE_INSTALLMENT' && periods.length > 0) {
    let reduction: Decimal
    if (terms.amortization === 'FRENCH') {
      const steps: AnnuityStep[] = periods.map((p, i) => ({
        growth: ONE.plus(i === 0 && firstRate !== null ? firstRate : p.rate),
        amortizing: !p.principalGrace,
        extra: ZERO,
      }))
      reduction = annuityInstallment(amount, steps)
    } else {
      const amortizing = periods.filter((p) => !p.principalGrace).length
      reduction = amortizing === 0 ? ZERO : amount.div(amortizing)
    }
    level = maxDecimal(
      ZERO,
      level.minus(roundAmountDown(reduction, rounding, rounding.installmentMultipleOf)),
    )
  }

  let deferred = ZERO
  for (const r of kept) deferred = deferred.plus(r.accruedInterest).minus(r.interest)

  const plans: RowPlan[] = periods.map((period, i) => {
    const split = i === 0 && !withInstallment
    return {
      period,
      extraPayment: split ? amount : ZERO,
      extraPaymentDate: split ? payment.date : null,
      interestOverride: split ? firstInterest : null,
    }
  })
  const ceiling = new Map<number, Decimal>()
  for (const r of rows) ceiling.set(r.number, r.closingBalance)
  const regenerated = generateRows({
    terms,
    rounding,
    plans,
    openingBalance: withInstallment ? kept.at(-1)!.closingBalance : row.openingBalance,
    method: terms.amortization,
    level,
    deferredInterest: deferred,
    balanceCeiling: ceiling,
  })
  const newRows = [...kept, ...regenerated]
  return { ...schedule, rows: newRows, level, totals: scheduleTotals(newRows) }
}
