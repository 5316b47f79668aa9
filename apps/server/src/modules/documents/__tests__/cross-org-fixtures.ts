import type { InjectOptions, LightMyRequestResponse } from 'fastify'

/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the documents routes that write under an id. The version upload is multipart; a JSON body
 * still reaches the document lookup, which must answer 404 for another org's id.
 */
export const documentsCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/documents/:id': { title: 'Pisado por A' },
  'POST /api/v1/orgs/:org/documents/:id/versions': {},
})

/** A 1×1 PNG: the smallest file the documents allow-list accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Uploads one document of org B (multipart, so not through the suite's JSON `post`). */
export async function seedDocumentsOfOrg(
  request: (options: InjectOptions & { url: string }) => Promise<LightMyRequestResponse>,
  base: string,
  personId: string,
): Promise<Record<string, string>> {
  const boundary = 'minga-cross-org'
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  const payload = Buffer.concat([
    Buffer.from(
      field('entityType', 'person') +
        field('entityId', personId) +
        field('documentType', 'cedula') +
        field('title', 'Documento Beta') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="beta.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const response = await request({
    method: 'POST',
    url: `${base}/documents`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  if (response.statusCode !== 201) throw new Error(`documents seed: ${response.statusCode} ${response.body}`)
  return { documents: response.json().id }
}
