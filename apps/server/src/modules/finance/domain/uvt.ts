import { EngineError } from './errors.ts'
import { Decimal, type Numeric, toDecimal } from './money.ts'

/** Unidad de Valor Tributario by tax year: reference data fixed each December by DIAN resolution. */
export interface UvtValue {
  readonly year: number
  readonly value: string
  readonly resolution: string | null
  readonly source: string
  readonly verified: boolean
}

export const UVT_VALUES: readonly UvtValue[] = Object.freeze([
  {
    year: 2023,
    value: '42412',
    resolution: null,
    source: 'valoraanalitik.com, "Cómo funciona la exención del cobro del 4×1000" (quotes UVT 2023)',
    verified: true,
  },
  {
    year: 2024,
    value: '47065',
    resolution: null,
    source: 'actualicese.com "UVT 2025" and larepublica.co (quote the 2024 value)',
    verified: true,
  },
  {
    year: 2025,
    value: '49799',
    resolution: 'Resolución DIAN 000193 de 2024-12-04',
    source: 'actualicese.com, "UVT 2025 en Colombia"; shared/domain/finance.md §4.6',
    verified: true,
  },
  {
    year: 2026,
    value: '52374',
    resolution: 'Resolución DIAN 000238 de 2025-12-15',
    source:
      'ascoopempresarial.coop, 2026-01-06, "DIAN fijó en $52.374 el valor de la UVT para el año gravable 2026"',
    verified: true,
  },
])

export function uvtFor(year: number, table: readonly UvtValue[] = UVT_VALUES): Decimal {
  const row = table.find((r) => r.year === year)
  if (!row)
    throw new EngineError('REFERENCE_DATA_UNAVAILABLE', `no UVT value for ${year}: load the DIAN resolution`)
  return new Decimal(row.value)
}

/**
 * UVT → pesos. Estatuto Tributario art. 868 rounds the result: under 100 to the nearest 10, 100..10,000 to the
 * nearest 100, above 10,000 to the nearest 1,000 (verify; DIAN quoted 350 UVT of 2024 as $16.473.000).
 */
export function uvtToPesos(uvt: Numeric, year: number, options: { readonly round?: boolean } = {}): Decimal {
  const pesos = toDecimal(uvt, 'uvt').times(uvtFor(year))
  if (options.round === false) return pesos
  const multiple = pesos.lt(100) ? 10 : pesos.lte(10_000) ? 100 : 1000
  return pesos.div(multiple).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(multiple)
}
