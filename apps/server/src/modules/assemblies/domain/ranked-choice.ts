import { AssemblyRuleError } from './errors.ts'
import { compareIds } from './quorum.ts'

/** Ballots with the same preference order, summed (no per-ballot rows, see secret-ballot.ts). */
export interface RankingTotal {
  readonly ranking: readonly string[]
  readonly weight: number
  readonly heads: number
}

export interface RunoffCount {
  readonly optionId: string
  readonly weight: number
  readonly heads: number
}

export interface RunoffRound {
  /** Continuing options with the ballots whose highest continuing preference they are, in option order. */
  readonly counts: readonly RunoffCount[]
  readonly continuing: number
  readonly exhausted: number
  /** Options dropped after this round; empty in the last round. */
  readonly eliminated: readonly string[]
}

export interface RunoffResult {
  /** null when every ballot is exhausted or all continuing options tie. */
  readonly winner: string | null
  readonly tied: readonly string[]
  readonly rounds: readonly RunoffRound[]
}

/**
 * Instant-runoff count over `measure` (the decision-basis weight, or heads). A winner needs more than half
 * of the continuing ballots of a round. All options tied for last are dropped together, so the count never
 * depends on ballot order or on how options are listed; a tie between every continuing option has no winner.
 */
export function instantRunoff(
  options: readonly string[],
  rankings: readonly RankingTotal[],
  measure: 'weight' | 'heads' = 'weight',
): RunoffResult {
  if (new Set(options).size !== options.length) {
    throw new AssemblyRuleError('INVALID_RULE', 'ranked options must be distinct')
  }
  const known = new Set(options)
  let total = 0
  for (const r of rankings) {
    if (r.ranking.some((id) => !known.has(id)) || new Set(r.ranking).size !== r.ranking.length) {
      throw new AssemblyRuleError(
        'INVALID_BALLOT',
        `ranking ${r.ranking.join(' > ')} has unknown or repeated options`,
      )
    }
    total += r[measure]
  }
  const continuing = new Set(options)
  const rounds: RunoffRound[] = []
  while (continuing.size > 0) {
    const tally = new Map<string, { weight: number; heads: number }>()
    for (const id of options) if (continuing.has(id)) tally.set(id, { weight: 0, heads: 0 })
    for (const r of rankings) {
      const first = r.ranking.find((id) => continuing.has(id))
      if (first === undefined) continue
      const entry = tally.get(first)!
      entry.weight += r.weight
      entry.heads += r.heads
    }
    const counts = [...tally].map(([optionId, t]) => ({ optionId, weight: t.weight, heads: t.heads }))
    const continuingTotal = counts.reduce((acc, c) => acc + c[measure], 0)
    const round = { counts, continuing: continuingTotal, exhausted: total - continuingTotal }
    if (continuingTotal === 0) {
      rounds.push({ ...round, eliminated: [] })
      return { winner: null, tied: [], rounds }
    }
    const top = counts.reduce((best, c) => (c[measure] > best[measure] ? c : best))
    if (top[measure] * 2 > continuingTotal) {
      rounds.push({ ...round, eliminated: [] })
      return { winner: top.optionId, tied: [], rounds }
    }
    const lowest = Math.min(...counts.map((c) => c[measure]))
    const eliminated = counts.filter((c) => c[measure] === lowest).map((c) => c.optionId)
    if (eliminated.length === continuing.size) {
      rounds.push({ ...round, eliminated: [] })
      return { winner: null, tied: [...eliminated].sort(compareIds), rounds }
    }
    rounds.push({ ...round, eliminated })
    for (const id of eliminated) continuing.delete(id)
  }
  return { winner: null, tied: [], rounds }
}
