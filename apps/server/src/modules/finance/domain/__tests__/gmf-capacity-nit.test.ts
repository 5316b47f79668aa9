import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import { buildSchedule } from '../amortization-schedule.ts'
import { capacityToPay, largestRegularPayment, maximumLoanAmount } from '../capacity-to-pay.ts'
import { gmfMonthlyExemption, gmfOnWithdrawal } from '../gmf.ts'
import { isValidNit, nitCheckDigit } from '../nit.ts'
import { COP_ROUNDING } from '../rounding-policy.ts'
import { uvtFor, uvtToPesos } from '../uvt.ts'

describe('GMF (4 × 1000)', () => {
  it('exempts 350 UVT a month, rounded per ET art. 868', () => {
    expect(uvtFor(2025).toFixed()).toBe('49799')
    expect(gmfMonthlyExemption(2025).toFixed()).toBe('17430000')
    expect(gmfMonthlyExemption(2025, { roundPerArticle868: false }).toFixed()).toBe('17429650')
    // DIAN's own figure for 2024: $16.473.000.
    expect(gmfMonthlyExemption(2024).toFixed()).toBe('16473000')
    expect(gmfMonthlyExemption(2026).toFixed()).toBe('18331000')
    expect(uvtToPesos(1, 2025).toFixed()).toBe('50000')
  })

  it('taxes only what exceeds the exemption, then everything once it is used up', () => {
    const first = gmfOnWithdrawal({ amount: 20_000_000, date: '2025-05-10' })
    expect(first.exemptAmount.toFixed()).toBe('17430000')
    expect(first.taxableAmount.toFixed()).toBe('2570000')
    expect(first.tax.toFixed()).toBe('10280')
    const second = gmfOnWithdrawal({
      amount: 1_000_000,
      date: '2025-05-20',
      exemptUsedThisMonth: first.exemptUsedAfter,
    })
    expect(second.tax.toFixed()).toBe('4000')
    expect(
      gmfOnWithdrawal({ amount: 1_000_000, date: '2025-05-20', exemptOperation: true }).tax.isZero(),
    ).toBe(true)
    expect(
      gmfOnWithdrawal({ amount: 1_000_000, date: '2025-05-20', savingsExemption: false }).tax.toFixed(),
    ).toBe('4000')
  })

  it('refuses a year without a UVT value', () => {
    expect(() => gmfOnWithdrawal({ amount: 1, date: '2031-01-01' })).toThrow(
      expect.objectContaining({ code: 'REFERENCE_DATA_UNAVAILABLE' }) as unknown as Error,
    )
  })
})

describe('capacity to pay', () => {
  it('compares the new installment with what the income leaves', () => {
    const result = capacityToPay({
      netIncome: 3_000_000,
      currentDeductions: 600_000,
      maxDeductionRatio: '0.5',
      newInstallment: 380_381,
    })
    expect(result.limit.toFixed()).toBe('1500000')
    expect(result.available.toFixed()).toBe('900000')
    expect(result.fits).toBe(true)
    expect(result.deductionRatio.toDecimalPlaces(4).toFixed()).toBe('0.3268')
    expect(
      capacityToPay({
        netIncome: 3_000_000,
        currentDeductions: 1_600_000,
        maxDeductionRatio: '0.5',
      }).available.isZero(),
    ).toBe(true)
  })

  const terms = {
    disbursementDate: '2025-02-01',
    numberOfInstallments: 36,
    frequency: 'MONTHLY',
    amortization: 'FRENCH',
    rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.24' },
    insurance: { monthlyRate: '0.0008' },
  } as const

  it('finds the largest loan whose installments fit the capacity', () => {
    const result = maximumLoanAmount({
      capacity: 900_000,
      terms,
      calendar: EVERY_DAY_CALENDAR,
      rounding: COP_ROUNDING,
      amountMultipleOf: 100_000,
    })
    expect(result.amount.toFixed()).toBe('23100000')
    expect(result.largestPayment.lte(900_000)).toBe(true)
    const more = buildSchedule(
      { ...terms, principal: result.amount.plus(100_000) },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(largestRegularPayment(more).gt(900_000)).toBe(true)
  })

  it('is capped by the line and the aportes multiple', () => {
    const result = maximumLoanAmount({
      capacity: 900_000,
      terms,
      calendar: EVERY_DAY_CALENDAR,
      rounding: COP_ROUNDING,
      amountMultipleOf: 100_000,
      line: { code: 'X', minAmount: 1_000_000, maxAmount: 40_000_000, maxContributionsMultiple: 3 },
      contributions: 2_000_000,
    })
    expect(result.amount.toFixed()).toBe('6000000')
    expect(result.meetsLineMinimum).toBe(true)
  })

  it('never returns an amount whose schedule exceeds the capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50_000, max: 5_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        (capacity, n) => {
          const result = maximumLoanAmount({
            capacity,
            terms: { ...terms, numberOfInstallments: n },
            calendar: EVERY_DAY_CALENDAR,
            rounding: COP_ROUNDING,
            amountMultipleOf: 10_000,
          })
          if (result.amount.isZero()) return
          expect(result.largestPayment.lte(capacity)).toBe(true)
          const next = buildSchedule(
            { ...terms, numberOfInstallments: n, principal: result.amount.plus(10_000) },
            EVERY_DAY_CALENDAR,
            COP_ROUNDING,
          )
          expect(largestRegularPayment(next).gt(capacity)).toBe(true)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('NIT check digit', () => {
  it('validates NITs with their DV', () => {
    expect(isValidNit('800197268-4')).toBe(true)
    expect(isValidNit('800.197.268-4')).toBe(true)
    expect(isValidNit('890903938', 8)).toBe(true)
    expect(isValidNit('890903938-7')).toBe(false)
    expect(isValidNit('ABC-1')).toBe(false)
    expect(nitCheckDigit('860034313')).toBe(7)
  })

  it('rejects what is not a NIT', () => {
    expect(() => nitCheckDigit('12a')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown as Error,
    )
    expect(() => nitCheckDigit('1234567890123456')).toThrow(/1 to 15 digits/)
  })
})
