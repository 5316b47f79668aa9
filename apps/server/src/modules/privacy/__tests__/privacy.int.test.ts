import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
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
import { auditEvents } from '../../../platform/audit/audit.tables.ts'
import { bogotaDate } from '../../../platform/calendar/index.ts'
import { outboxEvents } from '../../../platform/events/events.tables.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { notificationRequests } from '../../notifications/notifications.tables.ts'
import { extendedDueDate, initialDueDate } from '../due-dates.ts'
import { type PeoplePort, usePeoplePort } from '../people-port.ts'
import { runDueSoonReminders } from '../privacy.jobs.ts'

/**
 * A stand-in for the people module behind privacy's port: persons per org, and a log of the calls
 * privacy makes (the "reclamo en trámite" flag, anonymization), so the tests can assert them.
 */
class FakePeople implements PeoplePort {
  persons = new Map<string, { userId: string | null }>()
  calls: string[] = []
  add(orgId: string, userId: string | null = null) {
    const id = randomUUID()
    this.persons.set(`${orgId}:${id}`, { userId })
    return id
  }
  async getPersonSummary(ctx: ServiceContext, personId: string) {
    const person = this.persons.get(`${ctx.orgId}:${personId}`)
    if (!person) return null
    return {
      id: personId,
      displayName: 'Ana Pérez',
      documentType: 'CC',
      documentNumberMasked: '****5678',
      userId: person.userId,
    }
  }
  async setClaimInProgress(_ctx: ServiceContext, personId: string, inProgress: boolean) {
    this.calls.push(`claim:${personId}:${inProgress}`)
  }
  async exportPersonData(_ctx: ServiceContext, personId: string) {
    return {
      id: personId,
      displayName: 'Ana Pérez',
      email: 'ana@example.test',
      address: { city: 'Medellín' },
    }
  }
  async anonymizePerson(_ctx: ServiceContext, personId: string, reason: string) {
    this.calls.push(`anonymize:${personId}:${reason}`)
  }
  async findPersonIdByUser(ctx: ServiceContext, userId: string) {
    for (const [key, person] of this.persons) {
      const [org, id] = key.split(':')
      if (org === ctx.orgId && person.userId === userId) return id ?? null
    }
    return null
  }
}

let t: TestApp
let admin: TestUser
let member: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let otherSlug: string
let base: string
const people = new FakePeople()
let personId: string
let policyId: string
let purposeId: string

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  usePeoplePort(people)
  admin = await signUp(t.app, 'Oficial de datos')
  member = await signUp(t.app, 'Asociada')
  outsider = await signUp(t.app, 'Otra Org')
  const org = await createOrg(t.app, admin, { kind: 'savings_credit' })
  slug = org.slug
  orgId = org.id
  base = `/api/v1/orgs/${slug}/privacy`
  otherSlug = (await createOrg(t.app, outsider)).slug
  await addMember(t.app, admin, slug, member)
  personId = people.add(orgId, member.id)

  const policy = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `${base}/policies`,
    payload: { text: '# Política de tratamiento de datos\n\nVersión inicial.', effectiveDate: '2026-01-01' },
  })
  expect(policy.statusCode, policy.body).toBe(201)
  policyId = policy.json().id
  const purpose = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `${base}/purposes`,
    payload: { key: 'tratamiento', name: 'Tratamiento de datos personales' },
  })
  expect(purpose.statusCode, purpose.body).toBe(201)
  purposeId = purpose.json().id
}, 60_000)

afterAll(async () => {
  await t?.close()
})

const api = (user: TestUser) => as(t.app, user)

describe('privacy policy versions', () => {
  it('numbers versions, publishes one current at a time and audits publishing', async () => {
    const draft = await api(admin)({ method: 'GET', url: `${base}/policies` })
    expect(draft.json().items[0]).toMatchObject({
      id: policyId,
      version: 1,
      published: false,
      current: false,
    })

    const published = await api(admin)({ method: 'POST', url: `${base}/policies/${policyId}/publish` })
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({ version: 1, published: true, current: true })
    const again = await api(admin)({ method: 'POST', url: `${base}/policies/${policyId}/publish` })
    expect(again.statusCode).toBe(409)

    const v2 = await api(admin)({
      method: 'POST',
      url: `${base}/policies`,
      payload: { text: '# Política v2\n\nIncluye centrales de riesgo.', effectiveDate: '2026-06-01' },
    })
    expect(v2.json().version).toBe(2)
    await api(admin)({ method: 'POST', url: `${base}/policies/${v2.json().id}/publish` })
    const list = (await api(admin)({ method: 'GET', url: `${base}/policies` })).json().items
    expect(list.map((p: { version: number; current: boolean }) => [p.version, p.current])).toEqual([
      [2, true],
      [1, false],
    ])

    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'privacy.policy_published')))
    expect(audits.map((a) => a.entityId).sort()).toEqual([policyId, v2.json().id].sort())
  })

  it('rejects a duplicate purpose key with its field path', async () => {
    const res = await api(admin)({
      method: 'POST',
      url: `${base}/purposes`,
      payload: { key: 'tratamiento', name: 'Otra vez' },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().errors).toEqual([{ path: 'body.key', message: 'Already in use' }])
  })
})

describe('consents', () => {
  it('records a consent with its proof, then a revocation, keeping the history', async () => {
    const granted = await api(admin)({
      method: 'POST',
      url: `${base}/consents`,
      payload: { personId, purposeId, policyId, channel: 'papel', occurredAt: '2026-02-03T10:00:00-05:00' },
    })
    expect(granted.statusCode, granted.body).toBe(201)
    expect(granted.json()).toMatchObject({
      kind: 'granted',
      policyVersion: 1,
      channel: 'papel',
      occurredAt: '2026-02-03T15:00:00.000Z',
      actorType: 'staff',
      actorUserId: admin.id,
      ip: '127.0.0.1',
    })

    const revoked = await api(admin)({
      method: 'POST',
      url: `${base}/consents/revoke`,
      payload: { personId, purposeId, channel: 'telefono', reason: 'Ya no desea el tratamiento' },
    })
    expect(revoked.statusCode, revoked.body).toBe(201)

    const consents = (await api(admin)({ method: 'GET', url: `${base}/people/${personId}/consents` })).json()
    expect(consents.history.map((e: { kind: string; channel: string }) => `${e.kind}/${e.channel}`)).toEqual([
      'granted/papel',
      'revoked/telefono',
    ])
    expect(consents.history[1].reason).toBe('Ya no desea el tratamiento')
    expect(consents.current).toEqual([
      expect.objectContaining({ purposeId, state: 'revoked', policyVersion: null }),
    ])

    const twice = await api(admin)({
      method: 'POST',
      url: `${base}/consents/revoke`,
      payload: { personId, purposeId, channel: 'web', reason: 'otra vez' },
    })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().errors[0].path).toBe('body.purposeId')
  })

  it('validates person, future dates, channel and an unpublished policy with field paths', async () => {
    const post = (payload: Record<string, unknown>) =>
      api(admin)({
        method: 'POST',
        url: `${base}/consents`,
        payload: { personId, purposeId, policyId, channel: 'web', ...payload },
      })

    const unknown = await post({ personId: randomUUID() })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().errors).toEqual([{ path: 'body.personId', message: 'Unknown person' }])

    const future = await post({ occurredAt: '2099-01-01T00:00:00Z' })
    expect(future.statusCode).toBe(422)
    expect(future.json().errors[0].path).toBe('body.occurredAt')

    const channel = await post({ channel: 'fax' })
    expect(channel.statusCode).toBe(400)
    expect(channel.json().errors.map((e: { path: string }) => e.path)).toContain('body.channel')

    const draft = await api(admin)({
      method: 'POST',
      url: `${base}/policies`,
      payload: { text: '# Borrador sin publicar de la política', effectiveDate: '2027-01-01' },
    })
    const unpublished = await post({ policyId: draft.json().id })
    expect(unpublished.statusCode).toBe(422)
    expect(unpublished.json().errors).toEqual([
      { path: 'body.policyId', message: 'The policy version is not published' },
    ])

    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'privacy.consent_granted'))
    expect(rows.filter((r) => r.orgId === orgId)).toHaveLength(1)
  })
})

describe('data-subject requests', () => {
  const create = (payload: Record<string, unknown>) =>
    api(admin)({
      method: 'POST',
      url: `${base}/requests`,
      payload: { personId, channel: 'web', description: 'Quiero saber qué datos tienen', ...payload },
    })

  it('computes due dates on the business-day calendar from the receipt date', async () => {
    const res = await create({ kind: 'consulta', receivedOn: '2025-04-11' })
    expect(res.statusCode, res.body).toBe(201)
    // Semana Santa 2025 (17 and 18 April) is skipped.
    expect(res.json()).toMatchObject({ status: 'received', receivedOn: '2025-04-11', dueOn: '2025-04-29' })
    expect(res.json().businessDaysLeft).toBeLessThan(0)
    // The first term expired long ago: too late to extend.
    const late = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${res.json().id}/extend`,
      payload: { reason: 'Necesitamos más tiempo' },
    })
    expect(late.statusCode).toBe(409)
    expect(res.json().closedOnTime).toBeNull()
    // Answered today, long after 2025-04-29: closed, but outside the legal term.
    const answered = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${res.json().id}/answer`,
      payload: { response: 'Estos son sus datos.' },
    })
    expect(answered.json()).toMatchObject({ status: 'answered', closedOnTime: false })
  })

  it('runs a reclamo through its lifecycle and sets then clears "reclamo en trámite"', async () => {
    people.calls = []
    const today = bogotaDate(new Date())
    const created = await create({ kind: 'reclamo', description: 'Mi dirección está mal' })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect(created.json()).toMatchObject({
      receivedOn: today,
      dueOn: initialDueDate('reclamo', today),
      businessDaysLeft: 15,
    })
    expect(people.calls).toEqual([`claim:${personId}:true`])

    const started = await api(admin)({ method: 'POST', url: `${base}/requests/${id}/start` })
    expect(started.json().status).toBe('in_progress')
    const extended = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/extend`,
      payload: { reason: 'Verificamos con la pagaduría' },
    })
    expect(extended.statusCode, extended.body).toBe(200)
    expect(extended.json()).toMatchObject({
      status: 'extended',
      dueOn: extendedDueDate('reclamo', initialDueDate('reclamo', today)),
      extensionReason: 'Verificamos con la pagaduría',
      businessDaysLeft: 23,
    })
    const second = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/extend`,
      payload: { reason: 'Otra vez' },
    })
    expect(second.statusCode).toBe(409)

    const answered = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/answer`,
      payload: { response: 'Corregimos la dirección.' },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.json()).toMatchObject({
      status: 'answered',
      response: 'Corregimos la dirección.',
      businessDaysLeft: null,
      closedOnTime: true,
    })
    expect(answered.json().answeredAt).toEqual(expect.any(String))
    expect(people.calls).toEqual([`claim:${personId}:true`, `claim:${personId}:false`])
    const reanswer = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/reject`,
      payload: { reason: 'No aplica' },
    })
    expect(reanswer.statusCode).toBe(409)
  })

  it('keeps the claim flag while another reclamo is open; a consulta never touches it', async () => {
    people.calls = []
    const a = (await create({ kind: 'reclamo' })).json().id
    const b = (await create({ kind: 'reclamo' })).json().id
    await create({ kind: 'consulta' })
    await api(admin)({
      method: 'POST',
      url: `${base}/requests/${a}/reject`,
      payload: { reason: 'Duplicada' },
    })
    expect(people.calls).toEqual([`claim:${personId}:true`, `claim:${personId}:true`])
    const rejected = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${b}/reject`,
      payload: { reason: 'Sin fundamento' },
    })
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Sin fundamento' })
    expect(people.calls.at(-1)).toBe(`claim:${personId}:false`)
  })

  it('anonymizes on an accepted supresión when legal retention applies, and audits it', async () => {
    people.calls = []
    const id = (await create({ kind: 'supresion', description: 'Borren mis datos' })).json().id
    const missing = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/answer`,
      payload: { response: 'Procede.' },
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors[0].path).toBe('body.retentionApplies')
    const res = await api(admin)({
      method: 'POST',
      url: `${base}/requests/${id}/answer`,
      payload: { response: 'Anonimizamos sus datos; conservamos la contabilidad.', retentionApplies: true },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().anonymized).toBe(true)
    expect(people.calls).toEqual([
      `claim:${personId}:true`,
      `anonymize:${personId}:Ley 1581 supresión (solicitud ${id})`,
      `claim:${personId}:false`,
    ])
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, orgId),
          eq(auditEvents.entityId, id),
          eq(auditEvents.action, 'privacy.request_answered_anonymized'),
        ),
      )
    expect(audit).toHaveLength(1)
  })

  it('rejects unknown persons and future receipt dates with field paths', async () => {
    const unknown = await create({ kind: 'consulta', personId: randomUUID() })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().errors).toEqual([{ path: 'body.personId', message: 'Unknown person' }])
    const future = await create({ kind: 'consulta', receivedOn: '2099-01-02' })
    expect(future.statusCode).toBe(422)
    expect(future.json().errors[0].path).toBe('body.receivedOn')
    const badKind = await create({ kind: 'queja' })
    expect(badKind.statusCode).toBe(400)
    expect(badKind.json().errors.map((e: { path: string }) => e.path)).toContain('body.kind')
  })

  it('reminds admins 2 business days before the due date, once (the job runs twice)', async () => {
    // Reclamo received 25 March 2026: due 17 April 2026 (Semana Santa skipped), reminder on 15 April.
    const id = (await create({ kind: 'reclamo', receivedOn: '2026-03-25' })).json().id
    const dueEvents = () =>
      t.database.db
        .select()
        .from(outboxEvents)
        .where(
          and(
            eq(outboxEvents.orgId, orgId),
            eq(outboxEvents.type, 'privacy.request_due_soon'),
            eq(outboxEvents.entityId, id),
          ),
        )

    await runDueSoonReminders(t.database.db, new Date('2026-04-14T15:00:00Z'))
    expect(await dueEvents()).toHaveLength(0)
    await runDueSoonReminders(t.database.db, new Date('2026-04-15T15:00:00Z'))
    await runDueSoonReminders(t.database.db, new Date('2026-04-15T16:00:00Z'))
    const events = await dueEvents()
    expect(events).toHaveLength(1)
    expect(events[0]?.payload).toMatchObject({ requestId: id, kind: 'reclamo', dueOn: '2026-04-17' })
    const notes = await t.database.db
      .select()
      .from(notificationRequests)
      .where(
        and(
          eq(notificationRequests.orgId, orgId),
          eq(notificationRequests.dedupeKey, `privacy-request-due:${id}:2026-04-17`),
        ),
      )
    expect(notes).toHaveLength(1)
    expect(notes[0]?.recipients).toEqual([admin.id])
  })
})

describe('"Mis datos" export', () => {
  it('exports JSON and PDF for staff with privacy:manage', async () => {
    const json = await api(admin)({ method: 'GET', url: `${base}/people/${personId}/export.json` })
    expect(json.statusCode, json.body).toBe(200)
    expect(json.json().person).toMatchObject({ id: personId, displayName: 'Ana Pérez' })
    expect(json.json().privacy.consents.length).toBeGreaterThanOrEqual(2)
    expect(json.json().privacy.requests.length).toBeGreaterThanOrEqual(3)

    const pdf = await api(admin)({ method: 'GET', url: `${base}/people/${personId}/export.pdf` })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'privacy.data_exported')))
    expect(audits.length).toBe(2)

    const unknown = await api(admin)({ method: 'GET', url: `${base}/people/${randomUUID()}/export.json` })
    expect(unknown.statusCode).toBe(404)
  })
})

describe('isolation and permissions', () => {
  it("answers 404 for another org's ids and 403 to a member on staff routes", async () => {
    const id = (
      await api(admin)({
        method: 'POST',
        url: `${base}/requests`,
        payload: { personId, kind: 'consulta', channel: 'web', description: 'Consulta' },
      })
    ).json().id
    const otherBase = `/api/v1/orgs/${otherSlug}/privacy`
    expect((await api(outsider)({ method: 'GET', url: `${otherBase}/requests/${id}` })).statusCode).toBe(404)
    expect(
      (await api(outsider)({ method: 'POST', url: `${otherBase}/requests/${id}/start` })).statusCode,
    ).toBe(404)
    expect(
      (await api(outsider)({ method: 'POST', url: `${otherBase}/policies/${policyId}/publish` })).statusCode,
    ).toBe(404)
    // Org A's person does not exist in org B.
    expect(
      (await api(outsider)({ method: 'GET', url: `${otherBase}/people/${personId}/export.json` })).statusCode,
    ).toBe(404)
    const list = await api(outsider)({ method: 'GET', url: `${otherBase}/requests` })
    expect(list.json().items).toEqual([])

    expect((await api(member)({ method: 'GET', url: `${base}/requests` })).statusCode).toBe(403)
    expect(
      (await api(member)({ method: 'GET', url: `${base}/people/${personId}/export.json` })).statusCode,
    ).toBe(403)
    const post = await api(member)({
      method: 'POST',
      url: `${base}/consents`,
      payload: { personId, purposeId, policyId, channel: 'web' },
    })
    expect(post.statusCode).toBe(403)
  })
})
