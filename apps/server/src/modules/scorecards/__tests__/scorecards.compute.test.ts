import { describe, expect, it } from 'vitest'
import { buildMyScorecard, buildOrgScorecard, shareDto } from '../scorecards.compute.ts'
import type { ScorecardFacts } from '../scorecards.facts.ts'
import { scorecardRange } from '../scorecards.range.ts'

const range = scorecardRange({ from: '2026-01-01', to: '2026-06-30' }, new Date('2026-07-15T12:00:00Z'))

const facts: ScorecardFacts = {
  assemblies: {
    assemblies: [
      {
        eligibleSeatIds: ['u1', 'u2', 'u3', 'u4'],
        presentSeatIds: ['u1', 'u2', 'u3'],
        proxySeatIds: ['u3'],
        presentCoefficient: 75_000_000,
        quorumOnFirstCall: true,
        maxProxiesHeld: 1,
      },
      {
        eligibleSeatIds: ['u1', 'u2', 'u3', 'u4'],
        presentSeatIds: ['u1'],
        proxySeatIds: [],
        presentCoefficient: 25_000_000,
        quorumOnFirstCall: false,
        maxProxiesHeld: 0,
      },
    ],
    motions: [
      { ballotsCast: 3, eligible: 4 },
      { ballotsCast: 1, eligible: 2 },
    ],
    activities: [
      { memberId: 'ana', kind: 'attendance' },
      { memberId: 'ana', kind: 'vote' },
    ],
  },
  polls: {
    polls: [
      { decided: 2, invited: 4 },
      { decided: 1, invited: 4 },
    ],
    activities: [{ memberId: 'luis', kind: 'vote' }],
  },
  tasks: {
    tasks: [
      { assigneeIds: ['ana'], dueOn: '2026-02-01', completedOn: '2026-01-30' },
      { assigneeIds: ['luis'], dueOn: '2026-03-01', completedOn: '2026-03-05' },
      { assigneeIds: ['luis'], dueOn: '2026-06-20', completedOn: null },
    ],
    activities: [{ memberId: 'ana', kind: 'task-done' }],
  },
}
const members = [
  { userId: 'ana', name: 'Ana' },
  { userId: 'luis', name: 'Luis' },
  { userId: 'eva', name: 'Eva' },
  { userId: 'juan', name: 'Juan' },
]

describe('scorecard assembly', () => {
  it('turns the facts into the org KPIs with exact shares and percent text', () => {
    const card = buildOrgScorecard(facts, members, range, '2026-07-15')
    expect(card.range).toEqual({ from: '2026-01-01', to: '2026-06-30' })
    expect(card.assemblies).toEqual({
      count: 2,
      attendanceByHeads: { numerator: 1, denominator: 2, percent: '50.00' },
      attendanceByWeight: { numerator: 1, denominator: 2, percent: '50.00' },
      proxyReliance: { numerator: 1, denominator: 4, percent: '25.00' },
      maxProxiesHeldByOnePerson: 1,
      quorumSuccessRate: { numerator: 1, denominator: 2, percent: '50.00' },
      motions: 2,
      voteTurnout: { numerator: 5, denominator: 8, percent: '62.50' },
    })
    expect(card.polls.participation).toEqual({ numerator: 3, denominator: 8, percent: '37.50' })
    // Judged as of the range end (30 June): one on time of three due; 4 and 10 days late.
    expect(card.tasks).toEqual({
      count: 3,
      onTime: { numerator: 1, denominator: 3, percent: '33.33' },
      medianDaysOverdue: 7,
      openPerMember: [{ userId: 'luis', name: 'Luis', open: 1 }],
    })
    expect(card.participation).toEqual({
      members: 4,
      activeMembers: 2,
      breadth: { numerator: 1, denominator: 2, percent: '50.00' },
    })
  })

  it('gives a member their own activity counts and open cards', () => {
    const card = buildMyScorecard(facts, 'ana', range, '2026-07-15')
    expect(card.activity).toEqual({ votes: 1, attendances: 1, tasksDone: 1, comments: 0 })
    expect(card.tasks.open).toBe(0)
  })

  it('keeps "no data" as null, never 0 %', () => {
    expect(shareDto(null)).toBeNull()
    const empty: ScorecardFacts = {
      assemblies: { assemblies: [], motions: [], activities: [] },
      polls: { polls: [], activities: [] },
      tasks: { tasks: [], activities: [] },
    }
    const card = buildOrgScorecard(empty, [], range, '2026-07-15')
    expect(card.assemblies.attendanceByHeads).toBeNull()
    expect(card.participation.breadth).toBeNull()
  })

  it('defaults to the rolling 12 months ending today in Bogotá and spans whole days', () => {
    // 03:00 UTC on 1 March is still 28 February in Bogotá.
    const r = scorecardRange({}, new Date('2026-03-01T03:00:00Z'))
    expect([r.fromDay, r.toDay]).toEqual(['2025-03-01', '2026-02-28'])
    expect(r.from.toISOString()).toBe('2025-03-01T05:00:00.000Z')
    expect(r.to.toISOString()).toBe('2026-03-01T04:59:59.999Z')
  })
})
