import type { Assembly, AssemblyQuorumSnapshot, Motion } from '@minga/contracts'
import { figureNeeded, percentOf } from './assembly-format.ts'

type Count = AssemblyQuorumSnapshot['count']
type Condition = Motion['majority']['conditions'][number]

export interface OptionFigures {
  optionId: string
  weight: number
  heads: number
  /** Share of the bar's whole (0–100). */
  weightPercent: number
  headsPercent: number
  winner: boolean
}

export interface TallyModel {
  /** Totals can be shown (live results, or after close). */
  visible: boolean
  /** The basis weighs by coefficient (otherwise weight = one per seat). */
  weighted: boolean
  cast: number
  eligible: number
  options: OptionFigures[]
  /** The first majority condition, drawn as the threshold line; null for plurality. */
  threshold: { condition: Condition; percent: number; whole: number; needed: number | null } | null
}

/**
 * The figures the projector and the console draw for one motion. Running totals come from the
 * server (only when visible); the line and "votos necesarios" read the motion's own majority rule
 * against the quorum snapshot taken when it opened (or closed), the way the tally will.
 */
export function tallyModel(
  motion: Motion,
  modality: Assembly['modality'],
  liveCount: Count | null | undefined,
): TallyModel {
  const weighted = motion.basis === 'coefficient'
  const count = motion.quorumAtClose?.count ?? motion.quorumAtOpen?.count ?? liveCount ?? null
  const eligible = count ? (modality === 'written' ? count.eligibleSeats : count.presentSeats) : 0
  const source = motion.result?.options ?? motion.totals
  const visible = source != null
  const figures = optionIds(motion).map((optionId) => {
    const row = source?.find((item) => item.optionId === optionId)
    return { optionId, weight: row?.weight ?? 0, heads: row?.heads ?? 0 }
  })

  const wholeOf = (measure: Condition['measure'], denominator: Condition['denominator']): number => {
    const useWeight = measure === 'weight'
    const pick = (f: { weight: number; heads: number }) => (useWeight ? f.weight : f.heads)
    switch (denominator) {
      case 'present':
        return count ? (useWeight && weighted ? count.presentWeight : count.presentSeats) : 0
      case 'total':
        return count ? (useWeight && weighted ? count.totalWeight : count.eligibleSeats) : 0
      case 'votes-cast':
        return figures.reduce((sum, f) => sum + pick(f), 0)
      case 'votes-cast-excluding-abstentions':
        return figures.filter((f) => f.optionId !== 'abstain').reduce((sum, f) => sum + pick(f), 0)
    }
  }

  const condition = motion.majority.conditions.find((c) => c.threshold.numerator > 0) ?? null
  const barWhole = (measure: Condition['measure']) =>
    condition ? wholeOf(measure, condition.denominator) : wholeOf(measure, 'votes-cast')
  const weightWhole = barWhole('weight')
  const headsWhole = barWhole('heads')
  const winners = new Set(motion.result?.winners ?? [])

  let threshold: TallyModel['threshold'] = null
  if (condition) {
    const whole = wholeOf(condition.measure, condition.denominator)
    threshold = {
      condition,
      percent: percentOf(condition.threshold.numerator, condition.threshold.denominator),
      whole,
      needed: figureNeeded(whole, condition.threshold, condition.comparison),
    }
  }

  return {
    visible,
    weighted,
    cast: motion.ballotsCast,
    eligible,
    threshold,
    options: figures.map((f) => ({
      ...f,
      weightPercent: percentOf(f.weight, weightWhole),
      headsPercent: percentOf(f.heads, headsWhole),
      winner: winners.has(f.optionId),
    })),
  }
}

function optionIds(motion: Motion): string[] {
  return motion.options.map((option) => option.id)
}
