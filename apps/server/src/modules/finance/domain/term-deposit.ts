import { addDays, type IsoDate, toEpochDay } from '../../../platform/calendar/index.ts'
import { EngineError } from './errors.ts'
import { assertDate } from './loan-terms.ts'
import { Decimal, maxDecimal, minDecimal, type Numeric, ONE, positiveAmount, ZERO } from './money.ts'
import { annualRate } from './rates.ts'
import { type RoundingPolicy, roundAmount } from './rounding-policy.ts'

/** A CDAT: a fixed amount at an EA for a fixed number of days, interest paid at maturity. */
export interface TermDeposit {
  readonly principal: Numeric
  readonly effectiveAnnualRate: Numeric
  readonly startDate: IsoDate
  readonly termDays: number
  readonly daysInYear?: 360 | 365
  readonly withholdingRate?: Numeric
}

/** Early withdrawal: pay a lower EA, forfeit a share of the interest earned, or a fixed penalty rate. */
export type EarlyWithdrawalPenalty =
  | { readonly kind: 'RATE_REDUCTION'; readonly points: Numeric }
  | { readonly kind: 'INTEREST_FORFEIT'; readonly share: Numeric }
  | { readonly kind: 'PENALTY_RATE'; readonly effectiveAnnualRate: Numeric }

export interface TermDepositSettlement {
  readonly startDate: IsoDate
  readonly endDate: IsoDate
  readonly days: number
  readonly appliedRate: Decimal
  readonly grossInterest: Decimal
  readonly withholding: Decimal
  readonly netInterest: Decimal
  readonly payout: Decimal
  /** Interest given up against the contract rate for the same days (zero at maturity). */
  readonly penalty: Decimal
}

interface Normalized {
  readonly principal: Decimal
  readonly rate: Decimal
  readonly basis: number
  readonly withholding: Decimal
  readonly maturity: IsoDate
}

function normalize(deposit: TermDeposit): Normalized {
  assertDate(deposit.startDate, 'startDate')
  if (!Number.isInteger(deposit.termDays) || deposit.termDays < 1) {
    throw new EngineError(
      'INVALID_TERM',
      `termDays must be a whole number of days ≥ 1, got ${deposit.termDays}`,
    )
  }
  const basis = deposit.daysInYear ?? 365
  if (basis !== 360 && basis !== 365) throw new EngineError('INVALID_INPUT', 'daysInYear must be 360 or 365')
  return {
    principal: positiveAmount(deposit.principal, 'principal'),
    rate: annualRate(deposit.effectiveAnnualRate, 'effectiveAnnualRate'),
    basis,
    withholding: annualRate(deposit.withholdingRate ?? 0, 'withholdingRate'),
    maturity: addDays(deposit.startDate, deposit.termDays),
  }
}

/** P × ((1 + EA)^(days/basis) − 1). */
function interestFor(principal: Decimal, rate: Decimal, days: number, basis: number): Decimal {
  return principal.times(ONE.plus(rate).pow(new Decimal(days).div(basis)).minus(1))
}

function settle(
  n: Normalized,
  startDate: IsoDate,
  endDate: IsoDate,
  days: number,
  appliedRate: Decimal,
  gross: Decimal,
  contractGross: Decimal,
  rounding: RoundingPolicy,
): TermDepositSettlement {
  const grossInterest = roundAmount(gross, rounding)
  const withholding = roundAmount(grossInterest.times(n.withholding), rounding)
  const netInterest = grossInterest.minus(withholding)
  return {
    startDate,
    endDate,
    days,
    appliedRate,
    grossInterest,
    withholding,
    netInterest,
    payout: n.principal.plus(netInterest),
    penalty: maxDecimal(ZERO, roundAmount(contractGross, rounding).minus(grossInterest)),
  }
}

export function termDepositAtMaturity(deposit: TermDeposit, rounding: RoundingPolicy): TermDepositSettlement {
  const n = normalize(deposit)
  const gross = interestFor(n.principal, n.rate, deposit.termDays, n.basis)
  return settle(n, deposit.startDate, n.maturity, deposit.termDays, n.rate, gross, gross, rounding)
}

export function termDepositEarlyWithdrawal(
  deposit: TermDeposit,
  withdrawalDate: IsoDate,
  penalty: EarlyWithdrawalPenalty,
  rounding: RoundingPolicy,
): TermDepositSettlement {
  const n = normalize(deposit)
  assertDate(withdrawalDate, 'withdrawalDate')
  const days = toEpochDay(withdrawalDate) - toEpochDay(deposit.startDate)
  if (days < 0 || days >= deposit.termDays) {
    throw new EngineError(
      'INVALID_DATE',
      `an early withdrawal must fall between ${deposit.startDate} and the day before maturity ${n.maturity}`,
    )
  }
  const contractGross = interestFor(n.principal, n.rate, days, n.basis)
  let appliedRate = n.rate
  let gross: Decimal
  switch (penalty.kind) {
    case 'RATE_REDUCTION':
      appliedRate = maxDecimal(ZERO, n.rate.minus(annualRate(penalty.points, 'points')))
      gross = interestFor(n.principal, appliedRate, days, n.basis)
      break
    case 'PENALTY_RATE':
      appliedRate = minDecimal(n.rate, annualRate(penalty.effectiveAnnualRate, 'penalty effectiveAnnualRate'))
      gross = interestFor(n.principal, appliedRate, days, n.basis)
      break
    case 'INTEREST_FORFEIT': {
      const share = annualRate(penalty.share, 'share')
      if (share.gt(1)) throw new EngineError('INVALID_RATE', 'the forfeited share cannot exceed 100 %')
      gross = contractGross.times(ONE.minus(share))
      break
    }
    default:
      throw new EngineError('INVALID_INPUT', 'unknown early-withdrawal penalty')
  }
  return settle(n, deposit.startDate, withdrawalDate, days, appliedRate, gross, contractGross, rounding)
}
