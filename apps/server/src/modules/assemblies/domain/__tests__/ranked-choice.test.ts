import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantRunoff, type RankingTotal } from '../ranked-choice.ts'
import { expectCode, RUNS } from './building-fixture.ts'

describe('instant runoff', () => {
  it('transfers votes until a candidate has a majority of continuing ballots', () => {
    // 100 ballots: first round ana 40, ben 35, cai 25; cai's votes go 20 to ben, 5 exhausted.
    const rankings: RankingTotal[] = [
      { ranking: ['ana'], weight: 40, heads: 40 },
      { ranking: ['ben'], weight: 35, heads: 35 },
      { ranking: ['cai', 'ben'], weight: 20, heads: 20 },
      { ranking: ['cai'], weight: 5, heads: 5 },
    ]
    const result = instantRunoff(['ana', 'ben', 'cai'], rankings)
    expect(result.winner).toBe('ben')
    expect(result.rounds).toHaveLength(2)
    expect(result.rounds[0]).toMatchObject({ continuing: 100, exhausted: 0, eliminated: ['cai'] })
    expect(result.rounds[1]).toMatchObject({ continuing: 95, exhausted: 5 })
    expect(result.rounds[1]!.counts.map((c) => c.weight)).toEqual([40, 55])
  })

  it('weights by coefficient: one large unit can outweigh several small ones', () => {
    const rankings: RankingTotal[] = [
      { ranking: ['a'], weight: 60_000_000, heads: 1 },
      { ranking: ['b'], weight: 40_000_000, heads: 3 },
    ]
    expect(instantRunoff(['a', 'b'], rankings, 'weight').winner).toBe('a')
    expect(instantRunoff(['a', 'b'], rankings, 'heads').winner).toBe('b')
  })

  it('reports a tie when every continuing option is equal, and nothing when all ballots are blank', () => {
    const tie = instantRunoff(
      ['a', 'b'],
      [
        { ranking: ['a'], weight: 1, heads: 1 },
        { ranking: ['b'], weight: 1, heads: 1 },
      ],
    )
    expect(tie).toMatchObject({ winner: null, tied: ['a', 'b'] })
    expect(instantRunoff(['a', 'b'], [])).toMatchObject({ winner: null, tied: [] })
  })

  it('refuses unknown or repeated options', () => {
    expectCode(() => instantRunoff(['a'], [{ ranking: ['z'], weight: 1, heads: 1 }]), 'INVALID_BALLOT')
    expectCode(
      () => instantRunoff(['a', 'b'], [{ ranking: ['a', 'a'], weight: 1, heads: 1 }]),
      'INVALID_BALLOT',
    )
    expectCode(() => instantRunoff(['a', 'a'], []), 'INVALID_RULE')
  })

  const options = ['a', 'b', 'c', 'd', 'e']
  const rankings = fc.array(
    fc.record({
      ranking: fc.shuffledSubarray(options, { minLength: 1 }),
      weight: fc.integer({ min: 1, max: 1_000_000 }),
      heads: fc.constant(1),
    }),
    { maxLength: 40 },
  )

  it('property: the winner has more than half of the continuing ballots in the last round', () => {
    fc.assert(
      fc.property(rankings, fc.constantFrom('weight' as const, 'heads' as const), (list, measure) => {
        const result = instantRunoff(options, list, measure)
        if (result.winner === null) return
        const last = result.rounds.at(-1)!
        const mine = last.counts.find((c) => c.optionId === result.winner)!
        expect(mine[measure] * 2).toBeGreaterThan(last.continuing)
      }),
      { numRuns: RUNS },
    )
  })

  it('property: independent of ballot order and of the order options are listed', () => {
    fc.assert(
      fc.property(rankings, (list) => {
        const a = instantRunoff(options, list)
        const b = instantRunoff([...options].reverse(), [...list].reverse())
        expect(b.winner).toBe(a.winner)
        expect(b.tied).toEqual(a.tied)
        expect(b.rounds.map((r) => [...r.eliminated].sort())).toEqual(
          a.rounds.map((r) => [...r.eliminated].sort()),
        )
      }),
      { numRuns: RUNS },
    )
  })
})
