import type { IsoDate } from '../../../platform/calendar/index.ts'
import { assertDate } from './loan-terms.ts'
import {
  Decimal,
  maxDecimal,
  minDecimal,
  type Numeric,
  nonNegativeAmount,
  positiveAmount,
  ZERO,
} from './money.ts'
import { COP_ROUNDING, type RoundingPolicy, roundAmount } from './rounding-policy.ts'
import { uvtToPesos } from './uvt.ts'

/** Gravamen a los movimientos financieros: 4 per 1,000 of the amount withdrawn (ET art. 871). */
export const GMF_RATE = new Decimal('0.004')

/** Savings withdrawals are exempt up to 350 UVT per person per month (ET art. 879 num. 1, Ley 2277 de 2022). */
export const GMF_MONTHLY_EXEMPT_UVT = 350

export function gmfMonthlyExemption(
  year: number,
  options: { readonly roundPerArticle868?: boolean } = {},
): Decimal {
  return uvtToPesos(GMF_MONTHLY_EXEMPT_UVT, year, { round: options.roundPerArticle868 ?? true })
}

export interface GmfWithdrawal {
  readonly amount: Numeric
  readonly date: IsoDate
  /** Exempt withdrawals the person already used this calendar month, across all accounts. */
  readonly exemptUsedThisMonth?: Numeric
  /** The operation is exempt on its own (e.g. a loan disbursement to the member: ET art. 879, verify the numeral). */
  readonly exemptOperation?: boolean
  /** The person has the 350 UVT savings exemption (the default for natural persons since Dec 2024). */
  readonly savingsExemption?: boolean
  readonly roundPerArticle868?: boolean
  readonly rounding?: RoundingPolicy
}

export interface GmfResult {
  readonly monthlyLimit: Decimal
  readonly exemptAmount: Decimal
  readonly taxableAmount: Decimal
  readonly tax: Decimal
  readonly exemptUsedAfter: Decimal
}

/** GMF on a withdrawal, consuming the person's monthly exemption first. */
export function gmfOnWithdrawal(withdrawal: GmfWithdrawal): GmfResult {
  assertDate(withdrawal.date, 'date')
  const amount = positiveAmount(withdrawal.amount, 'amount')
  const used = nonNegativeAmount(withdrawal.exemptUsedThisMonth ?? 0, 'exemptUsedThisMonth')
  const year = Number(withdrawal.date.slice(0, 4))
  const monthlyLimit = gmfMonthlyExemption(year, {
    roundPerArticle868: withdrawal.roundPerArticle868 ?? true,
  })
  if (withdrawal.exemptOperation) {
    return { monthlyLimit, exemptAmount: amount, taxableAmount: ZERO, tax: ZERO, exemptUsedAfter: used }
  }
  const room = withdrawal.savingsExemption === false ? ZERO : maxDecimal(ZERO, monthlyLimit.minus(used))
  const exemptAmount = minDecimal(amount, room)
  const taxableAmount = amount.minus(exemptAmount)
  const tax = roundAmount(taxableAmount.times(GMF_RATE), withdrawal.rounding ?? COP_ROUNDING)
  return { monthlyLimit, exemptAmount, taxableAmount, tax, exemptUsedAfter: used.plus(exemptAmount) }
}
