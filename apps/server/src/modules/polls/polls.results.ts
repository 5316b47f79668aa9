import type { PollResults } from '@minga/contracts'
import {
  AssemblyRuleError,
  type Poll as DomainPoll,
  type Share,
  type Stance,
  tallyPoll,
} from '../assemblies/domain/index.ts'
import type { PollRow, StanceRow } from './polls.repository.ts'

/** The domain's view of a poll row: the math (validation, tally, runoff) is the assemblies domain's. */
export function domainPoll(row: PollRow): DomainPoll {
  return {
    type: row.type,
    options: row.options.map((o) => o.id),
    ...(row.minChoices !== null ? { minChoices: row.minChoices } : {}),
    ...(row.maxChoices !== null ? { maxChoices: row.maxChoices } : {}),
    ...(row.minScore !== null ? { minScore: row.minScore } : {}),
    ...(row.maxScore !== null ? { maxScore: row.maxScore } : {}),
    ...(row.dotsPerPerson !== null ? { dotsPerPerson: row.dotsPerPerson } : {}),
  }
}

/** An exact share times `multiplier`, rounded half-up to 2 decimals (display only). */
function rounded(value: Share | null, multiplier: bigint): number | null {
  if (value === null) return null
  const scaled = value.numerator * multiplier * 100n
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const hundredths = (abs * 2n + value.denominator) / (2n * value.denominator)
  return (negative ? -Number(hundredths) : Number(hundredths)) / 100
}

/** Tallies the latest stances of invited people; `stances` is null here (named lists are added on read). */
export function computeResults(
  row: PollRow,
  stances: readonly StanceRow[],
  invited: readonly string[],
  final: boolean,
): PollResults {
  const invitedSet = new Set(invited)
  const counted: Stance[] = stances
    .filter((s) => invitedSet.has(s.userId))
    .map((s) => ({ participantId: s.userId, choices: s.choices }))
  const result = tallyPoll(domainPoll(row), counted, invited.length)
  const label = new Map(row.options.map((o) => [o.id, o.label]))
  return {
    pollId: row.id,
    type: row.type,
    final,
    decided: result.decided,
    invited: result.invited,
    participationPercent: rounded(result.participation, 100n),
    options: result.options.map((o) => ({
      optionId: o.optionId,
      label: label.get(o.optionId) ?? o.optionId,
      totalScore: o.totalScore,
      voterCount: o.voterCount,
      average: rounded(o.average, 1n),
    })),
    runoff: result.runoff && {
      winner: result.runoff.winner,
      tied: [...result.runoff.tied],
      rounds: result.runoff.rounds.map((r) => ({
        counts: r.counts.map((c) => ({ optionId: c.optionId, votes: c.heads })),
        exhausted: r.exhausted,
        eliminated: [...r.eliminated],
      })),
    },
    stances: null,
  }
}

export { AssemblyRuleError }
