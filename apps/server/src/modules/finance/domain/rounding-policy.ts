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

/** Fineract `Money.roundToMultiplesOf`: (x / m).setScale(0, mode) × m. */
export function roundToMultiple(value: Decimal, multiple: Decimal, mode: RoundingMode): Decimal {
  return value.div(multiple).toDecimalPlaces(0, DECIMAL_MODE[mode]).times(multiple)
}

export function roundToScale(value: Decimal, scale: number, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(scale, DECIMAL_MODE[mode])
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
