import { describe, expect, it } from 'vitest'
import { type Poll, type Stance, tallyPoll, validateStance } from '../polls.ts'
import { formatPercent, ratio } from '../ratio.ts'
import { expectCode } from './building-fixture.ts'

const stance = (participantId: string, ...choices: [string, number][]): Stance => ({
  participantId,
  choices: choices.map(([optionId, score]) => ({ optionId, score })),
})

describe('proposal (agree / abstain / disagree / block)', () => {
  const proposal: Poll = { type: 'proposal', options: [] }
  // 20 members invited; 16 agree, 1 abstains, 1 disagrees.
  const stances = [
    ...Array.from({ length: 16 }, (_, i) => stance(`m${i}`, ['agree', 1])),
    stance('m16', ['abstain', 1]),
    stance('m17', ['disagree', 1]),
  ]
  // governance.md §2.1, Loomio's example: agree ≥ 75 % of eligible AND block ≤ 0 % of cast (and abstain ≤ 30 %).
  const rules = {
    requirements: [
      { optionId: 'agree', comparison: 'gte', share: ratio(75, 100), base: 'eligible' },
      { optionId: 'block', comparison: 'lte', share: ratio(0, 100), base: 'cast' },
      { optionId: 'abstain', comparison: 'lte', share: ratio(30, 100), base: 'cast' },
    ],
  } as const

  it('passes with 16 of 20 eligible agreeing and no block', () => {
    const result = tallyPoll(proposal, stances, 20, rules)
    expect(result.passes).toBe(true)
    expect(formatPercent(result.participation!)).toBe('90.00')
    expect(result.requirements.map((r) => [r.voters, r.base, r.met])).toEqual([
      [16, 20, true],
      [0, 18, true],
      [1, 18, true],
    ])
  })

  it('a single block stops it; 14 agreeing of 20 eligible is below 75 %', () => {
    expect(tallyPoll(proposal, [...stances.slice(1), stance('m0', ['block', 1])], 20, rules).passes).toBe(
      false,
    )
    expect(tallyPoll(proposal, stances.slice(2), 20, rules).passes).toBe(false)
  })

  it('a participation quorum counts decided over invited', () => {
    const q = { participationQuorum: ratio(1, 2) }
    expect(tallyPoll(proposal, stances.slice(0, 10), 20, q).quorumMet).toBe(true)
    expect(tallyPoll(proposal, stances.slice(0, 9), 20, q).quorumMet).toBe(false)
    expect(tallyPoll(proposal, stances, 20).passes).toBeNull()
  })

  it('refuses two stances from one person and a stance with two positions', () => {
    expectCode(
      () => tallyPoll(proposal, [stance('a', ['agree', 1]), stance('a', ['block', 1])], 2),
      'DUPLICATE_VOTE',
    )
    expectCode(() => validateStance(proposal, stance('a', ['agree', 1], ['block', 1])), 'INVALID_BALLOT')
  })
})

describe('choose, score, ranked choice, dot vote', () => {
  it('choose: counts marks within min/max choices', () => {
    const poll: Poll = { type: 'choose', options: ['mon', 'tue', 'wed'], maxChoices: 2 }
    const result = tallyPoll(
      poll,
      [stance('a', ['tue', 1], ['wed', 1]), stance('b', ['tue', 1]), stance('c', ['mon', 1])],
      5,
    )
    expect(result.options.map((o) => [o.optionId, o.totalScore])).toEqual([
      ['tue', 2],
      ['mon', 1],
      ['wed', 1],
    ])
    expectCode(() => validateStance(poll, stance('d', ['mon', 1], ['tue', 1], ['wed', 1])), 'INVALID_BALLOT')
  })

  it('score: totals and exact averages on the scale', () => {
    const poll: Poll = { type: 'score', options: ['garden', 'gym'], minScore: 0, maxScore: 5 }
    const result = tallyPoll(
      poll,
      [
        stance('a', ['garden', 5], ['gym', 1]),
        stance('b', ['garden', 4], ['gym', 2]),
        stance('c', ['garden', 4]),
      ],
      3,
    )
    const garden = result.options.find((o) => o.optionId === 'garden')!
    expect(garden.totalScore).toBe(13)
    expect(formatPercent(garden.average!, 0)).toBe('433') // 13/3 = 4.33…
    expectCode(() => validateStance(poll, stance('d', ['gym', 6])), 'INVALID_BALLOT')
  })

  it('ranked choice: Loomio points (k for first, k − 1 for second…) and the runoff', () => {
    const poll: Poll = { type: 'ranked-choice', options: ['a', 'b', 'c'] }
    const result = tallyPoll(
      poll,
      [
        stance('x', ['a', 1], ['b', 2], ['c', 3]),
        stance('y', ['b', 1], ['a', 2]),
        stance('z', ['c', 1], ['b', 2]),
      ],
      3,
    )
    expect(result.options.map((o) => [o.optionId, o.totalScore])).toEqual([
      ['b', 7],
      ['a', 5],
      ['c', 4],
    ])
    // Round 1: 1 each, a tie among all three: no runoff winner although b leads on points.
    expect(result.runoff?.winner).toBeNull()
    expectCode(() => validateStance(poll, stance('w', ['a', 1], ['b', 3])), 'INVALID_BALLOT')
  })

  it('dot vote: dots are spread up to the allowance', () => {
    const poll: Poll = { type: 'dot-vote', options: ['roof', 'paint', 'lift'], dotsPerPerson: 10 }
    const result = tallyPoll(
      poll,
      [stance('a', ['roof', 7], ['lift', 3]), stance('b', ['roof', 2], ['paint', 8])],
      4,
    )
    expect(result.options.map((o) => [o.optionId, o.totalScore, o.voterCount])).toEqual([
      ['roof', 9, 2],
      ['paint', 8, 1],
      ['lift', 3, 1],
    ])
    expectCode(() => validateStance(poll, stance('c', ['roof', 11])), 'INVALID_BALLOT')
    expectCode(() => validateStance(poll, stance('c', ['roof', -1], ['lift', 2])), 'INVALID_BALLOT')
  })

  it('anonymous stances carry no participant id and are counted all the same', () => {
    const poll: Poll = { type: 'choose', options: ['a', 'b'] }
    const result = tallyPoll(
      poll,
      [{ choices: [{ optionId: 'a', score: 1 }] }, { choices: [{ optionId: 'a', score: 1 }] }],
      2,
    )
    expect(result.options[0]).toMatchObject({ optionId: 'a', totalScore: 2 })
  })
})
