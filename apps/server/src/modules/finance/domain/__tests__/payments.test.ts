import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import { buildSchedule } from '../amortization-schedule.ts'
import { accrueDefaultInterest, defaultInterestFor } from '../default-interest.ts'
import { applyExtraPayment } from '../extra-payment.ts'
import { daysPastDue, installmentStates, outstandingOf } from '../loan-state.ts'
import type { LoanTerms } from '../loan-terms.ts'
import { Decimal } from '../money.ts'
import { allocatePayment } from '../payment-allocation.ts'
import { payoffAmount } from '../payoff.ts'
import { COP_ROUNDING, roundAmount } from '../rounding-policy.ts'

const terms: LoanTerms = {
  principal: 10_000_000,
  disbursementDate: '2025-01-15',
  numberOfInstallments: 36,
  frequency: 'MONTHLY',
  amortization: 'FRENCH',
  rate: { mode: 'EFFECTIVE', effectiveAnnualRate: '0.24' },
  insurance: { monthlyRate: '0.0008' },
  feePerInstallment: 2000,
}
const schedule = buildSchedule(terms, EVERY_DAY_CALENDAR, COP_ROUNDING)
const mora = { effectiveAnnualRate: '0.2502', method: 'EFFECTIVE_ANNUAL' } as const

function payInFull(count: number) {
  let states = installmentStates(schedule)
  for (let i = 0; i < count; i++) {
    const row = schedule.rows[i]!
    states = allocatePayment(states, { amount: row.totalDue, date: row.dueDate }).installments
  }
  return states
}

describe('default interest (interés de mora)', () => {
  it('grows from the EA or linearly from the EM, by product parameter', () => {
    const amount = new Decimal(1_000_000)
    expect(roundAmount(defaultInterestFor(amount, 45, mora), COP_ROUNDING).toFixed()).toBe('27913')
    expect(
      roundAmount(
        defaultInterestFor(amount, 45, { ...mora, method: 'MONTHLY_LINEAR' }),
        COP_ROUNDING,
      ).toFixed(),
    ).toBe('28174')
  })

  it('caps the mora rate at the usury cap', () => {
    const amount = new Decimal(1_000_000)
    const capped = defaultInterestFor(amount, 45, {
      ...mora,
      effectiveAnnualRate: '0.30',
      usuryCap: '0.2502',
    })
    expect(capped.eq(defaultInterestFor(amount, 45, mora))).toBe(true)
  })

  it('accrues on overdue principal from the due date, incrementally', () => {
    const states = installmentStates(schedule)
    const due = schedule.rows[0]!.dueDate // 2025-02-15
    const once = accrueDefaultInterest(
      states,
      '2025-03-02',
      { ...mora, method: 'MONTHLY_LINEAR' },
      COP_ROUNDING,
    )
    const first = accrueDefaultInterest(
      states,
      '2025-02-20',
      { ...mora, method: 'MONTHLY_LINEAR' },
      COP_ROUNDING,
    )
    const twice = accrueDefaultInterest(
      first,
      '2025-03-02',
      { ...mora, method: 'MONTHLY_LINEAR' },
      COP_ROUNDING,
    )
    expect(due).toBe('2025-02-15')
    const expected = defaultInterestFor(schedule.rows[0]!.principal, 15, {
      ...mora,
      method: 'MONTHLY_LINEAR',
    })
    expect(once[0]!.due.defaultInterest.toFixed()).toBe(roundAmount(expected, COP_ROUNDING).toFixed())
    expect(twice[0]!.due.defaultInterest.minus(once[0]!.due.defaultInterest).abs().lte(1)).toBe(true)
    expect(once[1]!.due.defaultInterest.isZero()).toBe(true) // installment 2 is not due yet
  })
})

describe('payment allocation', () => {
  const overdue = accrueDefaultInterest(installmentStates(schedule), '2025-03-25', mora, COP_ROUNDING)

  it('settles the oldest installment first: mora, insurance, fees, interest, principal', () => {
    const { lines, excess, installments } = allocatePayment(overdue, { amount: 300_000, date: '2025-03-25' })
    expect(lines.map((l) => `${l.installment}:${l.component}`)).toEqual([
      '1:defaultInterest',
      '1:insurance',
      '1:fees',
      '1:interest',
      '1:principal',
    ])
    expect(excess.isZero()).toBe(true)
    expect(outstandingOf(installments[0]!, 'interest').isZero()).toBe(true)
    expect(outstandingOf(installments[0]!, 'principal').gt(0)).toBe(true)
    expect(daysPastDue(installments, '2025-03-25')).toBe(38)
  })

  it('settles each component across installments first with COMPONENT_FIRST', () => {
    const { lines } = allocatePayment(overdue, {
      amount: 400_000,
      date: '2025-03-25',
      strategy: 'COMPONENT_FIRST',
    })
    const order = lines.map((l) => `${l.installment}:${l.component}`)
    expect(order.slice(0, 8)).toEqual([
      '1:defaultInterest',
      '2:defaultInterest',
      '1:insurance',
      '2:insurance',
      '1:fees',
      '2:fees',
      '1:interest',
      '2:interest',
    ])
  })

  it('follows a configured order and refuses an incomplete one', () => {
    const { lines } = allocatePayment(overdue, {
      amount: 100_000,
      date: '2025-03-25',
      order: ['principal', 'interest', 'fees', 'insurance', 'defaultInterest'],
    })
    expect(lines[0]!.component).toBe('principal')
    expect(() =>
      allocatePayment(overdue, {
        amount: 1,
        date: '2025-03-25',
        order: ['principal', 'principal', 'fees', 'insurance', 'interest'],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown as Error)
    expect(() => allocatePayment(overdue, { amount: 0, date: '2025-03-25' })).toThrow(
      expect.objectContaining({ code: 'INVALID_AMOUNT' }) as unknown as Error,
    )
  })

  it('returns the excess or pays the next installments early', () => {
    const due = overdue
      .slice(0, 2)
      .reduce(
        (sum, s) => sum.plus(s.due.defaultInterest).plus(schedule.rows[s.number - 1]!.totalDue),
        new Decimal(0),
      )
    const returned = allocatePayment(overdue, { amount: due.plus(50_000), date: '2025-03-25' })
    expect(returned.excess.toFixed()).toBe('50000')
    expect(daysPastDue(returned.installments, '2025-03-25')).toBe(0)
    const advanced = allocatePayment(overdue, {
      amount: due.plus(50_000),
      date: '2025-03-25',
      excess: 'NEXT_INSTALLMENTS',
    })
    expect(advanced.excess.isZero()).toBe(true)
    expect(advanced.lines.at(-1)!.installment).toBe(3)
  })
})

describe('payoff amount', () => {
  it('equals the remaining principal on a due date when everything due is paid', () => {
    const states = payInFull(3)
    const quote = payoffAmount(schedule, states, schedule.rows[2]!.dueDate)
    expect(quote.total.eq(schedule.rows[2]!.closingBalance)).toBe(true)
    expect(quote.accruedInterest.isZero()).toBe(true)
  })

  it('adds interest earned in the running period', () => {
    const states = payInFull(3)
    const row = schedule.rows[3]! // 2025-04-15 → 2025-05-15, 30 days
    const quote = payoffAmount(schedule, states, '2025-04-30')
    const expected = roundAmount(
      row.openingBalance.times(row.rate.plus(1).pow(new Decimal(15).div(30)).minus(1)),
      COP_ROUNDING,
    )
    expect(quote.accruedInterest.eq(expected)).toBe(true)
    expect(quote.total.eq(row.openingBalance.plus(expected))).toBe(true)
  })

  it('includes overdue installments and mora', () => {
    const states = payInFull(1)
    const quote = payoffAmount(schedule, states, '2025-04-01', mora)
    const second = schedule.rows[1]!
    expect(quote.overdue.principal.eq(second.principal)).toBe(true)
    expect(quote.overdue.interest.eq(second.interest)).toBe(true)
    const mora17 = roundAmount(defaultInterestFor(second.principal, 17, mora), COP_ROUNDING)
    expect(quote.overdue.defaultInterest.eq(mora17)).toBe(true)
    expect(quote.principalNotDue.eq(second.closingBalance)).toBe(true)
  })
})

describe('worked example: abono extraordinario of 2,000,000 with the 6th cuota', () => {
  // Base: 10,000,000 at 24 % EA, 36 cuotas of 380,381; balance after the 6th cuota 8,747,516.
  const plain = buildSchedule(
    { ...terms, insurance: undefined, feePerInstallment: undefined } as LoanTerms,
    EVERY_DAY_CALENDAR,
    COP_ROUNDING,
  )
  const date = plain.rows[5]!.periodEnd

  it('keeps the cuota and finishes after 28 cuotas (REDUCE_TERM)', () => {
    const after = applyExtraPayment(plain, { date, amount: 2_000_000, choice: 'REDUCE_TERM' })
    expect(plain.rows[5]!.closingBalance.toFixed()).toBe('8747516')
    expect(after.rows).toHaveLength(28)
    expect(after.rows[5]!.extraPayment.toFixed()).toBe('2000000')
    expect(after.rows[6]!.interest.toFixed()).toBe('122046')
    expect(after.rows[6]!.principal.toFixed()).toBe('258335')
    expect(after.totals.interest.toFixed()).toBe('2493330')
  })

  it('lowers the cuota to 293,413 over the same 36 months (REDUCE_INSTALLMENT)', () => {
    const after = applyExtraPayment(plain, { date, amount: 2_000_000, choice: 'REDUCE_INSTALLMENT' })
    expect(after.level.toFixed()).toBe('293413')
    expect(after.rows).toHaveLength(36)
    expect(after.rows[6]!.principal.toFixed()).toBe('171367')
    expect(after.rows.at(-1)!.principal.toFixed()).toBe('288145')
    expect(after.totals.interest.toFixed()).toBe('3084620')
    expect(plain.totals.interest.toFixed()).toBe('3693692')
  })

  it('splits the period interest when paid between due dates', () => {
    const mid = applyExtraPayment(plain, { date: '2025-08-01', amount: 1_000_000, choice: 'REDUCE_TERM' })
    const row = mid.rows[6]! // 2025-07-15 → 2025-08-15
    const before = row.rate.plus(1).pow(new Decimal(17).div(31)).minus(1)
    const after = row.rate.plus(1).pow(new Decimal(14).div(31)).minus(1)
    const expected = roundAmount(
      row.openingBalance.times(before).plus(row.openingBalance.minus(1_000_000).times(after)),
      COP_ROUNDING,
    )
    expect(row.interest.eq(expected)).toBe(true)
    expect(row.extraPaymentDate).toBe('2025-08-01')
  })

  it('refuses more than the balance, a flat loan, and a second payment in the same period', () => {
    expect(() => applyExtraPayment(plain, { date, amount: 99_000_000, choice: 'REDUCE_TERM' })).toThrow(
      expect.objectContaining({ code: 'PAYMENT_EXCEEDS_BALANCE' }) as unknown as Error,
    )
    const flat = buildSchedule({ ...terms, amortization: 'FLAT' }, EVERY_DAY_CALENDAR, COP_ROUNDING)
    expect(() => applyExtraPayment(flat, { date, amount: 1, choice: 'REDUCE_TERM' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_COMBINATION' }) as unknown as Error,
    )
    const once = applyExtraPayment(plain, { date: '2025-08-01', amount: 1000, choice: 'REDUCE_TERM' })
    expect(() =>
      applyExtraPayment(once, { date: '2025-08-02', amount: 1000, choice: 'REDUCE_TERM' }),
    ).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_COMBINATION' }) as unknown as Error)
    expect(() =>
      applyExtraPayment(plain, { date: '2040-01-01', amount: 1000, choice: 'REDUCE_TERM' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }) as unknown as Error)
  })
})
