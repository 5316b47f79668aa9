/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the units routes that write under an id, and org B's records by the path segment before each id.
 */
export const unitsCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/units/:id': { notes: 'Pisada por A' },
  'POST /api/v1/orgs/:org/units/:id/holders': { name: 'Pisado por A', role: 'owner' },
  'PATCH /api/v1/orgs/:org/units/:id/holders/:holderId': { name: 'Pisado por A' },
})

type Post = (url: string, payload: object) => Promise<{ id: string }>

export async function seedUnitsOfOrg(post: Post): Promise<Record<string, string>> {
  const unit = await post('/units', { code: 'BETA-1', type: 'apartment', coefficient: '100' })
  const holder = await post(`/units/${unit.id}/holders`, {
    name: 'Titular Beta',
    role: 'owner',
    isVoter: true,
  })
  return { units: unit.id, holders: holder.id }
}
