import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { isUniqueViolation } from '../../../platform/db/unique-violation.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { createUnit as createUnitService, listElectorate, unitsModule, unitsRepresentedBy } from '../index.ts'
import * as repo from '../units.repository.ts'

let t: TestApp
let admin: TestUser
let resident: TestUser
let outsider: TestUser
let slug: string
let otherSlug: string
const base = (org = slug) => `/api/v1/orgs/${org}/units`

beforeAll(async () => {
  t = await createTestApp({ workers: false, modules: [unitsModule] })
  admin = await signUp(t.app)
  resident = await signUp(t.app)
  outsider = await signUp(t.app)
  slug = (await createOrg(t.app, admin, { kind: 'housing' })).slug
  otherSlug = (await createOrg(t.app, outsider, { kind: 'housing' })).slug
  await addMember(t.app, admin, slug, resident)
})
afterAll(() => t.close())

const post = (user: TestUser, url: string, payload: object) =>
  as(t.app, user)({ method: 'POST', url, payload })

async function createUnit(payload: object) {
  const res = await post(admin, base(), payload)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number; code: string }
}

describe('units CRUD', () => {
  it('creates, reads with ETag, edits with If-Match, lists by code and deletes', async () => {
    const unit = await createUnit({
      code: 'A-101',
      type: 'apartment',
      building: 'Torre A',
      privateArea: '54,3',
      coefficient: '1,5',
    })
    expect(unit).toMatchObject({
      code: 'A-101',
      type: 'apartment',
      building: 'Torre A',
      privateArea: '54.30',
      coefficient: '1.500000',
      voter: null,
      holdersInForce: 0,
      version: 1,
    })
    await createUnit({ code: 'A-102', type: 'apartment', building: 'Torre A', coefficient: '2' })
    await createUnit({ code: 'P-01', type: 'parking', coefficient: '0.25' })

    const read = await as(t.app, resident)({ method: 'GET', url: `${base()}/${unit.id}` })
    expect(read.statusCode).toBe(200)
    expect(read.headers.etag).toBe('"1"')

    const edited = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${unit.id}`,
      payload: { coefficient: '1.25', notes: 'Esquinero' },
      headers: { 'if-match': '"1"' },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ coefficient: '1.250000', notes: 'Esquinero', version: 2 })
    const stale = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${unit.id}`,
      payload: { notes: 'x' },
      headers: { 'if-match': '"1"' },
    })
    expect(stale.statusCode).toBe(412)

    const page1 = await as(t.app, resident)({ method: 'GET', url: `${base()}?limit=2` })
    expect(page1.json().items.map((u: { code: string }) => u.code)).toEqual(['A-101', 'A-102'])
    const page2 = await as(
      t.app,
      resident,
    )({ method: 'GET', url: `${base()}?limit=2&cursor=${page1.json().nextCursor}` })
    expect(page2.json()).toMatchObject({ items: [{ code: 'P-01' }], nextCursor: null })
    const parking = await as(t.app, resident)({ method: 'GET', url: `${base()}?type=parking` })
    expect(parking.json().items.map((u: { code: string }) => u.code)).toEqual(['P-01'])
    const search = await as(t.app, resident)({ method: 'GET', url: `${base()}?q=102&building=Torre%20A` })
    expect(search.json().items.map((u: { code: string }) => u.code)).toEqual(['A-102'])

    const temp = await createUnit({ code: 'TMP', type: 'storage' })
    const deleted = await as(t.app, admin)({ method: 'DELETE', url: `${base()}/${temp.id}` })
    expect(deleted.statusCode).toBe(204)
    const gone = await as(t.app, admin)({ method: 'GET', url: `${base()}/${temp.id}` })
    expect(gone.statusCode).toBe(404)
  })

  it('answers 422 with field paths for bad coefficients, areas and duplicate codes', async () => {
    const cases: [object, string, RegExp][] = [
      [{ code: 'X-1', type: 'house', coefficient: '100.000001' }, 'body.coefficient', /above 100/],
      [{ code: 'X-1', type: 'house', coefficient: '0' }, 'body.coefficient', /above 0/],
      [{ code: 'X-1', type: 'house', coefficient: '1.1234567' }, 'body.coefficient', /6 decimals/],
      [{ code: 'A-101', type: 'house', coefficient: '1' }, 'body.code', /already has the code A-101/],
      [{ code: 'X-1', type: 'house', privateArea: '0' }, 'body.privateArea', /positive area/],
    ]
    for (const [payload, path, message] of cases) {
      const res = await post(admin, base(), payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
      const problem = res.json()
      expect(problem.errors).toEqual([{ path, message: expect.stringMatching(message) }])
    }
    const badType = await post(admin, base(), { code: 'X-1', type: 'castle' })
    expect(badType.statusCode).toBe(400)
    expect(badType.json().errors[0].path).toBe('body.type')
    const check = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=X-1` })
    expect(check.json().items).toEqual([])
  })

  it('reports the coefficient sum and difference, overall and per building', async () => {
    const res = await as(t.app, resident)({ method: 'GET', url: `${base()}/coefficients/check` })
    expect(res.statusCode).toBe(200)
    // A-101 1.25 + A-102 2 + P-01 0.25
    expect(res.json()).toEqual({
      ok: false,
      unitCount: 3,
      unitsWithoutCoefficient: 0,
      sum: '3.500000',
      difference: '-96.500000',
      byBuilding: [
        { building: null, unitCount: 1, sum: '0.250000' },
        { building: 'Torre A', unitCount: 2, sum: '3.250000' },
      ],
    })
  })
})

describe('holders', () => {
  let unitId: string
  beforeAll(async () => {
    unitId = (await createUnit({ code: 'H-1', type: 'apartment', coefficient: '1' })).id
  })

  it('adds holders, keeps one voter in force, ends holders and refuses non-members', async () => {
    const owner = await post(admin, `${base()}/${unitId}/holders`, {
      name: 'María Gómez',
      role: 'owner',
      userId: resident.id,
      validFrom: '2024-01-01',
      isVoter: true,
    })
    expect(owner.statusCode, owner.body).toBe(201)
    expect(owner.json()).toMatchObject({ name: 'María Gómez', isVoter: true, inForce: true, validTo: null })

    const second = await post(admin, `${base()}/${unitId}/holders`, {
      name: 'Juan Pérez',
      role: 'tenant',
      validFrom: '2024-06-01',
      isVoter: true,
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().errors[0]).toMatchObject({
      path: 'body.isVoter',
      message: expect.stringContaining('María Gómez already votes'),
    })

    const notMember = await post(admin, `${base()}/${unitId}/holders`, {
      name: 'Ajena',
      role: 'owner',
      userId: outsider.id,
    })
    expect(notMember.statusCode).toBe(422)
    expect(notMember.json().errors[0].path).toBe('body.userId')

    const badDates = await post(admin, `${base()}/${unitId}/holders`, {
      name: 'Fechas',
      role: 'owner',
      validFrom: '2024-06-01',
      validTo: '2024-01-01',
    })
    expect(badDates.statusCode).toBe(422)
    expect(badDates.json().errors[0].path).toBe('body.validTo')

    const unit = await as(t.app, resident)({ method: 'GET', url: `${base()}/${unitId}` })
    expect(unit.json()).toMatchObject({
      voter: { holderId: owner.json().id, userId: resident.id, name: 'María Gómez' },
      holdersInForce: 1,
    })

    // Ending the owner's holding frees the vote for a new voter from the next day on.
    const ended = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${unitId}/holders/${owner.json().id}`,
      payload: { validTo: '2024-05-31' },
    })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json()).toMatchObject({ validTo: '2024-05-31', inForce: false })
    const tenant = await post(admin, `${base()}/${unitId}/holders`, {
      name: 'Juan Pérez',
      role: 'tenant',
      validFrom: '2024-06-01',
      isVoter: true,
    })
    expect(tenant.statusCode, tenant.body).toBe(201)

    const list = await as(t.app, resident)({ method: 'GET', url: `${base()}/${unitId}/holders` })
    expect(list.json().items.map((h: { name: string; inForce: boolean }) => [h.name, h.inForce])).toEqual([
      ['María Gómez', false],
      ['Juan Pérez', true],
    ])

    const refused = await as(t.app, admin)({ method: 'DELETE', url: `${base()}/${unitId}` })
    expect(refused.statusCode).toBe(409)
  })
})

describe('CSV import', () => {
  const csvUrl = () => `${base()}/import`

  it('dry-runs with per-row errors and writes nothing; a commit with errors is refused whole', async () => {
    const csv = [
      'code,type,building,area,coefficient,holder_name,holder_role',
      'C-1,apartamento,Torre C,60,50,Ana Ruiz,propietario',
      'C-2,castillo,Torre C,60,10,,',
      'C-1,local,,30,1.1234567,,',
    ].join('\n')
    const dry = await post(admin, csvUrl(), { csv, dryRun: true })
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toMatchObject({ dryRun: true, committed: false, rows: 3, check: null })
    expect(dry.json().errors).toEqual([
      { row: 2, column: 'type', message: expect.stringContaining('apartamento') },
      { row: 3, column: 'code', message: 'Code C-1 is repeated (row 1)' },
      { row: 3, column: 'coefficient', message: expect.stringContaining('6 decimals') },
    ])
    const commit = await post(admin, csvUrl(), { csv })
    expect(commit.statusCode).toBe(422)
    expect(commit.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'csv.row2.type',
      'csv.row3.code',
      'csv.row3.coefficient',
    ])
    const none = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=C-` })
    expect(none.json().items).toEqual([])
  })

  it('commits text/csv, derives coefficients from areas and re-imports idempotently', async () => {
    const csv = [
      'code,type,building,area,coefficient,holder_name,holder_email,holder_role',
      'D-1,apartamento,Torre D,1,,Ana Ruiz,ana@example.test,propietario',
      'D-2,apartamento,Torre D,1,,Luis Mora,,',
      'D-3,parqueadero,,1,,,,',
    ].join('\n')
    const org = (await createOrg(t.app, admin, { kind: 'housing' })).slug
    const url = `${base(org)}/import?coefficientsFromAreas=true`
    const send = (query = '') =>
      as(
        t.app,
        admin,
      )({ method: 'POST', url: url + query, payload: csv, headers: { 'content-type': 'text/csv' } })

    const dry = await send('&dryRun=true')
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toMatchObject({ committed: false, created: 3, updated: 0, errors: [] })
    expect(dry.json().check).toMatchObject({ ok: true, sum: '100.000000', unitCount: 3 })

    const first = await send()
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ committed: true, created: 3, updated: 0, holdersAdded: 2 })
    const list = await as(t.app, admin)({ method: 'GET', url: base(org) })
    expect(
      list.json().items.map((u: { code: string; coefficient: string }) => [u.code, u.coefficient]),
    ).toEqual([
      ['D-1', '33.333334'],
      ['D-2', '33.333333'],
      ['D-3', '33.333333'],
    ])
    expect(list.json().items[0]).toMatchObject({ voter: { name: 'Ana Ruiz' }, holdersInForce: 1 })

    const again = await send()
    expect(again.json()).toMatchObject({ committed: true, created: 0, updated: 0, holdersAdded: 0 })
    const changed = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: `${base(org)}/import`,
      payload: { csv: 'code,type,coefficient\nD-3,depósito,33.333333' },
    })
    expect(changed.json()).toMatchObject({ committed: true, created: 0, updated: 1 })
    const d3 = await as(t.app, admin)({ method: 'GET', url: `${base(org)}?q=D-3` })
    expect(d3.json().items[0]).toMatchObject({ type: 'storage', coefficient: '33.333333', building: null })
  })
})

describe('isolation and permissions', () => {
  it('gives 404 on another org ids and 403 to residents on manage routes', async () => {
    const unit = await createUnit({ code: 'ISO-1', type: 'house', coefficient: '1' })
    const cross = await as(t.app, outsider)({ method: 'GET', url: `${base(otherSlug)}/${unit.id}` })
    expect(cross.statusCode).toBe(404)
    const crossHolders = await post(outsider, `${base(otherSlug)}/${unit.id}/holders`, {
      name: 'Intrusa',
      role: 'owner',
    })
    expect(crossHolders.statusCode).toBe(404)
    const notMember = await as(t.app, outsider)({ method: 'GET', url: base() })
    expect(notMember.statusCode).toBe(404)

    for (const [method, url, payload] of [
      ['POST', base(), { code: 'R-1', type: 'house' }],
      ['PATCH', `${base()}/${unit.id}`, { notes: 'x' }],
      ['DELETE', `${base()}/${unit.id}`, undefined],
      ['POST', `${base()}/${unit.id}/holders`, { name: 'Yo mismo', role: 'owner' }],
      ['POST', `${base()}/import`, { csv: 'code,type,coefficient\nR-1,casa,1' }],
    ] as const) {
      const res = await as(t.app, resident)({ method, url, ...(payload ? { payload } : {}) })
      expect(res.statusCode, `${method} ${url}`).toBe(403)
    }
  })
})

describe('exported services', () => {
  it('seeds the demo building at exactly 100 % and exposes the electorate and represented units', async () => {
    const org = await createOrg(t.app, admin, { kind: 'housing' })
    const inOrg = <T>(fn: (ctx: ServiceContext) => Promise<T>) =>
      withOrg(t.database.db, org.id, (tx) =>
        fn({
          db: tx,
          orgId: org.id,
          actor: { userId: admin.id, role: 'owner' },
          requestId: 'test',
          now: new Date('2026-03-01T12:00:00Z'),
          ip: null,
        }),
      )
    await inOrg((ctx) => unitsModule.seedDemo!(ctx))
    const check = await as(t.app, admin)({ method: 'GET', url: `${base(org.slug)}/coefficients/check` })
    expect(check.json()).toMatchObject({ ok: true, unitCount: 28, sum: '100.000000', difference: '0.000000' })

    const electorate = await inOrg((ctx) => listElectorate(ctx))
    expect(electorate).toHaveLength(28)
    expect(electorate.map((s) => s.code).slice(0, 3)).toEqual(['P-01', 'P-02', 'P-03'])
    expect(electorate.reduce((sum, s) => sum + s.coefficient, 0)).toBe(100_000_000)
    expect(electorate.every((s) => s.voter !== null)).toBe(true)
    const t1101 = electorate.find((s) => s.code === 'T1-101')!
    expect(t1101.voter).toMatchObject({ userId: admin.id })
    expect(await inOrg((ctx) => unitsRepresentedBy(ctx, admin.id))).toEqual([t1101.unitId])
    expect(await inOrg((ctx) => unitsRepresentedBy(ctx, resident.id))).toEqual([])

    // A unit without a coefficient is not part of the electorate.
    await inOrg((ctx) => createUnitService(ctx, { code: 'Z-9', type: 'storage' }))
    expect(await inOrg((ctx) => listElectorate(ctx))).toHaveLength(28)
  })

  it('recognises the database backstops as the errors the service maps (concurrent writers)', async () => {
    const org = await createOrg(t.app, admin, { kind: 'housing' })
    const attempt = (fn: (ctx: ServiceContext) => Promise<unknown>) =>
      withOrg(t.database.db, org.id, (tx) =>
        fn({
          db: tx,
          orgId: org.id,
          actor: { userId: admin.id, role: 'owner' },
          requestId: 't',
          now: new Date(),
          ip: null,
        }),
      ).then(
        () => null,
        (err: unknown) => err,
      )
    const values = {
      type: 'house' as const,
      building: null,
      privateArea: null,
      coefficient: null,
      notes: null,
    }
    let unitId = ''
    await attempt(async (ctx) => {
      unitId = (await repo.insertUnit(ctx, { ...values, code: 'DUP' })).id
    })
    const dup = await attempt((ctx) => repo.insertUnit(ctx, { ...values, code: 'DUP' }))
    expect(isUniqueViolation(dup, 'units_org_code')).toBe(true)
    const voter = {
      name: 'Voto',
      userId: null,
      email: null,
      phone: null,
      role: 'owner' as const,
      validFrom: '2024-01-01',
      validTo: null,
      isVoter: true,
    }
    const twoVoters = await attempt(async (ctx) => {
      await repo.insertHolder(ctx, unitId, voter)
      await repo.insertHolder(ctx, unitId, voter)
    })
    expect(isUniqueViolation(twoVoters, 'unit_holders_one_open_voter')).toBe(true)
    expect(isUniqueViolation(twoVoters, 'units_org_code')).toBe(false)
  })
})
