// Golden vectors from shared/domain/finance.md §3: every figure must match to the cent or the peso.
import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import { annuityInstallment, buildSchedule } from '../amortization-schedule.ts'
import type { EngineError } from '../errors.ts'
import { Decimal, ONE } from '../money.ts'
import { nitCheckDigit } from '../nit.ts'
import { effectiveAnnualToPeriodic, periodicToEffectiveAnnual } from '../rates.ts'
import { COP_ROUNDING, roundingPolicy } from '../rounding-policy.ts'
import {
  assertWithinUsury,
  checkUsury,
  maxEffectiveMonthlyRate,
  usuryCapFromBankingRate,
  usuryRateAt,
} from '../usury.ts'

const strings = (values: readonly Decimal[]) => values.map((v) => v.toFixed())

describe('F1: Fineract ProgressiveEMICalculatorTest, 100.00 at 9.4822 % nominal, 6 months, 30/360', () => {
  const schedule = buildSchedule(
    {
      principal: '100.00',
      disbursementDate: '2024-01-01',
      numberOfInstallments: 6,
      frequency: 'MONTHLY',
      amortization: 'FRENCH',
      rate: { mode: 'NOMINAL', nominalAnnualRate: '0.094822' },
      interestCalculation: 'DAILY',
      dayCount: '30/360',
    },
    EVERY_DAY_CALENDAR,
    roundingPolicy({ mode: 'HALF_EVEN', scale: 2 }),
  )

  it('has the period rate factor 0.007901833333', () => {
    for (const period of schedule.periods)
      expect(period.rate.toDecimalPlaces(12).toFixed()).toBe('0.007901833333')
  })

  it('pays an EMI of 17.13 every period', () => {
    expect(schedule.level.toFixed(2)).toBe('17.13')
    expect(strings(schedule.rows.map((r) => r.installment))).toEqual([
      '17.13',
      '17.13',
      '17.13',
      '17.13',
      '17.13',
      '17.13',
    ])
  })

  it('splits interest, principal and balance exactly as Fineract', () => {
    expect(strings(schedule.rows.map((r) => r.interest))).toEqual([
      '0.79',
      '0.66',
      '0.53',
      '0.4',
      '0.27',
      '0.13',
    ])
    expect(strings(schedule.rows.map((r) => r.principal))).toEqual([
      '16.34',
      '16.47',
      '16.6',
      '16.73',
      '16.86',
      '17',
    ])
    expect(strings(schedule.rows.map((r) => r.closingBalance))).toEqual([
      '83.66',
      '67.19',
      '50.59',
      '33.86',
      '17',
      '0',
    ])
    expect(schedule.totals.interest.toFixed(2)).toBe('2.78')
  })
})

describe('C1: Fineract ClientLoanIntegrationTest, 12,000 at 2 % a month, 4 months, declining balance', () => {
  const schedule = buildSchedule(
    {
      principal: 12000,
      disbursementDate: '2011-09-20',
      numberOfInstallments: 4,
      frequency: 'MONTHLY',
      amortization: 'FRENCH',
      rate: { mode: 'NOMINAL', nominalAnnualRate: '0.24' },
    },
    EVERY_DAY_CALENDAR,
    roundingPolicy({ mode: 'HALF_EVEN', scale: 2 }),
  )

  it('matches EMI, principal and interest', () => {
    expect(schedule.level.toFixed(2)).toBe('3151.49')
    expect(strings(schedule.rows.map((r) => r.principal))).toEqual([
      '2911.49',
      '2969.72',
      '3029.11',
      '3089.68',
    ])
    expect(strings(schedule.rows.map((r) => r.interest))).toEqual(['240', '181.77', '122.38', '61.79'])
    expect(schedule.totals.interest.toFixed(2)).toBe('605.94')
    expect(schedule.rows.map((r) => r.dueDate)).toEqual([
      '2011-10-20',
      '2011-11-20',
      '2011-12-20',
      '2012-01-20',
    ])
  })
})

describe('C2: Fineract equal principal, 10,000,000 at 2 % a month, 24 months, 0 decimals in multiples of 100', () => {
  const schedule = buildSchedule(
    {
      principal: 10_000_000,
      disbursementDate: '2011-09-20',
      numberOfInstallments: 24,
      frequency: 'MONTHLY',
      amortization: 'GERMAN',
      rate: { mode: 'NOMINAL', nominalAnnualRate: '0.24' },
    },
    EVERY_DAY_CALENDAR,
    roundingPolicy({ mode: 'HALF_EVEN', scale: 0, multipleOf: 100 }),
  )

  it('amortizes 416,700 × 23 and 415,900 last', () => {
    const principal = schedule.rows.map((r) => r.principal.toFixed())
    expect(principal.slice(0, 23)).toEqual(Array(23).fill('416700'))
    expect(principal[23]).toBe('415900')
  })

  it('charges the published interest figures and 2,500,000 in total', () => {
    const interest = schedule.rows.map((r) => r.interest.toFixed())
    expect(interest.slice(0, 6)).toEqual(['200000', '191700', '183300', '175000', '166700', '158300'])
    expect(interest[9]).toBe('125000')
    expect(interest[19]).toBe('41700')
    expect(interest[23]).toBe('8300')
    expect(schedule.totals.interest.toFixed()).toBe('2500000')
  })
})

describe('P1: BBVA vivienda, 126,000,000 COP at 11.60 % EA, 96 months, French', () => {
  const terms = {
    principal: 126_000_000,
    disbursementDate: '2024-01-15',
    numberOfInstallments: 96,
    frequency: 'MONTHLY',
    amortization: 'FRENCH',
    rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.116' },
  } as const

  it('converts 11.60 % EA to 0.918785692 % EM', () => {
    expect(effectiveAnnualToPeriodic('0.116').times(100).toDecimalPlaces(9).toFixed()).toBe('0.918785692')
  })

  it('gives the cuota 1,980,990.15', () => {
    const em = effectiveAnnualToPeriodic('0.116')
    const steps = Array.from({ length: 96 }, () => ({
      growth: ONE.plus(em),
      amortizing: true,
      extra: new Decimal(0),
    }))
    expect(annuityInstallment(new Decimal(126_000_000), steps).toDecimalPlaces(2).toFixed(2)).toBe(
      '1980990.15',
    )
    const cents = buildSchedule(terms, EVERY_DAY_CALENDAR, roundingPolicy({ mode: 'HALF_UP', scale: 2 }))
    expect(cents.level.toFixed(2)).toBe('1980990.15')
  })

  it('charges 1,157,670 then 1,150,105 of interest, leaving 125,176,680 after the first cuota (pesos)', () => {
    const schedule = buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING)
    expect(schedule.level.toFixed()).toBe('1980990')
    expect(schedule.rows[0]!.interest.toFixed()).toBe('1157670')
    expect(schedule.rows[0]!.closingBalance.toFixed()).toBe('125176680')
    expect(schedule.rows[1]!.interest.toFixed()).toBe('1150105')
    expect(schedule.rows.at(-1)!.closingBalance.toFixed()).toBe('0')
  })
})

describe('R1: 25 % EA → 1.8769 % EM (gaiaservicios)', () => {
  it('converts and round-trips', () => {
    const em = effectiveAnnualToPeriodic('0.25')
    expect(em.times(100).toDecimalPlaces(4).toFixed()).toBe('1.8769')
    expect(em.times(100).toDecimalPlaces(2).toFixed()).toBe('1.88')
    expect(periodicToEffectiveAnnual(em).toDecimalPlaces(20).toFixed()).toBe('0.25')
  })
})

describe('R3: usury, IBC consumo December 2025 = 16.68 % EA', () => {
  it('caps at 25.02 % EA and 1.8783 % EM', () => {
    expect(usuryCapFromBankingRate('0.1668').toFixed()).toBe('0.2502')
    expect(usuryRateAt('CONSUMER_AND_ORDINARY', '2025-12-15').usuryRate).toBe('0.2502')
    expect(maxEffectiveMonthlyRate('0.2502').times(100).toDecimalPlaces(4).toFixed()).toBe('1.8783')
  })

  it('rejects 2.0 % EM (26.82 % EA) and 1.9 % EM (25.34 % EA)', () => {
    const two = periodicToEffectiveAnnual('0.02')
    const onePointNine = periodicToEffectiveAnnual('0.019')
    expect(two.times(100).toDecimalPlaces(2).toFixed()).toBe('26.82')
    expect(onePointNine.times(100).toDecimalPlaces(2).toFixed()).toBe('25.34')
    expect(checkUsury(two, 'CONSUMER_AND_ORDINARY', '2025-12-01').compliant).toBe(false)
    expect(checkUsury(onePointNine, 'CONSUMER_AND_ORDINARY', '2025-12-31').compliant).toBe(false)
    expect(() =>
      assertWithinUsury({
        contractRate: two,
        modality: 'CONSUMER_AND_ORDINARY',
        date: '2025-12-10',
        stage: 'CREATION',
      }),
    ).toThrow(expect.objectContaining({ code: 'RATE_ABOVE_USURY_CAP' }) as unknown as EngineError)
  })

  it('accepts 1.8782 % EM; the published 1.8783 % is rounded up and sits a hair above the cap', () => {
    expect(
      checkUsury(periodicToEffectiveAnnual('0.018782'), 'CONSUMER_AND_ORDINARY', '2025-12-10').compliant,
    ).toBe(true)
    expect(
      checkUsury(periodicToEffectiveAnnual('0.018783'), 'CONSUMER_AND_ORDINARY', '2025-12-10').compliant,
    ).toBe(false)
  })
})

describe('N1: NIT check digit (DIAN)', () => {
  it.each([
    ['800197268', 4],
    ['890903938', 8],
  ])('%s → %i', (nit, dv) => {
    expect(nitCheckDigit(nit)).toBe(dv)
  })
})
