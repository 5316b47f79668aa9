import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { multipartFile } from './people-import-helpers.ts'

/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the people routes that write under an id. Org B's person comes from the privacy fixtures.
 */
export const peopleCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/people/:id': { position: 'Pisado por A' },
  'POST /api/v1/orgs/:org/people/:id/status': { status: 'inactivo', reason: 'Pisado por A' },
  'PUT /api/v1/orgs/:org/people/:id/relatives': { relatives: [] },
  'POST /api/v1/orgs/:org/people/imports/:id/validate': {
    mapping: {
      documentType: 'Tipo de documento',
      documentNumber: 'Número de documento',
      firstNames: 'Nombres',
      lastNames: 'Apellidos',
    },
  },
  'POST /api/v1/orgs/:org/people/imports/:id/commit': { mode: 'valid_only' },
})

/** Uploads one people import of org B (multipart, so not through the suite's JSON `post`). */
export async function seedPeopleImportsOfOrg(
  request: (options: InjectOptions & { url: string }) => Promise<LightMyRequestResponse>,
  base: string,
): Promise<Record<string, string>> {
  const csv = 'Tipo de documento,Número de documento,Nombres,Apellidos\r\nCC,79111222,Beta,Importada\r\n'
  const body = multipartFile('beta.csv', Buffer.from(csv, 'utf8'), 'text/csv')
  const response = await request({
    method: 'POST',
    url: `${base}/people/imports`,
    payload: body.payload,
    headers: body.headers,
  })
  if (response.statusCode !== 201)
    throw new Error(`people import seed: ${response.statusCode} ${response.body}`)
  return { imports: response.json().id }
}
