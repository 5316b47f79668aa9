import { AssemblyRuleError } from './errors.ts'
import { instantRunoff, type RunoffResult } from './ranked-choice.ts'
import { assertRatio, type Ratio, type Share, share } from './ratio.ts'

/** Async polls between assemblies, after Loomio's poll types (governance.md §2.1). One person, one stance. */
export type PollType = 'proposal' | 'choose' | 'score' | 'ranked-choice' | 'dot-vote'

export const PROPOSAL_OPTIONS = ['agree', 'abstain', 'disagree', 'block'] as const
export type ProposalOption = (typeof PROPOSAL_OPTIONS)[number]

export interface Poll {
  readonly type: PollType
  /** Ignored for proposals, which always offer PROPOSAL_OPTIONS. */
  readonly options: readonly string[]
  /** choose / ranked-choice: fewest options a stance must mark or rank (default 1). */
  readonly minChoices?: number
  /** choose: most options a stance may mark; ranked-choice: ranks that earn points (default all). */
  readonly maxChoices?: number
  /** score: the scale (default 0..5). */
  readonly minScore?: number
  readonly maxScore?: number
  /** dot-vote: dots each person may spread (default 10). */
  readonly dotsPerPerson?: number
}

/** Loomio's StanceChoice: (option, integer score). A rank for ranked choice (1 = first), 1 for a mark. */
export interface StanceChoice {
  readonly optionId: string
  readonly score: number
}

export interface Stance {
  /** Omitted for anonymous polls; when given, a second stance by the same person is refused. */
  readonly participantId?: string
  readonly choices: readonly StanceChoice[]
}

export function pollOptions(poll: Poll): readonly string[] {
  return poll.type === 'proposal' ? PROPOSAL_OPTIONS : poll.options
}

function refuse(message: string): never {
  throw new AssemblyRuleError('INVALID_BALLOT', message)
}

/** One validator for every type, as Loomio's BallotValidator: bounded, dot_vote and ranked rules. */
export function validateStance(poll: Poll, stance: Stance): void {
  const options = new Set(pollOptions(poll))
  const ids = stance.choices.map((c) => c.optionId)
  if (new Set(ids).size !== ids.length) refuse('a stance names an option twice')
  for (const c of stance.choices) {
    if (!options.has(c.optionId)) refuse(`"${c.optionId}" is not an option of this poll`)
    if (!Number.isSafeInteger(c.score)) refuse('scores are integers')
  }
  const count = stance.choices.length
  switch (poll.type) {
    case 'proposal':
      if (count !== 1 || stance.choices[0]!.score !== 1) refuse('a proposal stance is exactly one position')
      return
    case 'choose': {
      const min = poll.minChoices ?? 1
      const max = poll.maxChoices ?? options.size
      if (count < min || count > max) refuse(`choose between ${min} and ${max} options`)
      if (stance.choices.some((c) => c.score !== 1)) refuse('a marked option scores 1')
      return
    }
    case 'score': {
      const min = poll.minScore ?? 0
      const max = poll.maxScore ?? 5
      if (count === 0) refuse('score at least one option')
      if (stance.choices.some((c) => c.score < min || c.score > max))
        refuse(`scores go from ${min} to ${max}`)
      return
    }
    case 'ranked-choice': {
      const min = poll.minChoices ?? 1
      if (count < min || count > options.size) refuse(`rank between ${min} and ${options.size} options`)
      const ranks = stance.choices.map((c) => c.score).sort((a, b) => a - b)
      if (ranks.some((rank, i) => rank !== i + 1)) refuse('ranks run 1, 2, 3… without gaps')
      return
    }
    case 'dot-vote': {
      const dots = poll.dotsPerPerson ?? 10
      if (stance.choices.some((c) => c.score < 0)) refuse('dots cannot be negative')
      const used = stance.choices.reduce((acc, c) => acc + c.score, 0)
      if (used === 0 || used > dots) refuse(`spread between 1 and ${dots} dots`)
      return
    }
  }
}

export interface PollOptionResult {
  readonly optionId: string
  /** Sum of scores (marks, dots, scores, or ranked-choice points). */
  readonly totalScore: number
  /** People who gave the option a non-zero score. */
  readonly voterCount: number
  /** totalScore / stances that scored it, exact; null when nobody did. */
  readonly average: Share | null
}

/** Loomio's vote-share requirement: on an option, over votes cast or over eligible voters. */
export interface VoteShareRequirement {
  readonly optionId: string
  readonly comparison: 'gt' | 'gte' | 'lt' | 'lte'
  readonly share: Ratio
  readonly base: 'cast' | 'eligible'
}

export interface PollRules {
  /** Participation quorum: decided / invited must reach it (Loomio). */
  readonly participationQuorum?: Ratio
  readonly requirements?: readonly VoteShareRequirement[]
}

export interface RequirementResult {
  readonly requirement: VoteShareRequirement
  readonly voters: number
  readonly base: number
  readonly met: boolean
}

export interface PollResult {
  readonly type: PollType
  readonly decided: number
  readonly invited: number
  /** Loomio's cast_stances_pct as an exact share; null with nobody invited. */
  readonly participation: Share | null
  /** Sorted by totalScore, highest first; equal scores keep option order. */
  readonly options: readonly PollOptionResult[]
  readonly quorumMet: boolean
  readonly requirements: readonly RequirementResult[]
  /** Quorum and every requirement met; null when the poll states no requirement. */
  readonly passes: boolean | null
  /** Ranked choice: the instant-runoff count by heads, besides the points. */
  readonly runoff: RunoffResult | null
}

function compare(value: bigint, limit: bigint, comparison: VoteShareRequirement['comparison']): boolean {
  switch (comparison) {
    case 'gt':
      return value > limit
    case 'gte':
      return value >= limit
    case 'lt':
      return value < limit
    case 'lte':
      return value <= limit
  }
}

/**
 * Tallies the latest stance of each participant. Ranked-choice points are Loomio's: with k ranks counted,
 * first place earns k points, second k − 1, and so on (a Borda count); the runoff is also reported.
 */
export function tallyPoll(
  poll: Poll,
  stances: readonly Stance[],
  invited: number,
  rules: PollRules = {},
): PollResult {
  if (!Number.isSafeInteger(invited) || invited < 0) {
    throw new AssemblyRuleError('INVALID_INPUT', `invited must be a non-negative integer, got ${invited}`)
  }
  const seen = new Set<string>()
  for (const stance of stances) {
    validateStance(poll, stance)
    if (stance.participantId !== undefined) {
      if (seen.has(stance.participantId)) {
        throw new AssemblyRuleError('DUPLICATE_VOTE', `participant ${stance.participantId} has two stances`)
      }
      seen.add(stance.participantId)
    }
  }
  const options = pollOptions(poll)
  const ranks = poll.maxChoices ?? options.length
  const points = (c: StanceChoice) =>
    poll.type === 'ranked-choice' ? Math.max(ranks - c.score + 1, 0) : c.score
  const results: PollOptionResult[] = options.map((optionId) => {
    let totalScore = 0
    let voterCount = 0
    let scored = 0
    for (const stance of stances) {
      const choice = stance.choices.find((c) => c.optionId === optionId)
      if (choice === undefined) continue
      scored++
      totalScore += points(choice)
      if (points(choice) !== 0) voterCount++
    }
    return { optionId, totalScore, voterCount, average: share(totalScore, scored) }
  })
  const sorted = results
    .map((r, index) => ({ r, index }))
    .sort((a, b) => b.r.totalScore - a.r.totalScore || a.index - b.index)
    .map(({ r }) => r)

  const decided = stances.length
  const quorum = rules.participationQuorum
  if (quorum !== undefined) assertRatio(quorum, 'participation quorum')
  const quorumMet =
    quorum === undefined ||
    (invited > 0 &&
      BigInt(decided) * BigInt(quorum.denominator) >= BigInt(quorum.numerator) * BigInt(invited))
  const requirements = (rules.requirements ?? []).map((requirement) => {
    assertRatio(requirement.share, 'vote-share requirement')
    const voters = results.find((r) => r.optionId === requirement.optionId)?.voterCount ?? 0
    const base = requirement.base === 'cast' ? decided : invited
    const met =
      base > 0 &&
      compare(
        BigInt(voters) * BigInt(requirement.share.denominator),
        BigInt(requirement.share.numerator) * BigInt(base),
        requirement.comparison,
      )
    return { requirement, voters, base, met }
  })
  const stated = quorum !== undefined || requirements.length > 0
  const runoff =
    poll.type === 'ranked-choice'
      ? instantRunoff(
          options,
          stances.map((s) => ({
            ranking: [...s.choices].sort((a, b) => a.score - b.score).map((c) => c.optionId),
            weight: 1,
            heads: 1,
          })),
          'heads',
        )
      : null
  return {
    type: poll.type,
    decided,
    invited,
    participation: share(decided, invited),
    options: sorted,
    quorumMet,
    requirements,
    passes: stated ? quorumMet && requirements.every((r) => r.met) : null,
    runoff,
  }
}
