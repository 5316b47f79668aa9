import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { systemContext } from '../../../platform/service-context.ts'
import { anonymizePerson } from '../index.ts'

// Ranked, word-by-word name search (people.search.ts): spellings per typed word from the org's name
// dictionary, best match first, offset cursors, facets over the same matches, whole-name fallback.
let t: TestApp
let admin: TestUser
let other: TestUser
let slug: string
let orgId: string
let otherSlug: string
let doc = 30_000_000

const people = (s: string) => `/api/v1/orgs/${s}/people`

async function person(firstNames: string, lastNames: string, extra: Record<string, unknown> = {}, s = slug) {
  const user = s === slug ? admin : other
  const response = await as(
    t.app,
    user,
  )({
    method: 'POST',
    url: people(s),
    payload: { documentType: 'CC', documentNumber: String(++doc), firstNames, lastNames, ...extra },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json() as { id: string; displayName: string }
}

async function search(q: string, params = '', s = slug) {
  const response = await as(
    t.app,
    s === slug ? admin : other,
  )({
    method: 'GET',
    url: `${people(s)}?q=${encodeURIComponent(q)}${params}`,
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as {
    items: { id: string; displayName: string }[]
    nextCursor: string | null
    facets: { status: Record<string, number>; tags: Record<string, number> }
  }
}

const names = (page: { items: { displayName: string }[] }) => page.items.map((p) => p.displayName)

let joseGarcia: { id: string }
beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app)
  other = await signUp(t.app)
  const org = await createOrg(t.app, admin, { kind: 'savings_credit' })
  slug = org.slug
  orgId = org.id
  otherSlug = (await createOrg(t.app, other)).slug
  joseGarcia = await person('José', 'García Restrepo', { tags: ['fundador'] })
  await person('José Luis', 'Gaitán Mora', { tags: ['fundador'] })
  await person('María José', 'Garcés Peña')
  await person('Josefina', 'Osorio García', { tags: ['delegado'] })
  await person('Pedro', 'Zuluaga Henao')
  const inactive = await person('Josué', 'García Rincón')
  await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `${people(slug)}/${inactive.id}/status`,
    payload: { status: 'inactivo', reason: 'Retiro voluntario' },
  })
  // Another org's names never widen or answer this org's search.
  await person('Xiomara', 'Quintero', {}, otherSlug)
}, 60_000)

afterAll(async () => {
  await t?.close()
})

describe('ranked name search', () => {
  it('puts the closest spelling first for a misspelt name', async () => {
    const page = await search('jose garzia')
    expect(page.items[0]?.id).toBe(joseGarcia.id)
    // Every typed word must match a word of the name: Pedro Zuluaga is not a "jose garzia".
    expect(names(page)).not.toContain('Pedro Zuluaga Henao')
    // "jose" is somebody's word, so "Josué" (a farther spelling) is not brought in with it.
    expect(names(page)).not.toContain('Josué García Rincón')
    expect(names(await search('josue garcia'))).toEqual(['Josué García Rincón'])
  })

  it('matches the word being typed as a prefix', async () => {
    expect(names(await search('zulu'))).toEqual(['Pedro Zuluaga Henao'])
    expect(names(await search('osorio garc'))).toEqual(['Josefina Osorio García'])
  })

  it('counts facets over the matches; the status facet ignores its own filter', async () => {
    // "garcia" is a word of the registry, so the near spelling "Garcés" is left out; a typo that is
    // nobody's word ("garcya") brings both.
    const all = await search('garcia')
    expect(names(all)).not.toContain('María José Garcés Peña')
    expect(names(await search('garcya'))).toEqual(expect.arrayContaining(['María José Garcés Peña']))
    expect(all.facets.status).toEqual({ activo: 2, inactivo: 1 })
    expect(all.facets.tags).toEqual({ fundador: 1, delegado: 1 })
    const active = await search('garcia', '&status=activo')
    expect(names(active).sort()).toEqual(['Josefina Osorio García', 'José García Restrepo'].sort())
    expect(active.facets.status).toEqual({ activo: 2, inactivo: 1 })
    const tagged = await search('garcia', '&tags=delegado')
    expect(names(tagged)).toEqual(['Josefina Osorio García'])
  })

  it('pages through the ranking with an offset cursor, without repeats', async () => {
    const first = await search('jose', '&limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const second = await search('jose', `&limit=2&cursor=${first.nextCursor}`)
    const third = second.nextCursor ? await search('jose', `&limit=2&cursor=${second.nextCursor}`) : null
    const seen = [...first.items, ...second.items, ...(third?.items ?? [])].map((p) => p.id)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toContain(joseGarcia.id)
    const bad = await as(t.app, admin)({ method: 'GET', url: `${people(slug)}?q=jose&cursor=bm9wZQ` })
    expect(bad.statusCode).toBe(400)
  })

  it('falls back to people with all typed words but one, closest whole name first', async () => {
    // Nobody is called "qwxz": with four words typed, three must match.
    const page = await search('jose garcia restrepo qwxz')
    expect(page.items[0]?.id).toBe(joseGarcia.id)
    expect(names(page)).not.toContain('Josefina Osorio García')
    // With two words typed, one is enough.
    const two = await search('garcia qwxz')
    expect(names(two)).toContain('Josefina Osorio García')
    const first = await search('garcia qwxz', '&limit=1')
    const second = await search('garcia qwxz', `&limit=1&cursor=${first.nextCursor}`)
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id)
    expect((await search('qwxz zzyq')).items).toEqual([])
  })

  it("never matches another org's names", async () => {
    expect((await search('xiomara')).items).toEqual([])
    expect(names(await search('xiomara', '', otherSlug))).toEqual(['Xiomara Quintero'])
  })

  it('forgets the words of an anonymized name that nobody else bears', async () => {
    const rare = await person('Eufrasia', 'Quimbaya García')
    expect(names(await search('eufrasia'))).toEqual(['Eufrasia Quimbaya García'])
    await withOrg(t.database.db, orgId, (tx) =>
      anonymizePerson(systemContext(tx, orgId, 'test'), rare.id, 'Supresión'),
    )
    const words = await withOrg(t.database.db, orgId, async (tx) => {
      const result = await tx.execute<{ word: string }>(sql`select word from person_name_words`)
      return result.rows.map((r) => r.word)
    })
    expect(words).not.toContain('eufrasia')
    expect(words).not.toContain('quimbaya')
    expect(words).toContain('garcia')
    expect((await search('eufrasia')).items).toEqual([])
  })
})
