import { AssemblyRuleError } from './errors.ts'
import {
  ABSTAIN,
  decisionOptions,
  type MajorityCondition,
  type MotionRules,
  seatWeight,
  validateMajorityRule,
} from './majority-rules.ts'
import type { QuorumSnapshot } from './quorum.ts'
import { instantRunoff, type RunoffResult } from './ranked-choice.ts'
import { meetsThreshold } from './ratio.ts'
import { addBallot, type BallotTotals, type Choice, emptyTotals } from './secret-ballot.ts'

/** A named (non-secret) ballot: who voted what is kept on purpose. */
export interface NamedBallot {
  readonly seatId: string
  /** The seat's coefficient; the motion's basis turns it into a weight. */
  readonly coefficient: number
  readonly choice: Choice
}

/** Sums named ballots into the same running totals secret motions keep; one ballot per seat. */
export function totalsFromBallots(rules: MotionRules, ballots: readonly NamedBallot[]): BallotTotals {
  const seen = new Set<string>()
  let totals = emptyTotals(rules)
  for (const ballot of ballots) {
    if (seen.has(ballot.seatId)) {
      throw new AssemblyRuleError(
        'DUPLICATE_VOTE',
        `seat ${ballot.seatId} has already voted on this motion`,
        {
          seatId: ballot.seatId,
        },
      )
    }
    seen.add(ballot.seatId)
    totals = addBallot(totals, seatWeight(rules.basis, ballot.coefficient), ballot.choice)
  }
  return totals
}

export interface ConditionResult {
  readonly condition: MajorityCondition
  readonly numerator: number
  readonly denominator: number
  readonly met: boolean
}

export interface OptionResult {
  readonly optionId: string
  readonly weight: number
  readonly heads: number
  readonly conditions: readonly ConditionResult[]
  /** Meets every condition of the majority rule. */
  readonly passes: boolean
}

export type MotionOutcome = 'approved' | 'rejected' | 'tie' | 'no-quorum'

export interface MotionResult {
  readonly outcome: MotionOutcome
  /** Winning options: [YES] for an approved yes/no motion. */
  readonly winners: readonly string[]
  /** Options tied for the last winning place (outcome `tie`). */
  readonly tied: readonly string[]
  readonly options: readonly OptionResult[]
  readonly cast: { readonly weight: number; readonly heads: number }
  readonly abstained: { readonly weight: number; readonly heads: number }
  readonly quorumMet: boolean
  /** Ranked motions: the instant-runoff rounds. */
  readonly runoff: RunoffResult | null
}

interface Figures {
  readonly weight: number
  readonly heads: number
}

function denominatorOf(
  condition: MajorityCondition,
  rules: MotionRules,
  cast: Figures,
  abstained: Figures,
  quorum: QuorumSnapshot,
): number {
  const weighted = rules.basis === 'coefficient'
  const { count } = quorum
  const pick = (f: Figures) => (condition.measure === 'weight' ? f.weight : f.heads)
  switch (condition.denominator) {
    case 'present':
      return condition.measure === 'weight' && weighted ? count.presentWeight : count.presentSeats
    case 'total':
      return condition.measure === 'weight' && weighted ? count.totalWeight : count.eligibleSeats
    case 'votes-cast':
      return pick(cast)
    case 'votes-cast-excluding-abstentions':
      return pick(cast) - pick(abstained)
  }
}

/**
 * The result of a motion from its running totals and a quorum snapshot. Pure and integer-exact: every
 * share is compared by cross-multiplication, and the totals are sums, so ballot order cannot matter.
 * A choice motion elects the options that meet the rule, best first; an equal score at the last winning
 * place is reported as a tie rather than broken arbitrarily.
 */
export function tally(rules: MotionRules, totals: BallotTotals, quorum: QuorumSnapshot): MotionResult {
  validateMajorityRule(rules.majority)
  if (totals.method !== rules.method) {
    throw new AssemblyRuleError(
      'INVALID_INPUT',
      `totals of a ${totals.method} motion cannot be tallied as ${rules.method}`,
    )
  }
  const abstainedTotal = totals.options.find((o) => o.optionId === ABSTAIN)
  const abstained = { weight: abstainedTotal?.weight ?? 0, heads: abstainedTotal?.heads ?? 0 }
  let runoff: RunoffResult | null = null
  let candidates: readonly (Figures & { readonly optionId: string })[] = totals.options.filter((o) =>
    decisionOptions(rules).includes(o.optionId),
  )
  if (rules.method === 'ranked') {
    runoff = instantRunoff(rules.options, totals.rankings, 'weight')
    const last = runoff.rounds.at(-1)
    candidates = rules.options.map((optionId) => {
      const final = last?.counts.find((c) => c.optionId === optionId)
      return { optionId, weight: final?.weight ?? 0, heads: final?.heads ?? 0 }
    })
  }
  const options: OptionResult[] = candidates.map((o) => {
    const conditions = rules.majority.conditions.map((condition) => {
      const numerator = condition.measure === 'weight' ? o.weight : o.heads
      const denominator = denominatorOf(condition, rules, totals.cast, abstained, quorum)
      return {
        condition,
        numerator,
        denominator,
        met: meetsThreshold(numerator, denominator, condition.threshold, condition.comparison),
      }
    })
    return {
      optionId: o.optionId,
      weight: o.weight,
      heads: o.heads,
      conditions,
      passes: conditions.every((c) => c.met),
    }
  })
  const base = { options, cast: totals.cast, abstained, quorumMet: quorum.verdict.met, runoff }
  if (!quorum.verdict.met) return { ...base, outcome: 'no-quorum', winners: [], tied: [] }

  if (rules.method === 'ranked') {
    const winner = runoff?.winner ?? null
    const passes = winner !== null && options.find((o) => o.optionId === winner)?.passes === true
    if (passes) return { ...base, outcome: 'approved', winners: [winner], tied: [] }
    const tied = runoff?.tied ?? []
    return { ...base, outcome: tied.length > 0 ? 'tie' : 'rejected', winners: [], tied }
  }

  const primary = rules.majority.conditions[0]!.measure
  const score = (o: OptionResult) => (primary === 'weight' ? o.weight : o.heads)
  const passing = options.filter((o) => o.passes).sort((a, b) => score(b) - score(a))
  const seats = rules.winners ?? 1
  if (passing.length === 0) return { ...base, outcome: 'rejected', winners: [], tied: [] }
  if (passing.length <= seats)
    return { ...base, outcome: 'approved', winners: passing.map((o) => o.optionId), tied: [] }
  const cutoff = score(passing[seats - 1]!)
  if (score(passing[seats]!) !== cutoff) {
    return { ...base, outcome: 'approved', winners: passing.slice(0, seats).map((o) => o.optionId), tied: [] }
  }
  const above = passing.filter((o) => score(o) > cutoff).map((o) => o.optionId)
  const tied = passing.filter((o) => score(o) === cutoff).map((o) => o.optionId)
  return { ...base, outcome: 'tie', winners: above, tied }
}
