import { describe, expect, it } from 'vitest'
import { accruesInterestToIncome, applyDragRule, riskCategory, worstCategory } from '../credit-risk.ts'
import { Decimal } from '../money.ts'
import { portfolioIndicators } from '../portfolio-indicators.ts'
import { debtorProvisions, generalProvision, individualProvision, provisionRate } from '../provisioning.ts'
import { RISK_MODALITIES, SUPERSOLIDARIA_CATEGORIES_2020 } from '../risk-tables.ts'
import { COP_ROUNDING } from '../rounding-policy.ts'

describe('risk categories', () => {
  it.each([
    ['CONSUMER', 0, 'A'],
    ['CONSUMER', 30, 'A'],
    ['CONSUMER', 31, 'B'],
    ['CONSUMER', 61, 'C'],
    ['CONSUMER', 91, 'D'],
    ['CONSUMER', 181, 'E'],
    ['COMMERCIAL', 90, 'B'],
    ['COMMERCIAL', 361, 'E'],
    ['HOUSING', 60, 'A'],
    ['HOUSING', 541, 'E'],
    ['MICROCREDIT', 121, 'E'],
  ] as const)('%s with %i days past due is %s', (modality, days, category) => {
    expect(riskCategory(modality, days)).toBe(category)
  })

  it('covers every day count without gaps in every modality', () => {
    for (const modality of RISK_MODALITIES) {
      const ranges = SUPERSOLIDARIA_CATEGORIES_2020.ranges[modality]
      expect(ranges[0]!.minDays).toBe(0)
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.minDays).toBe(ranges[i - 1]!.maxDays! + 1)
      expect(ranges.at(-1)!.maxDays).toBeNull()
    }
  })

  it('drags every loan of a debtor to the worst category', () => {
    const dragged = applyDragRule([
      { loanId: 'a', debtorId: 'ana', category: 'A' },
      { loanId: 'b', debtorId: 'ana', category: 'C' },
      { loanId: 'c', debtorId: 'luis', category: 'B' },
    ])
    expect(dragged.map((l) => [l.loanId, l.ownCategory, l.category])).toEqual([
      ['a', 'A', 'C'],
      ['b', 'C', 'C'],
      ['c', 'B', 'B'],
    ])
    expect(worstCategory(['B', 'E', 'A'])).toBe('E')
  })

  it('suspends interest accrual from category C', () => {
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => accruesInterestToIncome(c as 'A'))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('refuses negative or fractional days', () => {
    expect(() => riskCategory('CONSUMER', -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown as Error,
    )
    expect(() => riskCategory('CONSUMER', 1.5)).toThrow(/whole/)
  })
})

describe('provisions', () => {
  it('picks the tier by days inside the category', () => {
    expect(provisionRate('CONSUMER', 'E', 200).toFixed()).toBe('0.5')
    expect(provisionRate('CONSUMER', 'E', 400).toFixed()).toBe('1')
    // Dragged to E with few days: the category's first tier applies.
    expect(provisionRate('CONSUMER', 'E', 10).toFixed()).toBe('0.5')
    expect(provisionRate('HOUSING', 'E', 800).toFixed()).toBe('0.6')
  })

  it('deducts aportes from the base and provisions accrued interest in full from C', () => {
    const provision = individualProvision(
      {
        modality: 'CONSUMER',
        category: 'C',
        daysPastDue: 75,
        principalBalance: 8_000_000,
        accruedInterest: 320_000,
        deductibleContributions: 3_000_000,
      },
      COP_ROUNDING,
    )
    expect(provision.base.toFixed()).toBe('5000000')
    expect(provision.principalProvision.toFixed()).toBe('500000')
    expect(provision.interestProvision.toFixed()).toBe('320000')
    expect(provision.total.toFixed()).toBe('820000')
    const b = individualProvision(
      {
        modality: 'CONSUMER',
        category: 'B',
        daysPastDue: 40,
        principalBalance: 8_000_000,
        accruedInterest: 320_000,
      },
      COP_ROUNDING,
    )
    expect(b.interestProvision.isZero()).toBe(true)
    expect(b.total.toFixed()).toBe('80000')
  })

  it('applies a debtor’s aportes once, worst loan first', () => {
    const [small, big] = debtorProvisions(
      [
        {
          loanId: 'small',
          modality: 'CONSUMER',
          category: 'B',
          daysPastDue: 40,
          principalBalance: 1_000_000,
        },
        { loanId: 'big', modality: 'CONSUMER', category: 'D', daysPastDue: 100, principalBalance: 4_000_000 },
      ],
      4_500_000,
      COP_ROUNDING,
    )
    expect(big!.contributionsApplied.toFixed()).toBe('4000000')
    expect(big!.total.isZero()).toBe(true)
    expect(small!.contributionsApplied.toFixed()).toBe('500000')
    expect(small!.total.toFixed()).toBe('5000')
  })

  it('computes the general provision on the gross portfolio', () => {
    expect(generalProvision(1_234_567_890, COP_ROUNDING).toFixed()).toBe('12345679')
  })
})

describe('portfolio indicators', () => {
  const loans = [
    {
      loanId: '1',
      principalBalance: 4_000_000,
      daysPastDue: 0,
      category: 'A',
      provision: 0,
      disbursementDate: '2025-01-10',
      disbursedAmount: 5_000_000,
    },
    {
      loanId: '2',
      principalBalance: 3_000_000,
      daysPastDue: 45,
      category: 'B',
      provision: 30_000,
      disbursementDate: '2025-01-22',
      disbursedAmount: 3_500_000,
    },
    {
      loanId: '3',
      principalBalance: 2_000_000,
      daysPastDue: 75,
      category: 'C',
      provision: 200_000,
      disbursementDate: '2025-03-05',
      disbursedAmount: 2_000_000,
    },
    {
      loanId: '4',
      principalBalance: 1_000_000,
      daysPastDue: 200,
      category: 'E',
      provision: 500_000,
      disbursementDate: '2024-11-30',
      disbursedAmount: 1_500_000,
    },
  ] as const

  it('computes ICV, quality by category, coverage and PAR', () => {
    const result = portfolioIndicators(loans, { asOf: '2025-06-30', generalProvision: 100_000 })
    expect(result.grossPortfolio.toFixed()).toBe('10000000')
    expect(result.pastDuePortfolio.toFixed()).toBe('6000000')
    expect(result.icv!.toFixed()).toBe('0.6')
    expect(result.byCategory.A.share!.toFixed()).toBe('0.4')
    expect(result.byCategory.D.count).toBe(0)
    expect(result.provisions.toFixed()).toBe('830000')
    expect(result.coverage!.toDecimalPlaces(6).toFixed()).toBe('0.138333')
    expect([result.par30, result.par60, result.par90].map((r) => r!.toFixed())).toEqual(['0.6', '0.3', '0.1'])
  })

  it('can define past due by days instead of category', () => {
    const result = portfolioIndicators(loans, {
      asOf: '2025-06-30',
      pastDue: { basis: 'DAYS', moreThanDays: 60 },
    })
    expect(result.icv!.toFixed()).toBe('0.3')
  })

  it('groups vintages by disbursement month', () => {
    const { vintages } = portfolioIndicators(loans, { asOf: '2025-06-30' })
    expect(vintages.map((v) => [v.cohort, v.monthsOnBook, v.loanCount, v.pastDue30.toFixed()])).toEqual([
      ['2024-11', 7, 1, '1000000'],
      ['2025-01', 5, 2, '3000000'],
      ['2025-03', 3, 1, '2000000'],
    ])
    expect(vintages[1]!.pastDueRatio!.eq(new Decimal(3_000_000).div(8_500_000))).toBe(true)
  })

  it('returns null ratios for an empty portfolio', () => {
    const result = portfolioIndicators([], { asOf: '2025-06-30' })
    expect(result.icv).toBeNull()
    expect(result.coverage).toBeNull()
    expect(result.par30).toBeNull()
  })
})
