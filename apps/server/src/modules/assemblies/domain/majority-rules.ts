import type { Coefficient } from './coefficients.ts'
import { AssemblyRuleError } from './errors.ts'
import { assertRatio, type Comparison, type Ratio, ratio } from './ratio.ts'

/**
 * What one seat weighs in a motion. C-522/2002: in residential propiedad horizontal, decisions of
 * non-economic content are not weighted by coefficient, so each motion carries its own basis.
 */
export type DecisionBasis = 'coefficient' | 'unit' | 'head' | 'delegate'

export const DECISION_BASES: readonly DecisionBasis[] = ['coefficient', 'unit', 'head', 'delegate']

export type VotingMethod = 'yes-no' | 'yes-no-abstain' | 'single-choice' | 'multiple-choice' | 'ranked'

export const VOTING_METHODS: readonly VotingMethod[] = [
  'yes-no',
  'yes-no-abstain',
  'single-choice',
  'multiple-choice',
  'ranked',
]

/** The option ids of yes/no motions; ABSTAIN is also the blank vote of choice methods. */
export const YES = 'yes'
export const NO = 'no'
export const ABSTAIN = 'abstain'

/** `weight` follows the motion's decision basis; `heads` counts one per seat whatever the basis. */
export type Measure = 'weight' | 'heads'

/**
 * What the share is taken of:
 * - `present`: the quorum snapshot (art. 45 "coefficients represented in the meeting"); silence counts against.
 * - `votes-cast`: every ballot, abstentions included (OpenSlides base YNA / "cast").
 * - `votes-cast-excluding-abstentions`: yes + no only (OpenSlides base YN); abstaining changes nothing.
 * - `total`: the whole electorate (art. 46 "total coefficients", art. 43 written votes, "eligible heads").
 */
export type MajorityDenominator = 'present' | 'votes-cast' | 'votes-cast-excluding-abstentions' | 'total'

export interface MajorityCondition {
  readonly measure: Measure
  readonly denominator: MajorityDenominator
  readonly threshold: Ratio
  readonly comparison: Comparison
}

/** Every condition must hold: a double condition (heads AND weight) is two entries. */
export interface MajorityRule {
  readonly id: string
  readonly conditions: readonly MajorityCondition[]
}

/** Ley 675 art. 45: half plus one of the coefficients represented in the meeting, read as "more than half". */
export const LEY_675_ART_45_SIMPLE_MAJORITY: MajorityRule = {
  id: 'ley-675-art-45',
  conditions: [{ measure: 'weight', denominator: 'present', threshold: ratio(1, 2), comparison: 'gt' }],
}

/** Ley 675 art. 46: qualified majority of 70 % of the total coefficients of the building. */
export const LEY_675_ART_46_QUALIFIED_MAJORITY: MajorityRule = {
  id: 'ley-675-art-46',
  conditions: [{ measure: 'weight', denominator: 'total', threshold: ratio(7, 10), comparison: 'gte' }],
}

/** Ley 79 art. 32 (verify with counsel): absolute majority of the votes of those attending. */
export const LEY_79_ABSOLUTE_MAJORITY: MajorityRule = {
  id: 'ley-79-art-32-absolute',
  conditions: [{ measure: 'heads', denominator: 'present', threshold: ratio(1, 2), comparison: 'gt' }],
}

/** Ley 79 art. 32 (verify with counsel): two thirds of those attending for statutes, mergers, dissolution. */
export const LEY_79_TWO_THIRDS: MajorityRule = {
  id: 'ley-79-art-32-two-thirds',
  conditions: [{ measure: 'heads', denominator: 'present', threshold: ratio(2, 3), comparison: 'gte' }],
}

/** Relative majority (plurality) for choice methods: the option with most support wins, no threshold. */
export const PLURALITY: MajorityRule = {
  id: 'plurality',
  conditions: [{ measure: 'weight', denominator: 'votes-cast', threshold: ratio(0, 1), comparison: 'gt' }],
}

/**
 * Ley 675 art. 43: in the written-vote procedure majorities are computed over the total coefficients,
 * so every denominator of the rule becomes `total`.
 */
export function writtenVoteRule(rule: MajorityRule): MajorityRule {
  return {
    id: `${rule.id}+art-43-written`,
    conditions: rule.conditions.map((c) => ({ ...c, denominator: 'total' })),
  }
}

export interface MotionRules {
  readonly basis: DecisionBasis
  readonly method: VotingMethod
  /** Option ids for choice and ranked methods; ignored for yes/no methods (YES, NO and maybe ABSTAIN). */
  readonly options: readonly string[]
  /** multiple-choice: most options one ballot may mark (default: all). */
  readonly maxChoices?: number
  /** How many options may win (board seats); default 1. */
  readonly winners?: number
  readonly majority: MajorityRule
}

export interface MotionContext {
  readonly regime: 'cooperative' | 'horizontal-property'
  /** Residential building (C-522/2002 applies); mixed or commercial buildings may weight everything. */
  readonly residential: boolean
  /** Does the decision have economic content (budget, fees, works)? */
  readonly economicContent: boolean
  /** Ley 675 art. 45: only the extinction of the regime may require more than 70 % of the total. */
  readonly extinction?: boolean
}

/** The basis the law suggests when the administrator does not choose one. */
export function defaultDecisionBasis(context: MotionContext): DecisionBasis {
  if (context.regime === 'cooperative') return 'head'
  return context.residential && !context.economicContent ? 'unit' : 'coefficient'
}

/** The options a ballot may carry for this motion, abstention included where the method allows it. */
export function ballotOptions(rules: MotionRules): readonly string[] {
  switch (rules.method) {
    case 'yes-no':
      return [YES, NO]
    case 'yes-no-abstain':
      return [YES, NO, ABSTAIN]
    default:
      return [...rules.options, ABSTAIN]
  }
}

/** The options that can win: yes/no motions are decided on YES. */
export function decisionOptions(rules: MotionRules): readonly string[] {
  return rules.method === 'yes-no' || rules.method === 'yes-no-abstain' ? [YES] : rules.options
}

export function validateMajorityRule(rule: MajorityRule): void {
  if (rule.conditions.length === 0) {
    throw new AssemblyRuleError('INVALID_RULE', `majority rule ${rule.id} has no condition`)
  }
  for (const condition of rule.conditions) {
    assertRatio(condition.threshold, `threshold of majority rule ${rule.id}`)
    if (condition.comparison !== 'gt' && condition.comparison !== 'gte') {
      throw new AssemblyRuleError('INVALID_RULE', `unknown comparison ${String(condition.comparison)}`)
    }
  }
}

export function validateMotionRules(rules: MotionRules, context: MotionContext): void {
  if (!DECISION_BASES.includes(rules.basis)) {
    throw new AssemblyRuleError('INVALID_RULE', `unknown decision basis ${String(rules.basis)}`)
  }
  if (!VOTING_METHODS.includes(rules.method)) {
    throw new AssemblyRuleError('INVALID_RULE', `unknown voting method ${String(rules.method)}`)
  }
  validateMajorityRule(rules.majority)
  if (rules.method !== 'yes-no' && rules.method !== 'yes-no-abstain') {
    if (rules.options.length < 2)
      throw new AssemblyRuleError('INVALID_RULE', 'a choice needs at least two options')
    const unique = new Set(rules.options)
    if (unique.size !== rules.options.length || unique.has(ABSTAIN) || unique.has('')) {
      throw new AssemblyRuleError('INVALID_RULE', `options must be distinct, non-empty and not "${ABSTAIN}"`)
    }
  }
  const winners = rules.winners ?? 1
  if (!Number.isSafeInteger(winners) || winners < 1 || (winners > 1 && rules.method !== 'multiple-choice')) {
    throw new AssemblyRuleError(
      'INVALID_RULE',
      'several winners are only possible in a multiple-choice motion',
    )
  }
  if (rules.maxChoices !== undefined && (!Number.isSafeInteger(rules.maxChoices) || rules.maxChoices < 1)) {
    throw new AssemblyRuleError('INVALID_RULE', 'maxChoices must be a positive integer')
  }
  if (context.regime === 'horizontal-property') {
    // C-522/2002: residential, non-economic decisions are not weighted by coefficient.
    if (context.residential && !context.economicContent && rules.basis === 'coefficient') {
      throw new AssemblyRuleError(
        'WEIGHTED_NON_ECONOMIC_DECISION',
        'in a residential building a decision without economic content cannot be weighted by coefficient (C-522/2002); use one vote per unit',
      )
    }
    // Ley 675 art. 45: a higher majority than 70 % of the total is "not written", except for extinction.
    if (context.extinction !== true) {
      for (const c of rules.majority.conditions) {
        const asked = BigInt(c.threshold.numerator) * 10n
        const limit = BigInt(c.threshold.denominator) * 7n
        const above = asked > limit || (asked === limit && c.comparison === 'gt')
        if (c.measure === 'weight' && c.denominator === 'total' && above) {
          throw new AssemblyRuleError(
            'ABOVE_LEGAL_MAXIMUM_MAJORITY',
            `majority rule ${rules.majority.id} asks for more than 70 % of the total coefficients (Ley 675 art. 45)`,
          )
        }
      }
    }
  }
}

/** One seat's weight in a motion: its coefficient when weighted, otherwise one. */
export function seatWeight(basis: DecisionBasis, coefficient: Coefficient): number {
  return basis === 'coefficient' ? coefficient : 1
}
