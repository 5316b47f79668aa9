import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signUp, type TestApp, type TestUser } from '../../../../test/harness.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { unitsModule } from '../../units/index.ts'
import { verifyInclusion } from '../domain/index.ts'
import { assembliesModule } from '../index.ts'
import {
  bogotaToday,
  client,
  createAssembly,
  housingOrg,
  inDays,
  orgBase,
  pdfText,
  type Seat,
} from './fixtures.ts'

let t: TestApp
let admin: TestUser
let r1: TestUser
let r2: TestUser
let r3: TestUser
let r4: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let seats: Seat[]
let assembly: { id: string; agenda: { id: string }[] }
let base: string

beforeAll(async () => {
  t = await createTestApp({ workers: false, modules: [unitsModule, assembliesModule] })
  admin = await signUp(t.app, 'Administradora')
  r1 = await signUp(t.app, 'Ana Residente')
  r2 = await signUp(t.app, 'Beto Residente')
  r3 = await signUp(t.app, 'Carla Residente')
  r4 = await signUp(t.app, 'Dario Apoderado')
  outsider = await signUp(t.app, 'Externa')
  const org = await housingOrg(t, admin, [r1, r2, r3], ['40', '30', '20', '10'])
  // r4 is a member with no unit: a proxy holder.
  const { addMember } = await import('../../../../test/harness.ts')
  await addMember(t.app, admin, org.slug, r4)
  slug = org.slug
  orgId = org.orgId
  seats = org.seats
  base = orgBase(slug)
}, 60_000)
afterAll(() => t.close())

const A = () => client(t, admin)
const as = (u: TestUser) => client(t, u)
const unit = (i: number) => seats[i]!

describe('convocation', () => {
  it('refuses a notice shorter than 15 days with the earliest valid date', async () => {
    const early = await createAssembly(t, admin, slug, { firstCallAt: inDays(5) })
    const res = await A().post(`${base}/assemblies/${early.id}/convene`, {})
    expect(res.statusCode, res.body).toBe(422)
    const problem = res.json()
    expect(problem.errors[0].path).toBe('body.noticeSentOn')
    expect(problem.errors[0].message).toMatch(/^NOTICE_PERIOD_TOO_SHORT/)
    expect(problem.detail).toMatch(/cannot meet before/)
    expect((await A().get(`${base}/assemblies/${early.id}`)).json().status).toBe('draft')
  })

  it('refuses coefficients that do not sum to 100 % and names the difference', async () => {
    const other = await housingOrg(t, admin, [], ['40', '30'])
    const draft = await createAssembly(t, admin, other.slug)
    const res = await A().post(`${orgBase(other.slug)}/assemblies/${draft.id}/convene`, {})
    expect(res.statusCode, res.body).toBe(422)
    expect(res.json().errors[0]).toMatchObject({ path: 'electorate.coefficients' })
    expect(res.json().detail).toContain('30.000000 % short of 100 %')
    const electorate = await A().get(`${orgBase(other.slug)}/assemblies/${draft.id}/electorate`)
    expect(electorate.json().seats).toEqual([])
  })

  it('convenes: freezes the electorate and opens the log', async () => {
    assembly = await createAssembly(t, admin, slug, {
      proxyPolicy: { maxProxiesPerHolder: 1, barredRoles: ['administrator', 'council-member', 'staff'] },
    })
    const res = await A().post(`${base}/assemblies/${assembly.id}/convene`, {})
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'convened', noticeSentOn: bogotaToday() })
    expect(res.json().secondCallAt).not.toBeNull()
    const electorate = (await A().get(`${base}/assemblies/${assembly.id}/electorate`)).json()
    expect(electorate.totalCoefficient).toBe(100_000_000)
    expect(electorate.seats.map((s: { code: string }) => s.code)).toEqual([
      'T1-101',
      'T1-102',
      'T1-103',
      'T1-104',
    ])
    const again = await A().post(`${base}/assemblies/${assembly.id}/convene`, {})
    expect(again.statusCode).toBe(409)
    const log = (await A().get(`${base}/assemblies/${assembly.id}/log`)).json()
    expect(log.items.map((e: { type: string }) => e.type)).toEqual(['assembly.convened'])
  })
})

describe('access', () => {
  it('a resident gets 403 on manage routes, an outsider 404', async () => {
    const r = as(r1)
    expect((await r.post(`${base}/assemblies`, { title: 'Otra', firstCallAt: inDays(30) })).statusCode).toBe(
      403,
    )
    expect((await r.post(`${base}/assemblies/${assembly.id}/start`, {})).statusCode).toBe(403)
    expect(
      (await r.post(`${base}/assemblies/${assembly.id}/attendance/check-in`, { unitId: unit(0).id }))
        .statusCode,
    ).toBe(403)
    expect((await r.post(`${base}/assemblies/${assembly.id}/proxies`, {})).statusCode).toBe(403)
    expect((await r.get(`${base}/assemblies/${assembly.id}/attendance`)).statusCode).toBe(403)
    expect((await r.get(`${base}/assemblies/${assembly.id}`)).statusCode).toBe(200)
    expect((await as(outsider).get(`${base}/assemblies/${assembly.id}`)).statusCode).toBe(404)
    const { slug: outsiderSlug } = await housingOrg(t, outsider, [], ['100'])
    const cross = await as(outsider).get(`${orgBase(outsiderSlug)}/assemblies/${assembly.id}`)
    expect(cross.statusCode).toBe(404)
    const crossQuorum = await as(outsider).get(`${orgBase(outsiderSlug)}/assemblies/${assembly.id}/acta.pdf`)
    expect(crossQuorum.statusCode).toBe(404)
  })
})

describe('proxies and attendance', () => {
  let proxyU2: string

  it('refuses barred holders and holders over the cap; revokes with audit', async () => {
    const url = `${base}/assemblies/${assembly.id}/proxies`
    const barred = await A().post(url, {
      grantorUnitId: unit(1).id,
      holderName: 'Administradora',
      holderDocument: 'CC 1000',
      holderUserId: admin.id,
    })
    expect(barred.statusCode, barred.body).toBe(422)
    expect(barred.json().errors[0]).toMatchObject({ path: 'body.holderUserId' })
    expect(barred.json().errors[0].message).toMatch(/^PROXY_BARRED_HOLDER/)
    const staff = await A().post(url, {
      grantorUnitId: unit(1).id,
      holderName: 'Portero',
      holderDocument: 'CC 2000',
      holderRoles: ['staff'],
    })
    expect(staff.statusCode).toBe(422)

    const ok = await A().post(url, {
      grantorUnitId: unit(1).id,
      holderName: r4.name,
      holderDocument: 'CC 4444',
      holderUserId: r4.id,
    })
    expect(ok.statusCode, ok.body).toBe(201)
    proxyU2 = ok.json().id
    const overCap = await A().post(url, {
      grantorUnitId: unit(2).id,
      holderName: r4.name,
      holderDocument: 'CC 4444',
      holderUserId: r4.id,
    })
    expect(overCap.statusCode).toBe(422)
    expect(overCap.json().errors[0].message).toMatch(/^PROXY_CAP_EXCEEDED/)

    const other = await A().post(url, {
      grantorUnitId: unit(3).id,
      holderName: 'Pedro Pérez',
      holderDocument: 'CC 5555',
    })
    expect(other.statusCode).toBe(201)
    const revoked = await A().post(`${base}/proxies/${other.json().id}/revoke`, {
      reason: 'El propietario asistirá',
    })
    expect(revoked.statusCode, revoked.body).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    expect((await A().post(`${base}/proxies/${other.json().id}/revoke`, {})).statusCode).toBe(409)
    const audit = await A().get(`${base}/audit?entityType=assembly_proxy&entityId=${other.json().id}`)
    if (audit.statusCode === 200) {
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['assembly.proxy_granted', 'assembly.proxy_revoked']),
      )
    }
    const list = (await A().get(url)).json()
    expect(list.items).toHaveLength(2)
  })

  it('checks units in and out and reports the live quorum', async () => {
    const started = await A().post(`${base}/assemblies/${assembly.id}/start`, { call: 'first' })
    expect(started.statusCode, started.body).toBe(200)
    expect(started.json()).toMatchObject({ status: 'in_session', currentCall: 'first' })
    const checkIn = (payload: object) =>
      A().post(`${base}/assemblies/${assembly.id}/attendance/check-in`, payload)
    const quorum = async () => (await A().get(`${base}/assemblies/${assembly.id}/quorum`)).json()

    const first = await checkIn({ unitId: unit(0).id })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({
      seq: 1,
      via: 'holder',
      attendeeName: r1.name,
      attendeeUserId: r1.id,
    })
    let q = await quorum()
    expect(q.count).toMatchObject({ presentSeats: 1, presentWeight: 40_000_000, totalWeight: 100_000_000 })
    expect(q.verdict.met).toBe(false)

    expect((await checkIn({ unitId: unit(0).id })).statusCode).toBe(409)
    const viaProxy = await checkIn({ unitId: unit(1).id, via: 'proxy', proxyId: proxyU2 })
    expect(viaProxy.statusCode, viaProxy.body).toBe(201)
    q = await quorum()
    expect(q.count).toMatchObject({
      presentSeats: 2,
      presentByHolder: 1,
      presentByProxy: 1,
      presentWeight: 70_000_000,
      attendees: 2,
    })
    expect(q.verdict).toMatchObject({ met: true, basis: 'first-call' })

    const out = await A().post(`${base}/assemblies/${assembly.id}/attendance/check-out`, {
      unitId: unit(1).id,
    })
    expect(out.statusCode, out.body).toBe(201)
    q = await quorum()
    expect(q.count.presentSeats).toBe(1)
    expect(q.verdict.met).toBe(false)
    expect(q.formedEarlier).toBe(true)
    expect((await checkIn({ unitId: unit(1).id, via: 'proxy', proxyId: proxyU2 })).statusCode).toBe(201)

    const revokeWhilePresent = await A().post(`${base}/proxies/${proxyU2}/revoke`, {})
    expect(revokeWhilePresent.statusCode).toBe(409)

    const register = (await A().get(`${base}/assemblies/${assembly.id}/attendance`)).json()
    expect(register.items.map((e: { seq: number; kind: string }) => `${e.seq}:${e.kind}`)).toEqual([
      '1:check-in',
      '2:check-in',
      '3:check-out',
      '4:check-in',
    ])
  })

  it('QR check-in: signed per unit; residents only for their own unit', async () => {
    const tokens = (await A().get(`${base}/assemblies/${assembly.id}/qr-tokens`)).json().items
    const tokenOf = (unitId: string) => tokens.find((x: { unitId: string }) => x.unitId === unitId).token
    const url = `${base}/assemblies/${assembly.id}/attendance/qr`
    expect((await as(r1).post(url, { token: tokenOf(unit(2).id) })).statusCode).toBe(403)
    const forged = tokenOf(unit(2).id).replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))
    expect((await as(r3).post(url, { token: forged })).statusCode).toBe(422)
    const mine = (await as(r3).get(`${base}/assemblies/${assembly.id}/my-seats`)).json()
    expect(mine.seats.map((x: { qrToken: string }) => x.qrToken)).toEqual([tokenOf(unit(2).id)])
    const own = await as(r3).post(url, { token: mine.seats[0].qrToken })
    expect(own.statusCode, own.body).toBe(201)
    expect(own.json()).toMatchObject({
      channel: 'qr',
      via: 'holder',
      attendeeUserId: r3.id,
      unitCode: 'T1-103',
    })
    const out = await A().post(`${base}/assemblies/${assembly.id}/attendance/check-out`, {
      unitId: unit(2).id,
    })
    expect(out.statusCode).toBe(201)
  })
})

describe('motions and ballots', () => {
  let motionId: string
  let r1Receipt: { receipt: string; nonce: string; weight: number; choice: string[] }

  it('runs a secret art. 45 motion from draft to published', async () => {
    const created = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[0]!.id,
      title: '¿Aprueba el presupuesto?',
      basis: 'coefficient',
      secrecy: 'secret',
      resultsVisibility: 'hidden-until-closed',
      majority: { preset: 'ley-675-art-45' },
    })
    expect(created.statusCode, created.body).toBe(201)
    motionId = created.json().id
    expect(created.json()).toMatchObject({ state: 'draft', method: 'yes-no-abstain', ballotsCast: 0 })

    expect(
      (await as(r1).post(`${base}/motions/${motionId}/ballots`, { unitId: unit(0).id, choice: ['yes'] }))
        .statusCode,
    ).toBe(409)

    // Action routes take no body (an empty JSON object is accepted too).
    const opened = await t.app.inject({
      method: 'POST',
      url: `${base}/motions/${motionId}/open`,
      headers: { origin: 'http://localhost:3000', cookie: admin.cookie },
    })
    expect(opened.statusCode, opened.body).toBe(200)
    expect(opened.json().quorumAtOpen.count).toMatchObject({ presentSeats: 2, presentWeight: 70_000_000 })
    const reveal = await A().patch(
      `${base}/motions/${motionId}`,
      { resultsVisibility: 'live' },
      opened.json().version,
    )
    expect(reveal.statusCode, reveal.body).toBe(422)
    expect(reveal.json().errors[0].message).toMatch(/^RESULTS_VISIBILITY_ONE_WAY/)

    const vote = (u: TestUser, unitId: string, choice: string[]) =>
      as(u).post(`${base}/motions/${motionId}/ballots`, { unitId, choice })
    const cast = await vote(r1, unit(0).id, ['yes'])
    expect(cast.statusCode, cast.body).toBe(201)
    r1Receipt = cast.json()
    expect(r1Receipt.weight).toBe(40_000_000)
    expect((await vote(r1, unit(0).id, ['no'])).statusCode).toBe(409)
    expect((await vote(r1, unit(1).id, ['no'])).statusCode).toBe(403)
    const absent = await vote(r3, unit(2).id, ['no'])
    expect(absent.statusCode).toBe(422)
    expect(absent.json().errors[0].path).toBe('body.unitId')
    expect((await vote(r2, unit(1).id, ['no'])).statusCode).toBe(403) // present through the proxy, not r2
    expect((await vote(r4, unit(1).id, ['maybe'])).statusCode).toBe(422)
    expect((await vote(r4, unit(1).id, ['no'])).statusCode).toBe(201)

    const seatsOfR4 = (await as(r4).get(`${base}/assemblies/${assembly.id}/my-seats`)).json()
    expect(seatsOfR4.seats).toHaveLength(1)
    expect(seatsOfR4.seats[0]).toMatchObject({ unitId: unit(1).id, via: 'proxy', present: true })
    expect(seatsOfR4.seats[0].motions[0]).toMatchObject({ motionId, canVote: false, voted: true })

    const live = (await as(r2).get(`${base}/motions/${motionId}`)).json()
    expect(live).toMatchObject({ ballotsCast: 2, totals: null, result: null })
    expect((await as(r2).get(`${base}/motions/${motionId}/receipts`)).statusCode).toBe(409)

    const closed = await A().post(`${base}/motions/${motionId}/close`)
    expect(closed.statusCode, closed.body).toBe(200)
    const result = closed.json().result
    expect(result.outcome).toBe('approved')
    expect(result.cast).toEqual({ weight: 70_000_000, heads: 2 })
    expect(result.options[0]).toMatchObject({ optionId: 'yes', weight: 40_000_000, passes: true })
    expect(closed.json().quorumAtClose.count.presentWeight).toBe(70_000_000)
    expect(closed.json().totals).toEqual(
      expect.arrayContaining([
        { optionId: 'yes', weight: 40_000_000, heads: 1 },
        { optionId: 'no', weight: 30_000_000, heads: 1 },
      ]),
    )
    expect((await vote(r1, unit(0).id, ['yes'])).statusCode).toBe(409)

    const receipts = (await as(r2).get(`${base}/motions/${motionId}/receipts`)).json()
    expect(receipts.receipts).toHaveLength(2)
    expect(verifyInclusion(receipts.receipts, { motionId, ...r1Receipt })).toBe(true)

    const published = await A().post(`${base}/motions/${motionId}/publish`)
    expect(published.json().state).toBe('published')
    expect((await A().post(`${base}/motions/${motionId}/publish`)).statusCode).toBe(409)
    const register = (await A().get(`${base}/motions/${motionId}/voters`)).json()
    expect(register.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['T1-101', 'T1-102'])
    expect((await as(r1).get(`${base}/motions/${motionId}/ballots`)).statusCode).toBe(404)
  })

  it('validates motion rules (C-522/2002, 70 % ceiling)', async () => {
    const url = `${base}/assemblies/${assembly.id}/motions`
    const weighted = await A().post(url, {
      agendaItemId: assembly.agenda[1]!.id,
      title: 'Manual de convivencia',
      basis: 'coefficient',
      economicContent: false,
    })
    expect(weighted.statusCode).toBe(422)
    expect(weighted.json().errors[0]).toMatchObject({ path: 'body.basis' })
    const above = await A().post(url, {
      agendaItemId: assembly.agenda[1]!.id,
      title: 'Regla imposible',
      majority: {
        preset: 'custom',
        conditions: [
          {
            measure: 'weight',
            denominator: 'total',
            threshold: { numerator: 4, denominator: 5 },
            comparison: 'gte',
          },
        ],
      },
    })
    expect(above.statusCode).toBe(422)
    expect(above.json().errors[0].message).toMatch(/^ABOVE_LEGAL_MAXIMUM_MAJORITY/)
    const unitBasis = await A().post(url, {
      agendaItemId: assembly.agenda[1]!.id,
      title: 'Manual de convivencia',
      economicContent: false,
    })
    expect(unitBasis.statusCode).toBe(201)
    expect(unitBasis.json().basis).toBe('unit')
  })

  it('counts exactly one of 100 concurrent ballots for the same unit', async () => {
    const created = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[2]!.id,
      title: 'Obras de cubierta',
      secrecy: 'secret',
      resultsVisibility: 'live',
    })
    const id = created.json().id
    expect((await A().post(`${base}/motions/${id}/open`)).statusCode).toBe(200)
    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        as(r1).post(`${base}/motions/${id}/ballots`, { unitId: unit(0).id, choice: [i % 2 ? 'yes' : 'no'] }),
      ),
    )
    const codes = attempts.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(99)
    const duplicate = attempts.find((r) => r.statusCode === 409)!
    expect(duplicate.headers['content-type']).toContain('application/problem+json')
    const motion = (await A().get(`${base}/motions/${id}`)).json()
    expect(motion.ballotsCast).toBe(1)
    const counted = motion.totals.filter((o: { weight: number }) => o.weight > 0)
    expect(counted).toHaveLength(1)
    expect(counted[0]).toMatchObject({ weight: 40_000_000, heads: 1 })
    const closed = (await A().post(`${base}/motions/${id}/close`)).json()
    expect(closed.result.cast).toEqual({ weight: 40_000_000, heads: 1 })
  }, 60_000)
})

describe('secrecy', () => {
  it('no table, log or event links a voter to the choice of a secret ballot', async () => {
    const created = await A().post(`${base}/assemblies/${assembly.id}/motions`, {
      agendaItemId: assembly.agenda[2]!.id,
      title: 'Elección de la empresa de vigilancia',
      method: 'single-choice',
      options: ['Vigilancia Alfa', 'Seguridad Beta'],
      majority: { preset: 'plurality' },
      secrecy: 'secret',
      resultsVisibility: 'hidden-until-closed',
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    await A().post(`${base}/motions/${id}/open`)
    const a = await as(r1).post(`${base}/motions/${id}/ballots`, { unitId: unit(0).id, choice: ['o1'] })
    const b = await as(r4).post(`${base}/motions/${id}/ballots`, { unitId: unit(1).id, choice: ['o2'] })
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])

    const dumpAndCheck = async () => {
      const tables = await t.database.db.execute<{ table_schema: string; table_name: string }>(sql`
        select table_schema, table_name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`)
      expect(tables.rows.length).toBeGreaterThan(20)
      const voters = [
        { ids: [unit(0).id, r1.id], chosen: '"o1"', other: '"o2"' },
        { ids: [unit(1).id, r4.id], chosen: '"o2"', other: '"o1"' },
      ]
      let scanned = 0
      for (const { table_schema, table_name } of tables.rows) {
        const rows = await t.database.db.execute<{ row: string }>(
          sql.raw(`select row_to_json(x)::text as row from "${table_schema}"."${table_name}" x`),
        )
        for (const { row } of rows.rows) {
          scanned += 1
          // No stored ballot: a choice array appears nowhere (results name winners, not ballots).
          if (row.includes(id)) expect(row).not.toMatch(/"choice":\s*\[/)
          for (const v of voters) {
            const names = v.ids.some((i) => row.includes(i))
            const links = names && row.includes(v.chosen) && !row.includes(v.other)
            if (links) throw new Error(`${table_schema}.${table_name} links a voter to a choice: ${row}`)
          }
        }
      }
      expect(scanned).toBeGreaterThan(50)
      const totals = await t.database.db.execute<{ option_key: string; weight: number }>(
        sql`select option_key, weight::int as weight from motion_totals where motion_id = ${id} order by option_key`,
      )
      // One row per option plus the cast row: never a row per ballot.
      expect(totals.rows.map((r) => r.option_key)).toEqual(['abstain', 'cast', 'o1', 'o2'])
      const receipts = await t.database.db.execute<{ row: string }>(
        sql`select row_to_json(r)::text as row from motion_receipts r where motion_id = ${id}`,
      )
      expect(receipts.rows).toHaveLength(2)
      for (const { row } of receipts.rows) {
        for (const identity of [unit(0).id, unit(1).id, r1.id, r4.id]) expect(row).not.toContain(identity)
      }
      const register = await t.database.db.execute<{ row: string }>(
        sql`select row_to_json(v)::text as row from motion_voters v where motion_id = ${id}`,
      )
      expect(register.rows).toHaveLength(2)
      for (const { row } of register.rows) expect(row).not.toMatch(/o1|o2|cast|20\d\d-/)
      const log = await t.database.db.execute<{ payload: string }>(
        sql`select payload::text as payload from assembly_log where type = 'ballot.cast' and payload->>'motionId' = ${id}`,
      )
      expect(log.rows).toHaveLength(2)
      for (const { payload } of log.rows)
        expect(Object.keys(JSON.parse(payload)).sort()).toEqual(['motionId', 'receipt'])
    }
    await dumpAndCheck()
    expect((await A().post(`${base}/motions/${id}/close`)).statusCode).toBe(200)
    await dumpAndCheck()
  }, 60_000)
})

describe('cross-org isolation', () => {
  it("another org's member gets 404 on this org's motions, proxies and logs through their own org", async () => {
    const { slug: otherSlug } = await housingOrg(t, outsider, [], ['100'])
    const other = orgBase(otherSlug)
    const motion = (await A().get(`${base}/assemblies/${assembly.id}/motions`)).json().items[0]
    const proxy = (await A().get(`${base}/assemblies/${assembly.id}/proxies`)).json().items[0]
    const o = as(outsider)
    expect((await o.get(`${other}/motions/${motion.id}`)).statusCode).toBe(404)
    expect((await o.post(`${other}/motions/${motion.id}/close`)).statusCode).toBe(404)
    expect(
      (await o.post(`${other}/motions/${motion.id}/ballots`, { unitId: unit(0).id, choice: ['yes'] }))
        .statusCode,
    ).toBe(404)
    expect((await o.get(`${other}/motions/${motion.id}/receipts`)).statusCode).toBe(404)
    expect((await o.post(`${other}/proxies/${proxy.id}/revoke`, {})).statusCode).toBe(404)
    expect((await o.get(`${other}/assemblies/${assembly.id}/log/verify`)).statusCode).toBe(404)
    expect((await o.get(`${other}/assemblies/${assembly.id}/quorum`)).statusCode).toBe(404)
    expect((await o.get(`${base}/motions/${motion.id}`)).statusCode).toBe(404)
  })
})

describe('log and acta', () => {
  it('verifies the chain, and the runtime role cannot rewrite it', async () => {
    const verify = (await A().get(`${base}/assemblies/${assembly.id}/log/verify`)).json()
    const current = (await A().get(`${base}/assemblies/${assembly.id}`)).json()
    expect(verify).toMatchObject({ valid: true, firstBrokenSeq: null, headHash: current.logHeadHash })
    expect(verify.length).toBeGreaterThan(10)
    await expect(
      withOrg(t.database.db, orgId, (tx) =>
        tx.execute(sql`update assembly_log set type = 'x' where assembly_id = ${assembly.id}`),
      ),
    ).rejects.toThrow()
  })

  it('renders the acta PDF with attendance, results and the log head', async () => {
    const res = await as(r2).get(`${base}/assemblies/${assembly.id}/acta.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(res.rawPayload)
    const current = (await A().get(`${base}/assemblies/${assembly.id}`)).json()
    expect(text).toContain('Acta de asamblea')
    expect(text).toContain('T1-101')
    expect(text).toContain('por poder')
    expect(text).toContain('¿Aprueba el presupuesto?')
    expect(text).toContain('Aprobada')
    expect(text).toContain(current.logHeadHash)
  })

  it('detects tampering with the log (as the database owner)', async () => {
    await t.database.db.execute(
      sql`update assembly_log set payload = jsonb_set(payload, '{unitCode}', '"T1-999"') where assembly_id = ${assembly.id} and seq = 3`,
    )
    const verify = (await A().get(`${base}/assemblies/${assembly.id}/log/verify`)).json()
    expect(verify).toMatchObject({ valid: false, firstBrokenSeq: 3 })
  })
})
