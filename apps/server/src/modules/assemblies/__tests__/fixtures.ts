import { inflateSync } from 'node:zlib'
import { expect } from 'vitest'
import { addMember, as, createOrg, type TestApp, type TestUser } from '../../../../test/harness.ts'

export type Seat = { id: string; code: string }

export const orgBase = (slug: string) => `/api/v1/orgs/${slug}`

export function client(t: TestApp, user: TestUser) {
  const call = as(t.app, user)
  return {
    get: (url: string) => call({ method: 'GET', url }),
    post: (url: string, payload: object = {}) => call({ method: 'POST', url, payload }),
    patch: (url: string, payload: object, version: number) =>
      call({ method: 'PATCH', url, payload, headers: { 'if-match': `"${version}"` } }),
  }
}

/** Today in America/Bogota as YYYY-MM-DD. */
export function bogotaToday(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(d)
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/**
 * A housing org with four units (40 %, 30 %, 20 %, 10 %) whose voters are residents r1, r2, r3 and a
 * person without an account (unit 4). Coefficients come in as text ("40").
 */
export async function housingOrg(
  t: TestApp,
  admin: TestUser,
  residents: TestUser[],
  coefficients = ['40', '30', '20', '10'],
) {
  const { slug, id } = await createOrg(t.app, admin, { kind: 'housing' })
  for (const r of residents) await addMember(t.app, admin, slug, r)
  const api = client(t, admin)
  const seats: Seat[] = []
  for (const [i, coefficient] of coefficients.entries()) {
    const code = `T1-${101 + i}`
    const unit = await api.post(`${orgBase(slug)}/units`, {
      code,
      type: 'apartment',
      building: 'Torre 1',
      coefficient,
    })
    expect(unit.statusCode, unit.body).toBe(201)
    const unitId = (unit.json() as { id: string }).id
    const voter = residents[i]
    const holder = await api.post(`${orgBase(slug)}/units/${unitId}/holders`, {
      name: voter ? voter.name : `Propietaria ${code}`,
      ...(voter ? { userId: voter.id } : {}),
      role: 'owner',
      isVoter: true,
    })
    expect(holder.statusCode, holder.body).toBe(201)
    seats.push({ id: unitId, code })
  }
  return { slug, orgId: id, seats }
}

export async function createAssembly(t: TestApp, admin: TestUser, slug: string, overrides: object = {}) {
  const res = await client(t, admin).post(`${orgBase(slug)}/assemblies`, {
    title: 'Asamblea ordinaria 2027',
    firstCallAt: inDays(20),
    noticeSentOn: bogotaToday(),
    agenda: [{ title: 'Presupuesto' }, { title: 'Manual de convivencia' }, { title: 'Obras' }],
    ...overrides,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number; agenda: { id: string }[]; status: string }
}

/** Text shown in a PDF: inflate its streams and decode the hex strings of TJ operators (pdfkit's output). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const contents: string[] = []
  const re = /stream\r?\n/g
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    const bytes = pdf.subarray(start, end)
    try {
      contents.push(inflateSync(bytes).toString('latin1'))
    } catch {
      contents.push(bytes.toString('latin1'))
    }
  }
  const words: string[] = []
  for (const content of contents) {
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hexes = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) =>
        Buffer.from(h[1]!, 'hex').toString('latin1'),
      )
      words.push(hexes.join(''))
    }
  }
  return words.join('\n')
}
