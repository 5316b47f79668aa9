import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { closeDuePolls, pollScorecardFacts, pollsModule, remindClosingSoon } from '../index.ts'

let t: TestApp
let admin: TestUser
let ana: TestUser
let beto: TestUser
let carla: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let otherSlug: string
const base = () => `/api/v1/orgs/${slug}/polls`
const HOUR = 60 * 60 * 1000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

type Json = Record<string, unknown>

async function create(payload: Json, user: TestUser = admin) {
  return as(t.app, user)({ method: 'POST', url: base(), payload: { closingAt: inHours(72), ...payload } })
}
async function createOk(payload: Json) {
  const res = await create(payload)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number; [k: string]: unknown }
}
function vote(user: TestUser, id: string, choices: { optionId: string; score: number }[], reason?: string) {
  return as(
    t.app,
    user,
  )({
    method: 'PUT',
    url: `${base()}/${id}/stance`,
    payload: { choices, ...(reason ? { reason } : {}) },
  })
}
const results = (user: TestUser, id: string) =>
  as(t.app, user)({ method: 'GET', url: `${base()}/${id}/results` })
const paths = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path)

beforeAll(async () => {
  t = await createTestApp({ workers: true })
  admin = await signUp(t.app, 'Administradora')
  ana = await signUp(t.app, 'Ana')
  beto = await signUp(t.app, 'Beto')
  carla = await signUp(t.app, 'Carla')
  outsider = await signUp(t.app, 'Otra')
  const org = await createOrg(t.app, admin, { kind: 'housing' })
  slug = org.slug
  orgId = org.id
  otherSlug = (await createOrg(t.app, outsider, { kind: 'housing' })).slug
  for (const u of [ana, beto, carla]) await addMember(t.app, admin, slug, u)
})
afterAll(() => t.close())

describe('poll types end to end', () => {
  it('proposal: one position, change with history, tally and named results', async () => {
    const poll = await createOk({ title: '¿Pintamos la fachada?', type: 'proposal' })
    expect(poll).toMatchObject({ state: 'open', invitedCount: 4, decidedCount: 0, myStatus: 'pending' })
    expect((poll.options as { id: string }[]).map((o) => o.id)).toEqual([
      'agree',
      'abstain',
      'disagree',
      'block',
    ])

    const two = await vote(ana, poll.id, [
      { optionId: 'agree', score: 1 },
      { optionId: 'block', score: 1 },
    ])
    expect(two.statusCode).toBe(422)
    expect(paths(two)).toEqual(['body.choices'])
    const unknown = await vote(ana, poll.id, [{ optionId: 'maybe', score: 1 }])
    expect(unknown.statusCode).toBe(422)

    expect((await vote(ana, poll.id, [{ optionId: 'disagree', score: 1 }], 'Muy caro')).statusCode).toBe(200)
    const changed = await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }], 'Me convencieron')
    expect(changed.statusCode).toBe(200)
    expect(changed.json().current).toMatchObject({
      choices: [{ optionId: 'agree', score: 1 }],
      reason: 'Me convencieron',
    })
    expect(changed.json().history).toHaveLength(1)
    expect(changed.json().history[0]).toMatchObject({
      choices: [{ optionId: 'disagree', score: 1 }],
      reason: 'Muy caro',
    })
    await vote(beto, poll.id, [{ optionId: 'block', score: 1 }])

    const r = await results(carla, poll.id)
    expect(r.statusCode).toBe(200)
    const body = r.json()
    expect(body).toMatchObject({ decided: 2, invited: 4, participationPercent: 50, final: false })
    expect(body.options.find((o: { optionId: string }) => o.optionId === 'agree').totalScore).toBe(1)
    expect(body.options.find((o: { optionId: string }) => o.optionId === 'disagree').totalScore).toBe(0)
    expect(body.stances.map((s: { name: string }) => s.name).sort()).toEqual(['Ana', 'Beto'])

    const read = (await as(t.app, ana)({ method: 'GET', url: `${base()}/${poll.id}` })).json()
    expect(read).toMatchObject({ decidedCount: 2, myStatus: 'voted' })
    const list = (await as(t.app, carla)({ method: 'GET', url: `${base()}?state=open` })).json()
    expect(list.items.find((p: { id: string }) => p.id === poll.id).myStatus).toBe('pending')
  })

  it('concurrent casts by one person leave exactly one latest stance and the rest as history', async () => {
    const poll = await createOk({ title: 'Concurrente', type: 'proposal' })
    const positions = ['agree', 'abstain', 'disagree', 'block']
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => vote(carla, poll.id, [{ optionId: positions[i % 4]!, score: 1 }])),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(200))
    const mine = (await as(t.app, carla)({ method: 'GET', url: `${base()}/${poll.id}/stance` })).json()
    expect(mine.current).not.toBeNull()
    expect(mine.history).toHaveLength(7)
    const r = (await results(admin, poll.id)).json()
    expect(r.decided).toBe(1)
    expect(r.options.reduce((acc: number, o: { totalScore: number }) => acc + o.totalScore, 0)).toBe(1)
  })

  it('choose: min/max marks, multiple choice', async () => {
    const bad = await create({ title: 'Mal', type: 'choose', options: ['A'], maxChoices: 3 })
    expect(bad.statusCode).toBe(400)
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.options']))
    const dup = await create({ title: 'Dup', type: 'choose', options: ['A', 'a'] })
    expect(paths(dup)).toContain('body.options')
    const poll = await createOk({
      title: 'Días de aseo',
      type: 'choose',
      options: ['Lunes', 'Miércoles', 'Viernes'],
      minChoices: 1,
      maxChoices: 2,
    })
    const tooMany = await vote(
      ana,
      poll.id,
      ['o1', 'o2', 'o3'].map((optionId) => ({ optionId, score: 1 })),
    )
    expect(tooMany.statusCode).toBe(422)
    expect(paths(tooMany)).toEqual(['body.choices'])
    expect(
      (
        await vote(ana, poll.id, [
          { optionId: 'o1', score: 1 },
          { optionId: 'o3', score: 1 },
        ])
      ).statusCode,
    ).toBe(200)
    expect((await vote(beto, poll.id, [{ optionId: 'o3', score: 1 }])).statusCode).toBe(200)
    const body = (await results(admin, poll.id)).json()
    expect(body.options[0]).toMatchObject({ optionId: 'o3', label: 'Viernes', totalScore: 2, voterCount: 2 })
  })

  it('score: range and averages', async () => {
    const bad = await create({
      title: 'Puntaje',
      type: 'score',
      options: ['A', 'B'],
      minScore: 5,
      maxScore: 1,
    })
    expect(paths(bad)).toContain('body.maxScore')
    const poll = await createOk({
      title: 'Califique la administración',
      type: 'score',
      options: ['Aseo', 'Seguridad'],
      minScore: 1,
      maxScore: 5,
    })
    const out = await vote(ana, poll.id, [{ optionId: 'o1', score: 7 }])
    expect(out.statusCode).toBe(422)
    await vote(ana, poll.id, [
      { optionId: 'o1', score: 5 },
      { optionId: 'o2', score: 2 },
    ])
    await vote(beto, poll.id, [
      { optionId: 'o1', score: 4 },
      { optionId: 'o2', score: 3 },
    ])
    const body = (await results(admin, poll.id)).json()
    expect(
      body.options.map((o: { optionId: string; totalScore: number; average: number }) => [
        o.optionId,
        o.totalScore,
        o.average,
      ]),
    ).toEqual([
      ['o1', 9, 4.5],
      ['o2', 5, 2.5],
    ])
  })

  it('ranked choice: ranks without gaps, Borda points and instant runoff', async () => {
    const poll = await createOk({
      title: 'Prioridad de obras',
      type: 'ranked-choice',
      options: ['Ascensor', 'Parque', 'Portería'],
    })
    const gap = await vote(ana, poll.id, [
      { optionId: 'o1', score: 1 },
      { optionId: 'o2', score: 3 },
    ])
    expect(gap.statusCode).toBe(422)
    expect(paths(gap)).toEqual(['body.choices'])
    const rank = (u: TestUser, order: string[]) =>
      vote(
        u,
        poll.id,
        order.map((optionId, i) => ({ optionId, score: i + 1 })),
      )
    expect((await rank(ana, ['o1', 'o2', 'o3'])).statusCode).toBe(200)
    await rank(beto, ['o2', 'o1', 'o3'])
    await rank(carla, ['o3', 'o1', 'o2'])
    const body = (await results(admin, poll.id)).json()
    expect(body.options[0]).toMatchObject({ optionId: 'o1', totalScore: 7 })
    expect(body.runoff.rounds[0].counts).toEqual([
      { optionId: 'o1', votes: 1 },
      { optionId: 'o2', votes: 1 },
      { optionId: 'o3', votes: 1 },
    ])
    expect(body.runoff.tied).toEqual(['o1', 'o2', 'o3'])
  })

  it('dot vote: at most the dots per person', async () => {
    const poll = await createOk({
      title: 'Presupuesto participativo',
      type: 'dot-vote',
      options: ['Gimnasio', 'Jardín'],
      dotsPerPerson: 5,
    })
    const over = await vote(ana, poll.id, [
      { optionId: 'o1', score: 4 },
      { optionId: 'o2', score: 2 },
    ])
    expect(over.statusCode).toBe(422)
    expect(
      (
        await vote(ana, poll.id, [
          { optionId: 'o1', score: 3 },
          { optionId: 'o2', score: 2 },
        ])
      ).statusCode,
    ).toBe(200)
    await vote(beto, poll.id, [{ optionId: 'o2', score: 5 }])
    const body = (await results(admin, poll.id)).json()
    expect(
      body.options.map((o: { optionId: string; totalScore: number }) => [o.optionId, o.totalScore]),
    ).toEqual([
      ['o2', 7],
      ['o1', 3],
    ])
  })

  it('refuses a closing time in the past and misplaced parameters', async () => {
    const past = await create({ title: 'Tarde', type: 'proposal', closingAt: inHours(-1) })
    expect(past.statusCode).toBe(400)
    expect(paths(past)).toEqual(['body.closingAt'])
    const misplaced = await create({ title: 'Mal', type: 'proposal', options: ['x'], dotsPerPerson: 3 })
    expect(paths(misplaced).sort()).toEqual(['body.dotsPerPerson', 'body.options'])
  })
})

describe('audience, visibility and anonymity', () => {
  it('only invited members vote; the invited set is fixed at opening', async () => {
    const bad = await create({
      title: 'Consejo',
      type: 'proposal',
      audience: 'members',
      invitedUserIds: [ana.id, outsider.id],
    })
    expect(bad.statusCode).toBe(400)
    expect(paths(bad)).toEqual(['body.invitedUserIds.1'])
    const poll = await createOk({
      title: 'Consejo',
      type: 'proposal',
      audience: 'members',
      invitedUserIds: [ana.id, beto.id],
    })
    expect(poll).toMatchObject({ invitedCount: 2, myStatus: 'not_invited' })
    const denied = await vote(carla, poll.id, [{ optionId: 'agree', score: 1 }])
    expect(denied.statusCode).toBe(403)
    expect((await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }])).statusCode).toBe(200)
    expect((await results(carla, poll.id)).json()).toMatchObject({
      decided: 1,
      invited: 2,
      participationPercent: 50,
    })
  })

  it('hides results until closed, one way, and stores them at close', async () => {
    const poll = await createOk({ title: 'Oculta', type: 'proposal', hideResultsUntilClosed: true })
    await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }])
    const hidden = await results(admin, poll.id)
    expect(hidden.statusCode).toBe(403)
    expect(hidden.body).not.toContain('agree"')
    const reveal = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${poll.id}`,
      payload: { hideResultsUntilClosed: false },
      headers: { 'if-match': `"${poll.version}"` },
    })
    expect(reveal.statusCode).toBe(422)
    expect(paths(reveal)).toEqual(['body.hideResultsUntilClosed'])

    const visible = await createOk({ title: 'Visible', type: 'proposal' })
    const hide = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${visible.id}`,
      payload: { hideResultsUntilClosed: true, title: 'Visible luego oculta' },
      headers: { 'if-match': `"${visible.version}"` },
    })
    expect(hide.statusCode).toBe(200)
    expect(hide.json()).toMatchObject({ hideResultsUntilClosed: true, resultsVisible: false })

    expect((await as(t.app, ana)({ method: 'POST', url: `${base()}/${poll.id}/close` })).statusCode).toBe(403)
    const closed = await as(t.app, admin)({ method: 'POST', url: `${base()}/${poll.id}/close` })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({ state: 'closed', resultsVisible: true })
    const final = (await results(ana, poll.id)).json()
    expect(final).toMatchObject({ final: true, decided: 1 })
    expect(final.options[0]).toMatchObject({ optionId: 'agree', totalScore: 1 })
    const late = await vote(beto, poll.id, [{ optionId: 'block', score: 1 }])
    expect(late.statusCode).toBe(409)
    expect((await as(t.app, admin)({ method: 'POST', url: `${base()}/${poll.id}/close` })).statusCode).toBe(
      409,
    )
    expect((await as(t.app, admin)({ method: 'POST', url: `${base()}/${poll.id}/open` })).statusCode).toBe(
      409,
    )
  })

  it('anonymous polls never return identities next to choices', async () => {
    const poll = await createOk({ title: 'Secreta', type: 'choose', options: ['Sí', 'No'], anonymous: true })
    await vote(ana, poll.id, [{ optionId: 'o1', score: 1 }], 'mi razón privada')
    await vote(beto, poll.id, [{ optionId: 'o2', score: 1 }])
    const undo = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${poll.id}`,
      payload: { anonymous: false },
      headers: { 'if-match': `"${poll.version}"` },
    })
    expect(undo.statusCode).toBe(422)
    expect(paths(undo)).toEqual(['body.anonymous'])
    const open = await results(carla, poll.id)
    expect(open.json().stances).toBeNull()
    await as(t.app, admin)({ method: 'POST', url: `${base()}/${poll.id}/close` })
    for (const res of [
      await results(carla, poll.id),
      await as(t.app, carla)({ method: 'GET', url: `${base()}/${poll.id}` }),
      await as(t.app, carla)({ method: 'GET', url: `${base()}?state=closed` }),
    ]) {
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('mi razón privada')
      expect(res.body).not.toContain('"stances":[')
    }
    const r = (await results(carla, poll.id)).json()
    expect(r.stances).toBeNull()
    expect(r.options.map((o: { totalScore: number }) => o.totalScore)).toEqual([1, 1])
    // The audit trail says who took part, never what they chose.
    const audit = (
      await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}/audit?entityId=${poll.id}` })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('poll.stance_cast')
    expect(JSON.stringify(audit)).not.toMatch(/o1|o2|razón/)
    // Each voter still sees their own stance.
    const mine = (await as(t.app, ana)({ method: 'GET', url: `${base()}/${poll.id}/stance` })).json()
    expect(mine.current.choices).toEqual([{ optionId: 'o1', score: 1 }])
  })

  it('drafts: only managers see them; opened later with the members of that moment', async () => {
    const draft = await createOk({ title: 'Borrador', type: 'proposal', state: 'draft' })
    expect(draft).toMatchObject({ state: 'draft', invitedCount: 0 })
    expect((await as(t.app, ana)({ method: 'GET', url: `${base()}/${draft.id}` })).statusCode).toBe(404)
    expect((await vote(ana, draft.id, [{ optionId: 'agree', score: 1 }])).statusCode).toBe(404)
    const list = (await as(t.app, ana)({ method: 'GET', url: `${base()}?limit=100` })).json()
    expect(list.items.some((p: { id: string }) => p.id === draft.id)).toBe(false)
    const opened = await as(t.app, admin)({ method: 'POST', url: `${base()}/${draft.id}/open` })
    expect(opened.statusCode).toBe(200)
    expect(opened.json()).toMatchObject({ state: 'open', invitedCount: 4 })
    expect((await as(t.app, admin)({ method: 'DELETE', url: `${base()}/${draft.id}` })).statusCode).toBe(409)
  })
})

describe('permissions and isolation', () => {
  it('members cannot create, edit or close; outsiders get 404 on another org’s polls', async () => {
    expect((await create({ title: 'No puedo', type: 'proposal' }, ana)).statusCode).toBe(403)
    const poll = await createOk({ title: 'Privada', type: 'proposal' })
    const edit = await as(
      t.app,
      ana,
    )({
      method: 'PATCH',
      url: `${base()}/${poll.id}`,
      payload: { title: 'Hackeada' },
      headers: { 'if-match': '"1"' },
    })
    expect(edit.statusCode).toBe(403)
    const theirs = `/api/v1/orgs/${otherSlug}/polls`
    const mine = await as(t.app, outsider)({ method: 'GET', url: `${theirs}/${poll.id}` })
    expect(mine.statusCode).toBe(404)
    expect(
      (await as(t.app, outsider)({ method: 'GET', url: `${theirs}/${poll.id}/results` })).statusCode,
    ).toBe(404)
    expect((await vote(outsider, poll.id, [{ optionId: 'agree', score: 1 }])).statusCode).toBe(404)
    const viaTheirOrg = await as(
      t.app,
      outsider,
    )({
      method: 'PUT',
      url: `${theirs}/${poll.id}/stance`,
      payload: { choices: [{ optionId: 'agree', score: 1 }] },
    })
    expect(viaTheirOrg.statusCode).toBe(404)
    expect(
      (await as(t.app, outsider)({ method: 'POST', url: `${theirs}/${poll.id}/close` })).statusCode,
    ).toBe(404)
    const list = (await as(t.app, outsider)({ method: 'GET', url: theirs })).json()
    expect(list.items).toHaveLength(0)
  })
})

describe('jobs and scorecard facts', () => {
  it('the closing job closes due polls once and records poll.closed', async () => {
    const poll = await createOk({ title: 'Cierra sola', type: 'proposal', closingAt: inHours(1) })
    await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }])
    const later = new Date(Date.now() + 2 * HOUR)
    expect(await closeDuePolls(t.database.db, later)).toBeGreaterThanOrEqual(1)
    expect(await closeDuePolls(t.database.db, later)).toBe(0)
    const read = (await as(t.app, ana)({ method: 'GET', url: `${base()}/${poll.id}` })).json()
    expect(read.state).toBe('closed')
    const events = await withOrg(t.database.db, orgId, (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from outbox_events where type = 'poll.closed' and entity_id = ${poll.id}`,
      ),
    )
    expect(events.rows[0]!.n).toBe(1)
    const audit = (
      await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}/audit?entityId=${poll.id}` })
    ).json()
    expect(audit.items.filter((e: { action: string }) => e.action === 'poll.closed')).toHaveLength(1)
  })

  it('reminds the undecided once, 24 h before closing, by email after commit', async () => {
    const poll = await createOk({ title: 'Recordatorio', type: 'proposal', closingAt: inHours(10) })
    await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }])
    const far = await createOk({ title: 'Lejana', type: 'proposal', closingAt: inHours(48) })
    const now = new Date()
    const first = await remindClosingSoon(t.database.db, now)
    expect(first).toBeGreaterThanOrEqual(1)
    expect(await remindClosingSoon(t.database.db, now)).toBe(0)
    const events = await withOrg(t.database.db, orgId, (tx) =>
      tx.execute<{ entity_id: string; payload: { userIds: string[] } }>(
        sql`select entity_id, payload from outbox_events where type = 'poll.closing_soon'`,
      ),
    )
    const mine = events.rows.filter((e) => e.entity_id === poll.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.payload.userIds.sort()).toEqual([admin.id, beto.id, carla.id].sort())
    expect(events.rows.some((e) => e.entity_id === far.id)).toBe(false)
    // Delivery waits behind the queue of earlier events of this file (one job per event and handler).
    await eventually(
      async () =>
        t.app.platform.mailer.sent().some((m) => m.to === beto.email && m.subject.includes('Recordatorio')),
      40_000,
    )
    const mails = t.app.platform.mailer.sent().filter((m) => m.subject.includes('Recordatorio'))
    expect(mails.map((m) => m.to)).not.toContain(ana.email)
  }, 60_000)

  it('pollScorecardFacts: decided / invited per closed poll and vote activities', async () => {
    const from = new Date()
    const poll = await createOk({ title: 'Para indicadores', type: 'proposal' })
    await vote(ana, poll.id, [{ optionId: 'agree', score: 1 }])
    await vote(ana, poll.id, [{ optionId: 'abstain', score: 1 }])
    await vote(beto, poll.id, [{ optionId: 'agree', score: 1 }])
    await as(t.app, admin)({ method: 'POST', url: `${base()}/${poll.id}/close` })
    const range = { from, to: new Date(Date.now() + HOUR) }
    const ctxOf = (tx: Parameters<Parameters<typeof withOrg>[2]>[0]) => ({
      db: tx,
      orgId,
      actor: { userId: null, role: 'system' as const },
      requestId: 'test',
      now: new Date(),
      ip: null,
    })
    const all = await withOrg(t.database.db, orgId, (tx) => pollScorecardFacts(ctxOf(tx), range))
    expect(all.polls).toEqual([{ decided: 2, invited: 4 }])
    expect(all.activities.filter((a) => a.memberId === ana.id)).toHaveLength(2)
    expect(all.activities.every((a) => a.kind === 'vote')).toBe(true)
    const carlas = await withOrg(t.database.db, orgId, (tx) => pollScorecardFacts(ctxOf(tx), range, carla.id))
    expect(carlas).toEqual({ polls: [{ decided: 0, invited: 1 }], activities: [] })
    const betos = await withOrg(t.database.db, orgId, (tx) => pollScorecardFacts(ctxOf(tx), range, beto.id))
    expect(betos.polls).toEqual([{ decided: 1, invited: 1 }])
  })
})

describe('demo seed', () => {
  it('adds an open proposal and a closed pool-hours poll', async () => {
    const demo = await createOrg(t.app, admin, { kind: 'housing' })
    await withOrg(t.database.db, demo.id, (tx) =>
      pollsModule.seedDemo!({
        db: tx,
        orgId: demo.id,
        actor: { userId: admin.id, role: 'owner' },
        requestId: 'seed',
        now: new Date(),
        ip: null,
      }),
    )
    const list = (await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/polls` })).json()
    expect(list.items.map((p: { title: string; state: string }) => [p.title, p.state])).toEqual([
      ['Horario de la piscina', 'closed'],
      ['¿Pintamos la fachada en marzo?', 'open'],
    ])
    const pool = list.items[0]
    const r = (
      await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/polls/${pool.id}/results` })
    ).json()
    expect(r).toMatchObject({ final: true, decided: 1, invited: 1 })
    expect(r.options[0]).toMatchObject({ label: '8:00 a. m. – 8:00 p. m.', totalScore: 1 })
  })
})
