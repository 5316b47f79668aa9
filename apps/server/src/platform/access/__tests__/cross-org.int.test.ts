import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import {
  assembliesCrossOrgBodies,
  seedAssembliesOfOrg,
} from '../../../modules/assemblies/__tests__/cross-org-fixtures.ts'
import {
  documentsCrossOrgBodies,
  seedDocumentsOfOrg,
} from '../../../modules/documents/__tests__/cross-org-fixtures.ts'
import {
  messagingCrossOrgBodies,
  seedMessagingOfOrg,
} from '../../../modules/messaging/__tests__/cross-org-fixtures.ts'
import { notificationsCrossOrgBodies } from '../../../modules/notifications/__tests__/cross-org-fixtures.ts'
import {
  peopleCrossOrgBodies,
  seedPeopleImportsOfOrg,
} from '../../../modules/people/__tests__/cross-org-fixtures.ts'
import { pollsCrossOrgBodies, seedPollsOfOrg } from '../../../modules/polls/__tests__/cross-org-fixtures.ts'
import {
  privacyCrossOrgBodies,
  seedPrivacyOfOrg,
} from '../../../modules/privacy/__tests__/cross-org-fixtures.ts'
import {
  profileOfOrg,
  profilesCrossOrgBodies,
  seedProfilesOfOrg,
} from '../../../modules/profiles/__tests__/cross-org-fixtures.ts'
import { seedTasksOfOrg, tasksCrossOrgBodies } from '../../../modules/tasks/__tests__/cross-org-fixtures.ts'
import { seedUnitsOfOrg, unitsCrossOrgBodies } from '../../../modules/units/__tests__/cross-org-fixtures.ts'
import {
  seedWebhooksOfOrg,
  webhooksCrossOrgBodies,
} from '../../../modules/webhooks/__tests__/cross-org-fixtures.ts'

/**
 * The cross-org suite, generated from the route table: whatever org-scoped route exists now or is
 * added later, a caller of org A never reaches org B's data, neither by B's slug nor by B's ids.
 */
let t: TestApp
let ownerA: TestUser
let ownerB: TestUser
let orgA: { id: string; slug: string; name: string }
let orgB: { id: string; slug: string; name: string }
/** Real ids of org B's records, by route parameter and path segment. */
const idsOfB: Record<string, string> = {}
let keyOfA: string

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  ownerA = await signUp(t.app, 'Dueña A')
  ownerB = await signUp(t.app, 'Dueño B')
  orgA = await createOrg(t.app, ownerA, { name: 'Organización Alfa' })
  orgB = await createOrg(t.app, ownerB, { name: 'Organización Beta Secreta' })
  const b = as(t.app, ownerB)
  const base = `/api/v1/orgs/${orgB.slug}`
  const post = async (url: string, payload: object) => {
    const response = await b({ method: 'POST', url: `${base}${url}`, payload })
    expect(response.statusCode, url).toBe(201)
    return response.json()
  }
  idsOfB.announcements = (await post('/announcements', { title: 'Secreto de Beta', body: 'x' })).id
  const role = await post('/roles', { key: 'beta_role', name: 'Rol Beta', permissions: ['org:read'] })
  idsOfB.roles = role.id
  idsOfB.branches = (await post('/branches', { name: 'Sede Beta', code: 'BETA' })).id
  const invitee = await signUp(t.app)
  idsOfB.invitations = (await post('/invitations', { email: invitee.email })).id
  idsOfB['api-keys'] = (await post('/api-keys', { name: 'Llave Beta', permissions: ['org:read'] })).id
  const memberB = await signUp(t.app)
  await b({ method: 'POST', url: `${base}/members`, payload: { email: memberB.email, role: 'member' } })
  idsOfB['role-assignments'] = (await post('/role-assignments', { userId: memberB.id, roleId: role.id })).id
  idsOfB.members = memberB.id
  // Module records, from each module's cross-org fixtures.
  Object.assign(idsOfB, await seedUnitsOfOrg(post))
  const action = async (url: string) => {
    const response = await b({ method: 'POST', url: `${base}${url}`, payload: {} })
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200)
  }
  Object.assign(idsOfB, await seedAssembliesOfOrg(post, action, idsOfB.units!))
  Object.assign(idsOfB, await seedPollsOfOrg(post))
  Object.assign(idsOfB, await seedTasksOfOrg(post))
  Object.assign(idsOfB, await seedWebhooksOfOrg(post))
  Object.assign(idsOfB, await seedMessagingOfOrg(post, memberB.id))
  Object.assign(idsOfB, await seedPrivacyOfOrg(post))
  idsOfB.people = idsOfB.privacyPerson!
  Object.assign(idsOfB, await seedDocumentsOfOrg(b, base, idsOfB.people))
  Object.assign(idsOfB, await seedPeopleImportsOfOrg(b, base))
  Object.assign(idsOfB, await seedProfilesOfOrg(b, base))
  const key = await as(
    t.app,
    ownerA,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${orgA.slug}/api-keys`,
    payload: {
      name: 'Llave A',
      permissions: ['org:read', 'announcements:read', 'members:read', 'roles:read'],
    },
  })
  keyOfA = key.json().key
})
afterAll(() => t.close())

const orgRoutes = () => t.app.platform.routes.filter((r) => r.url.startsWith('/api/v1/orgs/:org'))
const sampleId = '01900000-0000-7000-8000-000000000000'

/** Routes that filter a list by the id in their path rather than load a record. */
const emptyListRoutes = new Set(['GET /api/v1/orgs/:org/activity/entities/:entityType/:entityId'])

/** Parameters that are not ids: the activity timeline of one of B's tasks. */
const namedParams = (): Record<string, string | undefined> => ({
  entityType: 'task',
  entityId: idsOfB.cards,
})

/** The id of B's record a route's parameter names (by the path segment before it), else a sample. */
function idFor(url: string, param: string) {
  const named = namedParams()[param]
  if (named) return named
  const segments = url.split('/')
  const at = segments.indexOf(`:${param}`)
  return idsOfB[segments[at - 1] ?? ''] ?? idsOfB[param] ?? sampleId
}

function fill(url: string, slug: string) {
  return url.replace(':org', slug).replace(/:([a-zA-Z]+)/g, (_, param: string) => idFor(url, param))
}

function leaks(body: string) {
  return [orgB.id, orgB.name, ...Object.values(idsOfB)].filter((secret) => body.includes(secret))
}

describe('cross-org isolation, generated from the route table', () => {
  it('covers every org-scoped route', () => {
    expect(orgRoutes().length).toBeGreaterThan(25)
  })

  it("answers 404 with no data when org A's owner calls any route with org B's slug", async () => {
    for (const route of orgRoutes()) {
      const url = fill(route.url, orgB.slug)
      const response = await as(t.app, ownerA)({ method: route.method as 'GET', url, payload: {} })
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404)
      expect(leaks(response.body), `${route.method} ${route.url}`).toEqual([])
    }
  })

  it("answers 404 with no data when org A's API key calls any route with org B's slug", async () => {
    for (const route of orgRoutes()) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, orgB.slug),
        headers: { authorization: `Bearer ${keyOfA}`, 'content-type': 'application/json' },
        payload: {},
      })
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404)
      expect(leaks(response.body)).toEqual([])
    }
  })

  it("answers 404 when org A's owner names org B's records under org A's own slug, and changes nothing", async () => {
    const bodies: Record<string, object> = {
      'PATCH /api/v1/orgs/:org/announcements/:id': { title: 'Pisado por A' },
      'PATCH /api/v1/orgs/:org/roles/:id': { name: 'Pisado por A' },
      'PATCH /api/v1/orgs/:org/members/:userId': { role: 'member' },
      'POST /api/v1/orgs/:org/invitations/:id/resend': {},
      ...unitsCrossOrgBodies(),
      ...assembliesCrossOrgBodies(sampleId),
      ...pollsCrossOrgBodies(),
      ...tasksCrossOrgBodies(sampleId),
      ...webhooksCrossOrgBodies(),
      ...messagingCrossOrgBodies(sampleId),
      ...notificationsCrossOrgBodies(),
      ...privacyCrossOrgBodies(),
      ...peopleCrossOrgBodies(),
      ...documentsCrossOrgBodies(),
      ...profilesCrossOrgBodies(),
    }
    const withIds = orgRoutes().filter((r) => /:(?!org)[a-zA-Z]+/.test(r.url.replace(':org', '')))
    expect(withIds.length).toBeGreaterThan(8)
    for (const route of withIds) {
      const signature = `${route.method} ${route.url}`
      if (route.method !== 'GET' && route.method !== 'DELETE' && !bodies[signature]) {
        throw new Error(`Add a valid body for ${signature} to this suite`)
      }
      const response = await as(
        t.app,
        ownerA,
      )({
        method: route.method as 'GET',
        url: fill(route.url, orgA.slug),
        headers: { 'if-match': '"1"' },
        ...(bodies[signature] ? { payload: bodies[signature] } : {}),
      })
      if (emptyListRoutes.has(signature)) {
        // A timeline filtered by an id it has never seen is an empty list, which reveals nothing.
        expect(response.statusCode, signature).toBe(200)
        expect(response.json().items, signature).toEqual([])
      } else {
        expect(response.statusCode, signature).toBe(404)
      }
      expect(leaks(response.body), signature).toEqual([])
    }
    // Org B's records are all still there, unchanged.
    const b = as(t.app, ownerB)
    const base = `/api/v1/orgs/${orgB.slug}`
    expect(
      (await b({ method: 'GET', url: `${base}/announcements/${idsOfB.announcements}` })).json().title,
    ).toBe('Secreto de Beta')
    expect((await b({ method: 'GET', url: `${base}/roles/${idsOfB.roles}` })).json().name).toBe('Rol Beta')
    const keys = (await b({ method: 'GET', url: `${base}/api-keys` })).json()
    expect(keys.items[0].revokedAt).toBeNull()
    const invitations = (await b({ method: 'GET', url: `${base}/invitations` })).json()
    expect(invitations.items[0]).toMatchObject({ status: 'pending', sentCount: 1 })
    const assignments = (await b({ method: 'GET', url: `${base}/role-assignments` })).json()
    expect(assignments.items.map((a: { id: string }) => a.id)).toContain(idsOfB['role-assignments'])
    const members = (await b({ method: 'GET', url: `${base}/members` })).json()
    expect(members.items.map((m: { userId: string }) => m.userId)).toContain(idsOfB.members)
    const unit = (await b({ method: 'GET', url: `${base}/units/${idsOfB.units}` })).json()
    expect(unit).toMatchObject({ code: 'BETA-1', notes: null })
    const assembly = (await b({ method: 'GET', url: `${base}/assemblies/${idsOfB.assemblies}` })).json()
    expect(assembly).toMatchObject({ title: 'Asamblea Beta', status: 'convened' })
    expect((await b({ method: 'GET', url: `${base}/motions/${idsOfB.motions}` })).json().state).toBe('draft')
    expect((await b({ method: 'GET', url: `${base}/polls/${idsOfB.polls}` })).json().title).toBe(
      'Consulta Beta',
    )
    const card = (await b({ method: 'GET', url: `${base}/tasks/cards/${idsOfB.cards}` })).json()
    expect(card.title).toBe('Tarea Beta')
    const request = (await b({ method: 'GET', url: `${base}/privacy/requests/${idsOfB.requests}` })).json()
    expect(request).toMatchObject({ status: 'received', response: null, extensionReason: null })
    const person = (await b({ method: 'GET', url: `${base}/people/${idsOfB.people}` })).json()
    expect(person).toMatchObject({ status: 'activo', position: null })
    const policies = (await b({ method: 'GET', url: `${base}/privacy/policies` })).json()
    expect(policies.items[0]).toMatchObject({ id: idsOfB.policies, published: false })
    const document = (await b({ method: 'GET', url: `${base}/documents/${idsOfB.documents}` })).json()
    expect(document).toMatchObject({ title: 'Documento Beta', versionCount: 1 })
    const personImport = (await b({ method: 'GET', url: `${base}/people/imports/${idsOfB.imports}` })).json()
    expect(personImport).toMatchObject({ status: 'uploaded', mode: null, validRows: null })
    const profile = await profileOfOrg(b, base, idsOfB.profiles!)
    expect(profile).toMatchObject({ headline: 'Perfil Beta', visibility: 'members', version: 1 })
  })
})
