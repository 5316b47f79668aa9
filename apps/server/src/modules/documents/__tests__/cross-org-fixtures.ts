/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the documents routes that write under an id. The version upload is multipart; a JSON body
 * still reaches the document lookup, which must answer 404 for another org's id.
 */
export const documentsCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/documents/:id': { title: 'Pisado por A' },
  'POST /api/v1/orgs/:org/documents/:id/versions': {},
})
