import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR, toEpochDay } from '../../../../platform/calendar/index.ts'
import { buildSchedule } from '../amortization-schedule.ts'
import { effectiveAnnualRateOf, validateLoanForLine } from '../credit-line.ts'
import type { LoanTerms } from '../loan-terms.ts'
import { Decimal } from '../money.ts'
import { COP_ROUNDING } from '../rounding-policy.ts'
import {
  assertWithinUsury,
  cappedAccrualSegments,
  interestWithinUsury,
  usuryCapFromBankingRate,
  usuryRateAt,
} from '../usury.ts'
import { USURY_RATES } from '../usury-rates.ts'

describe('usury table', () => {
  it('cites a source on every row and never overlaps within a modality', () => {
    for (const row of USURY_RATES) {
      expect(row.source.length).toBeGreaterThan(10)
      expect(toEpochDay(row.validFrom) <= toEpochDay(row.validTo)).toBe(true)
      if (!row.verified) expect(row.note).toBeTruthy()
      for (const other of USURY_RATES) {
        if (other === row || other.modality !== row.modality) continue
        const overlap =
          toEpochDay(row.validFrom) <= toEpochDay(other.validTo) &&
          toEpochDay(other.validFrom) <= toEpochDay(row.validTo)
        expect(overlap, `${row.modality} ${row.validFrom} overlaps ${other.validFrom}`).toBe(false)
      }
    }
  })

  it('holds usury = 1.5 × IBC on every row', () => {
    for (const row of USURY_RATES)
      expect(usuryCapFromBankingRate(row.bankingCurrentRate).toFixed()).toBe(
        new Decimal(row.usuryRate).toFixed(),
      )
  })

  it('reproduces Res. SFC 488 de 2017: IBC 22.33 % → usura 33.50 %', () => {
    expect(usuryRateAt('CONSUMER_AND_ORDINARY', '2017-05-10').usuryRate).toBe('0.335')
  })

  it('reports a missing month as unavailable instead of guessing', () => {
    expect(() => usuryRateAt('CONSUMER_AND_ORDINARY', '2025-09-15')).toThrow(
      expect.objectContaining({ code: 'USURY_RATE_UNAVAILABLE' }) as unknown as Error,
    )
  })
})

describe('usury checks', () => {
  it('checks the default (mora) rate as well as the contract rate', () => {
    expect(() =>
      assertWithinUsury({
        contractRate: '0.20',
        defaultRate: '0.26',
        modality: 'CONSUMER_AND_ORDINARY',
        date: '2025-11-20',
        stage: 'DISBURSEMENT',
      }),
    ).toThrow(/default rate 26 % EA is above the usury cap 24\.99 % EA/)
    const ok = assertWithinUsury({
      contractRate: '0.2499',
      defaultRate: '0.2499',
      modality: 'CONSUMER_AND_ORDINARY',
      date: '2025-11-20',
      stage: 'CREATION',
    })
    expect(ok.contract.compliant && ok.default?.compliant).toBe(true)
  })

  it('caps the accrual when the cap falls below the contract rate, month by month', () => {
    // A 25 % EA loan: December's cap is 25.02 % (not capped); January 2026's is 24.36 % (capped).
    const segments = cappedAccrualSegments({
      contractRate: '0.25',
      modality: 'CONSUMER_AND_ORDINARY',
      from: '2025-12-15',
      to: '2026-01-15',
    })
    expect(segments.map((s) => [s.from, s.to, s.days, s.appliedRate.toFixed(), s.capped])).toEqual([
      ['2025-12-15', '2026-01-01', 17, '0.25', false],
      ['2026-01-01', '2026-01-15', 14, '0.2436', true],
    ])
    const { interest } = interestWithinUsury({
      balance: 1_000_000,
      contractRate: '0.25',
      modality: 'CONSUMER_AND_ORDINARY',
      from: '2025-12-15',
      to: '2026-01-15',
    })
    const expected = new Decimal(1_000_000)
      .times(new Decimal('1.25').pow(new Decimal(17).div(365)).minus(1))
      .plus(new Decimal(1_000_000).times(new Decimal('1.2436').pow(new Decimal(14).div(365)).minus(1)))
    expect(interest.toFixed(6)).toBe(expected.toFixed(6))
  })
})

describe('credit line limits', () => {
  const terms: LoanTerms = {
    principal: 5_000_000,
    disbursementDate: '2025-12-05',
    numberOfInstallments: 24,
    frequency: 'MONTHLY',
    amortization: 'FRENCH',
    rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.22' },
  }
  const line = {
    code: 'LIBRE-INVERSION',
    minAmount: 500_000,
    maxAmount: 30_000_000,
    minInstallments: 6,
    maxInstallments: 48,
    maxContributionsMultiple: 3,
    usuryModality: 'CONSUMER_AND_ORDINARY' as const,
  }

  it('accepts a loan inside every limit', () => {
    expect(() =>
      validateLoanForLine(terms, line, {
        contributions: 2_000_000,
        usury: { date: '2025-12-05', stage: 'CREATION' },
      }),
    ).not.toThrow()
  })

  it.each([
    [{ principal: 400_000 }, { contributions: 2_000_000 }, 'AMOUNT_OUT_OF_RANGE'],
    [{ principal: 7_000_000 }, { contributions: 2_000_000 }, 'AMOUNT_OUT_OF_RANGE'],
    [{ numberOfInstallments: 60 }, { contributions: 2_000_000 }, 'TERM_OUT_OF_RANGE'],
    [
      { rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.26' } },
      { contributions: 2_000_000, usury: { date: '2025-12-05', stage: 'DISBURSEMENT' } },
      'RATE_ABOVE_USURY_CAP',
    ],
    [{}, {}, 'INVALID_INPUT'],
  ])('%o with %o → %s', (change, context, code) => {
    expect(() => validateLoanForLine({ ...terms, ...change } as LoanTerms, line, context as never)).toThrow(
      expect.objectContaining({ code }) as unknown as Error,
    )
  })

  it('measures a Fineract nominal rate by its effective annual cost', () => {
    // 2 % a month nominal is 26.82 % EA: above December 2025's cap.
    const nominal = { ...terms, rate: { mode: 'NOMINAL', nominalAnnualRate: '0.24' } } as const
    expect(effectiveAnnualRateOf(nominal).times(100).toDecimalPlaces(2).toFixed()).toBe('26.82')
    expect(() =>
      validateLoanForLine(nominal, line, {
        contributions: 2_000_000,
        usury: { date: '2025-12-05', stage: 'CREATION' },
      }),
    ).toThrow(/above the usury cap/)
    expect(buildSchedule(nominal, EVERY_DAY_CALENDAR, COP_ROUNDING).rows[0]!.rate.toFixed()).toBe('0.02')
  })
})
