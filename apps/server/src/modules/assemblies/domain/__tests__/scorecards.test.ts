import { describe, expect, it } from 'vitest'
import { formatPercent } from '../ratio.ts'
import {
  type AssemblyAttendanceRecord,
  attendanceByHeads,
  attendanceByWeight,
  contestedSeatRatio,
  decisionConcentration,
  housingHealth,
  median,
  medianTimeToFirstResponse,
  participationBreadth,
  pollParticipation,
  proxyReliance,
  quorumSuccessRate,
  taskReliability,
  voteTurnout,
} from '../scorecards.ts'
import { expectCode } from './building-fixture.ts'

const units = Array.from({ length: 10 }, (_, i) => `u${i}`)
const assemblies: AssemblyAttendanceRecord[] = [
  {
    eligibleSeatIds: units,
    presentSeatIds: units.slice(0, 6),
    proxySeatIds: ['u4', 'u5'],
    presentCoefficient: 58_250_000,
    quorumOnFirstCall: true,
    maxProxiesHeld: 2,
  },
  {
    eligibleSeatIds: units,
    presentSeatIds: units.slice(0, 4),
    proxySeatIds: ['u3'],
    presentCoefficient: 41_750_000,
    quorumOnFirstCall: false,
    maxProxiesHeld: 1,
  },
]
const pct = (s: ReturnType<typeof attendanceByHeads>) => (s === null ? null : formatPercent(s))

describe('scorecard KPIs (governance.md §5)', () => {
  it('attendance by heads: units present / eligible units, pooled', () => {
    expect(pct(attendanceByHeads(assemblies))).toBe('50.00')
  })

  it('attendance by weight: Σ coefficient present at the quorum snapshot / 100 %', () => {
    expect(pct(attendanceByWeight(assemblies))).toBe('50.00')
    expect(pct(attendanceByWeight(assemblies.slice(0, 1)))).toBe('58.25')
  })

  it('proxy reliance: represented by proxy / present, and the most proxies one person held', () => {
    expect(proxyReliance(assemblies)).toMatchObject({ maxProxiesHeldByOnePerson: 2 })
    expect(pct(proxyReliance(assemblies).share)).toBe('30.00')
  })

  it('quorum success rate: first-call quorum / assemblies convened', () => {
    expect(pct(quorumSuccessRate(assemblies))).toBe('50.00')
    expect(quorumSuccessRate([])).toBeNull()
  })

  it('vote turnout: ballots / eligible per motion, averaged (not pooled)', () => {
    // 1/2 and 1/10 average to 30 %, while pooling 2/12 would say 16.67 %; a motion with no electorate is skipped.
    const motions = [
      { ballotsCast: 1, eligible: 2 },
      { ballotsCast: 0, eligible: 0 },
      { ballotsCast: 1, eligible: 10 },
    ]
    expect(pct(voteTurnout(motions))).toBe('30.00')
    expectCode(() => voteTurnout([{ ballotsCast: 5, eligible: 4 }]), 'INVALID_INPUT')
  })

  it('poll participation: decided / invited; the Phone Co-op example of 21 % turnout', () => {
    expect(pct(pollParticipation([{ decided: 21, invited: 100 }]))).toBe('21.00')
    expect(pollParticipation([])).toBeNull()
  })

  it('decision concentration: share of motions by the top 3 proposers; contested-seat ratio', () => {
    const motions = ['ana', 'ana', 'ana', 'ben', 'ben', 'cai', 'dee', 'eve'].map((proposerId) => ({
      proposerId,
    }))
    const result = decisionConcentration(motions)
    expect(result.topProposers).toEqual(['ana', 'ben', 'cai'])
    expect(pct(result.topShare)).toBe('75.00')
    expect(
      pct(
        contestedSeatRatio([
          { seats: 3, candidates: 5 },
          { seats: 2, candidates: 2 },
        ]),
      ),
    ).toBe('60.00')
  })

  it('task reliability: done by due date / due; median days overdue; open tasks per member', () => {
    const result = taskReliability(
      [
        { assigneeIds: ['ana'], dueOn: '2026-03-10', completedOn: '2026-03-09' },
        { assigneeIds: ['ana'], dueOn: '2026-03-10', completedOn: '2026-03-14' },
        { assigneeIds: ['ben'], dueOn: '2026-03-12', completedOn: null },
        { assigneeIds: ['ben', 'ana'], dueOn: '2026-04-30', completedOn: null },
        { assigneeIds: ['cai'], dueOn: null, completedOn: null },
      ],
      '2026-03-20',
    )
    expect(pct(result.onTime)).toBe('33.33')
    expect(result.medianDaysOverdue).toBe(6) // late by 4 and 8 days
    expect(Object.fromEntries(result.openPerMember)).toEqual({ ben: 2, ana: 1, cai: 1 })
  })

  it('responsiveness and housing health', () => {
    expect(
      medianTimeToFirstResponse([
        { openedAt: 0, firstResponseAt: 30 },
        { openedAt: 10, firstResponseAt: 100 },
        { openedAt: 5, firstResponseAt: null },
      ]),
    ).toBe(60)
    const health = housingHealth({
      chargesMinor: 12_000_000n,
      arrearsMinor: 900_000n,
      units: 40,
      vacantUnits: 2,
      daysToRelet: [20, 34, 12],
      repairs: [
        { dueOn: '2026-02-01', completedOn: '2026-01-30' },
        { dueOn: '2026-02-01', completedOn: '2026-02-03' },
        { dueOn: '2026-02-10', completedOn: null },
        { dueOn: '2026-02-10', completedOn: '2026-02-10' },
      ],
    })
    expect([
      pct(health.arrears),
      pct(health.vacancy),
      health.medianDaysToRelet,
      pct(health.repairsOnTime),
    ]).toEqual(['7.50', '5.00', 20, '50.00'])
  })

  it('participation breadth: members with at least one vote, task, comment or attendance', () => {
    const members = ['ana', 'ben', 'cai', 'dee']
    const activities = [
      { memberId: 'ana', kind: 'vote' },
      { memberId: 'ana', kind: 'comment' },
      { memberId: 'cai', kind: 'task-done' },
      { memberId: 'stranger', kind: 'attendance' },
    ] as const
    expect(pct(participationBreadth(members, activities))).toBe('50.00')
  })

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})
