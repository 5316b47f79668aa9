import type { IsoDate } from '../../../platform/calendar/index.ts'

/**
 * Credit modalities the Superintendencia Financiera certifies the interés bancario corriente (IBC) for
 * (Decreto 455 de 2023 replaced microcrédito with the productive modalities; verify the decree number).
 */
export type UsuryModality =
  | 'CONSUMER_AND_ORDINARY'
  | 'CONSUMER_LOW_AMOUNT'
  | 'PRODUCTIVE_LARGE'
  | 'PRODUCTIVE_RURAL'
  | 'PRODUCTIVE_URBAN'
  | 'POPULAR_PRODUCTIVE_RURAL'
  | 'POPULAR_PRODUCTIVE_URBAN'
  | 'MICROCREDIT'

export interface UsuryRate {
  readonly modality: UsuryModality
  readonly validFrom: IsoDate
  readonly validTo: IsoDate
  /** IBC certified by the SFC, effective annual, as a fraction. */
  readonly bankingCurrentRate: string
  /** Usury cap = 1.5 × IBC (Código de Comercio art. 884), effective annual, as a fraction. */
  readonly usuryRate: string
  /** SFC resolution that certified the IBC; null when the public source did not give it. */
  readonly resolution: string | null
  readonly source: string
  /** true when both figures were read in the cited source; false when a figure was derived here. */
  readonly verified: boolean
  readonly note?: string
}

const ICEF_NOV_2025 =
  'icef.com.co, "Resolución 1995, Superfinanciera certifica el Interés Bancario Corriente para noviembre"'
const ESPECTADOR_DEC_2025 = 'elespectador.com, 2025-11-28, "Sube la tasa de usura en diciembre"'
const VALORA_JAN_2026 =
  'valoraanalitik.com, 2025-12-26, "Baja tasa de usura para créditos de consumo en enero de 2026"'

function month(
  validFrom: IsoDate,
  validTo: IsoDate,
  resolution: string | null,
  source: string,
  rows: ReadonlyArray<readonly [UsuryModality, string, string]>,
): UsuryRate[] {
  return rows.map(([modality, bankingCurrentRate, usuryRate]) => ({
    modality,
    validFrom,
    validTo,
    bankingCurrentRate,
    usuryRate,
    resolution,
    source,
    verified: true,
  }))
}

/** Reference data: one row per modality and validity period. Extend it monthly from the SFC certification. */
export const USURY_RATES: readonly UsuryRate[] = Object.freeze([
  {
    modality: 'CONSUMER_AND_ORDINARY',
    validFrom: '2016-10-01',
    validTo: '2016-12-31',
    bankingCurrentRate: '0.1933',
    usuryRate: '0.29',
    resolution: 'Resolución SFC 1341 de 2016',
    source: 'elcolombiano.com, "Tasa de usura hasta fin de año en 29,0 %"',
    verified: true,
  },
  {
    modality: 'CONSUMER_AND_ORDINARY',
    validFrom: '2017-04-01',
    validTo: '2017-06-30',
    bankingCurrentRate: '0.2233',
    usuryRate: '0.335',
    resolution: 'Resolución SFC 488 de 2017',
    source: 'caracol.com.co, 2017-03-28 (shared/domain/finance.md §4.1)',
    verified: true,
  },
  {
    modality: 'CONSUMER_AND_ORDINARY',
    validFrom: '2025-08-01',
    validTo: '2025-08-31',
    bankingCurrentRate: '0.1678',
    usuryRate: '0.2517',
    resolution: 'Resolución SFC 1490 de 2025',
    source:
      'icef.com.co, "Resolución 1490, Superfinanciera certifica el Interés Bancario Corriente para agosto"',
    verified: false,
    note: 'IBC read in the source; usury computed here as 1.5 × IBC.',
  },
  {
    modality: 'CONSUMER_AND_ORDINARY',
    validFrom: '2025-10-01',
    validTo: '2025-10-31',
    bankingCurrentRate: '0.1624',
    usuryRate: '0.2436',
    resolution: null,
    source: `${ICEF_NOV_2025} (quotes the October IBC as the previous certification)`,
    verified: false,
    note: 'IBC read in the source; usury computed here as 1.5 × IBC; resolution number not found.',
  },
  ...month('2025-11-01', '2025-11-30', 'Resolución SFC 1995 de 2025', ICEF_NOV_2025, [
    ['CONSUMER_AND_ORDINARY', '0.1666', '0.2499'],
    ['CONSUMER_LOW_AMOUNT', '0.4428', '0.6642'],
    ['PRODUCTIVE_LARGE', '0.2688', '0.4032'],
    ['PRODUCTIVE_RURAL', '0.1826', '0.2739'],
    ['PRODUCTIVE_URBAN', '0.3878', '0.5817'],
    ['POPULAR_PRODUCTIVE_RURAL', '0.4904', '0.7356'],
    ['POPULAR_PRODUCTIVE_URBAN', '0.5918', '0.8877'],
  ]),
  ...month('2025-12-01', '2025-12-31', null, ESPECTADOR_DEC_2025, [
    ['CONSUMER_AND_ORDINARY', '0.1668', '0.2502'],
    ['CONSUMER_LOW_AMOUNT', '0.4516', '0.6774'],
    ['PRODUCTIVE_LARGE', '0.2732', '0.4098'],
    ['PRODUCTIVE_RURAL', '0.1862', '0.2793'],
    ['PRODUCTIVE_URBAN', '0.3885', '0.5828'],
    ['POPULAR_PRODUCTIVE_RURAL', '0.4958', '0.7437'],
    ['POPULAR_PRODUCTIVE_URBAN', '0.5994', '0.8991'],
  ]),
  ...month('2026-01-01', '2026-01-31', null, VALORA_JAN_2026, [
    ['CONSUMER_AND_ORDINARY', '0.1624', '0.2436'],
    ['CONSUMER_LOW_AMOUNT', '0.459', '0.6885'],
  ]),
  {
    modality: 'PRODUCTIVE_LARGE',
    validFrom: '2026-01-01',
    validTo: '2026-01-31',
    bankingCurrentRate: '0.268',
    usuryRate: '0.402',
    resolution: null,
    source: VALORA_JAN_2026,
    verified: false,
    note: 'IBC read in the source; usury computed here as 1.5 × IBC.',
  },
])
