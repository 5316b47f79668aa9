import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  addMember,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import type { Tx } from '../../../platform/db/with-org.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import type { DomainEvent } from '../../../platform/events/event-bus.ts'
import type { MailMessage } from '../../../platform/mail/mailer.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { unitsModule } from '../../units/index.ts'
import { ASSEMBLY_CONVENED } from '../assemblies.events.ts'
import { convocationMailHandler } from '../convocation-mail.ts'
import { assembliesModule, assemblyScorecardFacts, MOTION_TALLY_CHANGED } from '../index.ts'
import { liveTally } from '../motions.service.ts'
import { TALLY_PUSH_INTERVAL_MS } from '../tally-push.ts'
import { bogotaToday, client, createAssembly, housingOrg, inDays, orgBase, type Seat } from './fixtures.ts'

let t: TestApp
let admin: TestUser
let r1: TestUser
let r2: TestUser
let r3: TestUser
let slug: string
let orgId: string
let seats: Seat[]
let base: string

beforeAll(async () => {
  t = await createTestApp({ workers: false, modules: [unitsModule, assembliesModule] })
  admin = await signUp(t.app, 'Administradora')
  r1 = await signUp(t.app, 'Ana Residente')
  r2 = await signUp(t.app, 'Beto Residente')
  r3 = await signUp(t.app, 'Carla Residente')
  const org = await housingOrg(t, admin, [r1, r2, r3], ['40', '30', '20', '10'])
  slug = org.slug
  orgId = org.orgId
  seats = org.seats
  base = orgBase(slug)
}, 60_000)
afterAll(() => t.close())

const A = () => client(t, admin)
const as = (u: TestUser) => client(t, u)
const ctxOf = (tx: Tx, userId = admin.id): ServiceContext => ({
  db: tx,
  orgId,
  actor: { userId, role: 'owner' },
  requestId: 'test',
  now: new Date(),
  ip: null,
})

async function sessionWithThreePresent() {
  const assembly = await createAssembly(t, admin, slug)
  expect((await A().post(`${base}/assemblies/${assembly.id}/convene`, {})).statusCode).toBe(200)
  expect((await A().post(`${base}/assemblies/${assembly.id}/start`, { call: 'second' })).statusCode).toBe(200)
  for (const seat of seats.slice(0, 3)) {
    const res = await A().post(`${base}/assemblies/${assembly.id}/attendance/check-in`, { unitId: seat.id })
    expect(res.statusCode, res.body).toBe(201)
  }
  return assembly
}

describe('named motion, one vote per unit (C-522/2002)', () => {
  it('keeps who voted what, shows it to managers while open and to everyone after close', async () => {
    const assembly = await sessionWithThreePresent()
    const quorum = (await A().get(`${base}/assemblies/${assembly.id}/quorum`)).json()
    expect(quorum).toMatchObject({ call: 'second', verdict: { met: true, basis: 'second-call' } })
    const created = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[1]!.id,
      title: '¿Aprueba el manual de convivencia?',
      economicContent: false,
      secrecy: 'named',
      resultsVisibility: 'live',
    })
    expect(created.json()).toMatchObject({ basis: 'unit', secrecy: 'named' })
    const id = created.json().id
    await A().post(`${base}/motions/${id}/open`)
    for (const [user, seat, choice] of [
      [r1, seats[0]!, 'yes'],
      [r2, seats[1]!, 'no'],
      [r3, seats[2]!, 'yes'],
    ] as const) {
      const res = await as(user).post(`${base}/motions/${id}/ballots`, { unitId: seat.id, choice: [choice] })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().weight).toBe(1)
    }
    const live = (await as(r1).get(`${base}/motions/${id}`)).json()
    expect(live.totals).toEqual(
      expect.arrayContaining([
        { optionId: 'yes', weight: 2, heads: 2 },
        { optionId: 'no', weight: 1, heads: 1 },
      ]),
    )
    expect((await as(r1).get(`${base}/motions/${id}/ballots`)).statusCode).toBe(403)
    const whileOpen = (await A().get(`${base}/motions/${id}/ballots`)).json()
    expect(
      whileOpen.items.map((b: { unitCode: string; choice: string[] }) => [b.unitCode, b.choice]),
    ).toEqual([
      ['T1-101', ['yes']],
      ['T1-102', ['no']],
      ['T1-103', ['yes']],
    ])
    const closed = (await A().post(`${base}/motions/${id}/close`)).json()
    // Unit basis: 2 of 3 present units > 1/2.
    expect(closed.result).toMatchObject({ outcome: 'approved', cast: { weight: 3, heads: 3 } })
    expect((await as(r1).get(`${base}/motions/${id}/ballots`)).statusCode).toBe(200)
    const log = (await A().get(`${base}/assemblies/${assembly.id}/log?limit=500`)).json()
    const ballot = log.items.find(
      (e: { type: string; payload: { unitCode?: string } }) =>
        e.type === 'ballot.cast' && e.payload.unitCode === 'T1-102',
    )
    expect(ballot.payload).toMatchObject({ choice: ['no'], via: 'holder' })
    expect((await A().post(`${base}/assemblies/${assembly.id}/close`)).statusCode).toBe(200)
    expect(
      (await A().post(`${base}/assemblies/${assembly.id}/attendance/check-in`, { unitId: seats[3]!.id }))
        .statusCode,
    ).toBe(409)
  })
})

describe('written assembly (Ley 675 art. 43)', () => {
  it('needs no attendance and counts majorities over the total coefficients', async () => {
    const assembly = await createAssembly(t, admin, slug, { modality: 'written' })
    expect((await A().post(`${base}/assemblies/${assembly.id}/convene`, {})).statusCode).toBe(200)
    expect((await A().post(`${base}/assemblies/${assembly.id}/start`, {})).statusCode).toBe(409)
    const created = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[0]!.id,
      title: '¿Aprueba el presupuesto?',
      basis: 'coefficient',
      secrecy: 'secret',
    })
    expect(created.json().majority.conditions[0].denominator).toBe('total')
    const id = created.json().id
    expect((await A().post(`${base}/motions/${id}/open`)).statusCode).toBe(200)
    expect(
      (await as(r1).post(`${base}/motions/${id}/ballots`, { unitId: seats[0]!.id, choice: ['yes'] }))
        .statusCode,
    ).toBe(201)
    expect(
      (await as(r3).post(`${base}/motions/${id}/ballots`, { unitId: seats[2]!.id, choice: ['yes'] }))
        .statusCode,
    ).toBe(201)
    const closed = (await A().post(`${base}/motions/${id}/close`)).json()
    // 60 % of the total answered yes: more than half of the total coefficients.
    expect(closed.result.options[0]).toMatchObject({ optionId: 'yes', weight: 60_000_000, passes: true })
    expect(closed.result.options[0].conditions[0].denominatorValue).toBe(100_000_000)
    expect(closed.quorumAtClose.count.presentSeats).toBe(2)
    expect(closed.result.outcome).toBe('approved')
  })
})

describe('realtime and scorecard facts', () => {
  it('pushes ballots cast after commit, coalesced per motion, and totals only when results are live', async () => {
    const assembly = await sessionWithThreePresent()
    const hidden = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[0]!.id,
      title: 'Secreta',
      secrecy: 'secret',
      resultsVisibility: 'hidden-until-closed',
    })
    const id = hidden.json().id
    await A().post(`${base}/motions/${id}/open`)
    const emit = vi.spyOn(t.app.platform.realtime, 'emitToOrg')
    const tallies = () =>
      emit.mock.calls.filter(
        ([, event, payload]) =>
          event === MOTION_TALLY_CHANGED && (payload as { motionId: string }).motionId === id,
      )
    try {
      await as(r1).post(`${base}/motions/${id}/ballots`, { unitId: seats[0]!.id, choice: ['yes'] })
      await eventually(async () => tallies().length === 1)
      expect(tallies()[0]).toEqual([
        orgId,
        MOTION_TALLY_CHANGED,
        { assemblyId: assembly.id, motionId: id, ballotsCast: 1 },
      ])
      // Two ballots inside one push window go out as one push carrying both.
      await as(r2).post(`${base}/motions/${id}/ballots`, { unitId: seats[1]!.id, choice: ['no'] })
      await as(r3).post(`${base}/motions/${id}/ballots`, { unitId: seats[2]!.id, choice: ['yes'] })
      await eventually(async () =>
        tallies().some(([, , p]) => (p as { ballotsCast: number }).ballotsCast === 3),
      )
      await new Promise((resolve) => setTimeout(resolve, 2 * TALLY_PUSH_INTERVAL_MS))
      expect(tallies().length).toBeLessThanOrEqual(3)
      expect(tallies().every(([, , p]) => !('totals' in (p as object)))).toBe(true)
    } finally {
      emit.mockRestore()
    }
    await A().post(`${base}/motions/${id}/close`)
    const tally = await withOrg(t.database.db, orgId, (tx) => liveTally(ctxOf(tx), id))
    expect(tally?.totals).toHaveLength(3)
  })

  it('reports attendance and turnout facts, per org and per member, without choices', async () => {
    const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60 * 86_400_000) }
    const all = await withOrg(t.database.db, orgId, (tx) => assemblyScorecardFacts(ctxOf(tx), range))
    expect(all.assemblies.length).toBeGreaterThanOrEqual(3)
    const session = all.assemblies.find((a) => a.presentSeatIds.length === 3)!
    expect(session).toMatchObject({ eligibleSeatIds: expect.any(Array), proxySeatIds: [], maxProxiesHeld: 0 })
    expect(session.eligibleSeatIds).toHaveLength(4)
    expect(all.motions.some((m) => m.ballotsCast === 3 && m.eligible === 4)).toBe(true)
    expect(all.activities).toEqual(expect.arrayContaining([{ memberId: r2.id, kind: 'vote' }]))
    const mine = await withOrg(t.database.db, orgId, (tx) => assemblyScorecardFacts(ctxOf(tx), range, r2.id))
    expect(mine.assemblies.every((a) => a.eligibleSeatIds.length === 1)).toBe(true)
    expect(mine.activities.every((a) => a.memberId === r2.id)).toBe(true)
    expect(JSON.stringify(mine)).not.toMatch(/"yes"|"no"/)
  })
})

describe('convocation mail', () => {
  it('emails the convocation once to each unit voter, by the holder email or the linked account', async () => {
    const holders = (await A().get(`${base}/units/${seats[3]!.id}/holders`)).json().items
    const patched = await A().patch(
      `${base}/units/${seats[3]!.id}/holders/${holders[0].id}`,
      { email: 'propietaria104@example.test' },
      holders[0].version,
    )
    expect(patched.statusCode, patched.body).toBe(200)
    const assembly = await createAssembly(t, admin, slug, { title: 'Asamblea extraordinaria de fachada' })
    expect((await A().post(`${base}/assemblies/${assembly.id}/convene`, {})).statusCode).toBe(200)
    const sent: MailMessage[] = []
    const event: DomainEvent = {
      id: 'convened',
      orgId,
      type: ASSEMBLY_CONVENED,
      entityId: assembly.id,
      actorId: admin.id,
      payload: { assemblyId: assembly.id },
      occurredAt: new Date(),
    }
    await withOrg(t.database.db, orgId, (tx) =>
      convocationMailHandler.handle(ctxOf(tx), event, {
        realtime: { emitToOrg: () => {}, emitToUser: () => {} },
        afterCommit: () => {},
        jobs: { send: async () => null },
        mailer: { send: async (message) => void sent.push(message), sent: () => [] },
      }),
    )
    expect(sent.map((m) => m.to).sort()).toEqual(
      [r1.email, r2.email, r3.email, 'propietaria104@example.test'].map((e) => e.toLowerCase()).sort(),
    )
    const toAna = sent.find((m) => m.to === r1.email.toLowerCase())!
    expect(toAna.subject).toBe('Convocatoria: Asamblea extraordinaria de fachada')
    expect(toAna.text).toContain('Hola Ana Residente')
    expect(toAna.text).toContain('1. Presupuesto')
    expect(toAna.text).toContain('segunda convocatoria')
  })
})

describe('demo seed', () => {
  it('seeds a convened ordinary assembly with three draft motions for the housing demo', async () => {
    const demo = await createOrg(t.app, admin, { kind: 'housing' })
    const ctx = (tx: Tx): ServiceContext => ({ ...ctxOf(tx), orgId: demo.id })
    await withOrg(t.database.db, demo.id, async (tx) => {
      await unitsModule.seedDemo!(ctx(tx))
      await assembliesModule.seedDemo!(ctx(tx))
    })
    const list = (await A().get(`${orgBase(demo.slug)}/assemblies`)).json()
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({ status: 'convened', kind: 'ordinary', noticeSentOn: bogotaToday() })
    expect(list.items[0].agenda).toHaveLength(3)
    const motions = (await A().get(`${orgBase(demo.slug)}/assemblies/${list.items[0].id}/motions`)).json()
    expect(
      motions.items.map((m: { basis: string; secrecy: string; majorityPreset: string; state: string }) => [
        m.basis,
        m.secrecy,
        m.majorityPreset,
        m.state,
      ]),
    ).toEqual([
      ['coefficient', 'secret', 'ley-675-art-45', 'draft'],
      ['coefficient', 'named', 'ley-675-art-46', 'draft'],
      ['unit', 'named', 'ley-675-art-45', 'draft'],
    ])
  })
})

describe('problem details', () => {
  it('answers rule errors as problem+json with field paths', async () => {
    const other = await createOrg(t.app, admin, { kind: 'housing' })
    await addMember(t.app, admin, other.slug, r1)
    const draft = await A().post(`${orgBase(other.slug)}/assemblies`, {
      title: 'Sin unidades',
      firstCallAt: inDays(20),
      noticeSentOn: bogotaToday(),
      agenda: [{ title: 'Uno' }],
    })
    const res = await client(t, admin).post(
      `${orgBase(other.slug)}/assemblies/${draft.json().id}/convene`,
      {},
    )
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().errors[0].path).toBe('electorate')
  })
})
