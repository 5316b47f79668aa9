import { Decimal as DecimalJs } from 'decimal.js'
import { EngineError } from './errors.ts'

// A private clone: the engine's precision and rounding never leak into (or depend on) other decimal.js users.
// 34 significant digits (decimal128) keeps rate powers exact far below a cent on any realistic amount.
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
})
export type Decimal = InstanceType<typeof DecimalJs>
export type DecimalRounding = DecimalJs.Rounding

/** What callers may pass for an amount or a rate. Strings are preferred for non-integers. */
export type Numeric = Decimal | string | number | bigint

export const ZERO = new Decimal(0)
export const ONE = new Decimal(1)

export function toDecimal(value: Numeric, field = 'value'): Decimal {
  if (typeof value === 'bigint') return new Decimal(value.toString())
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new EngineError('INVALID_AMOUNT', `${field} must be a finite number, got ${value}`, { field })
  }
  let result: Decimal
  try {
    result = value instanceof Decimal ? value : new Decimal(value as DecimalJs.Value)
  } catch {
    throw new EngineError('INVALID_AMOUNT', `${field} is not a number: ${String(value)}`, { field })
  }
  if (!result.isFinite()) {
    throw new EngineError('INVALID_AMOUNT', `${field} must be finite, got ${String(value)}`, { field })
  }
  return result
}

export function positiveAmount(value: Numeric, field: string): Decimal {
  const amount = toDecimal(value, field)
  if (amount.lte(0)) {
    throw new EngineError('INVALID_AMOUNT', `${field} must be greater than zero, got ${amount.toString()}`, {
      field,
    })
  }
  return amount
}

export function nonNegativeAmount(value: Numeric, field: string): Decimal {
  const amount = toDecimal(value, field)
  if (amount.lt(0)) {
    throw new EngineError('INVALID_AMOUNT', `${field} must not be negative, got ${amount.toString()}`, {
      field,
    })
  }
  return amount
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO
  for (const value of values) total = total.plus(value)
  return total
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b
}

export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b
}

function assertScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 8) {
    throw new EngineError('INVALID_ROUNDING_POLICY', `currency scale must be an integer 0..8, got ${scale}`)
  }
}

/**
 * Converts an amount to integer minor units for storage (bigint columns). The amount must already be
 * rounded to the scale: silently dropping digits here would lose money.
 */
export function toMinorUnits(amount: Numeric, scale: number): bigint {
  assertScale(scale)
  const value = toDecimal(amount, 'amount')
  const scaled = value.times(new Decimal(10).pow(scale))
  if (!scaled.isInteger()) {
    throw new EngineError(
      'NOT_REPRESENTABLE',
      `${value.toString()} has more than ${scale} decimal places; round it before storing`,
      { scale },
    )
  }
  return BigInt(scaled.toFixed(0))
}

export function fromMinorUnits(minor: bigint | number | string, scale: number): Decimal {
  assertScale(scale)
  const units = toDecimal(typeof minor === 'bigint' ? minor : minor, 'minor units')
  if (!units.isInteger()) {
    throw new EngineError('INVALID_AMOUNT', `minor units must be an integer, got ${units.toString()}`)
  }
  return units.div(new Decimal(10).pow(scale))
}

export type Ratio = { readonly numerator: bigint; readonly denominator: bigint }

const ratios = new WeakMap<Decimal, Ratio>()

/**
 * Records that `value` is the rounded form of an exact rational (a nominal rate divided by the
 * periods of a year, say): exact computations through `decimalRatio` then use the ratio, so an
 * interest that is exactly half a cent rounds by the policy instead of by the rate's last digit.
 */
export function withExactRatio(value: Decimal, ratio: Ratio): Decimal {
  ratios.set(value, ratio)
  return value
}

/** The exact ratio behind `value` (see withExactRatio), else its decimal expansion. */

export function decimalRatio(value: Decimal): Ratio {
  let ratio = ratios.get(value)
  if (ratio === undefined) {
    const places = value.decimalPlaces()
    ratio = {
      numerator: BigInt(value.toFixed(places).replace('.', '')),
      denominator: 10n ** BigInt(places),
    }
    ratios.set(value, ratio)
  }
  return ratio
}

/** Minor units back to a Decimal without a division (a string with an exponent is parsed exactly). */
export function decimalFromMinor(minor: bigint, scale: number): Decimal {
  return new Decimal(scale === 0 ? minor.toString() : `${minor}e-${scale}`)
}
