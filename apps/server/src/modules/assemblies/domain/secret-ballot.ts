import { createHash } from 'node:crypto'
import { AssemblyRuleError } from './errors.ts'
import { ABSTAIN, ballotOptions, type MotionRules, type VotingMethod } from './majority-rules.ts'
import { assertMotionOpen, type MotionState } from './motion-state.ts'
import { compareIds } from './quorum.ts'
import type { RankingTotal } from './ranked-choice.ts'

/** A ballot's choice: one option id, several (multiple choice), an order (ranked), or [ABSTAIN]. */
export type Choice = readonly string[]

export interface OptionTotal {
  readonly optionId: string
  readonly weight: number
  readonly heads: number
}

/**
 * Per-option running totals of a motion. In propiedad horizontal a coefficient is often unique, so a
 * ballot row that stores its weight can be linked back to the unit (governance.md §1, gap 5); these sums
 * are all a secret motion keeps. Ranked ballots are summed per identical preference order.
 */
export interface BallotTotals {
  readonly method: VotingMethod
  readonly maxChoices: number
  /** In `ballotOptions` order; for ranked motions these are first preferences (informative only). */
  readonly options: readonly OptionTotal[]
  /** Ranked motions only, sorted by ranking so the state never reflects arrival order. */
  readonly rankings: readonly RankingTotal[]
  /** Every ballot once, abstentions included. */
  readonly cast: { readonly weight: number; readonly heads: number }
}

export function emptyTotals(rules: MotionRules): BallotTotals {
  const options = ballotOptions(rules)
  const choosable = options.length - 1
  return {
    method: rules.method,
    maxChoices: rules.method === 'multiple-choice' ? Math.min(rules.maxChoices ?? choosable, choosable) : 1,
    options: options.map((optionId) => ({ optionId, weight: 0, heads: 0 })),
    rankings: [],
    cast: { weight: 0, heads: 0 },
  }
}

function invalid(message: string, choice: Choice): never {
  throw new AssemblyRuleError('INVALID_BALLOT', message, { choice })
}

/** Checks a choice against the motion and returns its canonical form (multiple choice sorted). */
export function normalizeChoice(totals: BallotTotals, choice: Choice): Choice {
  const known = new Set(totals.options.map((o) => o.optionId))
  if (choice.length === 1 && choice[0] === ABSTAIN && known.has(ABSTAIN)) return [ABSTAIN]
  if (choice.includes(ABSTAIN)) invalid('an abstention cannot be combined with other options', choice)
  if (new Set(choice).size !== choice.length) invalid('a ballot repeats an option', choice)
  for (const id of choice) if (!known.has(id)) invalid(`"${id}" is not an option of this motion`, choice)
  switch (totals.method) {
    case 'yes-no':
    case 'yes-no-abstain':
    case 'single-choice':
      if (choice.length !== 1) invalid('this motion takes exactly one option', choice)
      return choice
    case 'multiple-choice':
      if (choice.length < 1 || choice.length > totals.maxChoices) {
        invalid(`mark between 1 and ${totals.maxChoices} options, or abstain`, choice)
      }
      return [...choice].sort(compareIds)
    case 'ranked':
      if (choice.length < 1) invalid('rank at least one option, or abstain', choice)
      return choice
  }
}

function assertWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight <= 0) {
    throw new AssemblyRuleError('INVALID_BALLOT', `a ballot weight must be a positive integer, got ${weight}`)
  }
}

/**
 * Adds one ballot to the running totals and returns new totals. Addition commutes, so the result does not
 * depend on the order ballots arrive in; nothing about the individual ballot survives but the sums.
 */
export function addBallot(totals: BallotTotals, weight: number, choice: Choice): BallotTotals {
  assertWeight(weight)
  const canonical = normalizeChoice(totals, choice)
  const abstained = canonical[0] === ABSTAIN
  const credited = new Set(totals.method === 'ranked' && !abstained ? canonical.slice(0, 1) : canonical)
  const options = totals.options.map((o) =>
    credited.has(o.optionId) ? { optionId: o.optionId, weight: o.weight + weight, heads: o.heads + 1 } : o,
  )
  let rankings = totals.rankings
  if (totals.method === 'ranked' && !abstained) {
    const key = rankingKey(canonical)
    const existing = rankings.find((r) => rankingKey(r.ranking) === key)
    rankings =
      existing === undefined
        ? [...rankings, { ranking: [...canonical], weight, heads: 1 }].sort((a, b) =>
            compareIds(rankingKey(a.ranking), rankingKey(b.ranking)),
          )
        : rankings.map((r) =>
            r === existing ? { ranking: r.ranking, weight: r.weight + weight, heads: r.heads + 1 } : r,
          )
  }
  return {
    ...totals,
    options,
    rankings,
    cast: { weight: totals.cast.weight + weight, heads: totals.cast.heads + 1 },
  }
}

function rankingKey(ranking: readonly string[]): string {
  return ranking.join('\u0000')
}

/** The secret motion's whole state: who voted (a sorted set, no timestamps) kept apart from what was voted. */
export interface SecretBallotState {
  readonly motionState: MotionState
  /** Seats that have voted, sorted so the register does not reveal voting order. */
  readonly register: readonly string[]
  readonly totals: BallotTotals
}

export interface SecretCast {
  readonly seatId: string
  readonly present: boolean
  readonly weight: number
  readonly choice: Choice
}

/**
 * Admits one ballot: the motion is open, the seat is present (written votes pass `present: true`), it has
 * not voted, and the choice is valid. The register and the totals change together or not at all.
 */
export function castSecretBallot(state: SecretBallotState, cast: SecretCast): SecretBallotState {
  assertMotionOpen(state.motionState)
  if (!cast.present) {
    throw new AssemblyRuleError('SEAT_NOT_PRESENT', `seat ${cast.seatId} is not present and cannot vote`, {
      seatId: cast.seatId,
    })
  }
  const index = sortedIndex(state.register, cast.seatId)
  if (state.register[index] === cast.seatId) {
    throw new AssemblyRuleError('DUPLICATE_VOTE', `seat ${cast.seatId} has already voted on this motion`, {
      seatId: cast.seatId,
    })
  }
  const totals = addBallot(state.totals, cast.weight, cast.choice)
  const register = [...state.register.slice(0, index), cast.seatId, ...state.register.slice(index)]
  return { motionState: state.motionState, register, totals }
}

function sortedIndex(sorted: readonly string[], id: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareIds(sorted[mid]!, id) < 0) low = mid + 1
    else high = mid
  }
  return low
}

export interface ReceiptInput {
  readonly motionId: string
  /** A random secret only the voter keeps, at least 128 bits as hex, so nobody can guess receipts. */
  readonly nonce: string
  readonly weight: number
  readonly choice: Choice
}

const NONCE = /^[0-9a-f]{32,128}$/

/**
 * Belenios-style tracking number: SHA-256 over the motion, the voter's nonce, the weight and the choice.
 * The published list holds only receipts (sorted), so it names no voter and shows no weight, but a voter
 * holding the nonce can check their ballot was included with the right weight and choice. Not
 * receipt-free: a voter could show the nonce to prove their vote.
 */
export function ballotReceipt(input: ReceiptInput): string {
  if (!NONCE.test(input.nonce)) {
    throw new AssemblyRuleError(
      'INVALID_RECEIPT_NONCE',
      'the receipt nonce must be 32 to 128 lowercase hex digits',
    )
  }
  assertWeight(input.weight)
  const canonical = JSON.stringify([
    'minga-ballot-receipt-v1',
    input.motionId,
    input.nonce,
    input.weight,
    input.choice,
  ])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/** The receipts to publish for a motion, sorted so their order says nothing about who voted when. */
export function publishedReceipts(receipts: Iterable<string>): string[] {
  return [...receipts].sort(compareIds)
}

/** The voter's check: recompute the receipt from what they hold and look it up in the published list. */
export function verifyInclusion(published: readonly string[], input: ReceiptInput): boolean {
  const receipt = ballotReceipt(input)
  const index = sortedIndex(published, receipt)
  return published[index] === receipt
}

/** One hash over the sorted receipts, for the assembly log and the acta. */
export function receiptsDigest(published: readonly string[]): string {
  const hash = createHash('sha256').update('minga-receipts-v1\n', 'utf8')
  for (const receipt of publishedReceipts(published)) hash.update(`${receipt}\n`, 'utf8')
  return hash.digest('hex')
}
