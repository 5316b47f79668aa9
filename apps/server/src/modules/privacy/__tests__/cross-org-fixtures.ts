/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the privacy routes that write under an id, and org B's policy version and request (on a
 * person registered through the people module).
 */
export const privacyCrossOrgBodies = (): Record<string, object> => ({
  'POST /api/v1/orgs/:org/privacy/policies/:id/publish': {},
  'POST /api/v1/orgs/:org/privacy/requests/:id/start': {},
  'POST /api/v1/orgs/:org/privacy/requests/:id/extend': { reason: 'Pisado por A' },
  'POST /api/v1/orgs/:org/privacy/requests/:id/answer': { response: 'Pisado por A' },
  'POST /api/v1/orgs/:org/privacy/requests/:id/reject': { reason: 'Pisado por A' },
})

type Post = (url: string, payload: object) => Promise<{ id: string }>

export async function seedPrivacyOfOrg(post: Post): Promise<Record<string, string>> {
  const policy = await post('/privacy/policies', {
    text: '# Política Beta\n\nTratamiento de datos.',
    effectiveDate: '2026-01-01',
  })
  const person = await post('/people', {
    documentType: 'CC',
    documentNumber: '99887766',
    firstNames: 'Titular',
    lastNames: 'Beta',
  })
  const request = await post('/privacy/requests', {
    personId: person.id,
    kind: 'consulta',
    channel: 'web',
    description: 'Consulta Beta',
  })
  return { policies: policy.id, requests: request.id, privacyPerson: person.id }
}
