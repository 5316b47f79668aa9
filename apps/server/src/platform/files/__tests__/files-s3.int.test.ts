import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { withOrg } from '../../db/with-org.ts'
import { readFile } from '../index.ts'
import { multipart, pdfBytes } from './samples.ts'

const BUCKET = 'minga-files-test'

let server: S3rver
let t: TestApp
let dir: string
let owner: TestUser
let org: { id: string; slug: string }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minga-s3rver-'))
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: join(dir, 's3'),
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  })
  const { port } = await server.run()
  t = await createTestApp({
    workers: false,
    config: {
      MINGA_DATA_DIR: join(dir, 'data'),
      MINGA_FILES_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
  })
  owner = await signUp(t.app, 'Tesorera')
  org = await createOrg(t.app, owner)
})

afterAll(async () => {
  await t?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

function upload(name: string, bytes: Buffer) {
  const body = multipart(name, 'application/pdf', bytes)
  return as(
    t.app,
    owner,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/files`,
    payload: body.payload,
    headers: body.headers,
  })
}

describe('platform/files on S3 (s3rver)', () => {
  it('uploads to the bucket and downloads through a presigned URL', async () => {
    const bytes = pdfBytes('s3')
    const res = await upload('Pagaré.pdf', bytes)
    expect(res.statusCode, res.body).toBe(201)
    const file = res.json()
    const link = await as(
      t.app,
      owner,
    )({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/files/${file.id}/download-url?ttlSeconds=120`,
    })
    expect(link.statusCode, link.body).toBe(200)
    const url = new URL(link.json().url)
    expect(url.host).toBe(new URL(t.app.platform.config.files.s3?.endpoint ?? '').host)
    expect(url.pathname).toBe(`/${BUCKET}/${org.id}/${file.sha256.slice(0, 2)}/${file.sha256}`)
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120')
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    const download = await fetch(url)
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true)
    expect(download.headers.get('content-type')).toBe('application/pdf')
  })

  it('streams a stored file back through readFile', async () => {
    const bytes = pdfBytes('read-s3')
    const file = (await upload('leer.pdf', bytes)).json()
    const read = await withOrg(t.app.platform.database.db, org.id, async (tx) => {
      const ctx = {
        db: tx,
        orgId: org.id,
        actor: { userId: null, role: 'system' as const },
        requestId: 'test',
        now: new Date(),
        ip: null,
      }
      const { file: stored, stream } = await readFile(ctx, file.id)
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
      return { stored, bytes: Buffer.concat(chunks) }
    })
    expect(read.stored).toMatchObject({ id: file.id, mimeType: 'application/pdf', originalName: 'leer.pdf' })
    expect(read.bytes.equals(bytes)).toBe(true)
  })

  it('stores identical bytes once in the bucket', async () => {
    const bytes = pdfBytes('dedupe-s3')
    const first = (await upload('a.pdf', bytes)).json()
    const before = (
      await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/files/usage` })
    ).json()
    const second = await upload('b.pdf', bytes)
    expect(second.statusCode).toBe(201)
    expect(second.json()).toMatchObject({ sha256: first.sha256, originalName: 'b.pdf' })
    expect(second.json().id).not.toBe(first.id)
    const after = (
      await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/files/usage` })
    ).json()
    expect(after.usedBytes).toBe(before.usedBytes)
    const endpoint = t.app.platform.config.files.s3?.endpoint
    const listing = await (
      await fetch(`${endpoint}/${BUCKET}?prefix=${org.id}/${first.sha256.slice(0, 2)}/`)
    ).text()
    expect(listing.split(`<Key>${org.id}/${first.sha256.slice(0, 2)}/${first.sha256}</Key>`)).toHaveLength(2)
  })
})
