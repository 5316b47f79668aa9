import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkCoefficients,
  coefficientsFromAreas,
  FULL_COEFFICIENT,
  formatCoefficient,
  parseCoefficient,
  validateCoefficients,
} from '../coefficients.ts'
import { AssemblyRuleError } from '../errors.ts'
import { BUILDING, expectCode, RUNS } from './building-fixture.ts'

const units = BUILDING.map((s) => ({ unitId: s.seatId, coefficient: s.coefficient }))

describe('coefficient text', () => {
  it('parses six decimals into integer millionths of a percent, dot or comma', () => {
    expect(parseCoefficient('12.345678')).toBe(12_345_678)
    expect(parseCoefficient('12,5')).toBe(12_500_000)
    expect(parseCoefficient('100')).toBe(FULL_COEFFICIENT)
    expect(parseCoefficient('0.000001')).toBe(1)
  })

  it('refuses a seventh decimal, a negative, and more than 100 %', () => {
    expectCode(() => parseCoefficient('1.0000001'), 'INVALID_COEFFICIENT')
    expectCode(() => parseCoefficient('-1'), 'INVALID_COEFFICIENT')
    expectCode(() => parseCoefficient('100.000001'), 'INVALID_COEFFICIENT')
    expectCode(() => parseCoefficient('1e2'), 'INVALID_COEFFICIENT')
  })

  it('formats back with six decimals', () => {
    expect(formatCoefficient(12_345_678)).toBe('12.345678')
    expect(formatCoefficient(-10)).toBe('-0.000010')
  })

  it('round-trips every representable value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FULL_COEFFICIENT }), (value) => {
        expect(parseCoefficient(formatCoefficient(value))).toBe(value)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('the building sums to exactly 100 %', () => {
  it('accepts the fixture building', () => {
    expect(validateCoefficients(units)).toEqual({
      ok: true,
      unitCount: 5,
      sum: FULL_COEFFICIENT,
      difference: 0,
    })
  })

  it('names the exact difference when one millionth is missing', () => {
    const short = units.map((u, i) => (i === 0 ? { ...u, coefficient: u.coefficient - 1 } : u))
    try {
      validateCoefficients(short)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(AssemblyRuleError)
      const e = error as AssemblyRuleError
      expect(e.code).toBe('COEFFICIENTS_NOT_100')
      expect(e.message).toBe('the coefficients of 5 units sum to 99.999999 %, 0.000001 % short of 100 %')
      expect(e.details).toEqual({ sum: '99.999999', difference: '-0.000001' })
    }
  })

  it('says "over" when the sum exceeds 100 %', () => {
    const over = [...units, { unitId: 'parking-1', coefficient: parseCoefficient('0.5') }]
    expect(() => validateCoefficients(over)).toThrow('0.500000 % over 100 %')
  })

  it('where floats fail: six sixths of 16.666667 / 16.666666 sum to 100 % exactly', () => {
    const sixths = ['16.666667', '16.666667', '16.666667', '16.666666', '16.666666', '16.666667']
    const building = sixths.map((c, i) => ({ unitId: `u${i}`, coefficient: parseCoefficient(c) }))
    expect(validateCoefficients(building).ok).toBe(true)
    // The same figures as JavaScript numbers sum to 99.99999999999999.
    expect(sixths.reduce((acc, c) => acc + Number(c), 0)).not.toBe(100)
  })

  it('refuses duplicates and zero coefficients', () => {
    expectCode(() => checkCoefficients([...units, units[0]!]), 'DUPLICATE_SEAT')
    expectCode(() => checkCoefficients([{ unitId: 'x', coefficient: 0 }]), 'INVALID_COEFFICIENT')
    expectCode(() => checkCoefficients([{ unitId: 'x', coefficient: 0.5 }]), 'INVALID_COEFFICIENT')
  })

  it('property: any integer split of 100 % validates, and moving one millionth anywhere breaks it by exactly that', () => {
    const split = fc
      .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 300 })
      .map((parts) => coefficientsFromAreas(parts.map((area, i) => ({ unitId: `u${i}`, area }))))
    fc.assert(
      fc.property(split, fc.nat(), fc.boolean(), (building, pick, up) => {
        const check = validateCoefficients(building)
        expect(check.sum).toBe(FULL_COEFFICIENT)
        const index = pick % building.length
        const target = building[index]!
        if ((!up && target.coefficient === 1) || (up && building.length === 1)) return
        const delta = up ? 1 : -1
        const changed = building.map((u, i) =>
          i === index ? { ...u, coefficient: u.coefficient + delta } : u,
        )
        const broken = checkCoefficients(changed)
        expect(broken.ok).toBe(false)
        expect(broken.difference).toBe(delta)
      }),
      { numRuns: RUNS },
    )
  })
})

describe('coefficients from private areas (largest remainder)', () => {
  it('splits 3 equal areas as 33.333334 + 33.333333 + 33.333333', () => {
    const result = coefficientsFromAreas(['a', 'b', 'c'].map((unitId) => ({ unitId, area: 80 })))
    expect(result.map((r) => formatCoefficient(r.coefficient))).toEqual([
      '33.333334',
      '33.333333',
      '33.333333',
    ])
  })

  it('is proportional when the areas divide evenly', () => {
    const result = coefficientsFromAreas([
      { unitId: 'a', area: 60 },
      { unitId: 'b', area: 40 },
    ])
    expect(result.map((r) => r.coefficient)).toEqual([60_000_000, 40_000_000])
  })

  it('refuses non-integer or empty areas', () => {
    expectCode(() => coefficientsFromAreas([{ unitId: 'a', area: 1.5 }]), 'INVALID_INPUT')
    expectCode(() => coefficientsFromAreas([]), 'INVALID_INPUT')
  })
})
