/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the people routes that write under an id. Org B's person comes from the privacy fixtures.
 */
export const peopleCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/people/:id': { position: 'Pisado por A' },
  'POST /api/v1/orgs/:org/people/:id/status': { status: 'inactivo', reason: 'Pisado por A' },
  'PUT /api/v1/orgs/:org/people/:id/relatives': { relatives: [] },
})
