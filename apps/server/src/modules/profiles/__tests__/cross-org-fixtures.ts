import type { InjectOptions, LightMyRequestResponse } from 'fastify'

type Request = (options: InjectOptions & { url: string }) => Promise<LightMyRequestResponse>

/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): a
 * valid body for the one profiles route that writes under an id.
 */
export const profilesCrossOrgBodies = (): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/profiles/:userId': { headline: 'Pisado por A', visibility: 'admins' },
})

/** Org B's owner saves a profile; the suite names it by the owner's user id. */
export async function seedProfilesOfOrg(request: Request, base: string): Promise<Record<string, string>> {
  const response = await request({
    method: 'PUT',
    url: `${base}/profiles/me`,
    payload: { headline: 'Perfil Beta', skills: ['Secreto Beta'] },
  })
  if (response.statusCode !== 200) throw new Error(`profiles seed: ${response.statusCode} ${response.body}`)
  return { profiles: response.json().userId }
}

/** Org B's profile after org A's attempts: still as seeded. */
export async function profileOfOrg(request: Request, base: string, userId: string) {
  const response = await request({ method: 'GET', url: `${base}/profiles/${userId}` })
  return response.json() as { headline: string; visibility: string; version: number }
}
