import type { IsoDate } from '../../../platform/calendar/index.ts'

/** Supersolidaria portfolio modalities (cartera) for classification and provisioning. */
export type RiskModality = 'COMMERCIAL' | 'CONSUMER' | 'HOUSING' | 'MICROCREDIT'

export const RISK_MODALITIES: readonly RiskModality[] = ['COMMERCIAL', 'CONSUMER', 'HOUSING', 'MICROCREDIT']

/** A Riesgo Normal, B Aceptable, C Apreciable, D Significativo, E Incobrabilidad. */
export type RiskCategory = 'A' | 'B' | 'C' | 'D' | 'E'

export const RISK_CATEGORIES: readonly RiskCategory[] = ['A', 'B', 'C', 'D', 'E']

export interface DaysRange {
  readonly minDays: number
  /** Inclusive; null means no upper bound. */
  readonly maxDays: number | null
}

export interface CategoryRange extends DaysRange {
  readonly category: RiskCategory
}

export interface RiskCategoryTable {
  readonly id: string
  readonly validFrom: IsoDate
  readonly source: string
  readonly verified: boolean
  readonly note: string
  readonly ranges: Readonly<Record<RiskModality, readonly CategoryRange[]>>
}

export interface ProvisionRate extends DaysRange {
  readonly modality: RiskModality
  readonly category: RiskCategory
  /** Fraction of the provisioning base. */
  readonly rate: string
}

export interface ProvisionTable {
  readonly id: string
  readonly validFrom: IsoDate
  readonly source: string
  readonly verified: boolean
  readonly note: string
  readonly rates: readonly ProvisionRate[]
}

function ranges(bounds: readonly [number, number, number, number]): CategoryRange[] {
  const [a, b, c, d] = bounds
  return [
    { category: 'A', minDays: 0, maxDays: a },
    { category: 'B', minDays: a + 1, maxDays: b },
    { category: 'C', minDays: b + 1, maxDays: c },
    { category: 'D', minDays: c + 1, maxDays: d },
    { category: 'E', minDays: d + 1, maxDays: null },
  ]
}

/** Days past due per category, CE 004/2008 as carried into the CBCF (CE 22 de 2020), Title IV ch. II. */
export const SUPERSOLIDARIA_CATEGORIES_2020: RiskCategoryTable = Object.freeze({
  id: 'supersolidaria-cbcf-2020',
  validFrom: '2020-12-28',
  source: 'shared/domain/finance.md §4.2 (CE 004/2008 and CE 22/2020)',
  verified: false,
  note: 'Ranges to verify against CBCF 2020 Title IV ch. II and its annexes before production use.',
  ranges: {
    COMMERCIAL: ranges([30, 90, 180, 360]),
    CONSUMER: ranges([30, 60, 90, 180]),
    HOUSING: ranges([60, 150, 360, 540]),
    MICROCREDIT: ranges([30, 60, 90, 120]),
  },
})

function rate(
  modality: RiskModality,
  category: RiskCategory,
  minDays: number,
  maxDays: number | null,
  value: string,
): ProvisionRate {
  return { modality, category, minDays, maxDays, rate: value }
}

/** Minimum individual provisions by category and days past due (2008 regime, from memory: verify). */
export const SUPERSOLIDARIA_PROVISIONS_2008: ProvisionTable = Object.freeze({
  id: 'supersolidaria-ce-004-2008',
  validFrom: '2008-08-28',
  source: 'shared/domain/finance.md §4.2; housing E tiers (30 %, 60 %) recalled, not read',
  verified: false,
  note: 'Percentages to verify against the CBCF annex before production use.',
  rates: [
    rate('COMMERCIAL', 'A', 0, 30, '0'),
    rate('COMMERCIAL', 'B', 31, 90, '0.01'),
    rate('COMMERCIAL', 'C', 91, 180, '0.2'),
    rate('COMMERCIAL', 'D', 181, 360, '0.5'),
    rate('COMMERCIAL', 'E', 361, null, '1'),
    rate('CONSUMER', 'A', 0, 30, '0'),
    rate('CONSUMER', 'B', 31, 60, '0.01'),
    rate('CONSUMER', 'C', 61, 90, '0.1'),
    rate('CONSUMER', 'D', 91, 180, '0.2'),
    rate('CONSUMER', 'E', 181, 360, '0.5'),
    rate('CONSUMER', 'E', 361, null, '1'),
    rate('HOUSING', 'A', 0, 60, '0'),
    rate('HOUSING', 'B', 61, 150, '0.01'),
    rate('HOUSING', 'C', 151, 360, '0.1'),
    rate('HOUSING', 'D', 361, 540, '0.2'),
    rate('HOUSING', 'E', 541, 720, '0.3'),
    rate('HOUSING', 'E', 721, 1080, '0.6'),
    rate('HOUSING', 'E', 1081, null, '1'),
    rate('MICROCREDIT', 'A', 0, 30, '0'),
    rate('MICROCREDIT', 'B', 31, 60, '0.01'),
    rate('MICROCREDIT', 'C', 61, 90, '0.2'),
    rate('MICROCREDIT', 'D', 91, 120, '0.5'),
    rate('MICROCREDIT', 'E', 121, null, '1'),
  ],
})

/** General provision: at least 1 % of the gross portfolio (verify). */
export const GENERAL_PROVISION_RATE = '0.01'
