import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  grantRole,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { nitCheckDigit } from '../../finance/domain/index.ts'
import { settled, uploadAs } from './people-import-helpers.ts'

let t: TestApp
let admin: TestUser
let reader: TestUser
let member: TestUser
let slug: string
const api = (path: string) => `/api/v1/orgs/${slug}${path}`
const NIT = '800765432'

const rowsOf = (body: string) =>
  Papa.parse<Record<string, string>>(body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data

beforeAll(async () => {
  t = await createTestApp()
  admin = await signUp(t.app, 'Admin')
  reader = await signUp(t.app, 'Lectora')
  member = await signUp(t.app, 'Asociado')
  const org = await createOrg(t.app, admin, { kind: 'savings_credit' })
  slug = org.slug
  await addMember(t.app, admin, slug, reader)
  await addMember(t.app, admin, slug, member)
  await grantRole(t.app, admin, slug, reader, {
    key: 'lectura',
    name: 'Lectura',
    permissions: ['people:read'],
  })
  const people = [
    {
      documentType: 'CC',
      documentNumber: '1020304050',
      firstNames: 'Ana María',
      lastNames: 'Gómez',
      birthDate: '1990-05-01',
      emails: ['ana@example.test'],
      phones: ['3101234567'],
      address: { line: 'Calle 1 # 2-3', departmentCode: '05', municipalityCode: '05001' },
      employerName: 'Empresa, S.A.S.',
      position: 'Analista',
      salary: 2_500_000,
      joinedOn: '2020-01-15',
      tags: ['ahorro', 'junta'],
    },
    { documentType: 'CE', documentNumber: '456789', firstNames: 'Omar', lastNames: 'Díaz', tags: ['ahorro'] },
    {
      documentType: 'CC',
      documentNumber: '79000111',
      firstNames: 'Pedro "Pepe"',
      lastNames: 'Ríos',
      tags: [],
    },
    {
      documentType: 'NIT',
      documentNumber: NIT,
      nitCheckDigit: String(nitCheckDigit(NIT)),
      kind: 'legal',
      businessName: 'Cooperativa Ñandú',
      tags: ['ahorro'],
    },
  ]
  for (const payload of people) {
    const response = await as(t.app, admin)({ method: 'POST', url: api('/people'), payload })
    expect(response.statusCode, response.body).toBe(201)
  }
}, 60_000)
afterAll(() => t?.close())

describe('people export', () => {
  it('exports the filtered list as CSV with every value to a holder of people:read_sensitive', async () => {
    const response = await as(t.app, admin)({ method: 'GET', url: api('/people/export?tags=ahorro') })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="personas-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    expect(response.body.startsWith('\uFEFFTipo de documento,Número de documento,Nombres')).toBe(true)
    const rows = rowsOf(response.body)
    expect(rows).toHaveLength(3)
    const ana = rows.find((r) => r.Nombres === 'Ana María')
    expect(ana).toMatchObject({
      'Número de documento': '1020304050',
      Teléfonos: '3101234567',
      Salario: '2500000',
      'Correo electrónico': 'ana@example.test',
      Empresa: 'Empresa, S.A.S.',
      Departamento: '05',
      Municipio: '05001',
      Etiquetas: 'ahorro, junta',
      Estado: 'activo',
    })
    const coop = rows.find((r) => r['Razón social'] === 'Cooperativa Ñandú')
    expect(coop?.['Número de documento']).toBe(`${NIT}-${nitCheckDigit(NIT)}`)
    const audit = await as(t.app, admin)({ method: 'GET', url: api('/audit?action=people.exported') })
    expect(audit.json().items[0].changes).toMatchObject({
      format: { to: 'csv' },
      rowCount: { to: 3 },
      filters: { to: { tags: 'ahorro' } },
    })
  })

  it('masks documents and phones and leaves out the salary column without people:read_sensitive', async () => {
    const response = await as(t.app, reader)({ method: 'GET', url: api('/people/export') })
    expect(response.statusCode, response.body).toBe(200)
    const rows = rowsOf(response.body)
    expect(rows).toHaveLength(4)
    expect(Object.keys(rows[0]!)).not.toContain('Salario')
    const ana = rows.find((r) => r.Nombres === 'Ana María')
    expect(ana).toMatchObject({ 'Número de documento': '****4050', Teléfonos: '****567' })
    expect(response.body).not.toContain('1020304050')
    expect(response.body).not.toContain('2500000')
  })

  it('exports XLSX with the same columns, every cell as text', async () => {
    const response = await as(t.app, admin)({ method: 'GET', url: api('/people/export?format=xlsx&q=Gómez') })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toContain('Salario')
    expect(sheet.actualRowCount).toBe(2)
    const ana = (sheet.getRow(2).values as unknown[]).slice(1)
    expect(ana[header.indexOf('Número de documento')]).toBe('1020304050')
    expect(ana[header.indexOf('Nombres')]).toBe('Ana María')
  })

  it('needs people:read', async () => {
    expect((await as(t.app, member)({ method: 'GET', url: api('/people/export') })).statusCode).toBe(403)
  })

  it('round-trips: the export imported back has no errors and creates nobody', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await as(t.app, admin)({ method: 'GET', url: api(`/people/export?format=${format}`) })
      const mime =
        format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      const upload = await uploadAs(t, admin, slug, `personas.${format}`, exported.rawPayload, mime)
      expect(upload.statusCode, upload.body).toBe(201)
      const { id, mapping } = upload.json()
      expect(Object.keys(mapping).sort()).toEqual(
        [
          'addressLine',
          'birthDate',
          'businessName',
          'departmentCode',
          'documentNumber',
          'documentType',
          'email',
          'employerName',
          'firstNames',
          'joinedOn',
          'lastNames',
          'municipalityCode',
          'phone',
          'position',
          'salary',
          'tags',
        ].sort(),
      )
      const validate = await as(
        t.app,
        admin,
      )({ method: 'POST', url: api(`/people/imports/${id}/validate`), payload: { mapping } })
      expect(validate.statusCode, validate.body).toBe(202)
      const validated = await settled(t, admin, slug, id)
      expect(validated.errors).toEqual([])
      expect(validated).toMatchObject({ status: 'validated', errorRows: 0, toCreate: 0, toUpdate: 0 })
      const commit = await as(
        t.app,
        admin,
      )({ method: 'POST', url: api(`/people/imports/${id}/commit`), payload: { mode: 'all_or_nothing' } })
      expect(commit.statusCode, commit.body).toBe(202)
      expect(await settled(t, admin, slug, id)).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
    }
  })
})
