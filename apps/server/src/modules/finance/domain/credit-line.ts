import type { IsoDate } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { FREQUENCIES, type LoanTerms, normalizeLoanTerms } from './loan-terms.ts'
import { type Decimal, minDecimal, type Numeric, nonNegativeAmount, positiveAmount } from './money.ts'
import { annualRate, nominalToEffectiveAnnual } from './rates.ts'
import { assertWithinUsury } from './usury.ts'
import type { UsuryModality, UsuryRate } from './usury-rates.ts'

/** Limits of a línea de crédito. Every limit is optional. */
export interface CreditLine {
  readonly code: string
  readonly minAmount?: Numeric
  readonly maxAmount?: Numeric
  readonly minInstallments?: number
  readonly maxInstallments?: number
  /** "Hasta 3 veces los aportes": the amount may not exceed this multiple of the member's aportes. */
  readonly maxContributionsMultiple?: Numeric
  readonly usuryModality?: UsuryModality
}

/** The EA a loan really costs: the EA itself, or (1 + nominal/n)^n − 1 for a Fineract nominal rate. */
export function effectiveAnnualRateOf(terms: LoanTerms): Decimal {
  const normalized = normalizeLoanTerms(terms)
  return normalized.rateMode === 'EFFECTIVE'
    ? normalized.annualRate
    : nominalToEffectiveAnnual(normalized.annualRate, FREQUENCIES[normalized.frequency].periodsPerYear)
}

/** The highest amount the line allows for a member (line maximum, aportes multiple), or null when unlimited. */
export function lineMaximumAmount(line: CreditLine, contributions?: Numeric): Decimal | null {
  let max: Decimal | null =
    line.maxAmount === undefined ? null : positiveAmount(line.maxAmount, 'line maxAmount')
  if (line.maxContributionsMultiple !== undefined) {
    if (contributions === undefined) {
      throw new EngineError(
        'INVALID_INPUT',
        `line ${line.code} limits the amount by aportes: pass the member's contributions`,
      )
    }
    const byContributions = nonNegativeAmount(contributions, 'contributions').times(
      annualRate(line.maxContributionsMultiple, 'maxContributionsMultiple'),
    )
    max = max === null ? byContributions : minDecimal(max, byContributions)
  }
  return max
}

/**
 * Checks a loan request against its line: amount, number of installments, aportes multiple, and (when a usury
 * table and date are given) the usury cap at creation or disbursement.
 */
export function validateLoanForLine(
  terms: LoanTerms,
  line: CreditLine,
  context: {
    readonly contributions?: Numeric
    readonly usury?: {
      readonly date: IsoDate
      readonly stage: 'CREATION' | 'DISBURSEMENT'
      readonly table?: readonly UsuryRate[]
    }
    readonly defaultRate?: Numeric
  } = {},
): void {
  const normalized = normalizeLoanTerms(terms)
  const amount = normalized.principal
  if (line.minAmount !== undefined && amount.lt(positiveAmount(line.minAmount, 'line minAmount'))) {
    throw new EngineError(
      'AMOUNT_OUT_OF_RANGE',
      `${amount.toString()} is below the minimum ${String(line.minAmount)} of line ${line.code}`,
    )
  }
  const max = lineMaximumAmount(line, context.contributions)
  if (max !== null && amount.gt(max)) {
    throw new EngineError(
      'AMOUNT_OUT_OF_RANGE',
      `${amount.toString()} is above the maximum ${max.toString()} of line ${line.code}`,
      {
        maximum: max.toString(),
      },
    )
  }
  const n = normalized.numberOfInstallments
  if (
    (line.minInstallments !== undefined && n < line.minInstallments) ||
    (line.maxInstallments !== undefined && n > line.maxInstallments)
  ) {
    throw new EngineError(
      'TERM_OUT_OF_RANGE',
      `${n} installments is outside ${line.minInstallments ?? 1}..${line.maxInstallments ?? '∞'} for line ${line.code}`,
    )
  }
  if (context.usury) {
    if (!line.usuryModality) throw new EngineError('INVALID_INPUT', `line ${line.code} has no usury modality`)
    assertWithinUsury({
      contractRate: effectiveAnnualRateOf(terms),
      ...(context.defaultRate === undefined ? {} : { defaultRate: context.defaultRate }),
      modality: line.usuryModality,
      date: context.usury.date,
      stage: context.usury.stage,
      ...(context.usury.table === undefined ? {} : { table: context.usury.table }),
    })
  }
}
