import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { outboxEvents } from '../../../platform/events/events.tables.ts'
import { profilesModule } from '../index.ts'

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
)

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = 'minga-profile-test'
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

let t: TestApp
let owner: TestUser
let jose: TestUser
let maria: TestUser
let lucia: TestUser
let outsider: TestUser
let org: { id: string; slug: string }
let base: string

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  owner = await signUp(t.app, 'Dueña Comunidad')
  jose = await signUp(t.app, 'José Núñez')
  maria = await signUp(t.app, 'María Ríos')
  lucia = await signUp(t.app, 'Lucía Gómez')
  outsider = await signUp(t.app, 'Otra Persona')
  org = await createOrg(t.app, owner, { kind: 'community' })
  base = `/api/v1/orgs/${org.slug}/profiles`
  for (const member of [jose, maria, lucia]) await addMember(t.app, owner, org.slug, member)
})
afterAll(() => t.close())

const save = (user: TestUser, payload: object, version?: number, headers: Record<string, string> = {}) =>
  as(
    t.app,
    user,
  )({
    method: 'PUT',
    url: `${base}/me`,
    payload,
    headers: { ...(version === undefined ? {} : { 'if-match': `"${version}"` }), ...headers },
  })

describe('module defaults', () => {
  it('is enabled for new community and incubator orgs only', async () => {
    const kinds = { community: true, incubator: true, housing: false, savings_credit: false }
    for (const [kind, expected] of Object.entries(kinds)) {
      const created = await as(
        t.app,
        owner,
      )({
        method: 'POST',
        url: '/api/v1/orgs',
        payload: { name: `Org ${kind}`, slug: `perfiles-${kind.replace('_', '-')}`, kind },
      })
      expect(created.statusCode).toBe(201)
      expect(created.json().enabledModules.includes('profiles'), kind).toBe(expected)
    }
  })
})

describe('my profile', () => {
  it('starts empty (200 with defaults and ETag "0"), not 404', async () => {
    const response = await as(t.app, lucia)({ method: 'GET', url: `${base}/me` })
    expect(response.statusCode).toBe(200)
    expect(response.headers.etag).toBe('"0"')
    expect(response.json()).toMatchObject({
      userId: lucia.id,
      name: 'Lucía Gómez',
      headline: '',
      skills: [],
      timezone: 'America/Bogota',
      visibility: 'members',
      avatarFileId: null,
      version: 0,
      updatedAt: null,
    })
  })

  it('refuses invalid fields with a precise message per field and writes nothing', async () => {
    const response = await save(jose, {
      headline: 'Desarrollador',
      bio: 'x'.repeat(2001),
      skills: Array.from({ length: 31 }, (_, i) => `Habilidad ${i}`),
      timezone: 'America/Cali',
      links: {
        github: 'https://gitlab.com/jose',
        linkedin: 'https://linkedin.com/jose',
        website: 'http://jose.co',
      },
    })
    expect(response.statusCode).toBe(422)
    const errors = response.json().errors as { path: string; message: string }[]
    expect(Object.fromEntries(errors.map((e) => [e.path, e.message]))).toEqual({
      'body.bio': 'At most 2,000 characters (this one has 2,001)',
      'body.skills': 'At most 30 skills (you sent 31)',
      'body.timezone': '"America/Cali" is not a time zone: use an IANA name such as America/Bogota',
      'body.links.github': 'Use your GitHub profile address: https://github.com/<user>',
      'body.links.linkedin': 'Use your LinkedIn profile address: https://www.linkedin.com/in/<name>',
      'body.links.website': 'Use a full https:// address, e.g. https://example.co',
    })
    const spanish = await save(jose, { links: { github: 'github.com/jose' } }, undefined, {
      'accept-language': 'es-CO',
    })
    expect(spanish.statusCode).toBe(422)
    expect(spanish.json().errors).toEqual([
      {
        path: 'body.links.github',
        message: 'Usa la dirección de tu perfil de GitHub: https://github.com/<usuario>',
      },
    ])
    const long = await save(jose, { skills: ['x'.repeat(41)], headline: 'h'.repeat(121) })
    expect(long.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'At most 120 characters (this one has 121)',
      `Each skill has 1 to 40 characters: "${'x'.repeat(41)}" has 41`,
    ])
    const municipality = await save(jose, { municipalityCode: '76999' })
    expect(municipality.json().errors).toEqual([
      {
        path: 'body.municipalityCode',
        message: '76999 is not a DANE municipality code (5 digits, e.g. 76001 for Cali)',
      },
    ])
    const unknownField = await save(jose, { nickname: 'Pepe' })
    expect(unknownField.statusCode).toBe(400)
    const me = await as(t.app, jose)({ method: 'GET', url: `${base}/me` })
    expect(me.json().version).toBe(0)
  })

  it('saves (trimmed, skills deduplicated as typed), then needs If-Match; audited with an event', async () => {
    const first = await save(jose, {
      headline: '  Desarrollador backend  ',
      bio: 'Me gusta el café.\r\nY PostgreSQL.',
      skills: [' TypeScript ', 'typescript', 'Diseño UX', 'TYPESCRIPT', 'PostgreSQL'],
      experienceLevel: 'advanced',
      location: 'Cali',
      municipalityCode: '76001',
      timezone: 'America/Bogota',
      links: {
        github: 'https://github.com/jose-nunez',
        linkedin: 'https://www.linkedin.com/in/jose-nunez/',
        website: 'https://jose.dev',
      },
    })
    expect(first.statusCode).toBe(200)
    expect(first.headers.etag).toBe('"1"')
    expect(first.json()).toMatchObject({
      headline: 'Desarrollador backend',
      bio: 'Me gusta el café.\nY PostgreSQL.',
      skills: ['TypeScript', 'Diseño UX', 'PostgreSQL'],
      links: { linkedin: 'https://www.linkedin.com/in/jose-nunez' },
      municipality: { code: '76001', name: 'Cali', departmentCode: '76', departmentName: 'Valle del Cauca' },
      version: 1,
    })
    expect((await save(jose, { headline: 'Otro' })).statusCode).toBe(428)
    expect((await save(jose, { headline: 'Otro' }, 7)).statusCode).toBe(412)
    const second = await save(jose, { headline: 'Backend y datos', skills: ['TypeScript', 'PostgreSQL'] }, 1)
    expect(second.statusCode).toBe(200)
    // PUT replaces: the fields not sent went back to their defaults.
    expect(second.json()).toMatchObject({
      version: 2,
      bio: '',
      experienceLevel: null,
      links: { github: null },
    })

    const audit = await as(
      t.app,
      owner,
    )({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit?entityType=profile` })
    const actions = audit.json().items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['profile.created', 'profile.updated']))
    const events = await t.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org.id), eq(outboxEvents.type, 'profile.updated')))
    expect(events.map((e) => (e.payload as { userId: string }).userId)).toEqual([jose.id, jose.id])
  })
})

describe('directory', () => {
  beforeAll(async () => {
    const jm = await as(t.app, jose)({ method: 'GET', url: `${base}/me` })
    await save(
      jose,
      { headline: 'Backend y datos', skills: ['TypeScript', 'PostgreSQL', 'Docker'] },
      jm.json().version,
    )
    await save(maria, { headline: 'Diseñadora de producto', skills: ['diseño ux', 'typescript', 'Figma'] })
    await save(owner, { headline: 'Organizo la comunidad', skills: ['Comunidad', 'TypeScript'] })
  })

  it('counts skills case-insensitively across members, most common first', async () => {
    const skills = await as(t.app, lucia)({ method: 'GET', url: `${base}/skills` })
    expect(skills.statusCode).toBe(200)
    expect(skills.json().items).toEqual([
      { skill: 'TypeScript', count: 3 },
      { skill: 'Comunidad', count: 1 },
      { skill: 'diseño ux', count: 1 },
      { skill: 'Docker', count: 1 },
      { skill: 'Figma', count: 1 },
      { skill: 'PostgreSQL', count: 1 },
    ])
    const page = await as(t.app, lucia)({ method: 'GET', url: base })
    expect(page.json().facets.skills).toMatchObject({ TypeScript: 3, Figma: 1 })
    // Every member is listed by name, with or without a profile.
    expect(page.json().items.map((p: { name: string }) => p.name)).toEqual([
      'Dueña Comunidad',
      'José Núñez',
      'Lucía Gómez',
      'María Ríos',
    ])
  })

  it('searches names, headlines and skills without accents, filters by all skills, and pages', async () => {
    const names = async (query: string) =>
      (await as(t.app, lucia)({ method: 'GET', url: `${base}?${query}` }))
        .json()
        .items.map((p: { name: string }) => p.name)
    expect(await names('q=jose%20nunez')).toEqual(['José Núñez'])
    expect(await names('q=DISENADORA')).toEqual(['María Ríos'])
    expect(await names('q=dise%C3%B1o')).toEqual(['María Ríos'])
    expect(await names('skill=typescript,postgresql')).toEqual(['José Núñez'])
    expect(await names('skill=TypeScript')).toEqual(['Dueña Comunidad', 'José Núñez', 'María Ríos'])
    const filtered = await as(t.app, lucia)({ method: 'GET', url: `${base}?skill=figma` })
    expect(filtered.json().facets.skills).toEqual({ Figma: 1, typescript: 1, 'diseño ux': 1 })

    const first = (await as(t.app, lucia)({ method: 'GET', url: `${base}?limit=3` })).json()
    expect(first.items).toHaveLength(3)
    const second = (
      await as(t.app, lucia)({ method: 'GET', url: `${base}?limit=3&cursor=${first.nextCursor}` })
    ).json()
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['María Ríos'])
    expect(second.nextCursor).toBeNull()
    const bad = await as(t.app, lucia)({ method: 'GET', url: `${base}?cursor=nope` })
    expect(bad.statusCode).toBe(400)
  })

  it("shows a member's profile, and 404 for someone who is not a member", async () => {
    const profile = await as(t.app, lucia)({ method: 'GET', url: `${base}/${maria.id}` })
    expect(profile.statusCode).toBe(200)
    expect(profile.json()).toMatchObject({ name: 'María Ríos', headline: 'Diseñadora de producto' })
    expect(profile.headers.etag).toBe('"1"')
    const stranger = await as(t.app, lucia)({ method: 'GET', url: `${base}/${outsider.id}` })
    expect(stranger.statusCode).toBe(404)
  })
})

describe('hiding and managing', () => {
  it('a member cannot PATCH another profile (403)', async () => {
    const response = await as(
      t.app,
      lucia,
    )({
      method: 'PATCH',
      url: `${base}/${maria.id}`,
      headers: { 'if-match': '"1"' },
      payload: { headline: 'x' },
    })
    expect(response.statusCode).toBe(403)
  })

  it('an admin hides a profile: 404 and out of the directory for members, visible to admins and its owner', async () => {
    const version = (await as(t.app, owner)({ method: 'GET', url: `${base}/${maria.id}` })).json().version
    const hidden = await as(
      t.app,
      owner,
    )({
      method: 'PATCH',
      url: `${base}/${maria.id}`,
      headers: { 'if-match': `"${version}"` },
      payload: { visibility: 'admins' },
    })
    expect(hidden.statusCode).toBe(200)
    expect(hidden.json()).toMatchObject({
      visibility: 'admins',
      hiddenByAdmin: true,
      headline: 'Diseñadora de producto',
    })

    expect((await as(t.app, lucia)({ method: 'GET', url: `${base}/${maria.id}` })).statusCode).toBe(404)
    const directory = (await as(t.app, lucia)({ method: 'GET', url: base })).json()
    expect(directory.items.map((p: { userId: string }) => p.userId)).not.toContain(maria.id)
    expect(directory.facets.skills.Figma).toBeUndefined()
    expect((await as(t.app, owner)({ method: 'GET', url: `${base}/${maria.id}` })).statusCode).toBe(200)
    const own = await as(t.app, maria)({ method: 'GET', url: `${base}/${maria.id}` })
    expect(own.statusCode).toBe(200)

    // Its member cannot show it again; only an admin can.
    const unhide = await save(maria, { visibility: 'members', headline: 'Otra vez' }, own.json().version)
    expect(unhide.statusCode).toBe(422)
    expect(unhide.json().errors[0].path).toBe('body.visibility')
    const kept = await save(maria, { headline: 'Diseño' }, own.json().version)
    expect(kept.json()).toMatchObject({ visibility: 'admins', hiddenByAdmin: true })
    const edit = await save(maria, { visibility: 'admins', headline: 'Diseño' }, kept.json().version)
    expect(edit.statusCode).toBe(200)
    expect(edit.json().hiddenByAdmin).toBe(true)
    const shown = await as(
      t.app,
      owner,
    )({
      method: 'PATCH',
      url: `${base}/${maria.id}`,
      headers: { 'if-match': `"${edit.json().version}"` },
      payload: { visibility: 'members' },
    })
    expect(shown.json()).toMatchObject({ visibility: 'members', hiddenByAdmin: false, headline: 'Diseño' })
    expect((await as(t.app, lucia)({ method: 'GET', url: `${base}/${maria.id}` })).statusCode).toBe(200)
  })

  it('an admin edits a profile with field checks and If-Match', async () => {
    const current = (await as(t.app, owner)({ method: 'GET', url: `${base}/${jose.id}` })).json()
    const patch = (payload: object, version: number | null) =>
      as(
        t.app,
        owner,
      )({
        method: 'PATCH',
        url: `${base}/${jose.id}`,
        ...(version === null ? {} : { headers: { 'if-match': `"${version}"` } }),
        payload,
      })
    expect((await patch({ headline: 'x' }, null)).statusCode).toBe(428)
    expect((await patch({ timezone: 'Bogota' }, current.version)).statusCode).toBe(422)
    const edited = await patch({ headline: 'Backend (editado)' }, current.version)
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ headline: 'Backend (editado)', skills: current.skills })
    const other = await patch({ visibility: 'admins' }, edited.json().version)
    expect(other.json().hiddenByAdmin).toBe(true)
    await patch({ visibility: 'members' }, other.json().version)
  })
})

describe('avatar', () => {
  const upload = (user: TestUser, file: Buffer, name: string, type: string, lang = 'en') =>
    as(
      t.app,
      user,
    )({
      method: 'PUT',
      url: `${base}/me/avatar`,
      ...multipart(file, name, type),
      headers: { ...multipart(file, name, type).headers, 'accept-language': lang },
    })

  it('accepts a real PNG and serves it through a short signed link', async () => {
    const response = await upload(lucia, PNG, 'yo.png', 'image/png')
    expect(response.statusCode).toBe(200)
    const fileId = response.json().avatarFileId
    expect(fileId).toEqual(expect.any(String))
    const redirect = await as(t.app, jose)({ method: 'GET', url: `${base}/${lucia.id}/avatar?v=${fileId}` })
    expect(redirect.statusCode).toBe(302)
    const location = new URL(String(redirect.headers.location))
    expect(location.pathname).toMatch(/^\/api\/files\//)
    const image = await t.app.inject({ method: 'GET', url: location.pathname })
    expect(image.statusCode).toBe(200)
    expect(image.rawPayload.equals(PNG)).toBe(true)
    expect(image.headers['content-type']).toContain('image/png')
    const asJson = await as(t.app, jose)({ method: 'GET', url: `${base}/${lucia.id}/avatar?link=1` })
    expect(asJson.statusCode).toBe(200)
    expect(asJson.json()).toEqual({
      url: expect.stringContaining('/api/files/'),
      expiresAt: expect.any(String),
    })
  })

  it('refuses a PDF named .png, a non-image and a picture over 2 MB (422, field file)', async () => {
    const disguised = await upload(lucia, PDF, 'foto.png', 'image/png')
    expect(disguised.statusCode).toBe(422)
    expect(disguised.json().errors[0].path).toBe('file')
    const pdf = await upload(lucia, PDF, 'hoja.pdf', 'application/pdf', 'es')
    expect(pdf.statusCode).toBe(422)
    expect(pdf.json().errors[0].message).toContain('Este tipo de archivo no se permite aquí')
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])
    const oversize = await upload(lucia, big, 'grande.png', 'image/png')
    expect(oversize.statusCode).toBe(422)
    expect(oversize.json().errors).toEqual([
      { path: 'file', message: 'A profile picture may be at most 2 MB' },
    ])
    expect((await as(t.app, lucia)({ method: 'GET', url: `${base}/me` })).json().avatarFileId).not.toBeNull()
  })

  it('removes the avatar', async () => {
    const removed = await as(t.app, lucia)({ method: 'DELETE', url: `${base}/me/avatar` })
    expect(removed.statusCode).toBe(204)
    expect((await as(t.app, jose)({ method: 'GET', url: `${base}/${lucia.id}/avatar` })).statusCode).toBe(404)
    expect((await as(t.app, lucia)({ method: 'DELETE', url: `${base}/me/avatar` })).statusCode).toBe(404)
  })
})

describe('admin creates a never-saved profile and the demo seed', () => {
  it('PATCH with If-Match "0" creates the profile of a member who never saved one', async () => {
    const fresh = await signUp(t.app, 'Nueva Persona')
    await addMember(t.app, owner, org.slug, fresh)
    const read = await as(t.app, owner)({ method: 'GET', url: `${base}/${fresh.id}` })
    expect(read.headers.etag).toBe('"0"')
    const created = await as(
      t.app,
      owner,
    )({
      method: 'PATCH',
      url: `${base}/${fresh.id}`,
      headers: { 'if-match': '"0"' },
      payload: { headline: 'Recién llegada' },
    })
    expect(created.statusCode).toBe(200)
    expect(created.json()).toMatchObject({
      headline: 'Recién llegada',
      version: 1,
      timezone: 'America/Bogota',
    })
  })

  it('seeds the demo admin profile of community and incubator orgs', async () => {
    for (const kind of ['community', 'incubator']) {
      const demo = await createOrg(t.app, owner, { kind })
      await withOrg(t.database.db, demo.id, (tx) =>
        profilesModule.seedDemo!({
          db: tx,
          orgId: demo.id,
          actor: { userId: owner.id, role: 'owner' },
          requestId: 'seed',
          now: new Date(),
          ip: null,
        }),
      )
      const skills = await as(
        t.app,
        owner,
      )({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/profiles/skills` })
      expect(skills.json().items.length, kind).toBeGreaterThan(3)
      const me = (
        await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/profiles/me` })
      ).json()
      expect(me.municipality?.departmentName, kind).toBe('Valle del Cauca')
    }
  })
})

describe('cross-org', () => {
  it("org B's people see nothing of org A's profiles", async () => {
    const orgB = await createOrg(t.app, outsider, { kind: 'community' })
    const baseB = `/api/v1/orgs/${orgB.slug}/profiles`
    const a = as(t.app, outsider)
    expect((await a({ method: 'GET', url: base })).statusCode).toBe(404)
    expect((await a({ method: 'GET', url: `${base}/${jose.id}` })).statusCode).toBe(404)
    // A's member ids under B's own slug: not members of B, so not found.
    expect((await a({ method: 'GET', url: `${baseB}/${jose.id}` })).statusCode).toBe(404)
    expect((await a({ method: 'GET', url: `${baseB}/${jose.id}/avatar` })).statusCode).toBe(404)
    const patch = await a({
      method: 'PATCH',
      url: `${baseB}/${jose.id}`,
      headers: { 'if-match': '"0"' },
      payload: { headline: 'Pisado por B' },
    })
    expect(patch.statusCode).toBe(404)
    const listB = (await a({ method: 'GET', url: baseB })).json()
    expect(listB.items.map((p: { userId: string }) => p.userId)).toEqual([outsider.id])
    expect(listB.facets.skills).toEqual({})
    const jose2 = (await as(t.app, owner)({ method: 'GET', url: `${base}/${jose.id}` })).json()
    expect(jose2.headline).toBe('Backend (editado)')
  })
})
