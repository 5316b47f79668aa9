import { AssemblyRuleError } from './errors.ts'

/**
 * A coeficiente de copropiedad as an integer count of millionths of a percent: "12.345678 %" is
 * 12_345_678 and the whole building is 100_000_000. Ley 675 arts. 3 and 25 tie the assembly weight to it,
 * and six decimals is what reglamentos publish; integers keep the 100 % check exact.
 */
export type Coefficient = number

export const COEFFICIENT_DECIMALS = 6
export const COEFFICIENT_SCALE = 1_000_000
/** 100 % in millionths of a percent. */
export const FULL_COEFFICIENT: Coefficient = 100 * COEFFICIENT_SCALE

const COEFFICIENT_TEXT = /^(\d{1,3})(?:[.,](\d{1,6}))?$/

/** Parses "12.345678" (or "12,345678" as printed in Colombian reglamentos) into millionths of a percent. */
export function parseCoefficient(text: string): Coefficient {
  const match = COEFFICIENT_TEXT.exec(text.trim())
  if (match === null) {
    throw new AssemblyRuleError(
      'INVALID_COEFFICIENT',
      `"${text}" is not a coefficient: expected a percentage with at most ${COEFFICIENT_DECIMALS} decimals`,
      { value: text },
    )
  }
  const value =
    Number(match[1]) * COEFFICIENT_SCALE + Number((match[2] ?? '').padEnd(COEFFICIENT_DECIMALS, '0'))
  if (value > FULL_COEFFICIENT) {
    throw new AssemblyRuleError('INVALID_COEFFICIENT', `coefficient ${text} % is above 100 %`, {
      value: text,
    })
  }
  return value
}

/** 12_345_678 → "12.345678"; negative differences keep their sign. */
export function formatCoefficient(value: Coefficient): string {
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  const integer = Math.trunc(abs / COEFFICIENT_SCALE)
  const fraction = String(abs % COEFFICIENT_SCALE).padStart(COEFFICIENT_DECIMALS, '0')
  return `${sign}${integer}.${fraction}`
}

export function assertCoefficient(value: Coefficient, what = 'coefficient'): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > FULL_COEFFICIENT) {
    throw new AssemblyRuleError(
      'INVALID_COEFFICIENT',
      `${what} must be an integer number of millionths of a percent between 0 and ${FULL_COEFFICIENT}, got ${value}`,
      { value },
    )
  }
}

export interface UnitCoefficient {
  readonly unitId: string
  readonly coefficient: Coefficient
}

export interface CoefficientCheck {
  readonly ok: boolean
  readonly unitCount: number
  readonly sum: Coefficient
  /** sum − 100 %: negative when short, positive when over. */
  readonly difference: Coefficient
}

/** Non-throwing check for import previews; per-unit problems still throw (they are malformed data). */
export function checkCoefficients(units: readonly UnitCoefficient[]): CoefficientCheck {
  const seen = new Set<string>()
  let sum = 0
  for (const unit of units) {
    if (seen.has(unit.unitId)) {
      throw new AssemblyRuleError('DUPLICATE_SEAT', `unit ${unit.unitId} appears twice in the building`, {
        unitId: unit.unitId,
      })
    }
    seen.add(unit.unitId)
    assertCoefficient(unit.coefficient, `coefficient of unit ${unit.unitId}`)
    if (unit.coefficient === 0) {
      throw new AssemblyRuleError('INVALID_COEFFICIENT', `unit ${unit.unitId} has a zero coefficient`, {
        unitId: unit.unitId,
      })
    }
    sum += unit.coefficient
  }
  return { ok: sum === FULL_COEFFICIENT, unitCount: units.length, sum, difference: sum - FULL_COEFFICIENT }
}

/** Throws COEFFICIENTS_NOT_100 naming the exact difference, or returns the check. */
export function validateCoefficients(units: readonly UnitCoefficient[]): CoefficientCheck {
  const check = checkCoefficients(units)
  if (!check.ok) {
    const gap = formatCoefficient(Math.abs(check.difference))
    throw new AssemblyRuleError(
      'COEFFICIENTS_NOT_100',
      `the coefficients of ${check.unitCount} units sum to ${formatCoefficient(check.sum)} %, ` +
        `${gap} % ${check.difference < 0 ? 'short of' : 'over'} 100 %`,
      { sum: formatCoefficient(check.sum), difference: formatCoefficient(check.difference) },
    )
  }
  return check
}

/**
 * Coefficients proportional to private areas (Ley 675 art. 26 computes them from area when the reglamento
 * does not say otherwise), rounded by largest remainder so they sum to exactly 100 %. Areas are integers in
 * the caller's unit (e.g. cm²); ties in remainder go to the earlier unit in input order.
 */
export function coefficientsFromAreas(
  units: readonly { readonly unitId: string; readonly area: number }[],
): UnitCoefficient[] {
  if (units.length === 0) throw new AssemblyRuleError('INVALID_INPUT', 'a building needs at least one unit')
  let total = 0n
  for (const unit of units) {
    if (!Number.isSafeInteger(unit.area) || unit.area <= 0) {
      throw new AssemblyRuleError('INVALID_INPUT', `unit ${unit.unitId} needs a positive integer area`, {
        unitId: unit.unitId,
      })
    }
    total += BigInt(unit.area)
  }
  const full = BigInt(FULL_COEFFICIENT)
  const shares = units.map((unit, index) => {
    const exact = BigInt(unit.area) * full
    return { index, floor: exact / total, remainder: exact % total }
  })
  let left = full - shares.reduce((acc, s) => acc + s.floor, 0n)
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  )
  const bonus = new Set<number>()
  for (const s of byRemainder) {
    if (left === 0n) break
    bonus.add(s.index)
    left -= 1n
  }
  return units.map((unit, index) => ({
    unitId: unit.unitId,
    coefficient: Number(shares[index]!.floor) + (bonus.has(index) ? 1 : 0),
  }))
}
