import { assertModality, categoryRank } from './credit-risk.ts'
import { EngineError } from './errors.ts'
import { Decimal, maxDecimal, minDecimal, type Numeric, nonNegativeAmount, ZERO } from './money.ts'
import { annualRate } from './rates.ts'
import {
  GENERAL_PROVISION_RATE,
  type ProvisionTable,
  type RiskCategory,
  type RiskModality,
  SUPERSOLIDARIA_PROVISIONS_2008,
} from './risk-tables.ts'
import { type RoundingPolicy, roundAmount } from './rounding-policy.ts'

/**
 * Provision percentage for a loan. The category decides (it may be worse than the days alone say, after the
 * drag rule); within a category with several tiers (consumer E: 50 % then 100 %), the days pick the tier.
 */
export function provisionRate(
  modality: RiskModality,
  category: RiskCategory,
  daysPastDue: number,
  table: ProvisionTable = SUPERSOLIDARIA_PROVISIONS_2008,
): Decimal {
  assertModality(modality)
  categoryRank(category)
  const tiers = table.rates
    .filter((r) => r.modality === modality && r.category === category)
    .sort((a, b) => a.minDays - b.minDays)
  if (tiers.length === 0) {
    throw new EngineError(
      'REFERENCE_DATA_UNAVAILABLE',
      `table ${table.id} has no rate for ${modality} ${category}`,
    )
  }
  const tier =
    tiers.find((t) => daysPastDue >= t.minDays && (t.maxDays === null || daysPastDue <= t.maxDays)) ??
    (daysPastDue < tiers[0]!.minDays ? tiers[0]! : tiers.at(-1)!)
  return new Decimal(tier.rate)
}

export interface ProvisionInput {
  readonly loanId?: string
  readonly modality: RiskModality
  /** Category after the drag rule. */
  readonly category: RiskCategory
  readonly daysPastDue: number
  readonly principalBalance: Numeric
  /** Accrued unpaid interest and other receivables of the loan: provisioned in full from category C. */
  readonly accruedInterest?: Numeric
  /** Member's aportes sociales deductible from this loan's base (when the entity's rules allow it). */
  readonly deductibleContributions?: Numeric
}

export interface Provision {
  readonly loanId?: string
  readonly base: Decimal
  readonly rate: Decimal
  readonly contributionsApplied: Decimal
  readonly principalProvision: Decimal
  readonly interestProvision: Decimal
  readonly total: Decimal
}

/** prov = max(0, principal − aportes) × pct(category, days) + 100 % of accrued interest once in C or worse. */
export function individualProvision(
  input: ProvisionInput,
  rounding: RoundingPolicy,
  table: ProvisionTable = SUPERSOLIDARIA_PROVISIONS_2008,
): Provision {
  const principal = nonNegativeAmount(input.principalBalance, 'principalBalance')
  const contributions = nonNegativeAmount(input.deductibleContributions ?? 0, 'deductibleContributions')
  const accrued = nonNegativeAmount(input.accruedInterest ?? 0, 'accruedInterest')
  const applied = minDecimal(contributions, principal)
  const base = principal.minus(applied)
  const rate = provisionRate(input.modality, input.category, input.daysPastDue, table)
  const principalProvision = roundAmount(base.times(rate), rounding)
  const interestProvision = categoryRank(input.category) >= categoryRank('C') ? accrued : ZERO
  return {
    ...(input.loanId === undefined ? {} : { loanId: input.loanId }),
    base,
    rate,
    contributionsApplied: applied,
    principalProvision,
    interestProvision,
    total: principalProvision.plus(interestProvision),
  }
}

/**
 * Provisions for all loans of one debtor, deducting the debtor's aportes once: worst category first (largest
 * percentage), then largest balance, so the deduction relieves the most provision (verify the entity's rule).
 */
export function debtorProvisions(
  loans: readonly ProvisionInput[],
  contributions: Numeric,
  rounding: RoundingPolicy,
  table: ProvisionTable = SUPERSOLIDARIA_PROVISIONS_2008,
): Provision[] {
  let available = nonNegativeAmount(contributions, 'contributions')
  const order = [...loans.keys()].sort((a, b) => {
    const x = loans[a]!
    const y = loans[b]!
    const byRate = provisionRate(y.modality, y.category, y.daysPastDue, table).cmp(
      provisionRate(x.modality, x.category, x.daysPastDue, table),
    )
    return byRate || new Decimal(y.principalBalance).cmp(new Decimal(x.principalBalance))
  })
  const result: Provision[] = new Array(loans.length)
  for (const index of order) {
    const loan = loans[index]!
    const provision = individualProvision({ ...loan, deductibleContributions: available }, rounding, table)
    available = maxDecimal(ZERO, available.minus(provision.contributionsApplied))
    result[index] = provision
  }
  return result
}

/** Provisión general: a percentage (≥ 1 %, verify) of the gross portfolio. */
export function generalProvision(
  grossPortfolio: Numeric,
  rounding: RoundingPolicy,
  rate: Numeric = GENERAL_PROVISION_RATE,
): Decimal {
  return roundAmount(
    nonNegativeAmount(grossPortfolio, 'grossPortfolio').times(annualRate(rate, 'rate')),
    rounding,
  )
}
