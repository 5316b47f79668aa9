import PDFDocument from 'pdfkit'
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
let member: TestUser
let treasurer: TestUser
let outsider: TestUser
let slug: string
let otherSlug: string
let personId: string

/** A tiny one-page PDF with `text` in its text layer. */
function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6', compress: false })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.text(text)
    doc.end()
  })
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----minga${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const base = (s = slug) => `/api/v1/orgs/${s}/documents`

async function upload(
  user: TestUser,
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Buffer },
  extraHeaders: Record<string, string> = {},
  url = base(),
) {
  const body = multipart(fields, file)
  return as(
    t.app,
    user,
  )({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, ...extraHeaders },
  })
}

const fieldsFor = (over: Record<string, string> = {}) => ({
  entityType: 'person',
  entityId: personId,
  documentType: 'certificado_laboral',
  title: 'Certificado laboral 2026',
  ...over,
})

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app, 'Admin Docs')
  member = await signUp(t.app, 'Miembro Docs')
  treasurer = await signUp(t.app, 'Tesorera Docs')
  outsider = await signUp(t.app, 'Otra Org')
  slug = (await createOrg(t.app, admin, { name: 'Cooperativa Documentos' })).slug
  otherSlug = (await createOrg(t.app, outsider, { name: 'Otra Cooperativa' })).slug
  await addMember(t.app, admin, slug, member)
  await addMember(t.app, admin, slug, treasurer)
  const a = as(t.app, admin)
  const role = await a({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/roles`,
    payload: { key: 'tesoreria', name: 'Tesorería', permissions: ['documents:read'] },
  })
  expect(role.statusCode).toBe(201)
  const assigned = await a({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/role-assignments`,
    payload: { userId: treasurer.id, roleId: role.json().id },
  })
  expect(assigned.statusCode).toBe(201)
  const person = await a({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/people`,
    payload: { documentType: 'CC', documentNumber: '1020304050', firstNames: 'Ana', lastNames: 'Rojas' },
  })
  expect(person.statusCode, person.body).toBe(201)
  personId = person.json().id
})
afterAll(() => t.close())

describe('documents', () => {
  let docId: string

  it('uploads a PDF, extracts its text and finds it by a Spanish word, with and without accents', async () => {
    const pdf = await pdfWith('Constancia de vinculación laboral con la Cooperativa Panadería Minga')
    const response = await upload(admin, fieldsFor(), {
      name: 'certificado.pdf',
      type: 'application/pdf',
      bytes: pdf,
    })
    expect(response.statusCode, response.body).toBe(201)
    const doc = response.json()
    docId = doc.id
    expect(doc).toMatchObject({
      entityType: 'person',
      entityId: personId,
      documentType: 'certificado_laboral',
      visibility: 'org',
      versionCount: 1,
      latest: {
        versionNumber: 1,
        isLatest: true,
        mimeType: 'application/pdf',
        originalName: 'certificado.pdf',
      },
    })
    const search = async (q: string) =>
      (await as(t.app, admin)({ method: 'GET', url: `${base()}?q=${encodeURIComponent(q)}` })).json().items
    expect((await search('panadería')).map((d: { id: string }) => d.id)).toEqual([docId])
    expect((await search('panaderia')).map((d: { id: string }) => d.id)).toEqual([docId])
    expect((await search('vinculacion')).map((d: { id: string }) => d.id)).toEqual([docId])
    expect(await search('hipoteca')).toEqual([])
    const byEntity = await as(
      t.app,
      admin,
    )({
      method: 'GET',
      url: `${base()}?entityType=person&entityId=${personId}`,
    })
    expect(byEntity.json().items.map((d: { id: string }) => d.id)).toEqual([docId])
  })

  it('keeps history on a new version and flags only the latest; search follows the latest text', async () => {
    const pdf = await pdfWith('Certificado actualizado: contrato indefinido')
    const body = multipart({}, { name: 'certificado-v2.pdf', type: 'application/pdf', bytes: pdf })
    const response = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: `${base()}/${docId}/versions`,
      payload: body.payload,
      headers: body.headers,
    })
    expect(response.statusCode, response.body).toBe(201)
    const doc = response.json()
    expect(doc.versionCount).toBe(2)
    expect(
      doc.versions.map((v: { versionNumber: number; isLatest: boolean }) => [v.versionNumber, v.isLatest]),
    ).toEqual([
      [2, true],
      [1, false],
    ])
    expect(doc.latest.originalName).toBe('certificado-v2.pdf')
    const found = await as(t.app, admin)({ method: 'GET', url: `${base()}?q=indefinido` })
    expect(found.json().items.map((d: { id: string }) => d.id)).toEqual([docId])
    const link = await as(t.app, member)({ method: 'GET', url: `${base()}/${docId}/download-url` })
    expect(link.statusCode).toBe(200)
    const file = await t.app.inject({ method: 'GET', url: new URL(link.json().url, 'http://x').pathname })
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('enforces visibility: a member does not see private documents, another role does not see role-restricted ones', async () => {
    const priv = await upload(
      admin,
      fieldsFor({ title: 'Cédula privada', documentType: 'cedula', visibility: 'private' }),
      {
        name: 'cedula.png',
        type: 'image/png',
        bytes: PNG,
      },
    )
    expect(priv.statusCode, priv.body).toBe(201)
    const restricted = await upload(
      admin,
      fieldsFor({
        title: 'Pagaré',
        documentType: 'pagare',
        visibility: 'roles',
        visibleToRoles: 'tesoreria',
      }),
      { name: 'pagare.png', type: 'image/png', bytes: PNG },
    )
    expect(restricted.statusCode, restricted.body).toBe(201)
    const ids = async (user: TestUser) =>
      (await as(t.app, user)({ method: 'GET', url: base() })).json().items.map((d: { id: string }) => d.id)
    expect(await ids(member)).toEqual([docId])
    expect(await ids(treasurer)).toEqual([restricted.json().id, docId])
    expect(await ids(admin)).toEqual([restricted.json().id, priv.json().id, docId])
    for (const id of [priv.json().id, restricted.json().id]) {
      expect((await as(t.app, member)({ method: 'GET', url: `${base()}/${id}` })).statusCode).toBe(404)
      expect(
        (await as(t.app, member)({ method: 'GET', url: `${base()}/${id}/download-url` })).statusCode,
      ).toBe(404)
    }
    expect(
      (await as(t.app, treasurer)({ method: 'GET', url: `${base()}/${priv.json().id}` })).statusCode,
    ).toBe(404)
    expect(
      (await as(t.app, treasurer)({ method: 'GET', url: `${base()}/${restricted.json().id}` })).statusCode,
    ).toBe(200)
  })

  it('refuses a disguised file with 422 on `file` in Spanish, and saves nothing', async () => {
    const response = await upload(
      admin,
      fieldsFor({ title: 'Falso PDF' }),
      { name: 'hoja.pdf', type: 'application/pdf', bytes: PNG },
      { 'accept-language': 'es' },
    )
    expect(response.statusCode, response.body).toBe(422)
    const problem = response.json()
    expect(problem.errors[0].path).toBe('file')
    expect(problem.errors[0].message).toMatch(/[áéíóúñ]|archivo/i)
    const all = (await as(t.app, admin)({ method: 'GET', url: `${base()}?q=falso` })).json().items
    expect(all).toEqual([])
  })

  it('validates fields: unknown person, roles visibility without roles', async () => {
    const unknown = await upload(admin, fieldsFor({ entityId: '01900000-0000-7000-8000-000000000000' }), {
      name: 'a.png',
      type: 'image/png',
      bytes: PNG,
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors[0].path).toBe('entityId')
    const noRoles = await upload(admin, fieldsFor({ visibility: 'roles' }), {
      name: 'a.png',
      type: 'image/png',
      bytes: PNG,
    })
    expect(noRoles.statusCode).toBe(400)
    expect(noRoles.json().errors[0].path).toBe('visibleToRoles')
  })

  it('changes metadata with If-Match, soft-deletes with an audit entry', async () => {
    const a = as(t.app, admin)
    const stale = await a({
      method: 'PATCH',
      url: `${base()}/${docId}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Viejo' },
    })
    expect(stale.statusCode).toBe(412)
    const current = await a({ method: 'GET', url: `${base()}/${docId}` })
    const patched = await a({
      method: 'PATCH',
      url: `${base()}/${docId}`,
      headers: { 'if-match': current.headers.etag as string },
      payload: { title: 'Certificado vigente', visibility: 'private' },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ title: 'Certificado vigente', visibility: 'private' })
    expect((await as(t.app, member)({ method: 'GET', url: `${base()}/${docId}` })).statusCode).toBe(404)
    expect((await a({ method: 'DELETE', url: `${base()}/${docId}` })).statusCode).toBe(204)
    expect((await a({ method: 'GET', url: `${base()}/${docId}` })).statusCode).toBe(404)
    const audit = await a({
      method: 'GET',
      url: `/api/v1/orgs/${slug}/audit?entityType=document&entityId=${docId}`,
    })
    expect(audit.statusCode).toBe(200)
    const actions = audit.json().items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'document.created',
        'document.version_added',
        'document.updated',
        'document.deleted',
      ]),
    )
  })

  it('answers 403 to a member uploading and 404 to another org', async () => {
    const denied = await upload(member, fieldsFor(), { name: 'a.png', type: 'image/png', bytes: PNG })
    expect(denied.statusCode).toBe(403)
    const other = await upload(admin, fieldsFor(), { name: 'a.png', type: 'image/png', bytes: PNG })
    const id = other.json().id
    const o = as(t.app, outsider)
    expect((await o({ method: 'GET', url: `${base(otherSlug)}/${id}` })).statusCode).toBe(404)
    expect((await o({ method: 'GET', url: `${base(otherSlug)}/${id}/download-url` })).statusCode).toBe(404)
    expect((await o({ method: 'DELETE', url: `${base(otherSlug)}/${id}` })).statusCode).toBe(404)
    expect((await o({ method: 'GET', url: `${base(slug)}/${id}` })).statusCode).toBe(404)
    expect((await o({ method: 'GET', url: base(otherSlug) })).json().items).toEqual([])
  })
})
