import type { PersonImport } from '@minga/contracts'
import { fakeApi, json } from '../../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../../test/fixtures.ts'

export const base = '/api/v1/orgs/coop-la-minga'
export const importId = '0190f7a0-0000-7000-8000-0000000000f1'

/** An import as the server returns it right after the upload; override per step. */
export function makeImport(overrides: Partial<PersonImport> = {}): PersonImport {
  return {
    id: importId,
    fileName: 'asociados.csv',
    format: 'csv',
    status: 'uploaded',
    headers: ['Tipo Doc', 'Cédula', 'Nombres', 'Apellidos', 'Correo', 'Celular'],
    sample: [
      {
        'Tipo Doc': 'CC',
        Cédula: '****5678',
        Nombres: 'José',
        Apellidos: 'García',
        Correo: 'jose@example.co',
        Celular: '****567',
      },
      { 'Tipo Doc': 'NIT', Cédula: '****4567', Nombres: '', Apellidos: '', Correo: '', Celular: '' },
    ],
    mapping: {
      documentType: 'Tipo Doc',
      documentNumber: 'Cédula',
      firstNames: 'Nombres',
      lastNames: 'Apellidos',
      email: 'Correo',
    },
    assignMembershipNumbers: false,
    mode: null,
    totalRows: 2500,
    validRows: null,
    errorRows: null,
    toCreate: null,
    toUpdate: null,
    created: null,
    updated: null,
    unchanged: null,
    skipped: null,
    failureMessage: null,
    errors: [],
    createdBy: 'user-ana',
    createdAt: '2026-11-21T14:00:00.000Z',
    updatedAt: '2026-11-21T14:00:00.000Z',
    ...overrides,
  }
}

export const validated = (overrides: Partial<PersonImport> = {}) =>
  makeImport({
    status: 'validated',
    validRows: 2497,
    errorRows: 3,
    toCreate: 2000,
    toUpdate: 497,
    updatedAt: '2026-11-21T14:05:00.000Z',
    ...overrides,
  })

/** The shell (session, org, permissions) plus the routes a test adds. */
export function importApi(routes: Parameters<typeof fakeApi>[0] = {}, options: { write?: boolean } = {}) {
  const org = makeOrg({ kind: 'savings_credit', enabledModules: ['people'], role: 'admin' })
  const write = options.write !== false
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () =>
      json({ role: org.role, all: write, permissions: write ? [] : ['people:read'], branches: [] }),
    [`GET ${base}/people/imports`]: () => json({ items: [], nextCursor: null }),
    ...routes,
  })
}
