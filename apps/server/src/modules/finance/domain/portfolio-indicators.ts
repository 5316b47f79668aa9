import { type IsoDate, parseIsoDate } from '../../../platform/calendar/index.ts'
import { categoryRank } from './credit-risk.ts'
import { EngineError } from './errors.ts'
import { assertDate } from './loan-terms.ts'
import { type Decimal, type Numeric, nonNegativeAmount, ZERO } from './money.ts'
import { RISK_CATEGORIES, type RiskCategory } from './risk-tables.ts'

export interface PortfolioLoan {
  readonly loanId: string
  readonly principalBalance: Numeric
  readonly daysPastDue: number
  readonly category: RiskCategory
  readonly provision?: Numeric
  readonly disbursementDate: IsoDate
  readonly disbursedAmount: Numeric
}

/** Cartera vencida for the ICV: loans rated B–E (default), or loans more than N days late. */
export type PastDueDefinition =
  | { readonly basis: 'CATEGORY' }
  | { readonly basis: 'DAYS'; readonly moreThanDays: number }

export interface CategoryShare {
  readonly count: number
  readonly balance: Decimal
  /** balance / gross portfolio; null for an empty portfolio. */
  readonly share: Decimal | null
}

export interface Vintage {
  /** Disbursement month, YYYY-MM. */
  readonly cohort: string
  readonly monthsOnBook: number
  readonly loanCount: number
  readonly disbursed: Decimal
  readonly outstanding: Decimal
  /** Balance of the cohort's loans more than 30 days late. */
  readonly pastDue30: Decimal
  /** pastDue30 / disbursed. */
  readonly pastDueRatio: Decimal | null
}

export interface PortfolioIndicators {
  readonly asOf: IsoDate
  readonly loanCount: number
  readonly grossPortfolio: Decimal
  readonly pastDuePortfolio: Decimal
  /** Indicador de cartera vencida: past-due portfolio / gross portfolio. */
  readonly icv: Decimal | null
  readonly byCategory: Readonly<Record<RiskCategory, CategoryShare>>
  readonly provisions: Decimal
  /** Cobertura: provisions (individual + general) / past-due portfolio. */
  readonly coverage: Decimal | null
  /** Portfolio at risk: balance of loans more than 30 / 60 / 90 days late over the gross portfolio. */
  readonly par30: Decimal | null
  readonly par60: Decimal | null
  readonly par90: Decimal | null
  readonly vintages: readonly Vintage[]
}

function ratio(numerator: Decimal, denominator: Decimal): Decimal | null {
  return denominator.isZero() ? null : numerator.div(denominator)
}

export function portfolioIndicators(
  loans: readonly PortfolioLoan[],
  options: {
    readonly asOf: IsoDate
    readonly pastDue?: PastDueDefinition
    readonly generalProvision?: Numeric
  },
): PortfolioIndicators {
  assertDate(options.asOf, 'asOf')
  const definition = options.pastDue ?? { basis: 'CATEGORY' }
  if (
    definition.basis === 'DAYS' &&
    (!Number.isInteger(definition.moreThanDays) || definition.moreThanDays < 0)
  ) {
    throw new EngineError('INVALID_INPUT', 'pastDue.moreThanDays must be a whole non-negative number')
  }
  const asOf = parseIsoDate(options.asOf)
  let gross = ZERO
  let pastDue = ZERO
  let provisions = nonNegativeAmount(options.generalProvision ?? 0, 'generalProvision')
  const par = { 30: ZERO, 60: ZERO, 90: ZERO }
  const categories = new Map<RiskCategory, { count: number; balance: Decimal }>(
    RISK_CATEGORIES.map((c) => [c, { count: 0, balance: ZERO }]),
  )
  const cohorts = new Map<
    string,
    { count: number; disbursed: Decimal; outstanding: Decimal; pastDue30: Decimal }
  >()
  for (const loan of loans) {
    assertDate(loan.disbursementDate, 'disbursementDate')
    const balance = nonNegativeAmount(loan.principalBalance, 'principalBalance')
    const days = loan.daysPastDue
    if (!Number.isInteger(days) || days < 0) {
      throw new EngineError(
        'INVALID_INPUT',
        `loan ${loan.loanId}: days past due must be a whole non-negative number`,
      )
    }
    categoryRank(loan.category)
    gross = gross.plus(balance)
    const isPastDue =
      definition.basis === 'CATEGORY'
        ? categoryRank(loan.category) >= categoryRank('B')
        : days > definition.moreThanDays
    if (isPastDue) pastDue = pastDue.plus(balance)
    if (days > 30) par[30] = par[30].plus(balance)
    if (days > 60) par[60] = par[60].plus(balance)
    if (days > 90) par[90] = par[90].plus(balance)
    const bucket = categories.get(loan.category)!
    bucket.count += 1
    bucket.balance = bucket.balance.plus(balance)
    provisions = provisions.plus(nonNegativeAmount(loan.provision ?? 0, 'provision'))
    const cohortKey = loan.disbursementDate.slice(0, 7)
    const cohort = cohorts.get(cohortKey) ?? { count: 0, disbursed: ZERO, outstanding: ZERO, pastDue30: ZERO }
    cohort.count += 1
    cohort.disbursed = cohort.disbursed.plus(nonNegativeAmount(loan.disbursedAmount, 'disbursedAmount'))
    cohort.outstanding = cohort.outstanding.plus(balance)
    if (days > 30) cohort.pastDue30 = cohort.pastDue30.plus(balance)
    cohorts.set(cohortKey, cohort)
  }
  const byCategory = Object.fromEntries(
    RISK_CATEGORIES.map((c) => {
      const bucket = categories.get(c)!
      return [c, { count: bucket.count, balance: bucket.balance, share: ratio(bucket.balance, gross) }]
    }),
  ) as Record<RiskCategory, CategoryShare>
  const vintages = [...cohorts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cohort, c]) => ({
      cohort,
      monthsOnBook: (asOf.year - Number(cohort.slice(0, 4))) * 12 + (asOf.month - Number(cohort.slice(5, 7))),
      loanCount: c.count,
      disbursed: c.disbursed,
      outstanding: c.outstanding,
      pastDue30: c.pastDue30,
      pastDueRatio: ratio(c.pastDue30, c.disbursed),
    }))
  return {
    asOf: options.asOf,
    loanCount: loans.length,
    grossPortfolio: gross,
    pastDuePortfolio: pastDue,
    icv: ratio(pastDue, gross),
    byCategory,
    provisions,
    coverage: ratio(provisions, pastDue),
    par30: ratio(par[30], gross),
    par60: ratio(par[60], gross),
    par90: ratio(par[90], gross),
    vintages,
  }
}
