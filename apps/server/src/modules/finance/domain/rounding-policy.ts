import { EngineError } from './errors.ts'
import { Decimal, type DecimalRounding, type Numeric, toDecimal } from './money.ts'

/** HALF_UP: COP practice. HALF_EVEN: Fineract's default. DOWN: toward zero. UP: away from zero. */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP'

export const ROUNDING_MODES: readonly RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'DOWN', 'UP']

export interface RoundingPolicy {
  readonly mode: RoundingMode
  /** Currency decimals (COP 0 in practice, 2 for cents, USD 2). */
  readonly scale: number
  /** Every amount is a multiple of this (Fineract `inMultiplesOf`, e.g. 100 COP); defaults to one unit of the scale. */
  readonly multipleOf: Decimal
  /** The level installment (and German principal) is a multiple of this; the last installment absorbs the rest. */
  readonly installmentMultipleOf: Decimal
}

export interface RoundingPolicyInput {
  readonly mode?: RoundingMode
  readonly scale: number
  readonly multipleOf?: Numeric
  readonly installmentMultipleOf?: Numeric
}

const DECIMAL_MODE: Record<RoundingMode, DecimalRounding> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  DOWN: Decimal.ROUND_DOWN,
  UP: Decimal.ROUND_UP,
}

function isMultiple(value: Decimal, of: Decimal): boolean {
  return value.div(of).isInteger()
}

export function roundingPolicy(input: RoundingPolicyInput): RoundingPolicy {
  const mode = input.mode ?? 'HALF_UP'
  if (!ROUNDING_MODES.includes(mode)) {
    throw new EngineError('INVALID_ROUNDING_POLICY', `unknown rounding mode ${String(mode)}`)
  }
  const { scale } = input
  if (!Number.isInteger(scale) || scale < 0 || scale > 8) {
    throw new EngineError('INVALID_ROUNDING_POLICY', `scale must be an integer 0..8, got ${scale}`)
  }
  const unit = new Decimal(10).pow(-scale)
  const multipleOf = input.multipleOf === undefined ? unit : toDecimal(input.multipleOf, 'multipleOf')
  if (multipleOf.lte(0) || !isMultiple(multipleOf, unit)) {
    throw new EngineError(
      'INVALID_ROUNDING_POLICY',
      `multipleOf must be a positive multiple of ${unit.toString()}, got ${multipleOf.toString()}`,
    )
  }
  const installmentMultipleOf =
    input.installmentMultipleOf === undefined
      ? multipleOf
      : toDecimal(input.installmentMultipleOf, 'installmentMultipleOf')
  if (installmentMultipleOf.lte(0) || !isMultiple(installmentMultipleOf, multipleOf)) {
    throw new EngineError(
      'INVALID_ROUNDING_POLICY',
      `installmentMultipleOf must be a positive multiple of ${multipleOf.toString()}, got ${installmentMultipleOf.toString()}`,
    )
  }
  return Object.freeze({ mode, scale, multipleOf, installmentMultipleOf })
}

/** Colombian pesos, whole pesos, half up. */
export const COP_ROUNDING: RoundingPolicy = roundingPolicy({ mode: 'HALF_UP', scale: 0 })

/** Fineract's tenant default: HALF_EVEN, two decimals. */
export const FINERACT_ROUNDING: RoundingPolicy = roundingPolicy({ mode: 'HALF_EVEN', scale: 2 })

// Multiples that are powers of ten (0.01, 1, 100) round without a division, the hot path of every schedule.
const powerOfTen = new WeakMap<Decimal, { exponent: number; down: Decimal; up: Decimal } | null>()

function powerOfTenOf(multiple: Decimal) {
  let cached = powerOfTen.get(multiple)
  if (cached === undefined) {
    const text = multiple.toFixed()
    let exponent: number | null = null
    if (/^10*$/.test(text)) exponent = text.length - 1
    else if (/^0\.0*1$/.test(text)) exponent = -(text.length - 2)
    cached =
      exponent === null
        ? null
        : { exponent, down: new Decimal(10).pow(-exponent), up: new Decimal(10).pow(exponent) }
    powerOfTen.set(multiple, cached)
  }
  return cached
}

/** Fineract `Money.roundToMultiplesOf`: (x / m).setScale(0, mode) × m. */
export function roundToMultiple(value: Decimal, multiple: Decimal, mode: RoundingMode): Decimal {
  const rm = DECIMAL_MODE[mode]
  const ten = powerOfTenOf(multiple)
  if (ten === null) return value.div(multiple).toDecimalPlaces(0, rm).times(multiple)
  if (ten.exponent <= 0) return value.toDecimalPlaces(-ten.exponent, rm)
  return value.times(ten.down).toDecimalPlaces(0, rm).times(ten.up)
}

/** Rounds an amount (interest, fee, premium, principal) to the policy. */
export function roundAmount(value: Decimal, policy: RoundingPolicy): Decimal {
  return roundToMultiple(value, policy.multipleOf, policy.mode)
}

/** Rounds the level installment to its multiple. */
export function roundInstallment(value: Decimal, policy: RoundingPolicy): Decimal {
  return roundToMultiple(value, policy.installmentMultipleOf, policy.mode)
}

/** Rounds toward zero to the policy's multiple: used where rounding up would cost the member. */
export function roundAmountDown(
  value: Decimal,
  policy: RoundingPolicy,
  multiple = policy.multipleOf,
): Decimal {
  return roundToMultiple(value, multiple, 'DOWN')
}

/** numerator / denominator rounded to an integer by the mode, exactly, for bigints (denominator > 0). */
export function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator
  const remainder = numerator - quotient * denominator
  if (remainder === 0n) return quotient
  const sign = numerator < 0n ? -1n : 1n
  const twice = (remainder < 0n ? -remainder : remainder) * 2n
  let away: boolean
  switch (mode) {
    case 'DOWN':
      away = false
      break
    case 'UP':
      away = true
      break
    case 'HALF_UP':
      away = twice >= denominator
      break
    case 'HALF_EVEN':
      away = twice > denominator || (twice === denominator && (quotient & 1n) !== 0n)
      break
  }
  return away ? quotient + sign : quotient
}

/** The policy's multiples in minor units of its scale (1 for a plain unit, 100 for "multiples of 100 COP"). */
export function minorMultiples(policy: RoundingPolicy): {
  readonly amount: bigint
  readonly installment: bigint
} {
  const unit = new Decimal(10).pow(policy.scale)
  return {
    amount: BigInt(policy.multipleOf.times(unit).toFixed(0)),
    installment: BigInt(policy.installmentMultipleOf.times(unit).toFixed(0)),
  }
}
