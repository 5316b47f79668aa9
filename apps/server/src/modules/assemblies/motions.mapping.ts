import type {
  AssemblyQuorumSnapshot,
  Motion,
  MotionMajorityInput,
  MotionResult as MotionResultDto,
} from '@minga/contracts'
import type { AssemblyRow } from './assemblies.repository.ts'
import {
  ABSTAIN,
  type BallotTotals,
  ballotOptions,
  emptyTotals,
  LEY_79_ABSOLUTE_MAJORITY,
  LEY_79_TWO_THIRDS,
  LEY_675_ART_45_SIMPLE_MAJORITY,
  LEY_675_ART_46_QUALIFIED_MAJORITY,
  type MajorityRule,
  type MotionContext,
  type MotionResult,
  type MotionRules,
  NO,
  PLURALITY,
  resultsVisible,
  writtenVoteRule,
  YES,
} from './domain/index.ts'
import type { MotionRow, TotalsRow } from './motions.repository.ts'

export const CAST_KEY = 'cast'
export const RANK_PREFIX = 'rank:'

export function majorityOf(input: MotionMajorityInput): MajorityRule {
  switch (input.preset) {
    case 'ley-675-art-45':
      return LEY_675_ART_45_SIMPLE_MAJORITY
    case 'ley-675-art-46':
      return LEY_675_ART_46_QUALIFIED_MAJORITY
    case 'ley-79-absolute':
      return LEY_79_ABSOLUTE_MAJORITY
    case 'ley-79-two-thirds':
      return LEY_79_TWO_THIRDS
    case 'plurality':
      return PLURALITY
    case 'custom':
      return { id: 'custom', conditions: input.conditions }
  }
}

export function motionContextOf(
  assembly: AssemblyRow,
  motion: { economicContent: boolean; extinction: boolean },
): MotionContext {
  return {
    regime: assembly.legalFramework,
    residential: assembly.residential,
    economicContent: motion.economicContent,
    extinction: motion.extinction,
  }
}

/** The rules the tally applies: art. 43 turns every denominator into the total for written assemblies. */
export function rulesOf(motion: MotionRow, assembly: AssemblyRow): MotionRules {
  const majority = motion.majority as MajorityRule
  return {
    basis: motion.basis,
    method: motion.method,
    options: motion.options.map((o) => o.id),
    ...(motion.maxChoices !== null ? { maxChoices: motion.maxChoices } : {}),
    winners: motion.winners,
    majority: assembly.modality === 'written' ? writtenVoteRule(majority) : majority,
  }
}

const FIXED_LABELS: Record<string, string> = { [YES]: 'Sí', [NO]: 'No', [ABSTAIN]: 'Abstención' }

/** Running totals rows back to the domain's `BallotTotals`. */
export function totalsFromRows(rules: MotionRules, rows: TotalsRow[]): BallotTotals {
  const empty = emptyTotals(rules)
  const byKey = new Map(rows.map((r) => [r.optionKey, r]))
  const cast = byKey.get(CAST_KEY)
  return {
    ...empty,
    options: empty.options.map((o) => ({
      optionId: o.optionId,
      weight: byKey.get(o.optionId)?.weight ?? 0,
      heads: byKey.get(o.optionId)?.heads ?? 0,
    })),
    rankings: rows
      .filter((r) => r.optionKey.startsWith(RANK_PREFIX))
      .map((r) => ({
        ranking: JSON.parse(r.optionKey.slice(RANK_PREFIX.length)) as string[],
        weight: r.weight,
        heads: r.heads,
      }))
      .sort((a, b) => (a.ranking.join('\u0000') < b.ranking.join('\u0000') ? -1 : 1)),
    cast: { weight: cast?.weight ?? 0, heads: cast?.heads ?? 0 },
  }
}

export function toResultDto(result: MotionResult): MotionResultDto {
  return {
    outcome: result.outcome,
    winners: [...result.winners],
    tied: [...result.tied],
    options: result.options.map((o) => ({
      optionId: o.optionId,
      weight: o.weight,
      heads: o.heads,
      passes: o.passes,
      conditions: o.conditions.map((c) => ({
        measure: c.condition.measure,
        denominator: c.condition.denominator,
        threshold: { ...c.condition.threshold },
        comparison: c.condition.comparison,
        numerator: c.numerator,
        denominatorValue: c.denominator,
        met: c.met,
      })),
    })),
    cast: { ...result.cast },
    abstained: { ...result.abstained },
    quorumMet: result.quorumMet,
    runoff: result.runoff ? JSON.parse(JSON.stringify(result.runoff)) : null,
  }
}

export function toMotionDto(motion: MotionRow, assembly: AssemblyRow, totalsRows: TotalsRow[]): Motion {
  const rules = rulesOf(motion, assembly)
  const labels = new Map(motion.options.map((o) => [o.id, o.label]))
  const visible = resultsVisible(motion.state, motion.resultsVisibility)
  const totals = totalsFromRows(rules, totalsRows)
  return {
    id: motion.id,
    assemblyId: motion.assemblyId,
    agendaItemId: motion.agendaItemId,
    title: motion.title,
    description: motion.description,
    state: motion.state,
    basis: motion.basis,
    method: motion.method,
    options: ballotOptions(rules).map((id) => ({ id, label: labels.get(id) ?? FIXED_LABELS[id] ?? id })),
    maxChoices: motion.maxChoices,
    winners: motion.winners,
    majorityPreset: motion.majorityPreset as Motion['majorityPreset'],
    majority: {
      id: rules.majority.id,
      conditions: rules.majority.conditions.map((c) => ({ ...c, threshold: { ...c.threshold } })),
    },
    economicContent: motion.economicContent,
    secrecy: motion.secrecy,
    resultsVisibility: motion.resultsVisibility,
    ballotsCast: totals.cast.heads,
    totals: visible ? totals.options.map((o) => ({ ...o })) : null,
    quorumAtOpen: (motion.quorumAtOpen as AssemblyQuorumSnapshot | null) ?? null,
    quorumAtClose: (motion.quorumAtClose as AssemblyQuorumSnapshot | null) ?? null,
    result: (motion.result as MotionResultDto | null) ?? null,
    openedAt: motion.openedAt?.toISOString() ?? null,
    closedAt: motion.closedAt?.toISOString() ?? null,
    publishedAt: motion.publishedAt?.toISOString() ?? null,
    version: motion.version,
  }
}
