import { EngineError } from './errors.ts'
import {
  RISK_CATEGORIES,
  RISK_MODALITIES,
  type RiskCategory,
  type RiskCategoryTable,
  type RiskModality,
  SUPERSOLIDARIA_CATEGORIES_2020,
} from './risk-tables.ts'

function assertDays(daysPastDue: number): void {
  if (!Number.isInteger(daysPastDue) || daysPastDue < 0) {
    throw new EngineError(
      'INVALID_INPUT',
      `days past due must be a whole non-negative number, got ${daysPastDue}`,
    )
  }
}

export function assertModality(modality: RiskModality): void {
  if (!RISK_MODALITIES.includes(modality)) {
    throw new EngineError(
      'INVALID_INPUT',
      `modality must be one of ${RISK_MODALITIES.join(', ')}, got ${String(modality)}`,
    )
  }
}

/** Category by days past due for the modality. */
export function riskCategory(
  modality: RiskModality,
  daysPastDue: number,
  table: RiskCategoryTable = SUPERSOLIDARIA_CATEGORIES_2020,
): RiskCategory {
  assertModality(modality)
  assertDays(daysPastDue)
  const range = table.ranges[modality].find(
    (r) => daysPastDue >= r.minDays && (r.maxDays === null || daysPastDue <= r.maxDays),
  )
  if (!range)
    throw new EngineError(
      'REFERENCE_DATA_UNAVAILABLE',
      `table ${table.id} has no range for ${daysPastDue} days`,
    )
  return range.category
}

export function categoryRank(category: RiskCategory): number {
  const rank = RISK_CATEGORIES.indexOf(category)
  if (rank < 0) throw new EngineError('INVALID_INPUT', `unknown risk category ${String(category)}`)
  return rank
}

export function worstCategory(categories: Iterable<RiskCategory>): RiskCategory {
  let worst: RiskCategory = 'A'
  for (const category of categories) if (categoryRank(category) > categoryRank(worst)) worst = category
  return worst
}

export interface DebtorLoan {
  readonly loanId: string
  readonly debtorId: string
  readonly category: RiskCategory
}

export interface DraggedLoan extends DebtorLoan {
  /** The loan's own category before the drag. */
  readonly ownCategory: RiskCategory
}

/** Regla de arrastre: every loan of a debtor takes the debtor's worst category. */
export function applyDragRule<T extends DebtorLoan>(loans: readonly T[]): Array<T & DraggedLoan> {
  const worst = new Map<string, RiskCategory>()
  for (const loan of loans)
    worst.set(loan.debtorId, worstCategory([worst.get(loan.debtorId) ?? 'A', loan.category]))
  return loans.map((loan) => ({ ...loan, ownCategory: loan.category, category: worst.get(loan.debtorId)! }))
}

/** From C on, interest stops accruing to income (it goes to memorandum accounts). */
export function accruesInterestToIncome(category: RiskCategory): boolean {
  return categoryRank(category) < categoryRank('C')
}
