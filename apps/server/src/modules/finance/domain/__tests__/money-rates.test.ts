import { Decimal as GlobalDecimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { days30E360, yearFraction } from '../day-count.ts'
import { Decimal, fromMinorUnits, toDecimal, toMinorUnits } from '../money.ts'
import {
  anticipatedToArrears,
  arrearsToAnticipated,
  effectiveAnnualToDaily,
  effectiveAnnualToNominal,
  effectiveAnnualToPeriodic,
  effectiveRateFor,
  nominalAnticipatedToEffectiveAnnual,
  nominalToEffectiveAnnual,
  percent,
  periodicToEffectiveAnnual,
} from '../rates.ts'
import { type RoundingMode, roundAmount, roundingPolicy, roundToMultiple } from '../rounding-policy.ts'

describe('money', () => {
  it('converts to and from integer minor units', () => {
    expect(toMinorUnits('1234.56', 2)).toBe(123456n)
    expect(toMinorUnits(1_980_990, 0)).toBe(1980990n)
    expect(toMinorUnits('-0.5', 1)).toBe(-5n)
    expect(fromMinorUnits(123456n, 2).toFixed()).toBe('1234.56')
    expect(fromMinorUnits(9_007_199_254_740_993n, 0).toFixed()).toBe('9007199254740993')
    expect(() => toMinorUnits('1234.567', 2)).toThrow(
      expect.objectContaining({ code: 'NOT_REPRESENTABLE' }) as unknown as Error,
    )
  })

  it('round-trips any amount at its scale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        (minor, scale) => {
          expect(toMinorUnits(fromMinorUnits(minor, scale), scale)).toBe(minor)
        },
      ),
    )
  })

  it('accepts decimals from another decimal.js instance and refuses garbage', () => {
    expect(toDecimal(new GlobalDecimal('0.1')).plus('0.2').toFixed()).toBe('0.3')
    expect(toDecimal(10n ** 30n).toFixed()).toBe('1000000000000000000000000000000')
    expect(() => toDecimal('1,5')).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }) as unknown as Error,
    )
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow(/finite/)
  })
})

describe('rounding policy', () => {
  it.each([
    ['HALF_UP', ['3', '-3', '4', '2']],
    ['HALF_EVEN', ['2', '-2', '4', '2']],
    ['DOWN', ['2', '-2', '3', '2']],
    ['UP', ['3', '-3', '4', '3']],
  ] as const)('%s', (mode, expected) => {
    const policy = roundingPolicy({ mode: mode as RoundingMode, scale: 0 })
    expect(['2.5', '-2.5', '3.5', '2.1'].map((v) => roundAmount(new Decimal(v), policy).toFixed())).toEqual(
      expected,
    )
  })

  it('rounds to multiples like Fineract (x / m).setScale(0) × m', () => {
    expect(roundToMultiple(new Decimal('416666.67'), new Decimal(100), 'HALF_EVEN').toFixed()).toBe('416700')
    expect(roundToMultiple(new Decimal(150), new Decimal(100), 'HALF_EVEN').toFixed()).toBe('200')
    expect(roundToMultiple(new Decimal(250), new Decimal(100), 'HALF_EVEN').toFixed()).toBe('200')
    expect(roundToMultiple(new Decimal('0.125'), new Decimal('0.05'), 'HALF_UP').toFixed()).toBe('0.15')
  })
})

describe('rate conversions', () => {
  it('EA ↔ EM ↔ NMV ↔ daily', () => {
    expect(effectiveAnnualToNominal('0.116').times(100).toDecimalPlaces(6).toFixed()).toBe('11.025428')
    expect(nominalToEffectiveAnnual(effectiveAnnualToNominal('0.116')).toDecimalPlaces(25).toFixed()).toBe(
      '0.116',
    )
    expect(effectiveAnnualToDaily('0.03').toDecimalPlaces(16).toFixed()).toBe('0.0000809862990531')
    expect(effectiveAnnualToDaily('0.03', 360).gt(effectiveAnnualToDaily('0.03'))).toBe(true)
    expect(effectiveRateFor('0.25', [{ days: 1, basis: 12 }]).eq(effectiveAnnualToPeriodic('0.25'))).toBe(
      true,
    )
    expect(percent('11.6').toFixed()).toBe('0.116')
  })

  it('anticipated ↔ in arrears', () => {
    expect(anticipatedToArrears('0.02').toDecimalPlaces(10).toFixed()).toBe('0.0204081633')
    expect(arrearsToAnticipated(anticipatedToArrears('0.02')).toDecimalPlaces(25).toFixed()).toBe('0.02')
    // 24 % nominal monthly anticipated (NMA) is 27.43 % EA.
    expect(nominalAnticipatedToEffectiveAnnual('0.24').times(100).toDecimalPlaces(2).toFixed()).toBe('27.43')
    expect(() => anticipatedToArrears('1')).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }) as unknown as Error,
    )
  })

  it('round-trips EA through any periodicity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(1, 2, 4, 12, 26, 52, 360, 365),
        (bp, n) => {
          const ea = new Decimal(bp).div(10_000)
          expect(
            periodicToEffectiveAnnual(effectiveAnnualToPeriodic(ea, n), n).minus(ea).abs().lt('1e-25'),
          ).toBe(true)
        },
      ),
    )
  })

  it('refuses negative rates', () => {
    expect(() => effectiveAnnualToPeriodic('-0.01')).toThrow(
      expect.objectContaining({ code: 'INVALID_RATE' }) as unknown as Error,
    )
  })
})

describe('day counts', () => {
  it('counts 30E/360 and actual days', () => {
    expect(days30E360('2025-01-31', '2025-02-28')).toBe(28)
    expect(days30E360('2025-01-15', '2025-03-01')).toBe(46)
    expect(days30E360('2025-01-30', '2025-03-31')).toBe(60)
    expect(yearFraction('ACT/365', '2024-02-01', '2024-03-01')).toEqual([{ days: 29, basis: 365 }])
    expect(yearFraction('ACT/ACT', '2023-07-01', '2024-07-01')).toEqual([
      { days: 184, basis: 365 },
      { days: 182, basis: 366 },
    ])
    expect(() => yearFraction('ACT/360', '2025-02-01', '2025-01-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }) as unknown as Error,
    )
  })
})
