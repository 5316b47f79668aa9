import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCoefficient } from '../coefficients.ts'
import {
  ABSTAIN,
  defaultDecisionBasis,
  LEY_79_ABSOLUTE_MAJORITY,
  LEY_675_ART_45_SIMPLE_MAJORITY,
  LEY_675_ART_46_QUALIFIED_MAJORITY,
  type MajorityRule,
  type MotionRules,
  NO,
  PLURALITY,
  validateMotionRules,
  writtenVoteRule,
  YES,
} from '../majority-rules.ts'
import {
  cooperativeQuorumRule,
  horizontalPropertyQuorumRule,
  type QuorumSnapshot,
  type Seat,
  takeQuorumSnapshot,
  writtenVoteQuorumRule,
} from '../quorum.ts'
import { meetsThreshold, minimumToMeet, percent, ratio } from '../ratio.ts'
import { addBallot, emptyTotals } from '../secret-ballot.ts'
import { type NamedBallot, tally, totalsFromBallots } from '../tally.ts'
import { BUILDING, expectCode, present, RUNS } from './building-fixture.ts'

const FIRST = { call: 'first', minutesSinceConvened: 0, formedEarlier: false } as const
const coefficientOf = (seatId: string) => BUILDING.find((s) => s.seatId === seatId)!.coefficient
const vote = (seatId: string, ...choice: string[]): NamedBallot => ({
  seatId,
  coefficient: coefficientOf(seatId),
  choice,
})
const yesNo = (majority: MajorityRule, basis: MotionRules['basis'] = 'coefficient'): MotionRules => ({
  basis,
  method: 'yes-no-abstain',
  options: [],
  majority,
})
// Four of five units present: 90.000001 % of the coefficients; apt-202 is the swing unit.
const snapshot = takeQuorumSnapshot(
  horizontalPropertyQuorumRule(),
  BUILDING,
  present('apt-101', 'apt-102', 'apt-201', 'apt-202'),
  FIRST,
)

describe('Ley 675 art. 45: more than half of the coefficients represented in the meeting', () => {
  const rules = yesNo(LEY_675_ART_45_SIMPLE_MAJORITY)

  it('45.000001 % yes out of 90.000001 % present is approved by one millionth', () => {
    const totals = totalsFromBallots(rules, [
      vote('apt-101', YES),
      vote('apt-202', YES),
      vote('apt-102', NO),
      vote('apt-201', NO),
    ])
    const result = tally(rules, totals, snapshot)
    expect(result.outcome).toBe('approved')
    expect(result.options[0]!.conditions[0]).toMatchObject({
      numerator: 45_000_001,
      denominator: 90_000_001,
      met: true,
    })
  })

  it('an abstention counts against: 30 % yes of 90.000001 % present is rejected', () => {
    const totals = totalsFromBallots(rules, [
      vote('apt-101', YES),
      vote('apt-202', ABSTAIN),
      vote('apt-102', NO),
    ])
    expect(tally(rules, totals, snapshot).outcome).toBe('rejected')
  })

  it('no quorum, no decision', () => {
    const thin = takeQuorumSnapshot(
      horizontalPropertyQuorumRule(),
      BUILDING,
      present('apt-202', 'local-1'),
      FIRST,
    )
    const totals = totalsFromBallots(rules, [vote('apt-202', YES), vote('local-1', YES)])
    expect(tally(rules, totals, thin)).toMatchObject({ outcome: 'no-quorum', winners: [], quorumMet: false })
  })
})

describe('Ley 675 art. 46: 70 % of the total coefficients', () => {
  const rules = yesNo(LEY_675_ART_46_QUALIFIED_MAJORITY)
  const everyone = takeQuorumSnapshot(
    horizontalPropertyQuorumRule(),
    BUILDING,
    present(...BUILDING.map((s) => s.seatId)),
    FIRST,
  )

  it('70.500001 % of the total is approved; 65.499999 % is not, even unanimous among voters', () => {
    const yes = totalsFromBallots(rules, [vote('apt-101', YES), vote('apt-102', YES), vote('apt-202', YES)])
    expect(tally(rules, yes, everyone).outcome).toBe('approved')
    const short = totalsFromBallots(rules, [vote('apt-101', YES), vote('apt-102', YES), vote('local-1', YES)])
    expect(tally(rules, short, everyone).outcome).toBe('rejected')
  })

  it('exactly 70 % meets "at least 70 %"', () => {
    const building: Seat[] = [
      { seatId: 'a', coefficient: parseCoefficient('70') },
      { seatId: 'b', coefficient: parseCoefficient('30') },
    ]
    const both = takeQuorumSnapshot(horizontalPropertyQuorumRule(), building, present('a', 'b'), FIRST)
    const totals = totalsFromBallots(rules, [{ seatId: 'a', coefficient: 70_000_000, choice: [YES] }])
    expect(tally(rules, totals, both).outcome).toBe('approved')
  })

  it('refuses a reglamento majority above 70 % of the total, except for extinction (art. 45)', () => {
    const eighty = yesNo({
      id: 'eighty',
      conditions: [{ ...LEY_675_ART_46_QUALIFIED_MAJORITY.conditions[0]!, threshold: percent('80') }],
    })
    const context = { regime: 'horizontal-property', residential: true, economicContent: true } as const
    expectCode(() => validateMotionRules(eighty, context), 'ABOVE_LEGAL_MAXIMUM_MAJORITY')
    expect(() => validateMotionRules(eighty, { ...context, extinction: true })).not.toThrow()
    expect(() => validateMotionRules(rules, context)).not.toThrow()
  })
})

describe('Ley 675 art. 43: written votes counted over the total coefficients', () => {
  const rules = yesNo(writtenVoteRule(LEY_675_ART_45_SIMPLE_MAJORITY))

  it('turns "of those present" into "of the total"', () => {
    expect(rules.majority.conditions[0]!.denominator).toBe('total')
    const respondents = takeQuorumSnapshot(
      writtenVoteQuorumRule(),
      BUILDING,
      present('apt-101', 'apt-102', 'apt-202'),
      FIRST,
    )
    const totals = totalsFromBallots(rules, [vote('apt-101', YES), vote('apt-202', YES), vote('apt-102', NO)])
    // 45.000001 % yes of 70.500001 % responding carries a meeting, but not a written vote over 100 %.
    expect(tally(rules, totals, respondents).outcome).toBe('rejected')
    const more = totalsFromBallots(rules, [vote('apt-101', YES), vote('apt-102', YES)])
    expect(tally(rules, more, respondents).outcome).toBe('approved')
  })
})

describe('C-522/2002: non-economic decisions in residential buildings are not weighted', () => {
  const context = { regime: 'horizontal-property', residential: true, economicContent: false } as const

  it('refuses a coefficient basis and suggests one vote per unit', () => {
    expectCode(
      () => validateMotionRules(yesNo(LEY_675_ART_45_SIMPLE_MAJORITY), context),
      'WEIGHTED_NON_ECONOMIC_DECISION',
    )
    expect(defaultDecisionBasis(context)).toBe('unit')
    expect(defaultDecisionBasis({ ...context, economicContent: true })).toBe('coefficient')
    expect(defaultDecisionBasis({ ...context, regime: 'cooperative' })).toBe('head')
  })

  it('one vote per unit: three small units outvote the two largest', () => {
    const rules = yesNo(LEY_675_ART_45_SIMPLE_MAJORITY, 'unit')
    expect(() => validateMotionRules(rules, context)).not.toThrow()
    const all = takeQuorumSnapshot(
      horizontalPropertyQuorumRule(),
      BUILDING,
      present(...BUILDING.map((s) => s.seatId)),
      FIRST,
    )
    const totals = totalsFromBallots(rules, [
      vote('apt-101', NO),
      vote('apt-102', NO),
      vote('apt-201', YES),
      vote('apt-202', YES),
      vote('local-1', YES),
    ])
    const result = tally(rules, totals, all)
    expect(result.outcome).toBe('approved')
    expect(result.options[0]!.conditions[0]).toMatchObject({ numerator: 3, denominator: 5 })
  })
})

describe('double condition: heads AND weight (c.c. art. 1136 style)', () => {
  const rules = yesNo({
    id: 'heads-and-weight',
    conditions: [
      {
        measure: 'weight',
        denominator: 'votes-cast-excluding-abstentions',
        threshold: ratio(1, 2),
        comparison: 'gt',
      },
      {
        measure: 'heads',
        denominator: 'votes-cast-excluding-abstentions',
        threshold: ratio(1, 2),
        comparison: 'gt',
      },
    ],
  })

  it('55.5 % of the weight with half of the heads is not enough', () => {
    const totals = totalsFromBallots(rules, [
      vote('apt-101', YES),
      vote('apt-102', YES),
      vote('apt-201', NO),
      vote('apt-202', NO),
    ])
    const result = tally(rules, totals, snapshot)
    expect(result.outcome).toBe('rejected')
    expect(result.options[0]!.conditions.map((c) => c.met)).toEqual([true, false])
  })
})

describe('cooperative motions: one member, one vote (Ley 79)', () => {
  it('absolute majority of those attending', () => {
    const members: Seat[] = Array.from({ length: 40 }, (_, i) => ({ seatId: `m${i}`, coefficient: 0 }))
    const here = takeQuorumSnapshot(
      cooperativeQuorumRule(),
      members,
      present(...members.slice(0, 21).map((m) => m.seatId)),
      FIRST,
    )
    const rules = yesNo(LEY_79_ABSOLUTE_MAJORITY, 'head')
    const ballots = (yes: number) =>
      members.slice(0, 21).map((m, i) => ({ seatId: m.seatId, coefficient: 0, choice: [i < yes ? YES : NO] }))
    expect(tally(rules, totalsFromBallots(rules, ballots(11)), here).outcome).toBe('approved')
    expect(tally(rules, totalsFromBallots(rules, ballots(10)), here).outcome).toBe('rejected')
  })
})

describe('choice motions', () => {
  const single: MotionRules = {
    basis: 'unit',
    method: 'single-choice',
    options: ['blue', 'green', 'white'],
    majority: PLURALITY,
  }

  it('plurality elects the option with most votes; an equal first place is a tie, not a coin toss', () => {
    const win = totalsFromBallots(single, [
      vote('apt-101', 'blue'),
      vote('apt-102', 'blue'),
      vote('apt-201', 'green'),
    ])
    expect(tally(single, win, snapshot)).toMatchObject({ outcome: 'approved', winners: ['blue'] })
    const tie = totalsFromBallots(single, [
      vote('apt-101', 'blue'),
      vote('apt-102', 'green'),
      vote('apt-201', ABSTAIN),
    ])
    expect(tally(single, tie, snapshot)).toMatchObject({
      outcome: 'tie',
      winners: [],
      tied: ['blue', 'green'],
    })
  })

  it('multiple choice elects the top two that meet the rule', () => {
    const rules: MotionRules = {
      basis: 'unit',
      method: 'multiple-choice',
      options: ['ana', 'ben', 'cai', 'dee'],
      maxChoices: 2,
      winners: 2,
      majority: PLURALITY,
    }
    const totals = totalsFromBallots(rules, [
      vote('apt-101', 'ana', 'ben'),
      vote('apt-102', 'ana', 'cai'),
      vote('apt-201', 'ben', 'ana'),
      vote('apt-202', 'dee'),
    ])
    const result = tally(rules, totals, snapshot)
    expect(result).toMatchObject({
      outcome: 'approved',
      winners: ['ana', 'ben'],
      cast: { heads: 4, weight: 4 },
    })
    expectCode(() => totalsFromBallots(rules, [vote('apt-101', 'ana', 'ben', 'cai')]), 'INVALID_BALLOT')
  })

  it('ranked motions are decided by instant runoff', () => {
    const rules: MotionRules = {
      basis: 'unit',
      method: 'ranked',
      options: ['a', 'b', 'c'],
      majority: PLURALITY,
    }
    const totals = totalsFromBallots(rules, [
      vote('apt-101', 'a', 'b'),
      vote('apt-102', 'b', 'a'),
      vote('apt-201', 'c', 'b'),
      vote('apt-202', 'a'),
    ])
    const result = tally(rules, totals, snapshot)
    // Round 1: a 2, b 1, c 1 (no majority of 4); b and c tie last and go; round 2: a 2 of 2 continuing.
    expect(result.runoff?.rounds.map((r) => r.eliminated)).toEqual([['b', 'c'], []])
    expect(result).toMatchObject({ outcome: 'approved', winners: ['a'] })
  })

  it('refuses a second ballot from the same seat and malformed rules', () => {
    expectCode(
      () => totalsFromBallots(single, [vote('apt-101', 'blue'), vote('apt-101', 'green')]),
      'DUPLICATE_VOTE',
    )
    const context = { regime: 'horizontal-property', residential: false, economicContent: true } as const
    expectCode(() => validateMotionRules({ ...single, options: ['x', 'x'] }, context), 'INVALID_RULE')
    expectCode(() => validateMotionRules({ ...single, winners: 2 }, context), 'INVALID_RULE')
    expectCode(() => tally(single, emptyTotals(yesNo(PLURALITY)), snapshot), 'INVALID_INPUT')
  })
})

// Random electorate and ballots for the properties below.
const scenario = fc
  .array(
    fc.record({
      coefficient: fc.integer({ min: 1, max: 3_000_000 }),
      choice: fc.constantFrom(YES, NO, ABSTAIN),
    }),
    {
      minLength: 1,
      maxLength: 40,
    },
  )
  .map((rows) => {
    const seats: Seat[] = rows.map((r, i) => ({ seatId: `s${i}`, coefficient: r.coefficient }))
    const ballots: NamedBallot[] = rows.map((r, i) => ({
      seatId: `s${i}`,
      coefficient: r.coefficient,
      choice: [r.choice],
    }))
    return { seats, ballots }
  })
const rule = fc.record({
  measure: fc.constantFrom('weight' as const, 'heads' as const),
  denominator: fc.constantFrom(
    'present' as const,
    'votes-cast' as const,
    'votes-cast-excluding-abstentions' as const,
    'total' as const,
  ),
  threshold: fc.integer({ min: 0, max: 100 }).map((n) => ratio(n, 100)),
  comparison: fc.constantFrom('gt' as const, 'gte' as const),
})
const basis = fc.constantFrom('coefficient' as const, 'unit' as const, 'head' as const)

function snapshotOf(seats: readonly Seat[]): QuorumSnapshot {
  return takeQuorumSnapshot(horizontalPropertyQuorumRule(), seats, present(...seats.map((s) => s.seatId)), {
    ...FIRST,
    call: 'second',
  })
}

describe('properties', () => {
  it('the result does not depend on ballot order', () => {
    fc.assert(
      fc.property(scenario, rule, basis, fc.integer(), ({ seats, ballots }, condition, b, seed) => {
        const rules = yesNo({ id: 'r', conditions: [condition] }, b)
        const shuffled = fc.sample(
          fc.shuffledSubarray(ballots, { minLength: ballots.length, maxLength: ballots.length }),
          { numRuns: 1, seed },
        )[0]!
        const q = snapshotOf(seats)
        expect(tally(rules, totalsFromBallots(rules, shuffled), q)).toEqual(
          tally(rules, totalsFromBallots(rules, ballots), q),
        )
      }),
      { numRuns: RUNS },
    )
  })

  it('an abstention never changes a yes/no result whose denominator excludes abstentions (or is fixed)', () => {
    fc.assert(
      fc.property(
        scenario,
        rule,
        basis,
        fc.integer({ min: 1, max: 3_000_000 }),
        ({ seats, ballots }, condition, b, weight) => {
          if (condition.denominator === 'votes-cast') return
          const rules = yesNo({ id: 'r', conditions: [condition] }, b)
          const late: Seat = { seatId: 'late', coefficient: weight }
          // The abstainer is in the electorate and present either way; only the ballot differs.
          const q = snapshotOf([...seats, late])
          const without = tally(rules, totalsFromBallots(rules, ballots), q)
          const withAbstention = tally(
            rules,
            totalsFromBallots(rules, [
              ...ballots,
              { seatId: 'late', coefficient: weight, choice: [ABSTAIN] },
            ]),
            q,
          )
          expect(withAbstention.outcome).toBe(without.outcome)
          expect(withAbstention.winners).toEqual(without.winners)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('with a votes-cast denominator an abstention can only make approval harder', () => {
    fc.assert(
      fc.property(scenario, rule, basis, ({ seats, ballots }, condition, b) => {
        const rules = yesNo({ id: 'r', conditions: [{ ...condition, denominator: 'votes-cast' }] }, b)
        const late: Seat = { seatId: 'late', coefficient: 1 }
        const q = snapshotOf([...seats, late])
        const without = tally(rules, totalsFromBallots(rules, ballots), q)
        const withAbstention = tally(
          rules,
          totalsFromBallots(rules, [...ballots, { seatId: 'late', coefficient: 1, choice: [ABSTAIN] }]),
          q,
        )
        if (withAbstention.outcome === 'approved') expect(without.outcome).toBe('approved')
      }),
      { numRuns: RUNS },
    )
  })

  it('threshold checks are exact: meets(x) exactly when x reaches minimumToMeet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        fc.constantFrom('gt' as const, 'gte' as const),
        (whole, x, den, num, comparison) => {
          const part = x % (whole + 1)
          const threshold = ratio(num % (den + 1), den)
          const needed = minimumToMeet(whole, threshold, comparison)
          expect(meetsThreshold(part, whole, threshold, comparison)).toBe(needed !== null && part >= needed)
        },
      ),
      { numRuns: RUNS * 5 },
    )
  })

  it('running totals equal named totals, whatever the order ballots are added', () => {
    fc.assert(
      fc.property(scenario, ({ ballots }) => {
        const rules = yesNo(LEY_675_ART_45_SIMPLE_MAJORITY)
        const reversed = [...ballots]
          .reverse()
          .reduce((t, b) => addBallot(t, b.coefficient, b.choice), emptyTotals(rules))
        expect(reversed).toEqual(totalsFromBallots(rules, ballots))
      }),
      { numRuns: RUNS },
    )
  })
})
