import { fromEpochDay, type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { assertDate } from './loan-terms.ts'
import { Decimal, minDecimal, type Numeric, nonNegativeAmount, ONE } from './money.ts'
import { annualRate, effectiveAnnualToPeriodic } from './rates.ts'
import { USURY_RATES, type UsuryModality, type UsuryRate } from './usury-rates.ts'

/** Usury cap from a certified IBC: 1.5 × IBC, quoted by the SFC to two decimals of a percent. */
export function usuryCapFromBankingRate(bankingCurrentRate: Numeric): Decimal {
  return annualRate(bankingCurrentRate, 'bankingCurrentRate')
    .times('1.5')
    .toDecimalPlaces(4, Decimal.ROUND_HALF_UP)
}

/** The highest effective monthly rate a cap allows: (1 + cap)^(1/12) − 1. */
export function maxEffectiveMonthlyRate(usuryCap: Numeric): Decimal {
  return effectiveAnnualToPeriodic(usuryCap, 12)
}

export function usuryRateAt(
  modality: UsuryModality,
  date: IsoDate,
  table: readonly UsuryRate[] = USURY_RATES,
): UsuryRate {
  assertDate(date, 'date')
  const day = toEpochDay(date)
  const row = table.find(
    (r) => r.modality === modality && toEpochDay(r.validFrom) <= day && day <= toEpochDay(r.validTo),
  )
  if (!row) {
    throw new EngineError(
      'USURY_RATE_UNAVAILABLE',
      `no usury rate for ${modality} on ${date}: load the SFC certification`,
      {
        modality,
        date,
      },
    )
  }
  return row
}

export interface UsuryCheck {
  readonly compliant: boolean
  readonly rate: Decimal
  readonly cap: Decimal
  readonly source: UsuryRate
}

/** EA ≤ usury cap of the modality on the date. */
export function checkUsury(
  effectiveAnnualRate: Numeric,
  modality: UsuryModality,
  date: IsoDate,
  table: readonly UsuryRate[] = USURY_RATES,
): UsuryCheck {
  const rate = annualRate(effectiveAnnualRate, 'effectiveAnnualRate')
  const source = usuryRateAt(modality, date, table)
  const cap = new Decimal(source.usuryRate)
  return { compliant: rate.lte(cap), rate, cap, source }
}

/** When the check runs: the engine applies the same rule at each, the stage only names it in the error. */
export type UsuryStage = 'CREATION' | 'DISBURSEMENT' | 'RATE_CHANGE' | 'ACCRUAL'

export interface UsuryAssertion {
  readonly contractRate: Numeric
  readonly defaultRate?: Numeric
  readonly modality: UsuryModality
  readonly date: IsoDate
  readonly stage: UsuryStage
  readonly table?: readonly UsuryRate[]
}

/** Refuses a contract or default (mora) rate above the cap in force. */
export function assertWithinUsury(input: UsuryAssertion): {
  contract: UsuryCheck
  default: UsuryCheck | null
} {
  const contract = checkUsury(input.contractRate, input.modality, input.date, input.table)
  const defaultCheck =
    input.defaultRate === undefined
      ? null
      : checkUsury(input.defaultRate, input.modality, input.date, input.table)
  for (const [label, check] of [
    ['contract', contract],
    ['default', defaultCheck],
  ] as const) {
    if (check && !check.compliant) {
      throw new EngineError(
        'RATE_ABOVE_USURY_CAP',
        `the ${label} rate ${pct(check.rate)} EA is above the usury cap ${pct(check.cap)} EA for ${input.modality} on ${input.date} (${input.stage})`,
        { kind: label, stage: input.stage, rate: check.rate.toString(), cap: check.cap.toString() },
      )
    }
  }
  return { contract, default: defaultCheck }
}

function pct(rate: Decimal): string {
  return `${rate.times(100).toDecimalPlaces(4).toString()} %`
}

export interface AccrualSegment {
  readonly from: IsoDate
  /** Exclusive end. */
  readonly to: IsoDate
  readonly days: number
  readonly cap: Decimal
  readonly appliedRate: Decimal
  readonly capped: boolean
}

/**
 * Splits an accrual interval at each change of the cap and applies min(contract, cap) to each piece: the
 * engine's policy when the cap falls below a contract rate is to cap the accrual, never to charge above it.
 */
export function cappedAccrualSegments(input: {
  readonly contractRate: Numeric
  readonly modality: UsuryModality
  readonly from: IsoDate
  readonly to: IsoDate
  readonly table?: readonly UsuryRate[]
}): AccrualSegment[] {
  assertDate(input.from, 'from')
  assertDate(input.to, 'to')
  const contract = annualRate(input.contractRate, 'contractRate')
  const end = toEpochDay(input.to)
  let cursor = toEpochDay(input.from)
  if (end < cursor)
    throw new EngineError('INVALID_DATE', `accrual end ${input.to} is before its start ${input.from}`)
  const segments: AccrualSegment[] = []
  while (cursor < end) {
    const row = usuryRateAt(input.modality, fromEpochDay(cursor), input.table)
    const segmentEnd = Math.min(end, toEpochDay(row.validTo) + 1)
    const cap = new Decimal(row.usuryRate)
    segments.push({
      from: fromEpochDay(cursor),
      to: fromEpochDay(segmentEnd),
      days: segmentEnd - cursor,
      cap,
      appliedRate: minDecimal(contract, cap),
      capped: contract.gt(cap),
    })
    cursor = segmentEnd
  }
  return segments
}

/** Interest on a balance over [from, to) at the contract EA capped per segment: Σ B × ((1 + EA_i)^(d_i/365) − 1). */
export function interestWithinUsury(input: {
  readonly balance: Numeric
  readonly contractRate: Numeric
  readonly modality: UsuryModality
  readonly from: IsoDate
  readonly to: IsoDate
  readonly table?: readonly UsuryRate[]
}): { readonly interest: Decimal; readonly segments: AccrualSegment[] } {
  const balance = nonNegativeAmount(input.balance, 'balance')
  const segments = cappedAccrualSegments(input)
  let interest = new Decimal(0)
  for (const s of segments) {
    interest = interest.plus(
      balance.times(ONE.plus(s.appliedRate).pow(new Decimal(s.days).div(365)).minus(1)),
    )
  }
  return { interest, segments }
}
