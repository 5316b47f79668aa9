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

let t: TestApp
let admin: TestUser
let resident: TestUser
let quiet: TestUser
let outsider: TestUser
let slug: string
const base = (org = slug) => `/api/v1/orgs/${org}/scorecards`

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app, 'Administración')
  resident = await signUp(t.app, 'Marta Residente')
  quiet = await signUp(t.app, 'Pedro Callado')
  outsider = await signUp(t.app)
  slug = (await createOrg(t.app, admin, { kind: 'housing' })).slug
  await addMember(t.app, admin, slug, resident)
  await addMember(t.app, admin, slug, quiet)
})
afterAll(() => t.close())

describe('scorecards', () => {
  it('answers "sin datos" (null) for an org with no activity, over the default 12 months', async () => {
    const org = await as(t.app, admin)({ method: 'GET', url: `${base()}/org` })
    expect(org.statusCode, org.body).toBe(200)
    const body = org.json()
    expect(body.assemblies).toMatchObject({
      count: 0,
      attendanceByHeads: null,
      attendanceByWeight: null,
      quorumSuccessRate: null,
      voteTurnout: null,
    })
    expect(body.polls).toEqual({ count: 0, participation: null })
    expect(body.tasks).toMatchObject({ count: 0, onTime: null, medianDaysOverdue: null, openPerMember: [] })
    expect(body.participation).toEqual({
      members: 3,
      activeMembers: 0,
      breadth: { numerator: 0, denominator: 1, percent: '0.00' },
    })
    // Rolling 12 months ending today (Bogotá).
    const from = new Date(`${body.range.from}T12:00:00Z`)
    const to = new Date(`${body.range.to}T12:00:00Z`)
    expect(Math.round((to.getTime() - from.getTime()) / 86_400_000)).toBeGreaterThanOrEqual(364)
    expect(Math.round((to.getTime() - from.getTime()) / 86_400_000)).toBeLessThanOrEqual(365)
  })

  it('counts poll participation and participation breadth from the polls register', async () => {
    const created = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/polls`,
      payload: {
        title: '¿Pintamos la fachada este año?',
        type: 'proposal',
        closingAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const pollId = created.json().id
    const voted = await as(
      t.app,
      resident,
    )({
      method: 'PUT',
      url: `/api/v1/orgs/${slug}/polls/${pollId}/stance`,
      payload: { choices: [{ optionId: 'agree', score: 1 }] },
    })
    expect(voted.statusCode, voted.body).toBeLessThan(300)
    const closed = await as(
      t.app,
      admin,
    )({ method: 'POST', url: `/api/v1/orgs/${slug}/polls/${pollId}/close`, payload: {} })
    expect(closed.statusCode, closed.body).toBeLessThan(300)

    const org = (await as(t.app, admin)({ method: 'GET', url: `${base()}/org` })).json()
    expect(org.polls).toEqual({
      count: 1,
      participation: { numerator: 1, denominator: 3, percent: '33.33' },
    })
    expect(org.participation).toEqual({
      members: 3,
      activeMembers: 1,
      breadth: { numerator: 1, denominator: 3, percent: '33.33' },
    })

    const mine = await as(t.app, resident)({ method: 'GET', url: `${base()}/me` })
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json().polls).toEqual({
      count: 1,
      participation: { numerator: 1, denominator: 1, percent: '100.00' },
    })
    expect(mine.json().activity).toEqual({ votes: 1, attendances: 0, tasksDone: 0, comments: 0 })
    const quietOne = (await as(t.app, quiet)({ method: 'GET', url: `${base()}/me` })).json()
    expect(quietOne.polls.participation).toEqual({ numerator: 0, denominator: 1, percent: '0.00' })
    expect(quietOne.activity.votes).toBe(0)

    // A range before the poll closed has no polls.
    const earlier = (
      await as(t.app, admin)({ method: 'GET', url: `${base()}/org?from=2020-01-01&to=2020-12-31` })
    ).json()
    expect(earlier).toMatchObject({ range: { from: '2020-01-01', to: '2020-12-31' }, polls: { count: 0 } })
  })

  it('validates the range and keeps the org dashboard to owners and admins', async () => {
    const reversed = await as(
      t.app,
      admin,
    )({ method: 'GET', url: `${base()}/org?from=2026-05-01&to=2026-04-01` })
    expect(reversed.statusCode).toBe(422)
    expect(reversed.json().errors[0].path).toBe('querystring.from')
    const malformed = await as(t.app, admin)({ method: 'GET', url: `${base()}/org?from=2026-13-01` })
    expect(malformed.statusCode).toBe(400)

    expect((await as(t.app, resident)({ method: 'GET', url: `${base()}/org` })).statusCode).toBe(403)
    expect((await as(t.app, resident)({ method: 'GET', url: `${base()}/me` })).statusCode).toBe(200)
    expect((await as(t.app, outsider)({ method: 'GET', url: `${base()}/me` })).statusCode).toBe(404)
  })
})

describe('scorecards over assemblies and tasks', () => {
  const bogotaDay = (offsetDays = 0) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(
      new Date(Date.now() + offsetDays * 86_400_000),
    )

  it('reads attendance by heads and weight and task reliability from the other modules', async () => {
    const org = await createOrg(t.app, admin, { kind: 'housing' })
    await addMember(t.app, admin, org.slug, resident)
    await addMember(t.app, admin, org.slug, quiet)
    const api = as(t.app, admin)
    const post = (url: string, payload: object = {}) =>
      api({ method: 'POST', url: `/api/v1/orgs/${org.slug}${url}`, payload })
    const unitIds: string[] = []
    for (const [i, coefficient] of ['40', '30', '20', '10'].entries()) {
      const unit = await post('/units', { code: `U-${i + 1}`, type: 'apartment', coefficient })
      expect(unit.statusCode, unit.body).toBe(201)
      unitIds.push(unit.json().id)
      const voter = [resident, quiet][i]
      const holder = await post(`/units/${unit.json().id}/holders`, {
        name: voter?.name ?? `Propietaria ${i + 1}`,
        ...(voter ? { userId: voter.id } : {}),
        role: 'owner',
        isVoter: true,
      })
      expect(holder.statusCode, holder.body).toBe(201)
    }
    const assembly = await post('/assemblies', {
      title: 'Asamblea ordinaria',
      firstCallAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      noticeSentOn: bogotaDay(),
      agenda: [{ title: 'Presupuesto' }],
    })
    expect(assembly.statusCode, assembly.body).toBe(201)
    const id = assembly.json().id
    expect((await post(`/assemblies/${id}/convene`)).statusCode).toBe(200)
    expect((await post(`/assemblies/${id}/start`, { call: 'second' })).statusCode).toBe(200)
    // U-1 (40 %), U-2 (30 %) and U-3 (20 %) present: 3 of 4 units, 90 % of the coefficient.
    for (const unitId of unitIds.slice(0, 3)) {
      const res = await post(`/assemblies/${id}/attendance/check-in`, { unitId })
      expect(res.statusCode, res.body).toBe(201)
    }
    expect((await post(`/assemblies/${id}/close`)).statusCode).toBe(200)

    const board = await post('/tasks/boards', { name: 'Mantenimiento' })
    expect(board.statusCode, board.body).toBe(201)
    const card = await post(`/tasks/boards/${board.json().board.id}/cards`, {
      title: 'Cambiar bombillos del parqueadero',
      dueOn: bogotaDay(-3),
      assigneeIds: [quiet.id],
    })
    expect(card.statusCode, card.body).toBe(201)

    const range = `?from=${bogotaDay(-30)}&to=${bogotaDay(30)}`
    const res = await api({ method: 'GET', url: `/api/v1/orgs/${org.slug}/scorecards/org${range}` })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.assemblies).toMatchObject({
      count: 1,
      attendanceByHeads: { numerator: 3, denominator: 4, percent: '75.00' },
      attendanceByWeight: { numerator: 9, denominator: 10, percent: '90.00' },
      proxyReliance: { numerator: 0, denominator: 1, percent: '0.00' },
    })
    // The card is 3 days past due and still open (judged as of today, not the range end).
    expect(body.tasks).toEqual({
      count: 1,
      onTime: { numerator: 0, denominator: 1, percent: '0.00' },
      medianDaysOverdue: 3,
      openPerMember: [{ userId: quiet.id, name: 'Pedro Callado', open: 1 }],
    })
    expect(body.participation).toMatchObject({ members: 3, activeMembers: 2 })

    const mine = (
      await as(t.app, resident)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/scorecards/me${range}` })
    ).json()
    expect(mine.assemblies).toMatchObject({
      count: 1,
      attendance: { numerator: 1, denominator: 1, percent: '100.00' },
    })
    expect(mine.activity.attendances).toBeGreaterThanOrEqual(1)
    expect(mine.tasks).toMatchObject({ count: 0, open: 0 })
    const quietOne = (
      await as(t.app, quiet)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/scorecards/me${range}` })
    ).json()
    expect(quietOne.tasks).toMatchObject({ count: 1, open: 1, onTime: { percent: '0.00' } })
  })
})
