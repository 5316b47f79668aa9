import { daysBetween, type IsoDate } from '../../../platform/calendar/index.ts'
import { type Coefficient, FULL_COEFFICIENT } from './coefficients.ts'
import { AssemblyRuleError } from './errors.ts'
import { addShares, type Share, share } from './ratio.ts'

// KPIs of governance.md §5. Inputs are plain records the module reads from its registers; none of them
// carries a ballot choice, so no scorecard can be derived from secret ballots. A KPI over nothing is null.

export interface AssemblyAttendanceRecord {
  readonly eligibleSeatIds: readonly string[]
  /** Seats checked in at any point of the assembly. */
  readonly presentSeatIds: readonly string[]
  /** Seats of those present that were represented by proxy. */
  readonly proxySeatIds: readonly string[]
  /** Σ coefficient present at the quorum snapshot (first motion or formation). */
  readonly presentCoefficient: Coefficient
  /** Assembly reached quorum on its first call. */
  readonly quorumOnFirstCall: boolean
  /** Largest number of seats one person carried by proxy. */
  readonly maxProxiesHeld: number
}

/** Assembly attendance (heads): units present at any check-in / eligible units, pooled over assemblies. */
export function attendanceByHeads(assemblies: readonly AssemblyAttendanceRecord[]): Share | null {
  let present = 0
  let eligible = 0
  for (const a of assemblies) {
    const eligibleSet = new Set(a.eligibleSeatIds)
    present += new Set(a.presentSeatIds.filter((id) => eligibleSet.has(id))).size
    eligible += eligibleSet.size
  }
  return share(present, eligible)
}

/** Assembly attendance (weight): Σ coefficient present at the quorum snapshot / 100 %, averaged over assemblies. */
export function attendanceByWeight(assemblies: readonly AssemblyAttendanceRecord[]): Share | null {
  const present = assemblies.reduce((acc, a) => acc + BigInt(a.presentCoefficient), 0n)
  return share(present, BigInt(FULL_COEFFICIENT) * BigInt(assemblies.length))
}

export interface ProxyReliance {
  /** Units represented by proxy / units present, pooled. */
  readonly share: Share | null
  readonly maxProxiesHeldByOnePerson: number
}

export function proxyReliance(assemblies: readonly AssemblyAttendanceRecord[]): ProxyReliance {
  let byProxy = 0
  let present = 0
  let max = 0
  for (const a of assemblies) {
    const presentSet = new Set(a.presentSeatIds)
    byProxy += new Set(a.proxySeatIds.filter((id) => presentSet.has(id))).size
    present += presentSet.size
    max = Math.max(max, a.maxProxiesHeld)
  }
  return { share: share(byProxy, present), maxProxiesHeldByOnePerson: max }
}

/** Quorum success rate: assemblies reaching quorum on the first call / assemblies convened. */
export function quorumSuccessRate(assemblies: readonly AssemblyAttendanceRecord[]): Share | null {
  return share(assemblies.filter((a) => a.quorumOnFirstCall).length, assemblies.length)
}

/** From the voter register (who voted), never from the ballots. */
export interface MotionTurnoutRecord {
  readonly ballotsCast: number
  readonly eligible: number
}

/** Vote turnout: ballots cast / eligible per motion, averaged over motions (motions with no electorate skipped). */
export function voteTurnout(motions: readonly MotionTurnoutRecord[]): Share | null {
  let sum: Share | null = null
  let counted = 0
  for (const m of motions) {
    if (m.ballotsCast > m.eligible) {
      throw new AssemblyRuleError(
        'INVALID_INPUT',
        `a motion has ${m.ballotsCast} ballots for ${m.eligible} eligible`,
      )
    }
    const s = share(m.ballotsCast, m.eligible)
    if (s === null) continue
    sum = sum === null ? s : addShares(sum, s)
    counted++
  }
  return sum === null ? null : share(sum.numerator, sum.denominator * BigInt(counted))
}

export interface PollParticipationRecord {
  readonly decided: number
  readonly invited: number
}

/** Async poll participation: decided / invited (Loomio cast_stances_pct), pooled over polls. */
export function pollParticipation(polls: readonly PollParticipationRecord[]): Share | null {
  return share(
    polls.reduce((acc, p) => acc + p.decided, 0),
    polls.reduce((acc, p) => acc + p.invited, 0),
  )
}

export interface ConcentrationResult {
  /** Share of motions proposed by the top `topN` proposers (elephant-factor style). */
  readonly topShare: Share | null
  readonly topProposers: readonly string[]
}

export function decisionConcentration(
  motions: readonly { readonly proposerId: string }[],
  topN = 3,
): ConcentrationResult {
  const counts = new Map<string, number>()
  for (const m of motions) counts.set(m.proposerId, (counts.get(m.proposerId) ?? 0) + 1)
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const top = ranked.slice(0, topN)
  return {
    topShare: share(
      top.reduce((acc, [, n]) => acc + n, 0),
      motions.length,
    ),
    topProposers: top.map(([id]) => id),
  }
}

/** Contested-seat ratio: seats in elections with more candidates than seats / all seats elected. */
export function contestedSeatRatio(
  elections: readonly { readonly seats: number; readonly candidates: number }[],
): Share | null {
  let contested = 0
  let seats = 0
  for (const e of elections) {
    seats += e.seats
    if (e.candidates > e.seats) contested += e.seats
  }
  return share(contested, seats)
}

export interface TaskRecord {
  readonly assigneeIds: readonly string[]
  readonly dueOn: IsoDate | null
  readonly completedOn: IsoDate | null
}

export interface TaskReliability {
  /** Tasks done by their due date / tasks due by `asOf`. */
  readonly onTime: Share | null
  /** Median days late over late tasks (done late, or still open past due); null when none is late. */
  readonly medianDaysOverdue: number | null
  /** Open tasks per assignee (WIP). */
  readonly openPerMember: ReadonlyMap<string, number>
}

export function taskReliability(tasks: readonly TaskRecord[], asOf: IsoDate): TaskReliability {
  let due = 0
  let onTime = 0
  const late: number[] = []
  const open = new Map<string, number>()
  for (const t of tasks) {
    if (t.completedOn === null) for (const id of t.assigneeIds) open.set(id, (open.get(id) ?? 0) + 1)
    if (t.dueOn === null || daysBetween(t.dueOn, asOf) < 0) continue
    due++
    if (t.completedOn !== null && daysBetween(t.completedOn, t.dueOn) >= 0) {
      onTime++
    } else {
      late.push(daysBetween(t.dueOn, t.completedOn ?? asOf))
    }
  }
  return { onTime: share(onTime, due), medianDaysOverdue: median(late), openPerMember: open }
}

/** Responsiveness: median time to first response, in the caller's unit (e.g. minutes); unanswered ones skipped. */
export function medianTimeToFirstResponse(
  requests: readonly { readonly openedAt: number; readonly firstResponseAt: number | null }[],
): number | null {
  return median(requests.flatMap((r) => (r.firstResponseAt === null ? [] : [r.firstResponseAt - r.openedAt])))
}

export interface HousingHealthInput {
  /** Minor units (bigint), as the finance module keeps money. */
  readonly chargesMinor: bigint
  readonly arrearsMinor: bigint
  readonly units: number
  readonly vacantUnits: number
  readonly daysToRelet: readonly number[]
  readonly repairs: readonly { readonly dueOn: IsoDate; readonly completedOn: IsoDate | null }[]
}

export interface HousingHealth {
  readonly arrears: Share | null
  readonly vacancy: Share | null
  readonly medianDaysToRelet: number | null
  /** Repairs completed by their due date / repairs. */
  readonly repairsOnTime: Share | null
}

export function housingHealth(input: HousingHealthInput): HousingHealth {
  const onTime = input.repairs.filter(
    (r) => r.completedOn !== null && daysBetween(r.completedOn, r.dueOn) >= 0,
  )
  return {
    arrears: share(input.arrearsMinor, input.chargesMinor),
    vacancy: share(input.vacantUnits, input.units),
    medianDaysToRelet: median(input.daysToRelet),
    repairsOnTime: share(onTime.length, input.repairs.length),
  }
}

export type ParticipationKind = 'vote' | 'task-done' | 'comment' | 'attendance'

/** Participation breadth: members with at least one vote, task done, comment or attendance / members. */
export function participationBreadth(
  memberIds: readonly string[],
  activities: readonly { readonly memberId: string; readonly kind: ParticipationKind }[],
): Share | null {
  const members = new Set(memberIds)
  const active = new Set(activities.filter((a) => members.has(a.memberId)).map((a) => a.memberId))
  return share(active.size, members.size)
}

/** Median of integers; the mean of the two middle values for an even count (exact: at most a .5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
