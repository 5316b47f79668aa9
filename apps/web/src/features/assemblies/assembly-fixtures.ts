import type { Assembly, AssemblyQuorumSnapshot, AssemblyQuorumStatus, Motion } from '@minga/contracts'

// Fixture data for the assembly screens' tests: a 40-unit building in Bogotá.

export const assemblyId = '0190f7a0-0000-7000-8000-00000000a001'
export const agendaItemId = '0190f7a0-0000-7000-8000-00000000b001'

export function makeAssembly(overrides: Partial<Assembly> = {}): Assembly {
  return {
    id: assemblyId,
    title: 'Asamblea ordinaria 2026',
    kind: 'ordinary',
    modality: 'presential',
    legalFramework: 'horizontal-property',
    residential: true,
    status: 'in_session',
    firstCallAt: '2026-03-28T14:00:00.000Z',
    secondCallAt: null,
    noticeSentOn: '2026-03-10',
    noticeDays: 15,
    noticeDayCount: 'calendar',
    proxyPolicy: { maxProxiesPerHolder: 2, barredRoles: ['administrator', 'council-member', 'staff'] },
    cooperative: null,
    currentCall: 'first',
    convenedAt: '2026-03-10T15:00:00.000Z',
    startedAt: '2026-03-28T14:05:00.000Z',
    closedAt: null,
    agenda: [{ id: agendaItemId, position: 1, title: 'Presupuesto 2026', description: null }],
    logHeadHash: 'a'.repeat(64),
    version: 3,
    createdAt: '2026-03-01T15:00:00.000Z',
    ...overrides,
  }
}

export const count: AssemblyQuorumSnapshot['count'] = {
  eligibleSeats: 40,
  presentSeats: 22,
  presentByHolder: 19,
  presentByProxy: 3,
  attendees: 20,
  totalWeight: 100_000_000,
  presentWeight: 52_500_000,
}

export function makeQuorum(overrides: Partial<AssemblyQuorumStatus> = {}): AssemblyQuorumStatus {
  return {
    assemblyId,
    status: 'in_session',
    legalFramework: 'horizontal-property',
    call: 'first',
    minutesSinceConvened: 12,
    formedEarlier: true,
    count,
    verdict: {
      met: true,
      basis: 'first-call',
      conditions: [
        {
          kind: 'minimum-seats',
          share: null,
          comparison: null,
          count: 2,
          present: 22,
          of: 40,
          required: 2,
          met: true,
        },
        {
          kind: 'weight-share',
          share: { numerator: 1, denominator: 2 },
          comparison: 'gt',
          count: null,
          present: 52_500_000,
          of: 100_000_000,
          required: 50_000_001,
          met: true,
        },
      ],
    },
    seats: [],
    asOf: '2026-03-28T14:20:00.000Z',
    ...overrides,
  }
}

const snapshot: AssemblyQuorumSnapshot = {
  takenAt: '2026-03-28T14:30:00.000Z',
  call: 'first',
  count,
  verdict: makeQuorum().verdict,
  presentUnitIds: [],
}

export function makeMotion(overrides: Partial<Motion> = {}): Motion {
  return {
    id: '0190f7a0-0000-7000-8000-00000000c001',
    assemblyId,
    agendaItemId,
    title: 'Aprobar el presupuesto 2026',
    description: null,
    state: 'open',
    basis: 'coefficient',
    method: 'yes-no-abstain',
    options: [
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
      { id: 'abstain', label: 'Abstain' },
    ],
    maxChoices: null,
    winners: 1,
    majorityPreset: 'ley-675-art-45',
    majority: {
      id: 'ley-675-art-45',
      conditions: [
        {
          measure: 'weight',
          denominator: 'present',
          threshold: { numerator: 1, denominator: 2 },
          comparison: 'gt',
        },
      ],
    },
    economicContent: true,
    secrecy: 'secret',
    resultsVisibility: 'live',
    ballotsCast: 17,
    totals: [
      { optionId: 'yes', weight: 40_000_000, heads: 12 },
      { optionId: 'no', weight: 10_000_000, heads: 4 },
      { optionId: 'abstain', weight: 2_500_000, heads: 1 },
    ],
    quorumAtOpen: snapshot,
    quorumAtClose: null,
    result: null,
    openedAt: '2026-03-28T14:30:00.000Z',
    closedAt: null,
    publishedAt: null,
    version: 2,
    ...overrides,
  }
}
