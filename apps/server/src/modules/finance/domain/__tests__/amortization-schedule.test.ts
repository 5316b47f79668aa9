import { describe, expect, it } from 'vitest'
import { COLOMBIAN_CALENDAR, EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import { buildSchedule } from '../amortization-schedule.ts'
import type { EngineErrorCode } from '../errors.ts'
import type { LoanTerms } from '../loan-terms.ts'
import { Decimal, ONE } from '../money.ts'
import { COP_ROUNDING, roundingPolicy } from '../rounding-policy.ts'

const base: LoanTerms = {
  principal: 10_000_000,
  disbursementDate: '2025-01-15',
  numberOfInstallments: 12,
  frequency: 'MONTHLY',
  amortization: 'FRENCH',
  rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.24' },
}

function expectCode(fn: () => unknown, code: EngineErrorCode) {
  expect(fn).toThrow(expect.objectContaining({ code }) as unknown as Error)
}

describe('worked example: consumer loan with debtor life insurance (cuota fija, EA)', () => {
  // 10,000,000 COP at 24 % EA over 36 months, insurance 0.08 % a month on the outstanding balance.
  // Figures recomputed independently with Python's decimal module at 50 digits.
  const schedule = buildSchedule(
    { ...base, numberOfInstallments: 36, insurance: { monthlyRate: '0.0008' } },
    COLOMBIAN_CALENDAR,
    COP_ROUNDING,
  )

  it('has a cuota of 380,381 and the published splits', () => {
    expect(schedule.level.toFixed()).toBe('380381')
    const [first, second] = schedule.rows
    expect([first!.interest, first!.principal, first!.insurance, first!.closingBalance].map(String)).toEqual([
      '180876',
      '199505',
      '8000',
      '9800495',
    ])
    expect([second!.interest, second!.principal, second!.insurance].map(String)).toEqual([
      '177267',
      '203114',
      '7840',
    ])
    expect(first!.totalDue.toFixed()).toBe('388381')
  })

  it('closes with the last cuota absorbing the rounding', () => {
    const last = schedule.rows.at(-1)!
    expect([last.interest, last.principal, last.insurance, last.closingBalance].map(String)).toEqual([
      '6758',
      '373599',
      '299',
      '0',
    ])
    expect(schedule.totals.interest.toFixed()).toBe('3693692')
    expect(schedule.totals.insurance.toFixed()).toBe('163369')
  })

  it('rolls due dates that fall on a weekend or festivo to the next business day, without changing interest', () => {
    // 2025-06-15 is a Sunday: due Monday 16. 2025-03-15 is a Saturday, and Monday 17 is a business day.
    expect(schedule.rows[4]!.periodEnd).toBe('2025-06-15')
    expect(schedule.rows[4]!.dueDate).toBe('2025-06-16')
    expect(schedule.rows[1]!.dueDate).toBe('2025-03-17')
    const plain = buildSchedule(
      { ...base, numberOfInstallments: 36, insurance: { monthlyRate: '0.0008' } },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(plain.rows.map((r) => r.interest.toFixed())).toEqual(
      schedule.rows.map((r) => r.interest.toFixed()),
    )
  })
})

describe('worked example: libranza with primas in June and December', () => {
  // 20,000,000 COP at 18 % EA over 60 months, 1,000,000 extra with each June and December installment.
  const schedule = buildSchedule(
    {
      ...base,
      principal: 20_000_000,
      disbursementDate: '2025-03-10',
      numberOfInstallments: 60,
      rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.18' },
      extraInstallments: [
        { month: 6, amount: 1_000_000 },
        { month: 12, amount: 1_000_000 },
      ],
    },
    EVERY_DAY_CALENDAR,
    COP_ROUNDING,
  )

  it('lowers the regular cuota to 325,695 by the present value of the primas', () => {
    expect(schedule.level.toFixed()).toBe('325695')
    expect(schedule.rows[0]!.interest.toFixed()).toBe('277769')
    expect(schedule.rows[0]!.principal.toFixed()).toBe('47926')
  })

  it('adds the prima to the June installment', () => {
    const june = schedule.rows[2]!
    expect(june.dueDate).toBe('2025-06-10')
    expect(june.extraInstallment.toFixed()).toBe('1000000')
    expect(june.installment.toFixed()).toBe('1325695')
    expect(june.interest.toFixed()).toBe('276428')
    expect(june.closingBalance.toFixed()).toBe('18854215')
  })

  it('ends at zero with 9,541,658 of interest', () => {
    const last = schedule.rows.at(-1)!
    expect(last.interest.toFixed()).toBe('4461')
    expect(last.principal.toFixed()).toBe('321192')
    expect(last.closingBalance.isZero()).toBe(true)
    expect(schedule.totals.interest.toFixed()).toBe('9541658')
  })
})

describe('grace periods', () => {
  const german = {
    ...base,
    amortization: 'GERMAN' as const,
    numberOfInstallments: 12,
    graceOnPrincipal: 2,
    graceOnInterest: 1,
  }

  it('defers interest of the interest grace to the first installment after it', () => {
    const schedule = buildSchedule({ ...german, graceInterest: 'DEFER' }, EVERY_DAY_CALENDAR, COP_ROUNDING)
    const [first, second, third] = schedule.rows
    expect(first!.interest.isZero()).toBe(true)
    expect(first!.principal.isZero()).toBe(true)
    expect(first!.accruedInterest.gt(0)).toBe(true)
    expect(second!.interest.eq(first!.accruedInterest.plus(second!.accruedInterest))).toBe(true)
    expect(second!.principal.isZero()).toBe(true)
    expect(third!.principal.toFixed()).toBe('1000000')
    expect(schedule.rows.at(-1)!.closingBalance.isZero()).toBe(true)
  })

  it('forgives interest when the grace waives it', () => {
    const deferred = buildSchedule({ ...german, graceInterest: 'DEFER' }, EVERY_DAY_CALENDAR, COP_ROUNDING)
    const waived = buildSchedule({ ...german, graceInterest: 'WAIVE' }, EVERY_DAY_CALENDAR, COP_ROUNDING)
    expect(waived.rows[0]!.accruedInterest.isZero()).toBe(true)
    expect(deferred.totals.interest.minus(waived.totals.interest).eq(deferred.rows[0]!.accruedInterest)).toBe(
      true,
    )
  })

  it('amortizes a French loan over the periods after the principal grace', () => {
    const schedule = buildSchedule(
      { ...base, numberOfInstallments: 12, graceOnPrincipal: 3 },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(schedule.rows.slice(0, 3).every((r) => r.principal.isZero() && r.interest.gt(0))).toBe(true)
    const em = new Decimal('1.24').pow(new Decimal(1).div(12)).minus(1)
    const closed = new Decimal(10_000_000).times(em).div(ONE.minus(ONE.plus(em).pow(-9)))
    expect(schedule.level.eq(closed.toDecimalPlaces(0))).toBe(true)
  })
})

describe('periods and day counts', () => {
  it('charges a broken first period by its days (44 days at ACT/365, effective)', () => {
    const schedule = buildSchedule(
      { ...base, disbursementDate: '2025-01-20', firstDueDate: '2025-03-05', dayCount: 'ACT/365' },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    const first = schedule.rows[0]!
    expect(first.days).toBe(44)
    expect(
      first.rate
        .toDecimalPlaces(20)
        .eq(new Decimal('1.24').pow(new Decimal(44).div(365)).minus(1).toDecimalPlaces(20)),
    ).toBe(true)
    expect(schedule.rows.map((r) => r.dueDate).slice(0, 3)).toEqual([
      '2025-03-05',
      '2025-04-05',
      '2025-05-05',
    ])
    // The level cuota is computed on the uneven rates, so every cuota but the last is equal.
    expect(new Set(schedule.rows.slice(0, -1).map((r) => r.installment.toFixed())).size).toBe(1)
  })

  it('uses Fineract periods per year for weekly, biweekly and quarterly nominal rates', () => {
    const nominal = { mode: 'NOMINAL', nominalAnnualRate: '0.26' } as const
    const weekly = buildSchedule(
      { ...base, frequency: 'WEEKLY', rate: nominal },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    const biweekly = buildSchedule(
      { ...base, frequency: 'BIWEEKLY', rate: nominal },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    const quarterly = buildSchedule(
      { ...base, frequency: 'QUARTERLY', rate: nominal },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(weekly.rows[0]!.rate.toFixed()).toBe('0.005')
    expect(weekly.rows[1]!.dueDate).toBe('2025-01-29')
    expect(biweekly.rows[0]!.rate.toFixed()).toBe('0.01')
    expect(biweekly.rows[0]!.dueDate).toBe('2025-01-29')
    expect(quarterly.rows[0]!.rate.toFixed()).toBe('0.065')
    expect(quarterly.rows[1]!.dueDate).toBe('2025-07-15')
  })

  it('counts actual days with ACT/365, ACT/360 and ACT/ACT when interest is daily', () => {
    const daily = (dayCount: 'ACT/365' | 'ACT/360' | 'ACT/ACT') =>
      buildSchedule(
        {
          ...base,
          disbursementDate: '2023-12-15',
          interestCalculation: 'DAILY',
          dayCount,
          rate: { mode: 'NOMINAL', nominalAnnualRate: '0.365' },
        },
        EVERY_DAY_CALENDAR,
        roundingPolicy({ scale: 2 }),
      )
    // 2023-12-15 → 2024-01-15 is 31 days: 17 in 2023 and 14 in the leap year 2024.
    expect(daily('ACT/365').rows[0]!.rate.toFixed()).toBe('0.031')
    expect(daily('ACT/360').rows[0]!.rate.toFixed(10)).toBe(
      new Decimal('0.365').times(31).div(360).toFixed(10),
    )
    expect(daily('ACT/ACT').rows[0]!.rate.toFixed(20)).toBe(
      new Decimal('0.365').times(17).div(365).plus(new Decimal('0.365').times(14).div(366)).toFixed(20),
    )
  })

  it('keeps month-end anchors (Jan 31 → Feb 28 → Mar 31)', () => {
    const schedule = buildSchedule(
      { ...base, disbursementDate: '2025-01-31', numberOfInstallments: 3 },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(schedule.rows.map((r) => r.periodEnd)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30'])
  })
})

describe('flat and rounding to multiples', () => {
  it('spreads flat interest evenly', () => {
    const schedule = buildSchedule(
      {
        ...base,
        principal: 1_200_000,
        amortization: 'FLAT',
        rate: { mode: 'NOMINAL', nominalAnnualRate: '0.24' },
      },
      EVERY_DAY_CALENDAR,
      COP_ROUNDING,
    )
    expect(schedule.totals.interest.toFixed()).toBe('288000')
    expect(
      schedule.rows.every((r) => r.interest.toFixed() === '24000' && r.principal.toFixed() === '100000'),
    ).toBe(true)
  })

  it('rounds the cuota to multiples of 1,000 and lets the last one absorb the difference', () => {
    const schedule = buildSchedule(
      base,
      EVERY_DAY_CALENDAR,
      roundingPolicy({ scale: 0, installmentMultipleOf: 1000 }),
    )
    expect(schedule.level.mod(1000).isZero()).toBe(true)
    expect(schedule.rows.slice(0, -1).every((r) => r.installment.eq(schedule.level))).toBe(true)
    expect(schedule.rows.at(-1)!.installment.eq(schedule.level)).toBe(false)
    expect(schedule.totals.principal.toFixed()).toBe('10000000')
  })

  it('adds a fixed fee to every installment', () => {
    const schedule = buildSchedule({ ...base, feePerInstallment: 5000 }, EVERY_DAY_CALENDAR, COP_ROUNDING)
    expect(
      schedule.rows.every((r) => r.fees.toFixed() === '5000' && r.totalDue.eq(r.installment.plus(5000))),
    ).toBe(true)
  })
})

describe('bad input is refused with a typed error, never a wrong schedule', () => {
  const build = (terms: Record<string, unknown>) =>
    buildSchedule({ ...base, ...terms } as LoanTerms, EVERY_DAY_CALENDAR, COP_ROUNDING)

  it.each([
    [{ principal: 0 }, 'INVALID_AMOUNT'],
    [{ principal: -5 }, 'INVALID_AMOUNT'],
    [{ principal: 'abc' }, 'INVALID_AMOUNT'],
    [{ principal: Number.NaN }, 'INVALID_AMOUNT'],
    [{ numberOfInstallments: 0 }, 'INVALID_TERM'],
    [{ numberOfInstallments: 2.5 }, 'INVALID_TERM'],
    [{ disbursementDate: '2025-02-30' }, 'INVALID_DATE'],
    [{ disbursementDate: '15/01/2025' }, 'INVALID_DATE'],
    [{ firstDueDate: '2025-01-10' }, 'INVALID_DATE'],
    [{ firstDueDate: '2025-05-15' }, 'INVALID_DATE'],
    [{ rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '-0.1' } }, 'INVALID_RATE'],
    [{ rate: { mode: 'SIMPLE', effectiveAnnualRate: '0.1' } }, 'INVALID_RATE'],
    [{ graceOnPrincipal: 12 }, 'GRACE_EXCEEDS_TERM'],
    [{ graceOnPrincipal: 2, graceOnInterest: 3 }, 'INVALID_TERM'],
    [{ graceOnPrincipal: -1 }, 'INVALID_TERM'],
    [{ amortization: 'FLAT', extraInstallments: [{ month: 6, amount: 1 }] }, 'UNSUPPORTED_COMBINATION'],
    [{ extraInstallments: [{ month: 13, amount: 1 }] }, 'INVALID_INPUT'],
    [
      {
        extraInstallments: [
          { month: 6, amount: 6_000_000 },
          { month: 12, amount: 6_000_000 },
        ],
      },
      'INVALID_INPUT',
    ],
    [{ dayCount: '30/365' }, 'INVALID_INPUT'],
    [{ frequency: 'DAILY' }, 'INVALID_INPUT'],
  ])('%o → %s', (terms, code) => {
    expectCode(() => build(terms), code as EngineErrorCode)
  })

  it('refuses a rounding policy that cannot be honoured', () => {
    expectCode(() => roundingPolicy({ scale: 0, multipleOf: '0.5' }), 'INVALID_ROUNDING_POLICY')
    expectCode(
      () => roundingPolicy({ scale: 0, multipleOf: 100, installmentMultipleOf: 150 }),
      'INVALID_ROUNDING_POLICY',
    )
    expectCode(() => roundingPolicy({ scale: 9 }), 'INVALID_ROUNDING_POLICY')
  })
})

describe('exact half-cent interest (found by the property test)', () => {
  // 95,420 × 45.15 % / 26 = 1,657.005 exactly: the rate must not be rounded before the product,
  // or its last digit decides the tie instead of the rounding policy.
  const terms: LoanTerms = {
    principal: 95_420,
    disbursementDate: '2020-07-28',
    numberOfInstallments: 10,
    frequency: 'BIWEEKLY',
    amortization: 'FRENCH',
    rate: { mode: 'NOMINAL', nominalAnnualRate: 0.4515 },
    interestCalculation: 'PER_PERIOD',
    dayCount: '30/360',
  }
  it('rounds the tie half-even to 1,657.00 and half-up to 1,657.01', () => {
    const rounding = (mode: 'HALF_EVEN' | 'HALF_UP') => roundingPolicy({ mode, scale: 2, multipleOf: 0.01 })
    const even = buildSchedule(terms, EVERY_DAY_CALENDAR, rounding('HALF_EVEN')).rows[0]!
    const up = buildSchedule(terms, EVERY_DAY_CALENDAR, rounding('HALF_UP')).rows[0]!
    expect(even.accruedInterest.toFixed(2)).toBe('1657.00')
    expect(up.accruedInterest.toFixed(2)).toBe('1657.01')
  })
})
