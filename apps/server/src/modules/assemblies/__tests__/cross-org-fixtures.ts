/**
 * For the platform's generated cross-org suite (platform/access/__tests__/cross-org.int.test.ts): valid
 * bodies for the assemblies routes that write under an id, and org B's records by the path segment before
 * each id. Needs a unit of org B (see the units fixtures).
 */
export const assembliesCrossOrgBodies = (sampleId: string): Record<string, object> => ({
  'PATCH /api/v1/orgs/:org/assemblies/:id': { title: 'Pisada por A' },
  'POST /api/v1/orgs/:org/assemblies/:id/agenda-items': { title: 'Pisado por A' },
  'POST /api/v1/orgs/:org/assemblies/:id/convene': {},
  'POST /api/v1/orgs/:org/assemblies/:id/start': {},
  'POST /api/v1/orgs/:org/assemblies/:id/close': {},
  'POST /api/v1/orgs/:org/assemblies/:id/attendance/check-in': { unitId: sampleId },
  'POST /api/v1/orgs/:org/assemblies/:id/attendance/check-out': { unitId: sampleId },
  'POST /api/v1/orgs/:org/assemblies/:id/attendance/qr': { token: 'v1.pisado.por.a.token' },
  'POST /api/v1/orgs/:org/assemblies/:id/proxies': {
    grantorUnitId: sampleId,
    holderName: 'Pisado por A',
    holderDocument: '123456',
  },
  'POST /api/v1/orgs/:org/assemblies/:id/motions': { agendaItemId: sampleId, title: 'Pisada por A' },
  'POST /api/v1/orgs/:org/proxies/:id/revoke': {},
  'PATCH /api/v1/orgs/:org/motions/:id': { title: 'Pisada por A' },
  'POST /api/v1/orgs/:org/motions/:id/open': {},
  'POST /api/v1/orgs/:org/motions/:id/close': {},
  'POST /api/v1/orgs/:org/motions/:id/publish': {},
  'POST /api/v1/orgs/:org/motions/:id/ballots': { unitId: sampleId, choice: ['yes'] },
})

type Post = (url: string, payload: object) => Promise<{ id: string } & Record<string, unknown>>

/**
 * Org B's convened assembly (with an agenda item), a draft motion and a poder granted by `unitId`.
 * `action` posts an empty body to a state-change route (200, not 201).
 */
export async function seedAssembliesOfOrg(
  post: Post,
  action: (url: string) => Promise<unknown>,
  unitId: string,
): Promise<Record<string, string>> {
  const assembly = (await post('/assemblies', {
    title: 'Asamblea Beta',
    firstCallAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    noticeSentOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    agenda: [{ title: 'Punto Beta' }],
  })) as { id: string; agenda: { id: string }[] }
  const agendaItemId = assembly.agenda[0]?.id ?? ''
  await action(`/assemblies/${assembly.id}/convene`)
  const motion = await post(`/assemblies/${assembly.id}/motions`, { agendaItemId, title: 'Moción Beta' })
  const proxy = await post(`/assemblies/${assembly.id}/proxies`, {
    grantorUnitId: unitId,
    holderName: 'Apoderado Beta',
    holderDocument: '98765432',
  })
  return { assemblies: assembly.id, 'agenda-items': agendaItemId, motions: motion.id, proxies: proxy.id }
}
