import type { IsoDate } from '../../../platform/calendar/index.ts'
import { type Decimal, decimalFromMinor } from './money.ts'

/** A row's amounts in integer minor units of the rounding policy's scale: what the database stores. */
export interface ScheduleAmounts {
  readonly openingBalance: bigint
  readonly extraPayment: bigint
  readonly principal: bigint
  readonly interest: bigint
  readonly accruedInterest: bigint
  readonly extraInstallment: bigint
  readonly installment: bigint
  readonly insurance: bigint
  readonly fees: bigint
  readonly totalDue: bigint
  readonly closingBalance: bigint
}

export type ScheduleAmountField = keyof ScheduleAmounts

export interface ScheduleRow {
  readonly number: number
  readonly periodStart: IsoDate
  readonly periodEnd: IsoDate
  readonly dueDate: IsoDate
  readonly days: number
  /** Period rate applied to the opening balance. */
  readonly rate: Decimal
  readonly extraPaymentDate: IsoDate | null
  /** Decimal scale of `minor`. */
  readonly scale: number
  readonly minor: ScheduleAmounts
  readonly openingBalance: Decimal
  /** Unscheduled principal prepaid inside this period (after re-amortization); not part of the installment. */
  readonly extraPayment: Decimal
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

export interface ScheduleRowDates {
  readonly number: number
  readonly periodStart: IsoDate
  readonly periodEnd: IsoDate
  readonly dueDate: IsoDate
  readonly days: number
  readonly rate: Decimal
  readonly extraPaymentDate: IsoDate | null
}

// Rows are computed in bigint minor units; each Decimal is built on first read. A persistence layer that
// reads `minor` never pays for Decimal construction, which is most of the cost of a schedule.
class LazyScheduleRow implements ScheduleRow {
  readonly number: number
  readonly periodStart: IsoDate
  readonly periodEnd: IsoDate
  readonly dueDate: IsoDate
  readonly days: number
  readonly rate: Decimal
  readonly extraPaymentDate: IsoDate | null
  readonly scale: number
  readonly minor: ScheduleAmounts
  #decimals: Partial<Record<ScheduleAmountField, Decimal>> = {}

  constructor(dates: ScheduleRowDates, minor: ScheduleAmounts, scale: number) {
    this.number = dates.number
    this.periodStart = dates.periodStart
    this.periodEnd = dates.periodEnd
    this.dueDate = dates.dueDate
    this.days = dates.days
    this.rate = dates.rate
    this.extraPaymentDate = dates.extraPaymentDate
    this.scale = scale
    this.minor = minor
  }

  #amount(field: ScheduleAmountField): Decimal {
    let value = this.#decimals[field]
    if (value === undefined) {
      value = decimalFromMinor(this.minor[field], this.scale)
      this.#decimals[field] = value
    }
    return value
  }

  get openingBalance(): Decimal {
    return this.#amount('openingBalance')
  }
  get extraPayment(): Decimal {
    return this.#amount('extraPayment')
  }
  get principal(): Decimal {
    return this.#amount('principal')
  }
  get interest(): Decimal {
    return this.#amount('interest')
  }
  get accruedInterest(): Decimal {
    return this.#amount('accruedInterest')
  }
  get extraInstallment(): Decimal {
    return this.#amount('extraInstallment')
  }
  get installment(): Decimal {
    return this.#amount('installment')
  }
  get insurance(): Decimal {
    return this.#amount('insurance')
  }
  get fees(): Decimal {
    return this.#amount('fees')
  }
  get totalDue(): Decimal {
    return this.#amount('totalDue')
  }
  get closingBalance(): Decimal {
    return this.#amount('closingBalance')
  }

  toJSON(): Record<string, unknown> {
    const amounts: Record<string, string> = {}
    for (const field of Object.keys(this.minor) as ScheduleAmountField[])
      amounts[field] = this.#amount(field).toString()
    return {
      number: this.number,
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      dueDate: this.dueDate,
      days: this.days,
      rate: this.rate.toString(),
      extraPaymentDate: this.extraPaymentDate,
      ...amounts,
    }
  }
}

export function scheduleRow(dates: ScheduleRowDates, minor: ScheduleAmounts, scale: number): ScheduleRow {
  return new LazyScheduleRow(dates, minor, scale)
}

/** A copy of a row with some dates or amounts changed (rows are immutable). */
export function withRowChanges(
  row: ScheduleRow,
  changes: { readonly extraPaymentDate?: IsoDate | null; readonly minor?: Partial<ScheduleAmounts> },
): ScheduleRow {
  return scheduleRow(
    {
      number: row.number,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      dueDate: row.dueDate,
      days: row.days,
      rate: row.rate,
      extraPaymentDate:
        changes.extraPaymentDate === undefined ? row.extraPaymentDate : changes.extraPaymentDate,
    },
    { ...row.minor, ...changes.minor },
    row.scale,
  )
}
