import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import { buildSchedule } from '../amortization-schedule.ts'
import { Decimal, decimalFromMinor, decimalRatio, toMinorUnits } from '../money.ts'
import {
  COP_ROUNDING,
  ROUNDING_MODES,
  roundAmount,
  roundingPolicy,
  roundQuotient,
} from '../rounding-policy.ts'

describe('exact bigint arithmetic on minor units', () => {
  it('rounds a quotient exactly like Decimal rounding, in every mode and sign', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom(...ROUNDING_MODES),
        (numerator, denominator, mode) => {
          const expected = roundAmount(
            new Decimal(numerator.toString()).div(denominator.toString()),
            roundingPolicy({ mode, scale: 0 }),
          )
          expect(roundQuotient(numerator, denominator, mode).toString()).toBe(expected.toFixed())
        },
      ),
    )
  })

  it('keeps a decimal as an exact ratio and rebuilds amounts from minor units', () => {
    const ratio = decimalRatio(new Decimal('0.00918785691963213160762215358727'))
    expect(ratio.numerator).toBe(918785691963213160762215358727n)
    expect(ratio.denominator).toBe(10n ** 32n)
    expect(decimalFromMinor(123456n, 2).toFixed()).toBe('1234.56')
    expect(decimalFromMinor(-5n, 0).toFixed()).toBe('-5')
  })

  it('exposes every schedule amount in minor units, consistent with its Decimal', () => {
    const schedule = buildSchedule(
      {
        principal: '1500000.50',
        disbursementDate: '2025-01-15',
        numberOfInstallments: 12,
        frequency: 'MONTHLY',
        amortization: 'FRENCH',
        rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.2' },
        insurance: { monthlyRate: '0.0008' },
      },
      EVERY_DAY_CALENDAR,
      roundingPolicy({ scale: 2 }),
    )
    for (const row of schedule.rows) {
      expect(row.scale).toBe(2)
      expect(toMinorUnits(row.interest, 2)).toBe(row.minor.interest)
      expect(toMinorUnits(row.totalDue, 2)).toBe(row.minor.totalDue)
      expect(row.minor.totalDue).toBe(
        row.minor.principal + row.minor.interest + row.minor.insurance + row.minor.fees,
      )
    }
    const json = JSON.parse(JSON.stringify(schedule.rows[0])) as Record<string, unknown>
    expect(json.openingBalance).toBe('1500000.5')
    expect(json.dueDate).toBe('2025-02-15')
  })

  it('refuses a principal with more decimals than the currency', () => {
    expect(() =>
      buildSchedule(
        {
          principal: '1500000.50',
          disbursementDate: '2025-01-15',
          numberOfInstallments: 12,
          frequency: 'MONTHLY',
          amortization: 'FRENCH',
          rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.2' },
        },
        EVERY_DAY_CALENDAR,
        COP_ROUNDING,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }) as unknown as Error)
  })
})
