import type { YearFraction } from './day-count.ts'
import { EngineError } from './errors.ts'
import { Decimal, decimalRatio, type Numeric, ONE, toDecimal, withExactRatio } from './money.ts'

// Rates are fractions everywhere in the engine: 11.6 % EA is 0.116. Use `percent('11.6')` to convert.

export function percent(value: Numeric): Decimal {
  return toDecimal(value, 'percent').div(100)
}

/** An annual (or period) rate: a fraction that is not negative. */
export function annualRate(value: Numeric, field = 'rate'): Decimal {
  const rate = toDecimal(value, field)
  if (rate.lt(0))
    throw new EngineError('INVALID_RATE', `${field} must not be negative, got ${rate.toString()}`)
  return rate
}

function assertPeriods(periodsPerYear: number): void {
  if (!Number.isInteger(periodsPerYear) || periodsPerYear < 1 || periodsPerYear > 366) {
    throw new EngineError(
      'INVALID_INPUT',
      `periods per year must be an integer 1..366, got ${periodsPerYear}`,
    )
  }
}

// Fractional powers cost ~80 µs in decimal.js; a loan uses a handful of distinct roots, so keep them.
const ROOT_CACHE_LIMIT = 1024
const rootCache = new Map<string, Decimal>()

/** (1 + rate)^(1/basis), memoized. */
function growthRoot(rate: Decimal, basis: number): Decimal {
  const key = `${rate.toString()}|${basis}`
  let root = rootCache.get(key)
  if (!root) {
    root = basis === 1 ? ONE.plus(rate) : ONE.plus(rate).pow(ONE.div(basis))
    if (rootCache.size >= ROOT_CACHE_LIMIT) rootCache.clear()
    rootCache.set(key, root)
  }
  return root
}

/** (1 + EA)^t for a year fraction t = Σ days/basis, as integer powers of cached roots. */
export function effectiveGrowth(effectiveAnnualRate: Decimal, fraction: YearFraction): Decimal {
  let growth = ONE
  for (const part of fraction) {
    if (part.days === 0) continue
    growth = growth.times(growthRoot(effectiveAnnualRate, part.basis).pow(part.days))
  }
  return growth
}

/** Effective rate for a year fraction: (1 + EA)^t − 1. */
export function effectiveRateFor(effectiveAnnualRate: Numeric, fraction: YearFraction): Decimal {
  return effectiveGrowth(annualRate(effectiveAnnualRate, 'effectiveAnnualRate'), fraction).minus(1)
}

/** Simple (nominal) rate for a year fraction: nominal × t. */
export function nominalRateFor(nominalAnnualRate: Numeric, fraction: YearFraction): Decimal {
  const nominal = annualRate(nominalAnnualRate, 'nominalAnnualRate')
  let total = new Decimal(0)
  // The exact value, nominal × Σ days/basis, kept as a ratio beside the rounded Decimal.
  const { numerator, denominator } = decimalRatio(nominal)
  let sumNumerator = 0n
  let sumDenominator = 1n
  for (const part of fraction) {
    total = total.plus(nominal.times(part.days).div(part.basis))
    const basis = BigInt(part.basis)
    sumNumerator = sumNumerator * basis + BigInt(part.days) * sumDenominator
    sumDenominator *= basis
  }
  return withExactRatio(total, {
    numerator: numerator * sumNumerator,
    denominator: denominator * sumDenominator,
  })
}

/** EA → effective periodic rate: EM = (1 + EA)^(1/12) − 1 for 12 periods a year. */
export function effectiveAnnualToPeriodic(effectiveAnnualRate: Numeric, periodsPerYear = 12): Decimal {
  assertPeriods(periodsPerYear)
  return growthRoot(annualRate(effectiveAnnualRate, 'effectiveAnnualRate'), periodsPerYear).minus(1)
}

/** Effective periodic → EA: EA = (1 + EM)^12 − 1. */
export function periodicToEffectiveAnnual(periodicRate: Numeric, periodsPerYear = 12): Decimal {
  assertPeriods(periodsPerYear)
  return ONE.plus(annualRate(periodicRate, 'periodicRate')).pow(periodsPerYear).minus(1)
}

/** EA → nominal annual paid in arrears: NMV = 12 × EM (nominal mes vencido). */
export function effectiveAnnualToNominal(effectiveAnnualRate: Numeric, periodsPerYear = 12): Decimal {
  return effectiveAnnualToPeriodic(effectiveAnnualRate, periodsPerYear).times(periodsPerYear)
}

/** Nominal annual in arrears → EA: (1 + nominal/n)^n − 1. */
export function nominalToEffectiveAnnual(nominalAnnualRate: Numeric, periodsPerYear = 12): Decimal {
  assertPeriods(periodsPerYear)
  const nominal = annualRate(nominalAnnualRate, 'nominalAnnualRate')
  return ONE.plus(nominal.div(periodsPerYear)).pow(periodsPerYear).minus(1)
}

/** EA → effective daily: (1 + EA)^(1/365) − 1, or over 360 by product convention. */
export function effectiveAnnualToDaily(effectiveAnnualRate: Numeric, daysInYear: 360 | 365 = 365): Decimal {
  if (daysInYear !== 360 && daysInYear !== 365) {
    throw new EngineError('INVALID_INPUT', `days in year must be 360 or 365, got ${String(daysInYear)}`)
  }
  return growthRoot(annualRate(effectiveAnnualRate, 'effectiveAnnualRate'), daysInYear).minus(1)
}

/** Anticipated (paid at the start of the period) → in arrears: i_v = i_a / (1 − i_a). */
export function anticipatedToArrears(anticipatedRate: Numeric): Decimal {
  const rate = annualRate(anticipatedRate, 'anticipatedRate')
  if (rate.gte(1))
    throw new EngineError('INVALID_RATE', `an anticipated rate must be below 100 %, got ${rate.toString()}`)
  return rate.div(ONE.minus(rate))
}

/** In arrears → anticipated: i_a = i_v / (1 + i_v). */
export function arrearsToAnticipated(arrearsRate: Numeric): Decimal {
  const rate = annualRate(arrearsRate, 'arrearsRate')
  return rate.div(ONE.plus(rate))
}

/** Nominal annual anticipated (e.g. "24 % NMA") → EA: periodic anticipated → arrears → compound. */
export function nominalAnticipatedToEffectiveAnnual(
  nominalAnticipatedRate: Numeric,
  periodsPerYear = 12,
): Decimal {
  assertPeriods(periodsPerYear)
  const periodic = annualRate(nominalAnticipatedRate, 'nominalAnticipatedRate').div(periodsPerYear)
  return periodicToEffectiveAnnual(anticipatedToArrears(periodic), periodsPerYear)
}
