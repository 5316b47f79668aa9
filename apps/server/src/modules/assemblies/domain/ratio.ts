import { AssemblyRuleError } from './errors.ts'

/**
 * An exact fraction for thresholds and shares (70 % is 7/10, "half plus one" is a strict 1/2).
 * Stored as plain integers so rules serialize as JSON; comparisons go through bigint.
 */
export interface Ratio {
  readonly numerator: number
  readonly denominator: number
}

/** `gt` is "more than" (más de la mitad), `gte` is "at least" (el 70 % o más). */
export type Comparison = 'gt' | 'gte'

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new AssemblyRuleError(
      'INVALID_RULE',
      `ratio numerator must be a non-negative integer, got ${numerator}`,
    )
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new AssemblyRuleError(
      'INVALID_RULE',
      `ratio denominator must be a positive integer, got ${denominator}`,
    )
  }
  return { numerator, denominator }
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,6}))?$/

/** `percent('66.67')` → 6667/10000. Strings only: a float threshold is exactly what this module avoids. */
export function percent(text: string): Ratio {
  const match = PERCENT.exec(text)
  if (match === null) {
    throw new AssemblyRuleError('INVALID_RULE', `"${text}" is not a percentage with up to 6 decimals`)
  }
  const decimals = match[2] ?? ''
  const numerator = Number(`${match[1]}${decimals}`)
  const denominator = 100 * 10 ** decimals.length
  if (numerator > denominator) throw new AssemblyRuleError('INVALID_RULE', `${text} % is above 100 %`)
  return { numerator, denominator }
}

export function assertRatio(value: Ratio, what: string): void {
  const { numerator, denominator } = value
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    denominator <= 0 ||
    numerator > denominator
  ) {
    throw new AssemblyRuleError('INVALID_RULE', `${what} must be a fraction between 0 and 1`, {
      ratio: value,
    })
  }
}

/**
 * `part / whole  (>|≥)  threshold`, cross-multiplied in bigint so no rounding ever decides a vote.
 * An empty whole meets nothing: with no votes there is no majority.
 */
export function meetsThreshold(
  part: number | bigint,
  whole: number | bigint,
  threshold: Ratio,
  comparison: Comparison,
): boolean {
  const p = BigInt(part)
  const w = BigInt(whole)
  if (w <= 0n) return false
  const left = p * BigInt(threshold.denominator)
  const right = BigInt(threshold.numerator) * w
  return comparison === 'gt' ? left > right : left >= right
}

/**
 * The smallest integer part that meets the threshold over `whole` ("votes needed"), or null when even
 * the whole does not meet it.
 */
export function minimumToMeet(whole: number, threshold: Ratio, comparison: Comparison): number | null {
  if (whole <= 0) return null
  const num = BigInt(threshold.numerator) * BigInt(whole)
  const den = BigInt(threshold.denominator)
  const quotient = num / den
  const needed = comparison === 'gt' || quotient * den !== num ? quotient + 1n : quotient
  const result = Number(needed)
  return result <= whole ? result : null
}

/** Reduced exact share for KPIs, where pooled denominators can outgrow 2^53. */
export interface Share {
  readonly numerator: bigint
  readonly denominator: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/** null when the denominator is zero: a KPI over nothing is "no data", not 0 %. */
export function share(numerator: number | bigint, denominator: number | bigint): Share | null {
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  if (d === 0n) return null
  const g = gcd(n, d) || 1n
  return d < 0n ? { numerator: -n / g, denominator: -d / g } : { numerator: n / g, denominator: d / g }
}

export function addShares(a: Share, b: Share): Share {
  return share(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)!
}

/** Percentage text rounded half-up to `decimals` places: 2/3 → "66.67". */
export function formatPercent(value: Share, decimals = 2): string {
  const scale = 10n ** BigInt(decimals)
  const scaled = value.numerator * 100n * scale
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const rounded = (abs * 2n + value.denominator) / (2n * value.denominator)
  const integer = rounded / scale
  const fraction = (rounded % scale).toString().padStart(decimals, '0')
  return `${negative ? '-' : ''}${integer}${decimals > 0 ? `.${fraction}` : ''}`
}
