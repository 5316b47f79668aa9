import type { CoefficientCheckResult } from '@minga/contracts'
import { AppError } from '../../platform/http/app-error.ts'
import {
  type Coefficient,
  checkCoefficients,
  FULL_COEFFICIENT,
  formatCoefficient,
  isAssemblyRuleError,
  parseCoefficient,
} from '../assemblies/domain/index.ts'

/** Why a coefficient text is refused, or null when it parses to a usable (non-zero) coefficient. */
export function coefficientProblem(text: string): string | null {
  try {
    return parseCoefficient(text) === 0 ? 'The coefficient must be above 0 %' : null
  } catch (err) {
    if (!isAssemblyRuleError(err)) throw err
    return /above 100/.test(err.message)
      ? 'The coefficient cannot be above 100 %'
      : 'A percentage between 0 and 100 with at most 6 decimals, e.g. "1.234567"'
  }
}

/** "1.234567" → 1_234_567 millionths of a percent; a 422 naming `path` otherwise. */
export function coefficientField(text: string, path: string): Coefficient {
  const problem = coefficientProblem(text)
  if (problem !== null) throw new AppError('unprocessable', problem, [{ path, message: problem }])
  return parseCoefficient(text)
}

const AREA = /^(\d{1,7})(?:[.,](\d{1,2}))?$/

/** "54,3" → "54.30" (numeric(10,2) text), or null when not an area. */
export function normalizeArea(text: string): string | null {
  const match = AREA.exec(text.trim())
  if (!match) return null
  return `${Number(match[1])}.${(match[2] ?? '').padEnd(2, '0')}`
}

/** "54.30" → 5430 (hundredths of m²), the integer `coefficientsFromAreas` needs. */
export function areaHundredths(area: string): number {
  const [integer, fraction = ''] = area.split('.')
  return Number(integer) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2))
}

export function formatNullableCoefficient(value: number | null): string | null {
  return value === null ? null : formatCoefficient(value)
}

/**
 * The domain's 100 % check over the units that have a coefficient, with per-building sums, formatted
 * for the API. Units without a coefficient are counted apart (they are not part of the electorate).
 */
export function coefficientCheckOf(
  rows: readonly { id: string; building: string | null; coefficient: number | null }[],
): CoefficientCheckResult {
  const seats = rows.flatMap((r) =>
    r.coefficient === null ? [] : [{ unitId: r.id, coefficient: r.coefficient }],
  )
  const check =
    seats.length === 0
      ? { ok: false, unitCount: 0, sum: 0, difference: -FULL_COEFFICIENT }
      : checkCoefficients(seats)
  const buildings = new Map<string | null, { unitCount: number; sum: number }>()
  for (const row of rows) {
    if (row.coefficient === null) continue
    const entry = buildings.get(row.building) ?? { unitCount: 0, sum: 0 }
    entry.unitCount++
    entry.sum += row.coefficient
    buildings.set(row.building, entry)
  }
  return {
    ok: check.ok,
    unitCount: check.unitCount,
    unitsWithoutCoefficient: rows.length - seats.length,
    sum: formatCoefficient(check.sum),
    difference: formatCoefficient(check.difference),
    byBuilding: [...buildings]
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
      .map(([building, e]) => ({ building, unitCount: e.unitCount, sum: formatCoefficient(e.sum) })),
  }
}
