import { assertCoefficient, type Coefficient } from './coefficients.ts'
import { AssemblyRuleError } from './errors.ts'
import { assertRatio, type Comparison, meetsThreshold, minimumToMeet, type Ratio, ratio } from './ratio.ts'

/**
 * One entry of an assembly's electorate: a unit in propiedad horizontal (weighted by its coefficient), or an
 * asociado hábil / delegate in a cooperative (coefficient 0: Ley 79 is one member, one vote).
 */
export interface Seat {
  readonly seatId: string
  readonly coefficient: Coefficient
}

/** How a present seat is represented: by its own holder (owner, tenant or representative) or by a proxy. */
export type PresenceVia = 'holder' | 'proxy'

export interface Presence {
  readonly seatId: string
  readonly via: PresenceVia
  /** The person physically (or virtually) present who votes for the seat. */
  readonly attendeeId: string
}

/** One row of the append-only attendance register; `seq` orders the log. */
export interface AttendanceEvent {
  readonly seq: number
  readonly kind: 'check-in' | 'check-out'
  readonly seatId: string
  readonly via: PresenceVia
  readonly attendeeId: string
}

/** Who is present after replaying the register up to and including `uptoSeq` (all of it by default). */
export function presenceFromRegister(
  events: readonly AttendanceEvent[],
  uptoSeq = Number.POSITIVE_INFINITY,
): Presence[] {
  const ordered = [...events].filter((e) => e.seq <= uptoSeq).sort((a, b) => a.seq - b.seq)
  const present = new Map<string, Presence>()
  for (const event of ordered) {
    if (event.kind === 'check-in') {
      // A later check-in replaces the earlier representation (the owner arrives and takes over from the proxy).
      present.set(event.seatId, { seatId: event.seatId, via: event.via, attendeeId: event.attendeeId })
    } else {
      present.delete(event.seatId)
    }
  }
  return [...present.values()].sort((a, b) => compareIds(a.seatId, b.seatId))
}

/** Seats checked in at any point of the register: the "present at any check-in" of the attendance KPI. */
export function seatsEverPresent(events: readonly AttendanceEvent[]): string[] {
  const seats = new Set(events.filter((e) => e.kind === 'check-in').map((e) => e.seatId))
  return [...seats].sort(compareIds)
}

export interface QuorumCount {
  readonly eligibleSeats: number
  readonly presentSeats: number
  readonly presentByHolder: number
  readonly presentByProxy: number
  /** Distinct people present: one proxy holder may carry several seats. */
  readonly attendees: number
  readonly totalWeight: Coefficient
  readonly presentWeight: Coefficient
  /** Sorted, so the snapshot in the acta does not reveal arrival order. */
  readonly presentSeatIds: readonly string[]
}

/** Present vs total, in heads (seats) and in coefficient. */
export function countQuorum(electorate: readonly Seat[], presence: readonly Presence[]): QuorumCount {
  const weights = new Map<string, Coefficient>()
  let totalWeight = 0
  for (const seat of electorate) {
    if (weights.has(seat.seatId)) {
      throw new AssemblyRuleError('DUPLICATE_SEAT', `seat ${seat.seatId} appears twice in the electorate`, {
        seatId: seat.seatId,
      })
    }
    assertCoefficient(seat.coefficient, `coefficient of seat ${seat.seatId}`)
    weights.set(seat.seatId, seat.coefficient)
    totalWeight += seat.coefficient
  }
  const seen = new Set<string>()
  const attendees = new Set<string>()
  let presentWeight = 0
  let presentByProxy = 0
  for (const p of presence) {
    const weight = weights.get(p.seatId)
    if (weight === undefined) {
      throw new AssemblyRuleError('UNKNOWN_SEAT', `seat ${p.seatId} is not in this assembly's electorate`, {
        seatId: p.seatId,
      })
    }
    if (seen.has(p.seatId)) {
      throw new AssemblyRuleError('DUPLICATE_SEAT', `seat ${p.seatId} is registered as present twice`, {
        seatId: p.seatId,
      })
    }
    seen.add(p.seatId)
    attendees.add(p.attendeeId)
    presentWeight += weight
    if (p.via === 'proxy') presentByProxy++
  }
  return {
    eligibleSeats: electorate.length,
    presentSeats: seen.size,
    presentByHolder: seen.size - presentByProxy,
    presentByProxy,
    attendees: attendees.size,
    totalWeight,
    presentWeight,
    presentSeatIds: [...seen].sort(compareIds),
  }
}

/** A quorum requirement as data; every condition of a list must hold. */
export type QuorumCondition =
  | { readonly kind: 'seat-share'; readonly share: Ratio; readonly comparison: Comparison }
  | { readonly kind: 'weight-share'; readonly share: Ratio; readonly comparison: Comparison }
  | { readonly kind: 'minimum-seats'; readonly count: number }

export interface QuorumRule {
  readonly regime: 'cooperative' | 'horizontal-property'
  readonly firstCall: readonly QuorumCondition[]
  /** Ley 79 art. 31: if quorum is not reached after the wait, a reduced quorum may decide. */
  readonly reducedAfterWait: {
    readonly minutes: number
    readonly conditions: readonly QuorumCondition[]
  } | null
  /** Ley 675 art. 41: the second-call meeting decides with any plural number of owners. */
  readonly secondCall: readonly QuorumCondition[] | null
  /**
   * Ley 79 art. 31: once formed, quorum is not broken by departures while this minimum holds.
   * null means propiedad-horizontal practice: recomputed before every motion.
   */
  readonly holdsOnceFormed: readonly QuorumCondition[] | null
}

/**
 * Ley 675 de 2001 art. 45 (first call: a plural number of owners with more than half of the coefficients)
 * and art. 41 (second call: any plural number of owners, whatever their coefficients).
 */
export function horizontalPropertyQuorumRule(): QuorumRule {
  const plural: QuorumCondition = { kind: 'minimum-seats', count: 2 }
  return {
    regime: 'horizontal-property',
    firstCall: [plural, { kind: 'weight-share', share: ratio(1, 2), comparison: 'gt' }],
    reducedAfterWait: null,
    secondCall: [plural],
    holdsOnceFormed: null,
  }
}

/**
 * Ley 675 art. 43, written votes: there is no meeting to attend; the decision stands when the required
 * majority, computed over the total coefficients (see `writtenVoteRule`), answers within the month.
 * Any response opens the count; respondents play the part of those present.
 */
export function writtenVoteQuorumRule(): QuorumRule {
  return {
    regime: 'horizontal-property',
    firstCall: [{ kind: 'minimum-seats', count: 1 }],
    reducedAfterWait: null,
    secondCall: null,
    holdsOnceFormed: null,
  }
}

export interface CooperativeQuorumOptions {
  /** Ley 79 art. 31: one hour, unless the statutes say otherwise. */
  readonly waitMinutes?: number
  /** Members needed to form a cooperative (Ley 79 art. 14: twenty); the reduced quorum needs half of it. */
  readonly minimumToFormCooperative?: number
  /** A delegate assembly: half of the delegates elected and convened, with no reduced quorum. */
  readonly delegates?: boolean
}

/**
 * Ley 79 de 1988 art. 31: half of the asociados hábiles (or delegates convened); after the wait, at least
 * 10 % of the hábiles and half of the members needed to form a cooperative; once formed, quorum holds
 * while that minimum holds.
 */
export function cooperativeQuorumRule(options: CooperativeQuorumOptions = {}): QuorumRule {
  const half: QuorumCondition = { kind: 'seat-share', share: ratio(1, 2), comparison: 'gte' }
  if (options.delegates === true) {
    return {
      regime: 'cooperative',
      firstCall: [half],
      reducedAfterWait: null,
      secondCall: null,
      holdsOnceFormed: [half],
    }
  }
  const minutes = options.waitMinutes ?? 60
  const toForm = options.minimumToFormCooperative ?? 20
  if (!Number.isSafeInteger(minutes) || minutes < 0 || !Number.isSafeInteger(toForm) || toForm < 1) {
    throw new AssemblyRuleError('INVALID_RULE', 'waitMinutes and minimumToFormCooperative must be integers')
  }
  const reduced: QuorumCondition[] = [
    { kind: 'seat-share', share: ratio(1, 10), comparison: 'gte' },
    { kind: 'minimum-seats', count: Math.ceil(toForm / 2) },
  ]
  return {
    regime: 'cooperative',
    firstCall: [half],
    reducedAfterWait: { minutes, conditions: reduced },
    secondCall: null,
    holdsOnceFormed: reduced,
  }
}

export function validateQuorumRule(rule: QuorumRule): void {
  const lists = [rule.firstCall, rule.reducedAfterWait?.conditions, rule.secondCall, rule.holdsOnceFormed]
  for (const list of lists) {
    for (const condition of list ?? []) {
      if (condition.kind === 'minimum-seats') {
        if (!Number.isSafeInteger(condition.count) || condition.count < 0) {
          throw new AssemblyRuleError('INVALID_RULE', 'minimum-seats needs a non-negative integer count')
        }
      } else {
        assertRatio(condition.share, `${condition.kind} quorum share`)
      }
    }
  }
  if (rule.firstCall.length === 0)
    throw new AssemblyRuleError('INVALID_RULE', 'first-call quorum has no condition')
  if (
    rule.reducedAfterWait !== null &&
    (!Number.isSafeInteger(rule.reducedAfterWait.minutes) || rule.reducedAfterWait.minutes < 0)
  ) {
    throw new AssemblyRuleError('INVALID_RULE', 'the wait before a reduced quorum must be whole minutes')
  }
}

export interface QuorumContext {
  readonly call: 'first' | 'second'
  /** Minutes since the hour the assembly was convened for (Ley 79's one-hour wait). */
  readonly minutesSinceConvened: number
  /** The assembly reached quorum earlier (only matters under `holdsOnceFormed`). */
  readonly formedEarlier: boolean
}

export interface QuorumConditionResult {
  readonly condition: QuorumCondition
  readonly present: number
  readonly of: number
  /** Smallest present figure that meets the condition, or null when even full attendance cannot. */
  readonly required: number | null
  readonly met: boolean
}

export type QuorumBasis = 'first-call' | 'reduced-after-wait' | 'second-call' | 'held-once-formed'

export interface QuorumVerdict {
  readonly met: boolean
  /** Which rule formed quorum; null when none did. */
  readonly basis: QuorumBasis | null
  /** The conditions of the rule that decided (the first-call ones when nothing was met). */
  readonly conditions: readonly QuorumConditionResult[]
}

function evaluateCondition(condition: QuorumCondition, count: QuorumCount): QuorumConditionResult {
  switch (condition.kind) {
    case 'minimum-seats':
      return {
        condition,
        present: count.presentSeats,
        of: count.eligibleSeats,
        required: condition.count <= count.eligibleSeats ? condition.count : null,
        met: count.presentSeats >= condition.count,
      }
    case 'seat-share':
      return {
        condition,
        present: count.presentSeats,
        of: count.eligibleSeats,
        required: minimumToMeet(count.eligibleSeats, condition.share, condition.comparison),
        met: meetsThreshold(count.presentSeats, count.eligibleSeats, condition.share, condition.comparison),
      }
    case 'weight-share':
      return {
        condition,
        present: count.presentWeight,
        of: count.totalWeight,
        required: minimumToMeet(count.totalWeight, condition.share, condition.comparison),
        met: meetsThreshold(count.presentWeight, count.totalWeight, condition.share, condition.comparison),
      }
  }
}

function evaluateAll(conditions: readonly QuorumCondition[], count: QuorumCount) {
  const results = conditions.map((c) => evaluateCondition(c, count))
  return { met: results.length > 0 && results.every((r) => r.met), results }
}

/** The live verdict. Monotonic: for a fixed context, more attendance never turns a met quorum into a failed one. */
export function evaluateQuorum(rule: QuorumRule, count: QuorumCount, context: QuorumContext): QuorumVerdict {
  if (context.call === 'second') {
    if (rule.secondCall === null) {
      throw new AssemblyRuleError(
        'INVALID_INPUT',
        `a ${rule.regime} assembly under this rule has no second call`,
      )
    }
    const second = evaluateAll(rule.secondCall, count)
    return { met: second.met, basis: second.met ? 'second-call' : null, conditions: second.results }
  }
  const first = evaluateAll(rule.firstCall, count)
  if (first.met) return { met: true, basis: 'first-call', conditions: first.results }
  if (rule.reducedAfterWait !== null && context.minutesSinceConvened >= rule.reducedAfterWait.minutes) {
    const reduced = evaluateAll(rule.reducedAfterWait.conditions, count)
    if (reduced.met) return { met: true, basis: 'reduced-after-wait', conditions: reduced.results }
  }
  if (rule.holdsOnceFormed !== null && context.formedEarlier) {
    const held = evaluateAll(rule.holdsOnceFormed, count)
    if (held.met) return { met: true, basis: 'held-once-formed', conditions: held.results }
  }
  return { met: false, basis: null, conditions: first.results }
}

/** What a motion or the acta keeps: the count and the verdict at one moment. */
export interface QuorumSnapshot {
  readonly count: QuorumCount
  readonly verdict: QuorumVerdict
}

export function takeQuorumSnapshot(
  rule: QuorumRule,
  electorate: readonly Seat[],
  presence: readonly Presence[],
  context: QuorumContext,
): QuorumSnapshot {
  const count = countQuorum(electorate, presence)
  return { count, verdict: evaluateQuorum(rule, count, context) }
}

// Plain code-unit order: locale-independent, so snapshots hash the same everywhere.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
