import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
import { signToken } from '../signed-token.ts'
import { exeBytes, multipart, pdfBytes, pngBytes } from './samples.ts'

const QUOTA = 3000

let t: TestApp
let dataDir: string
let owner: TestUser
let outsider: TestUser
let member: TestUser
let org: { id: string; slug: string }
let otherOrg: { id: string; slug: string }
/** The owner's second org, for tests that must not move the first org's quota. */
let spare: { id: string; slug: string }

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'minga-files-'))
  t = await createTestApp({
    workers: false,
    config: {
      MINGA_DATA_DIR: dataDir,
      MINGA_FILES_ORG_QUOTA_BYTES: String(QUOTA),
      MINGA_FILES_MAX_BYTES: '2048',
    },
  })
  owner = await signUp(t.app, 'Dueña')
  outsider = await signUp(t.app, 'Otra')
  member = await signUp(t.app, 'Asociado')
  org = await createOrg(t.app, owner)
  otherOrg = await createOrg(t.app, outsider)
  spare = await createOrg(t.app, owner)
  await addMember(t.app, owner, org.slug, member)
})

afterAll(async () => {
  await t?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

function uploadOf(user: TestUser, slug: string, name: string, type: string, bytes: Buffer, lang = 'en') {
  const body = multipart(name, type, bytes)
  return as(
    t.app,
    user,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/files`,
    payload: body.payload,
    headers: { ...body.headers, 'accept-language': lang },
  })
}

const usage = async (slug = org.slug) =>
  (await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${slug}/files/usage` })).json() as {
    usedBytes: number
    quotaBytes: number
  }

const pathOf = (url: string) => new URL(url).pathname

describe('platform/files on local disk', () => {
  it('stores an upload, sniffs its type and serves it through a signed link', async () => {
    const bytes = pdfBytes('acta')
    const res = await uploadOf(owner, org.slug, 'Acta asamblea.pdf', 'application/pdf', bytes)
    expect(res.statusCode, res.body).toBe(201)
    const file = res.json()
    expect(file).toMatchObject({
      size: bytes.length,
      mimeType: 'application/pdf',
      originalName: 'Acta asamblea.pdf',
    })
    expect(file.uploadedBy).toBe(owner.id)

    const meta = await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/files/${file.id}` })
    expect(meta.json()).toEqual(file)

    const link = await as(
      t.app,
      owner,
    )({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/files/${file.id}/download-url?ttlSeconds=60`,
    })
    expect(link.statusCode).toBe(200)
    const download = await t.app.inject({ method: 'GET', url: pathOf(link.json().url) })
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(bytes)).toBe(true)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain('attachment')
    expect(download.headers['x-content-type-options']).toBe('nosniff')
  })

  it('stores the same bytes once: a new row points at the same blob, counted once', async () => {
    const before = await usage()
    const bytes = pdfBytes('duplicado')
    const first = (await uploadOf(owner, org.slug, 'a.pdf', 'application/pdf', bytes)).json()
    const second = (await uploadOf(owner, org.slug, 'copia.pdf', 'application/octet-stream', bytes)).json()
    expect(second.id).not.toBe(first.id)
    expect(second.sha256).toBe(first.sha256)
    expect(second.originalName).toBe('copia.pdf')
    expect((await usage()).usedBytes).toBe(before.usedBytes + bytes.length)
    const blobDir = join(dataDir, 'files', org.id, first.sha256.slice(0, 2))
    expect(readdirSync(blobDir).filter((n) => n.startsWith(first.sha256))).toEqual([first.sha256])
  })

  it('refuses a disguised executable, a type mismatch and an extension mismatch (422, field file)', async () => {
    const before = await usage()
    const exe = await uploadOf(owner, org.slug, 'factura.pdf', 'application/pdf', exeBytes())
    expect(exe.statusCode).toBe(422)
    expect(exe.json().errors).toEqual([expect.objectContaining({ path: 'file' })])
    expect(exe.json().errors[0].message).toMatch(/executable/i)

    const mismatch = await uploadOf(owner, org.slug, 'foto.png', 'application/pdf', pngBytes())
    expect(mismatch.statusCode).toBe(422)
    expect(mismatch.json().errors[0].message).toMatch(/declared type/)

    const renamed = await uploadOf(
      owner,
      org.slug,
      'foto.pdf',
      'application/octet-stream',
      pngBytes(),
      'es-CO',
    )
    expect(renamed.statusCode).toBe(422)
    expect(renamed.json().errors[0]).toMatchObject({ path: 'file' })
    expect(renamed.json().errors[0].message).toMatch(/no corresponde a su extensión/)

    const script = await uploadOf(
      owner,
      org.slug,
      'run.txt',
      'text/plain',
      Buffer.from('#!/bin/sh\nrm -rf /\n'),
    )
    expect(script.statusCode).toBe(422)
    const byName = await uploadOf(
      owner,
      org.slug,
      'setup.exe',
      'application/octet-stream',
      Buffer.from('hola'),
    )
    expect(byName.statusCode).toBe(422)
    expect(await usage()).toEqual(before)
  })

  it('accepts plain text by extension and refuses oversize and over-quota uploads whole (413)', async () => {
    const csv = await uploadOf(
      owner,
      spare.slug,
      'socios.csv',
      'text/csv',
      Buffer.from('nombre;cedula\nAna;123\n'),
    )
    expect(csv.statusCode, csv.body).toBe(201)
    expect(csv.json().mimeType).toBe('text/csv')

    const big = await uploadOf(owner, org.slug, 'grande.txt', 'text/plain', Buffer.alloc(3000, 'a'))
    expect(big.statusCode).toBe(413)
    expect(big.json().errors[0].path).toBe('file')

    const quotaOrg = await createOrg(t.app, owner)
    expect(await usage(quotaOrg.slug)).toEqual({ usedBytes: 0, quotaBytes: QUOTA })
    const first = await uploadOf(owner, quotaOrg.slug, 'uno.txt', 'text/plain', Buffer.alloc(1500, 'b'))
    expect(first.statusCode, first.body).toBe(201)
    const second = await uploadOf(owner, quotaOrg.slug, 'dos.txt', 'text/plain', Buffer.alloc(1490, 'c'))
    expect(second.statusCode, second.body).toBe(201)
    const over = await uploadOf(owner, quotaOrg.slug, 'mas.txt', 'text/plain', Buffer.alloc(50, 'd'), 'es')
    expect(over.statusCode).toBe(413)
    expect(over.json().errors[0]).toMatchObject({ path: 'file' })
    expect(over.json().errors[0].message).toMatch(/cuota/)
    // The same bytes again add nothing to the store, so they still fit.
    const again = await uploadOf(owner, quotaOrg.slug, 'uno-copia.txt', 'text/plain', Buffer.alloc(1500, 'b'))
    expect(again.statusCode).toBe(201)
    expect(await usage(quotaOrg.slug)).toEqual({ usedBytes: 2990, quotaBytes: QUOTA })
  })

  it('refuses expired and tampered links (403)', async () => {
    const file = (await uploadOf(owner, spare.slug, 'b.pdf', 'application/pdf', pdfBytes('link'))).json()
    const secret = t.app.platform.config.authSecret
    const past = Math.floor(Date.now() / 1000) - 5
    const expired = signToken(secret, { a: 'get', o: spare.id, f: file.id, e: past })
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${expired}` })
    expect(res.statusCode).toBe(403)
    expect(res.json().detail).toMatch(/expired/)

    const valid = signToken(secret, { a: 'get', o: spare.id, f: file.id, e: past + 3600 })
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${valid}` })).statusCode).toBe(200)
    const [body, mac] = valid.split('.') as [string, string]
    const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`
    const forged = signToken('another-secret-of-at-least-32-characters!!', {
      a: 'get',
      o: spare.id,
      f: file.id,
      e: past + 3600,
    })
    for (const token of [flipped, forged, 'not-a-token-at-all']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/files/${token}` })
      expect(r.statusCode).toBe(403)
      expect(r.json().detail).toMatch(/invalid/)
    }
  })

  it('uploads through a signed upload link, which cannot download', async () => {
    const link = await as(
      t.app,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/files/upload-url`,
      payload: { originalName: 'logo.png', ttlSeconds: 60 },
    })
    expect(link.statusCode, link.body).toBe(200)
    const put = await t.app.inject({
      method: 'PUT',
      url: pathOf(link.json().url),
      payload: pngBytes(),
      headers: { 'content-type': 'image/png' },
    })
    expect(put.statusCode, put.body).toBe(201)
    expect(put.json()).toMatchObject({
      originalName: 'logo.png',
      mimeType: 'image/png',
      uploadedBy: owner.id,
    })
    const asDownload = await t.app.inject({ method: 'GET', url: pathOf(link.json().url) })
    expect(asDownload.statusCode).toBe(403)
  })

  it('hides one org from another (404) and needs files:write to upload (403)', async () => {
    const file = (
      await uploadOf(owner, org.slug, 'privado.pdf', 'application/pdf', pdfBytes('privado'))
    ).json()
    const cross = await as(
      t.app,
      outsider,
    )({ method: 'GET', url: `/api/v1/orgs/${otherOrg.slug}/files/${file.id}` })
    expect(cross.statusCode).toBe(404)
    const crossLink = await as(
      t.app,
      outsider,
    )({
      method: 'GET',
      url: `/api/v1/orgs/${otherOrg.slug}/files/${file.id}/download-url`,
    })
    expect(crossLink.statusCode).toBe(404)
    const notMember = await as(
      t.app,
      outsider,
    )({ method: 'GET', url: `/api/v1/orgs/${org.slug}/files/${file.id}` })
    expect(notMember.statusCode).toBe(404)
    // A link signed for another org's id finds nothing there.
    const secret = t.app.platform.config.authSecret
    const wrongOrg = signToken(secret, {
      a: 'get',
      o: otherOrg.id,
      f: file.id,
      e: Math.floor(Date.now() / 1000) + 60,
    })
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${wrongOrg}` })).statusCode).toBe(404)

    const denied = await uploadOf(member, org.slug, 'x.pdf', 'application/pdf', pdfBytes('x'))
    expect(denied.statusCode).toBe(403)
    expect(existsSync(join(dataDir, 'files', otherOrg.id))).toBe(false)
  })
})
