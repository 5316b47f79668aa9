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

/** Privacy against the real people module (no fake port): the flag, the export and anonymization land on the record. */
let t: TestApp
let admin: TestUser
let slug: string

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app, 'Oficial de datos')
  slug = (await createOrg(t.app, admin, { kind: 'savings_credit' })).slug
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('privacy with the people module', () => {
  it('marks "reclamo en trámite", exports the record and anonymizes on supresión', async () => {
    const api = as(t.app, admin)
    const person = await api({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/people`,
      payload: { documentType: 'CC', documentNumber: '1020304050', firstNames: 'Ana', lastNames: 'Ríos' },
    })
    expect(person.statusCode, person.body).toBe(201)
    const personId = person.json().id as string
    const read = async () =>
      (await api({ method: 'GET', url: `/api/v1/orgs/${slug}/people/${personId}` })).json()
    const base = `/api/v1/orgs/${slug}/privacy`

    const claim = await api({
      method: 'POST',
      url: `${base}/requests`,
      payload: { personId, kind: 'reclamo', channel: 'papel', description: 'Corrijan mi dirección' },
    })
    expect(claim.statusCode, claim.body).toBe(201)
    expect((await read()).claimInProgress).toBe(true)
    await api({
      method: 'POST',
      url: `${base}/requests/${claim.json().id}/answer`,
      payload: { response: 'Corregida.' },
    })
    expect((await read()).claimInProgress).toBe(false)

    const exported = await api({ method: 'GET', url: `${base}/people/${personId}/export.json` })
    expect(exported.statusCode, exported.body).toBe(200)
    expect(JSON.stringify(exported.json().person)).toContain('1020304050')

    const deletion = await api({
      method: 'POST',
      url: `${base}/requests`,
      payload: { personId, kind: 'supresion', channel: 'web', description: 'Borren mis datos' },
    })
    const answered = await api({
      method: 'POST',
      url: `${base}/requests/${deletion.json().id}/answer`,
      payload: { response: 'Anonimizamos; la contabilidad se conserva.', retentionApplies: true },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    const after = await read()
    expect(after.anonymized).toBe(true)
    expect(after.claimInProgress).toBe(false)
    expect(JSON.stringify(after)).not.toContain('Ríos')
  })

  it('lets a member download their own "Mis datos", and nobody else\'s', async () => {
    const api = as(t.app, admin)
    const member = await signUp(t.app, 'Beto Socio')
    const stranger = await signUp(t.app, 'Carla Socia')
    await addMember(t.app, admin, slug, member)
    await addMember(t.app, admin, slug, stranger)
    const person = await api({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/people`,
      payload: {
        documentType: 'CC',
        documentNumber: '79111222',
        firstNames: 'Beto',
        lastNames: 'Socio',
        userId: member.id,
      },
    })
    expect(person.statusCode, person.body).toBe(201)
    const mine = await as(
      t.app,
      member,
    )({ method: 'GET', url: `/api/v1/orgs/${slug}/privacy/me/export.json` })
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json().person).toMatchObject({ id: person.json().id })
    expect(JSON.stringify(mine.json())).toContain('79111222')
    const pdf = await as(t.app, member)({ method: 'GET', url: `/api/v1/orgs/${slug}/privacy/me/export.pdf` })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // Not linked to any record: 404, and the staff export stays closed to members.
    const none = await as(
      t.app,
      stranger,
    )({ method: 'GET', url: `/api/v1/orgs/${slug}/privacy/me/export.json` })
    expect(none.statusCode).toBe(404)
    const staffRoute = await as(
      t.app,
      member,
    )({
      method: 'GET',
      url: `/api/v1/orgs/${slug}/privacy/people/${person.json().id}/export.json`,
    })
    expect(staffRoute.statusCode).toBe(403)
  })
})
