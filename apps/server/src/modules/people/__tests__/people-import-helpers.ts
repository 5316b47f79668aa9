import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { as, eventually, type TestApp, type TestUser } from '../../../../test/harness.ts'

/** A multipart body with one `file` part. */
export function multipartFile(name: string, bytes: Buffer, mimeType: string) {
  const boundary = `minga-import-${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export function uploadAs(
  t: TestApp,
  user: TestUser,
  slug: string,
  name: string,
  bytes: Buffer,
  mimeType = 'text/csv',
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipartFile(name, bytes, mimeType)
  return as(
    t.app,
    user,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/people/imports`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  })
}

/** Polls the import until it leaves `validating` / `committing` (the real job path). */
export async function settled(t: TestApp, user: TestUser, slug: string, id: string) {
  let last: Record<string, unknown> = {}
  await eventually(async () => {
    const response = await as(
      t.app,
      user,
    )({ method: 'GET', url: `/api/v1/orgs/${slug}/people/imports/${id}` })
    expect(response.statusCode, response.body).toBe(200)
    last = response.json()
    return last.status !== 'validating' && last.status !== 'committing'
  }, 60_000)
  return last as {
    status: string
    errors: { row: number; column: string | null; message: string }[]
    [key: string]: unknown
  }
}

export const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')
