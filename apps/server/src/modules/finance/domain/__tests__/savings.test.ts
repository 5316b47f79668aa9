import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, COLOMBIAN_CALENDAR } from '../../../../platform/calendar/index.ts'
import { Decimal } from '../money.ts'
import { programmedSavingsSchedule } from '../programmed-savings.ts'
import { COP_ROUNDING, roundingPolicy } from '../rounding-policy.ts'
import {
  accrueSavingsInterest,
  dailySavingsInterest,
  savingsInterestForPeriod,
  savingsRate,
} from '../savings-interest.ts'
import { termDepositAtMaturity, termDepositEarlyWithdrawal } from '../term-deposit.ts'

const june = { from: '2025-06-01', to: '2025-06-30' } as const

describe('savings interest on the daily balance', () => {
  const rate = savingsRate({ annualRate: '0.03', minimumBalance: 100_000, withholdingRate: '0.07' })

  it('pays 12,148 on 5,000,000 held through June at 3 % EA, less 7 % withholding', () => {
    const result = savingsInterestForPeriod(
      { openingBalance: 5_000_000, movements: [], ...june },
      rate,
      COP_ROUNDING,
    )
    expect(result.days).toBe(30)
    expect(result.interest.toFixed(2)).toBe('12147.94')
    expect(result.posting.gross.toFixed()).toBe('12148')
    expect(result.posting.withholding.toFixed()).toBe('850')
    expect(result.posting.net.toFixed()).toBe('11298')
  })

  it('follows deposits and withdrawals day by day', () => {
    const result = savingsInterestForPeriod(
      {
        openingBalance: 1_000_000,
        movements: [
          { date: '2025-06-21', amount: -500_000 },
          { date: '2025-06-11', amount: 2_000_000 },
        ],
        ...june,
      },
      rate,
      COP_ROUNDING,
    )
    expect(result.posting.gross.toFixed()).toBe('5264')
    expect(result.closingBalance.toFixed()).toBe('2500000')
  })

  it('pays nothing on days below the minimum balance', () => {
    const result = accrueSavingsInterest(
      { openingBalance: 50_000, movements: [{ date: '2025-06-16', amount: 100_000 }], ...june },
      rate,
    )
    expect(result.interest.eq(new Decimal(150_000).times(rate.dailyRate).times(15))).toBe(true)
  })

  it('supports Fineract’s nominal convention (rate / 365 a day)', () => {
    const nominal = savingsRate({ annualRate: '0.03', convention: 'NOMINAL' })
    const result = savingsInterestForPeriod(
      { openingBalance: 5_000_000, movements: [], ...june },
      nominal,
      roundingPolicy({ scale: 2 }),
    )
    expect(result.posting.gross.toFixed(2)).toBe('12328.77')
  })

  it('equals the day-by-day sum exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 5_000_000 })), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 1500 }),
        (opening, deposits, bp) => {
          const product = savingsRate({ annualRate: new Decimal(bp).div(10_000), minimumBalance: 1_000_000 })
          const movements = deposits.map(([day, amount]) => ({ date: addDays(june.from, day), amount }))
          const fast = accrueSavingsInterest({ openingBalance: opening, movements, ...june }, product)
          let balance = new Decimal(opening)
          let slow = new Decimal(0)
          for (let day = 0; day < 30; day++) {
            for (const m of movements)
              if (m.date === addDays(june.from, day)) balance = balance.plus(m.amount)
            slow = slow.plus(dailySavingsInterest(balance, product))
          }
          expect(fast.interest.minus(slow).abs().lt('1e-20')).toBe(true)
        },
      ),
    )
  })

  it('refuses an overdrawn balance and a movement outside the period', () => {
    expect(() =>
      accrueSavingsInterest(
        { openingBalance: 100, movements: [{ date: '2025-06-05', amount: -200 }], ...june },
        rate,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }) as unknown as Error)
    expect(() =>
      accrueSavingsInterest(
        { openingBalance: 100, movements: [{ date: '2025-07-01', amount: 5 }], ...june },
        rate,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }) as unknown as Error)
  })
})

describe('term deposits (CDAT)', () => {
  const cdat = {
    principal: 10_000_000,
    effectiveAnnualRate: '0.095',
    startDate: '2025-03-03',
    termDays: 90,
    withholdingRate: '0.07',
  } as const

  it('pays 226,300 at maturity on 10,000,000 for 90 days at 9.5 % EA', () => {
    const result = termDepositAtMaturity(cdat, COP_ROUNDING)
    expect(result.endDate).toBe('2025-06-01')
    expect(result.grossInterest.toFixed()).toBe('226300')
    expect(result.withholding.toFixed()).toBe('15841')
    expect(result.netInterest.toFixed()).toBe('210459')
    expect(result.payout.toFixed()).toBe('10210459')
    expect(result.penalty.isZero()).toBe(true)
  })

  it('applies the early-withdrawal penalty', () => {
    const reduced = termDepositEarlyWithdrawal(
      cdat,
      '2025-04-17',
      { kind: 'RATE_REDUCTION', points: '0.03' },
      COP_ROUNDING,
    )
    expect(reduced.days).toBe(45)
    expect(reduced.appliedRate.toFixed()).toBe('0.065')
    expect(reduced.grossInterest.toFixed()).toBe('77942')
    expect(reduced.penalty.toFixed()).toBe(String(112517 - 77942))
    const forfeit = termDepositEarlyWithdrawal(
      cdat,
      '2025-04-17',
      { kind: 'INTEREST_FORFEIT', share: '0.5' },
      COP_ROUNDING,
    )
    expect(forfeit.grossInterest.toFixed()).toBe('56259')
    expect(() =>
      termDepositEarlyWithdrawal(cdat, '2025-06-01', { kind: 'INTEREST_FORFEIT', share: '1' }, COP_ROUNDING),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }) as unknown as Error)
  })
})

describe('programmed savings (ahorro programado)', () => {
  it('builds the deposit plan with per-period compounding at the EA', () => {
    const plan = programmedSavingsSchedule(
      {
        startDate: '2025-01-30',
        depositAmount: 200_000,
        frequency: 'MONTHLY',
        numberOfDeposits: 12,
        effectiveAnnualRate: '0.06',
      },
      COLOMBIAN_CALENDAR,
      COP_ROUNDING,
    )
    expect(plan.rows).toHaveLength(13)
    expect(plan.totalDeposits.toFixed()).toBe('2400000')
    // 2025-03-30 is a Sunday: the deposit is expected on Monday 31.
    expect(plan.rows[2]!.date).toBe('2025-03-30')
    expect(plan.rows[2]!.dueDate).toBe('2025-03-31')
    const em = new Decimal('1.06').pow(new Decimal(1).div(12)).minus(1)
    expect(plan.rows[1]!.interest.toFixed()).toBe(new Decimal(200_000).times(em).toDecimalPlaces(0).toFixed())
    expect(plan.maturityBalance.eq(plan.totalDeposits.plus(plan.totalInterest))).toBe(true)
    expect(plan.rows.at(-1)!.deposit.isZero()).toBe(true)
  })
})
