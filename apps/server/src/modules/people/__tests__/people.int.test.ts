import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
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
import { withOrg } from '../../../platform/db/with-org.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { nitCheckDigit } from '../../finance/domain/index.ts'
import { decryptField, keyVersionOf, useDataKeys } from '../data-keys.ts'
import {
  anonymizePerson,
  exportPersonData,
  getPersonSummary,
  reencryptPeople,
  setClaimInProgress,
} from '../index.ts'

let t: TestApp
let admin: TestUser
let member: TestUser
let reader: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let otherSlug: string
const base = (s = slug) => `/api/v1/orgs/${s}/people`

const key = () => randomBytes(32).toString('base64')
const V1 = key()
const V2 = key()

function serviceContext(tx: ServiceContext['db'], id = orgId): ServiceContext {
  return {
    db: tx,
    orgId: id,
    actor: { userId: null, role: 'system' },
    requestId: 'test',
    now: new Date(),
    ip: null,
  }
}

let docCounter = 10_000_000
const nextCc = () => String(++docCounter)

async function create(payload: Record<string, unknown>, user = admin) {
  return as(t.app, user)({ method: 'POST', url: base(), payload })
}

async function createOk(payload: Record<string, unknown>) {
  const response = await create({ documentType: 'CC', documentNumber: nextCc(), ...payload })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

beforeAll(async () => {
  useDataKeys({ MINGA_DATA_KEYS: `v1:${V1}`, NODE_ENV: 'test' })
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app)
  member = await signUp(t.app)
  reader = await signUp(t.app)
  outsider = await signUp(t.app)
  const org = await createOrg(t.app, admin, { kind: 'savings_credit' })
  slug = org.slug
  orgId = org.id
  otherSlug = (await createOrg(t.app, outsider)).slug
  await addMember(t.app, admin, slug, member)
  await addMember(t.app, admin, slug, reader)
  const role = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/roles`,
    payload: { key: 'registro', name: 'Registro', permissions: ['people:read'] },
  })
  expect(role.statusCode, role.body).toBe(201)
  const assigned = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/role-assignments`,
    payload: { userId: reader.id, roleId: role.json().id },
  })
  expect(assigned.statusCode, assigned.body).toBe(201)
})
afterAll(() => t?.close())

describe('people: document validation', () => {
  const nitBody = '900123456'
  const dv = String(nitCheckDigit(nitBody))
  const badDv = String((Number(dv) + 1) % 10)
  it.each([
    ['CC', '1020304050', true],
    ['CC', '12', false],
    ['CC', '12A456', false],
    ['CE', '456789', true],
    ['CE', '12345678901', false],
    ['TI', '1002003004', true],
    ['TI', '123456', false],
    ['RC', '10020030041', true],
    ['NUIP', '1002003005', true],
    ['NUIP', '10020', false],
    ['PA', 'ab123456', true],
    ['PA', 'AB-12', false],
    ['PEP', '123456789012345', true],
    ['PEP', '1234567890', false],
    ['PPT', '1234567', true],
    ['PPT', 'X1234', false],
  ])('%s %s valid=%s', async (documentType, documentNumber, valid) => {
    const response = await create({ documentType, documentNumber, firstNames: 'Ana', lastNames: 'Ríos' })
    if (valid) expect(response.statusCode, response.body).toBe(201)
    else {
      expect(response.statusCode).toBe(422)
      expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'body.documentNumber' }))
    }
  })

  it('validates the NIT check digit for legal entities', async () => {
    const ok = await create({
      kind: 'legal',
      documentType: 'NIT',
      documentNumber: `${nitBody}-${dv}`,
      businessName: 'Cooperativa Uno',
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({
      documentNumber: nitBody,
      nitCheckDigit: dv,
      displayName: 'Cooperativa Uno',
    })
    const bad = await create({
      kind: 'legal',
      documentType: 'NIT',
      documentNumber: '800197268',
      nitCheckDigit: badDv === '4' ? '5' : badDv,
      businessName: 'X',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors[0]).toMatchObject({
      path: 'body.documentNumber',
      message: expect.stringMatching(/check digit/),
    })
    const legalWithCc = await create({
      kind: 'legal',
      documentType: 'CC',
      documentNumber: nextCc(),
      businessName: 'X',
    })
    expect(legalWithCc.statusCode).toBe(422)
    expect(legalWithCc.json().errors[0].path).toBe('body.documentType')
  })

  it('rejects impossible, future and too-old dates, and unknown DANE codes', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ birthDate: '1990-02-30' }, 'body.birthDate'],
      [{ birthDate: '2999-01-01' }, 'body.birthDate'],
      [{ birthDate: '1850-01-01' }, 'body.birthDate'],
      [{ birthDate: '1990-01-01', joinedOn: '1980-01-01' }, 'body.joinedOn'],
      [{ address: { departmentCode: '02' } }, 'body.address.departmentCode'],
      [{ address: { departmentCode: '05', municipalityCode: '08001' } }, 'body.address.municipalityCode'],
      [{ address: { departmentCode: '05', municipalityCode: '05003' } }, 'body.address.municipalityCode'],
    ]
    for (const [extra, path] of cases) {
      const response = await create({
        documentType: 'CC',
        documentNumber: nextCc(),
        firstNames: 'Ana',
        lastNames: 'Ríos',
        ...extra,
      })
      expect(response.statusCode, JSON.stringify(extra)).toBe(422)
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    const elsewhere = await create({
      documentType: 'CC',
      documentNumber: nextCc(),
      firstNames: 'Ana',
      lastNames: 'Ríos',
      address: { departmentCode: '25', municipalityCode: '05001' },
    })
    expect(elsewhere.json().errors).toContainEqual({
      path: 'body.address.municipalityCode',
      message: '05001 is Medellín, in Antioquia (05), not in Cundinamarca (25)',
    })
    const leticia = await createOk({
      firstNames: 'Ana',
      lastNames: 'Ríos',
      address: { line: null, departmentCode: '91', municipalityCode: '91001' },
    })
    expect(leticia.address).toMatchObject({ departmentCode: '91', municipalityCode: '91001' })
    const missingNames = await create({ documentType: 'CC', documentNumber: nextCc() })
    expect(missingNames.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.firstNames',
      'body.lastNames',
    ])
  })

  it('refuses a duplicate document in the org with 409 on body.documentNumber, but allows it in another org', async () => {
    const number = nextCc()
    await createOk({ documentNumber: number, firstNames: 'Luz', lastNames: 'Mora' })
    const again = await create({
      documentType: 'CC',
      documentNumber: `${number.slice(0, 2)}.${number.slice(2)}`,
      firstNames: 'Otra',
      lastNames: 'Persona',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().errors[0].path).toBe('body.documentNumber')
    const elsewhere = await as(
      t.app,
      outsider,
    )({
      method: 'POST',
      url: base(otherSlug),
      payload: { documentType: 'CC', documentNumber: number, firstNames: 'Luz', lastNames: 'Mora' },
    })
    expect(elsewhere.statusCode).toBe(201)
  })
})

describe('people: records', () => {
  it('encrypts document, phones and salary at rest and finds by blind index', async () => {
    const number = nextCc()
    const person = await createOk({
      documentNumber: number,
      firstNames: 'Marta',
      lastNames: 'Suárez',
      phones: ['+57 310 555 1234'],
      salary: 2_500_000,
      emails: ['Marta@Example.test'],
      address: { line: 'Cra 1 # 2-3', departmentCode: '11', municipalityCode: '11001' },
    })
    expect(person).toMatchObject({
      documentNumber: number,
      phones: ['+573105551234'],
      salary: 2_500_000,
      emails: ['marta@example.test'],
    })
    expect(person.membershipNumber).toBeGreaterThan(0)
    const raw = await withOrg(t.database.db, orgId, (tx) =>
      tx.execute<{ row: string }>(
        sql`select row_to_json(p)::text as row from people p where id = ${person.id}`,
      ),
    )
    const text = raw.rows[0]!.row
    expect(text).not.toContain(number)
    expect(text).not.toContain('3105551234')
    expect(text).not.toContain('2500000')
    const audit = await withOrg(t.database.db, orgId, (tx) =>
      tx.execute<{ changes: string }>(
        sql`select changes::text as changes from audit_events where entity_id = ${person.id}`,
      ),
    )
    expect(audit.rows.map((r) => r.changes).join()).not.toContain(number)
    expect(audit.rows.map((r) => r.changes).join()).not.toContain('2500000')
    const posted = await as(t.app, admin)({ method: 'POST', url: `${base()}/search`, payload: { q: number } })
    expect(posted.statusCode, posted.body).toBe(200)
    expect(posted.json().items.map((p: { id: string }) => p.id)).toEqual([person.id])
    for (const q of [number, '3105551234', 'marta@example.test', String(person.membershipNumber)]) {
      const found = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=${encodeURIComponent(q)}` })
      expect(
        found.json().items.map((p: { id: string }) => p.id),
        q,
      ).toContain(person.id)
    }
  })

  it('masks sensitive fields without people:read_sensitive and forbids members (403)', async () => {
    const number = nextCc()
    const person = await createOk({
      documentNumber: number,
      firstNames: 'Rosa',
      lastNames: 'Peña',
      phones: ['3001234567'],
      salary: 1_800_000,
    })
    const seen = await as(t.app, reader)({ method: 'GET', url: `${base()}/${person.id}` })
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toMatchObject({
      documentNumber: `****${number.slice(-4)}`,
      phones: ['****567'],
      salary: null,
      sensitiveVisible: false,
    })
    const write = await as(
      t.app,
      reader,
    )({
      method: 'POST',
      url: base(),
      payload: { documentType: 'CC', documentNumber: nextCc(), firstNames: 'A', lastNames: 'B' },
    })
    expect(write.statusCode).toBe(403)
    expect((await as(t.app, member)({ method: 'GET', url: base() })).statusCode).toBe(403)
    expect((await as(t.app, member)({ method: 'GET', url: `${base()}/${person.id}` })).statusCode).toBe(403)
  })

  it('links a user account only when the user is a member, and refuses unknown branches', async () => {
    const outsiderLink = await create({
      documentType: 'CC',
      documentNumber: nextCc(),
      firstNames: 'A',
      lastNames: 'B',
      userId: outsider.id,
    })
    expect(outsiderLink.statusCode).toBe(422)
    expect(outsiderLink.json().errors[0].path).toBe('body.userId')
    const badBranch = await create({
      documentType: 'CC',
      documentNumber: nextCc(),
      firstNames: 'A',
      lastNames: 'B',
      branchId: '00000000-0000-7000-8000-000000000000',
    })
    expect(badBranch.json().errors[0].path).toBe('body.branchId')
    const linked = await createOk({ firstNames: 'Miembro', lastNames: 'Con Cuenta', userId: member.id })
    expect(linked.userId).toBe(member.id)
    const statusByMember = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: `${base()}/${linked.id}/status`,
      payload: { status: 'inactivo', reason: 'prueba' },
    })
    expect(statusByMember.statusCode).toBe(403)
  })

  it('keeps orgs apart: 404 on another org’s ids, never in its search', async () => {
    const person = await createOk({ firstNames: 'Aislada', lastNames: 'Privada' })
    expect(
      (await as(t.app, outsider)({ method: 'GET', url: `${base(otherSlug)}/${person.id}` })).statusCode,
    ).toBe(404)
    const search = await as(t.app, outsider)({ method: 'GET', url: `${base(otherSlug)}?q=Aislada` })
    expect(search.json().items).toEqual([])
    expect((await as(t.app, outsider)({ method: 'GET', url: `${base()}/${person.id}` })).statusCode).toBe(404)
  })

  it('finds "Jose Garzia" and "jose garcia" for "José García"; facets count status and tags', async () => {
    const jose = await createOk({ firstNames: 'José', lastNames: 'García', tags: ['fundador', 'comité'] })
    await createOk({ firstNames: 'Pedro', lastNames: 'Zuluaga', tags: ['comité'] })
    for (const q of ['Jose Garzia', 'jose garcia', 'GARCÍA', 'Garsia']) {
      const found = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=${encodeURIComponent(q)}` })
      expect(
        found.json().items.map((p: { id: string }) => p.id),
        q,
      ).toContain(jose.id)
    }
    const tagged = await as(
      t.app,
      admin,
    )({ method: 'GET', url: `${base()}?tags=${encodeURIComponent('comité')}` })
    expect(tagged.json().facets.tags).toMatchObject({ comité: 2, fundador: 1 })
    expect(tagged.json().facets.status).toEqual({ activo: 2 })
    const page1 = await as(
      t.app,
      admin,
    )({ method: 'GET', url: `${base()}?limit=1&tags=${encodeURIComponent('comité')}` })
    expect(page1.json().items).toHaveLength(1)
    const page2 = await as(
      t.app,
      admin,
    )({
      method: 'GET',
      url: `${base()}?limit=1&tags=${encodeURIComponent('comité')}&cursor=${page1.json().nextCursor}`,
    })
    expect(page2.json().items).toHaveLength(1)
    expect(page2.json().items[0].id).not.toBe(page1.json().items[0].id)
  })

  it('changes status with history, edits with If-Match, and shows field history', async () => {
    const person = await createOk({
      firstNames: 'Carlos',
      lastNames: 'Ruiz',
      joinedOn: '2020-01-15',
      tags: ['x'],
    })
    const retired = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: `${base()}/${person.id}/status`,
      payload: { status: 'retirado', effectiveOn: '2024-05-01', reason: 'Retiro voluntario' },
    })
    expect(retired.statusCode, retired.body).toBe(200)
    expect(retired.json()).toMatchObject({ status: 'retirado', statusChangedOn: '2024-05-01' })
    const same = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: `${base()}/${person.id}/status`,
      payload: { status: 'retirado', reason: 'otra vez' },
    })
    expect(same.statusCode).toBe(422)
    const noMatch = await as(
      t.app,
      admin,
    )({ method: 'PATCH', url: `${base()}/${person.id}`, payload: { position: 'Tesorero' } })
    expect(noMatch.statusCode).toBe(428)
    const stale = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${person.id}`,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Tesorero' },
    })
    expect(stale.statusCode).toBe(412)
    const edited = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${person.id}`,
      headers: { 'if-match': `"${retired.json().version}"` },
      payload: { position: 'Tesorero', lastNames: 'Ruiz Díaz', salary: 3_000_000 },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const history = (await as(t.app, admin)({ method: 'GET', url: `${base()}/${person.id}/history` })).json()
    expect(history.statusHistory.map((s: { toStatus: string }) => s.toStatus)).toEqual(['activo', 'retirado'])
    const update = history.items.find((i: { action: string }) => i.action === 'person.updated')
    expect(update.changes).toMatchObject({
      lastNames: { from: 'Ruiz', to: 'Ruiz Díaz' },
      position: { from: null, to: 'Tesorero' },
      salary: { from: null, to: '[protected, changed]' },
    })
  })

  it('requires beneficiaries to sum to exactly 100 %', async () => {
    const person = await createOk({ firstNames: 'Elena', lastNames: 'Vargas' })
    const url = `${base()}/${person.id}/relatives`
    const bad = await as(
      t.app,
      admin,
    )({
      method: 'PUT',
      url,
      payload: {
        relatives: [
          { name: 'Hijo', relationship: 'hijo', percentage: 60 },
          { name: 'Hija', relationship: 'hija', percentage: 30 },
        ],
      },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors[0]).toMatchObject({
      path: 'body.relatives',
      message: expect.stringContaining('90'),
    })
    const ok = await as(
      t.app,
      admin,
    )({
      method: 'PUT',
      url,
      payload: {
        relatives: [
          {
            name: 'Hijo',
            relationship: 'hijo',
            percentage: 33.33,
            documentType: 'TI',
            documentNumber: '1002003009',
          },
          { name: 'Hija', relationship: 'hija', percentage: 66.67 },
          { name: 'Esposo', relationship: 'cónyuge' },
        ],
      },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().relatives.map((r: { percentage: number | null }) => r.percentage)).toEqual([
      33.33,
      66.67,
      null,
    ])
    expect(ok.json().relatives[0].documentNumber).toBe('1002003009')
  })
})

describe('people: exports, rotation, anonymization', () => {
  it('reads v1 rows after adding v2, re-encrypts, exports and anonymizes', async () => {
    const number = nextCc()
    const person = await createOk({
      documentNumber: number,
      firstNames: 'Ximena',
      lastNames: 'Ortiz',
      phones: ['3209998877'],
      salary: 1_000_000,
    })
    useDataKeys({ MINGA_DATA_KEYS: `v2:${V2},v1:${V1}`, NODE_ENV: 'test' })
    const read = await as(t.app, admin)({ method: 'GET', url: `${base()}/${person.id}` })
    expect(read.json()).toMatchObject({ documentNumber: number, salary: 1_000_000 })
    const found = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=${number}` })
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(person.id)
    const changed = await withOrg(t.database.db, orgId, (tx) => reencryptPeople(serviceContext(tx)))
    expect(changed).toBeGreaterThan(0)
    const enc = await withOrg(t.database.db, orgId, (tx) =>
      tx.execute<{ document_number_enc: string }>(
        sql`select document_number_enc from people where id = ${person.id}`,
      ),
    )
    expect(keyVersionOf(enc.rows[0]!.document_number_enc)).toBe('v2')
    expect(decryptField(enc.rows[0]!.document_number_enc)).toBe(number)

    await withOrg(t.database.db, orgId, (tx) => setClaimInProgress(serviceContext(tx), person.id, true))
    const summary = await withOrg(t.database.db, orgId, (tx) =>
      getPersonSummary(serviceContext(tx), person.id),
    )
    expect(summary).toMatchObject({
      displayName: 'Ximena Ortiz',
      documentNumberMasked: `****${number.slice(-4)}`,
      status: 'activo',
    })
    const data = await withOrg(t.database.db, orgId, (tx) => exportPersonData(serviceContext(tx), person.id))
    expect(data).toMatchObject({
      documentNumber: number,
      phones: ['3209998877'],
      salary: 1_000_000,
      claimInProgress: true,
    })

    await withOrg(t.database.db, orgId, (tx) =>
      anonymizePerson(serviceContext(tx), person.id, 'Solicitud de supresión'),
    )
    const after = (await as(t.app, admin)({ method: 'GET', url: `${base()}/${person.id}` })).json()
    expect(after).toMatchObject({
      id: person.id,
      anonymized: true,
      phones: [],
      salary: null,
      emails: [],
      lastNames: null,
    })
    expect(after.displayName).toBe('Persona anonimizada')
    expect((await as(t.app, admin)({ method: 'GET', url: `${base()}?q=${number}` })).json().items).toEqual([])
    // The document number is free again for a new registration.
    expect(
      (
        await create({
          documentType: 'CC',
          documentNumber: number,
          firstNames: 'Nueva',
          lastNames: 'Persona',
        })
      ).statusCode,
    ).toBe(201)
    expect(
      await withOrg(t.database.db, orgId, (tx) =>
        getPersonSummary(serviceContext(tx), '00000000-0000-0000-0000-000000000000'),
      ),
    ).toBeNull()
  })
})
