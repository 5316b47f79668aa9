import type { KpiShare, MyScorecard, OrgScorecard } from '@minga/contracts'
import {
  attendanceByHeads,
  attendanceByWeight,
  formatPercent,
  participationBreadth,
  pollParticipation,
  proxyReliance,
  quorumSuccessRate,
  type Share,
  taskReliability,
  voteTurnout,
} from '../assemblies/domain/index.ts'
import type { ScorecardFacts } from './scorecards.facts.ts'
import type { ScorecardRange } from './scorecards.range.ts'

/** A domain share as JSON: exact fraction plus "12.34"; null stays null ("sin datos"). */
export function shareDto(value: Share | null): KpiShare {
  if (value === null) return null
  return {
    numerator: Number(value.numerator),
    denominator: Number(value.denominator),
    percent: formatPercent(value, 2),
  }
}

/** The KPIs must not count what has not happened yet: tasks are judged as of min(today, range end). */
export function asOfDay(range: ScorecardRange, today: string): string {
  return range.toDay < today ? range.toDay : today
}

/** The org dashboard: every KPI of governance.md §5 this platform records, from the domain functions. */
export function buildOrgScorecard(
  facts: ScorecardFacts,
  members: readonly { userId: string; name: string | null }[],
  range: ScorecardRange,
  today: string,
): OrgScorecard {
  const { assemblies, motions } = facts.assemblies
  const proxies = proxyReliance(assemblies)
  const tasks = taskReliability(facts.tasks.tasks, asOfDay(range, today))
  const nameOf = new Map(members.map((m) => [m.userId, m.name]))
  const memberIds = members.map((m) => m.userId)
  const activities = [...facts.assemblies.activities, ...facts.polls.activities, ...facts.tasks.activities]
  const breadth = participationBreadth(memberIds, activities)
  return {
    range: { from: range.fromDay, to: range.toDay },
    assemblies: {
      count: assemblies.length,
      attendanceByHeads: shareDto(attendanceByHeads(assemblies)),
      attendanceByWeight: shareDto(attendanceByWeight(assemblies)),
      proxyReliance: shareDto(proxies.share),
      maxProxiesHeldByOnePerson: proxies.maxProxiesHeldByOnePerson,
      quorumSuccessRate: shareDto(quorumSuccessRate(assemblies)),
      motions: motions.length,
      voteTurnout: shareDto(voteTurnout(motions)),
    },
    polls: {
      count: facts.polls.polls.length,
      participation: shareDto(pollParticipation(facts.polls.polls)),
    },
    tasks: {
      count: facts.tasks.tasks.length,
      onTime: shareDto(tasks.onTime),
      medianDaysOverdue: tasks.medianDaysOverdue,
      openPerMember: [...tasks.openPerMember]
        .map(([userId, open]) => ({ userId, name: nameOf.get(userId) ?? null, open }))
        .sort((a, b) => b.open - a.open || a.userId.localeCompare(b.userId)),
    },
    participation: {
      members: memberIds.length,
      activeMembers:
        breadth === null ? 0 : Number((breadth.numerator * BigInt(memberIds.length)) / breadth.denominator),
      breadth: shareDto(breadth),
    },
  }
}

/** One member's own figures, from facts already restricted to them (their units, invitations, cards). */
export function buildMyScorecard(
  facts: ScorecardFacts,
  userId: string,
  range: ScorecardRange,
  today: string,
): MyScorecard {
  const { assemblies, motions } = facts.assemblies
  const tasks = taskReliability(facts.tasks.tasks, asOfDay(range, today))
  const mine = [...facts.assemblies.activities, ...facts.polls.activities, ...facts.tasks.activities].filter(
    (a) => a.memberId === userId,
  )
  const count = (kind: string) => mine.filter((a) => a.kind === kind).length
  return {
    range: { from: range.fromDay, to: range.toDay },
    assemblies: {
      count: assemblies.length,
      attendance: shareDto(attendanceByHeads(assemblies)),
      motions: motions.length,
      voteTurnout: shareDto(voteTurnout(motions)),
    },
    polls: {
      count: facts.polls.polls.length,
      participation: shareDto(pollParticipation(facts.polls.polls)),
    },
    tasks: {
      count: facts.tasks.tasks.length,
      onTime: shareDto(tasks.onTime),
      medianDaysOverdue: tasks.medianDaysOverdue,
      open: tasks.openPerMember.get(userId) ?? 0,
    },
    activity: {
      votes: count('vote'),
      attendances: count('attendance'),
      tasksDone: count('task-done'),
      comments: count('comment'),
    },
  }
}
