import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  eventually,
  grantRole,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { nitCheckDigit } from '../../finance/domain/index.ts'
import { csv, settled, uploadAs } from './people-import-helpers.ts'

let t: TestApp
let admin: TestUser
let writer: TestUser
let member: TestUser
let slug: string
const api = (path: string) => `/api/v1/orgs/${slug}${path}`

const NIT = '900123456'
const DV = String(nitCheckDigit(NIT))
const BAD_DV = String((Number(DV) + 1) % 10)

const HEADER =
  'Tipo de documento,Número de documento,Nombres,Apellidos,Razón social,Fecha de nacimiento,Correo electrónico,Teléfono,Departamento,Municipio,Salario,Fecha de ingreso,Etiquetas'

const FULL_MAPPING = {
  documentType: 'Tipo de documento',
  documentNumber: 'Número de documento',
  firstNames: 'Nombres',
  lastNames: 'Apellidos',
  businessName: 'Razón social',
  birthDate: 'Fecha de nacimiento',
  email: 'Correo electrónico',
  phone: 'Teléfono',
  departmentCode: 'Departamento',
  municipalityCode: 'Municipio',
  salary: 'Salario',
  joinedOn: 'Fecha de ingreso',
  tags: 'Etiquetas',
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await signUp(t.app, 'Admin')
  writer = await signUp(t.app, 'Registro')
  member = await signUp(t.app, 'Asociado')
  const org = await createOrg(t.app, admin, { kind: 'savings_credit' })
  slug = org.slug
  await addMember(t.app, admin, slug, writer)
  await addMember(t.app, admin, slug, member)
  await grantRole(t.app, admin, slug, writer, {
    key: 'registro',
    name: 'Registro',
    permissions: ['people:read', 'people:write'],
  })
}, 60_000)
afterAll(() => t?.close())

async function validate(
  id: string,
  mapping: Record<string, string> = FULL_MAPPING,
  user = admin,
  extra = {},
) {
  return as(
    t.app,
    user,
  )({ method: 'POST', url: api(`/people/imports/${id}/validate`), payload: { mapping, ...extra } })
}
async function commit(id: string, mode: string, user = admin) {
  return as(t.app, user)({ method: 'POST', url: api(`/people/imports/${id}/commit`), payload: { mode } })
}
async function uploadCsv(lines: string[], name = 'personas.csv', user = admin) {
  const response = await uploadAs(t, user, slug, name, csv(lines))
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}
async function validated(id: string, mapping: Record<string, string> = FULL_MAPPING) {
  const response = await validate(id, mapping)
  expect(response.statusCode, response.body).toBe(202)
  expect(response.json().status).toBe('validating')
  return settled(t, admin, slug, id)
}
async function committed(id: string, mode: string) {
  const response = await commit(id, mode)
  expect(response.statusCode, response.body).toBe(202)
  return settled(t, admin, slug, id)
}
async function findByDocument(number: string) {
  const response = await as(
    t.app,
    admin,
  )({ method: 'POST', url: api('/people/search'), payload: { q: number } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items as { id: string; displayName: string; membershipNumber: number | null }[]
}

describe('people import: upload', () => {
  it('reads a comma CSV: headers, a masked sample and a suggested mapping', async () => {
    const body = await uploadCsv([
      HEADER,
      `CC,1020304050,Ana María,Gómez Ruiz,,1990-05-01,ana@example.test,3101234567,05,05001,"1.500.000",2020-01-15,"ahorro;crédito"`,
    ])
    expect(body).toMatchObject({ status: 'uploaded', format: 'csv', totalRows: 1, fileName: 'personas.csv' })
    expect(body.headers).toEqual(HEADER.split(','))
    expect(body.mapping).toEqual(FULL_MAPPING)
    expect(body.sample[0]).toMatchObject({
      Nombres: 'Ana María',
      'Número de documento': '****4050',
      Teléfono: '****567',
      Salario: '****',
    })
  })

  it('detects semicolons and decodes Windows-1252 accents', async () => {
    const text = 'tipo_doc;cedula;nombres;apellidos;ciudad\r\nCC;52000111;José Ñandú;Peña;11001\r\n'
    const response = await uploadAs(t, admin, slug, 'excel.csv', Buffer.from(text, 'latin1'))
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body.headers).toEqual(['tipo_doc', 'cedula', 'nombres', 'apellidos', 'ciudad'])
    expect(body.sample[0].nombres).toBe('José Ñandú')
    expect(body.mapping).toEqual({
      documentType: 'tipo_doc',
      documentNumber: 'cedula',
      firstNames: 'nombres',
      lastNames: 'apellidos',
      municipalityCode: 'ciudad',
    })
  })

  it('reads the first sheet of an XLSX: dates, plain numbers, rich text and formulas', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Hoja1')
    sheet.addRow(['Tipo documento', 'Documento', 'Nombres', 'Apellidos', 'Fecha nacimiento', 'Salario'])
    sheet.addRow([
      'CC',
      1020304050,
      { richText: [{ text: 'Lu' }, { text: 'cía' }] },
      'Pérez',
      new Date(Date.UTC(1985, 2, 9)),
      { formula: '1000000*2', result: 2000000 },
    ])
    sheet.addRow([])
    sheet.addRow(['CE', 123456789012, 'Omar', 'Díaz', '09/03/1985', 1500000.0])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const response = await uploadAs(
      t,
      admin,
      slug,
      'libro.xlsx',
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({ format: 'xlsx', totalRows: 2 })
    expect(body.sample[0]).toMatchObject({
      Nombres: 'Lucía',
      'Fecha nacimiento': '1985-03-09',
      Documento: '****4050',
    })
    expect(body.mapping).toMatchObject({
      documentNumber: 'Documento',
      birthDate: 'Fecha nacimiento',
      salary: 'Salario',
    })
  })

  it('refuses empty files, missing headers and duplicate header names with 422', async () => {
    const cases: [string, Buffer][] = [
      ['vacio.csv', Buffer.from('\r\n\r\n')],
      ['solo-encabezado.csv', csv(['Tipo,Documento'])],
      ['duplicado.csv', csv(['Nombres,nombres', 'a,b'])],
      ['hueco.csv', csv(['Nombres,,Apellidos', 'a,b,c'])],
    ]
    for (const [name, bytes] of cases) {
      const response = await uploadAs(t, admin, slug, name, bytes, 'text/csv', { 'accept-language': 'es-CO' })
      expect(response.statusCode, `${name}: ${response.body}`).toBe(422)
      expect(response.json().errors[0].path).toBe('file')
    }
    const dup = await uploadAs(t, admin, slug, 'd.csv', csv(['Nombres,nombres', 'a,b']), 'text/csv', {
      'accept-language': 'es',
    })
    expect(dup.json().errors[0].message).toContain('mismo nombre')
    const exe = await uploadAs(t, admin, slug, 'x.pdf', Buffer.from('%PDF-1.4 hola'), 'application/pdf')
    expect(exe.statusCode).toBe(422)
  })

  it('needs people:write; history lists uploads newest first with a cursor', async () => {
    const denied = await uploadAs(t, member, slug, 'p.csv', csv([HEADER]))
    expect(denied.statusCode).toBe(403)
    expect((await as(t.app, member)({ method: 'GET', url: api('/people/imports') })).statusCode).toBe(403)
    const first = await as(t.app, writer)({ method: 'GET', url: api('/people/imports?limit=2') })
    expect(first.statusCode, first.body).toBe(200)
    const page = first.json()
    expect(page.items).toHaveLength(2)
    expect(page.nextCursor).toBeTruthy()
    const second = await as(
      t.app,
      writer,
    )({ method: 'GET', url: api(`/people/imports?limit=2&cursor=${page.nextCursor}`) })
    expect(second.json().items[0].createdAt <= page.items[1].createdAt).toBe(true)
    expect(page.items[0].createdAt >= page.items[1].createdAt).toBe(true)
  })
  it('refuses files over 20 MB (413) and over 100,000 rows (422)', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a')
    const tooLarge = await uploadAs(t, admin, slug, 'grande.csv', big)
    expect(tooLarge.statusCode, tooLarge.body).toBe(413)
    const many = csv(['Tipo,Documento', ...Array.from({ length: 100_001 }, (_, i) => `CC,${i}`)])
    const tooMany = await uploadAs(t, admin, slug, 'muchas.csv', many, 'text/csv', {
      'accept-language': 'es',
    })
    expect(tooMany.statusCode, tooMany.body).toBe(422)
    expect(tooMany.json().errors[0].message).toContain('100.000')
  })
})

describe('people import: mapping checks', () => {
  it('refuses unknown headers, a header twice, missing document or names (422 per field)', async () => {
    const { id } = await uploadCsv([HEADER, 'CC,1000000001,A,B,,,,,,,,,'])
    const bad = await validate(id, {
      documentType: 'Tipo de documento',
      documentNumber: 'No existe',
      firstNames: 'Nombres',
      lastNames: 'Nombres',
    })
    expect(bad.statusCode, bad.body).toBe(422)
    const paths = bad.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.mapping.documentNumber', 'body.mapping.lastNames']))
    // The import was uploaded in Spanish (the default), so its mapping problems are in Spanish too.
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'body.mapping.documentNumber', message: 'El archivo no tiene la columna «No existe»' },
        { path: 'body.mapping.lastNames', message: 'La columna «Nombres» ya está asignada a otro campo' },
      ]),
    )
    const noDoc = await validate(id, { firstNames: 'Nombres', lastNames: 'Apellidos' })
    expect(noDoc.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.mapping.documentType', 'body.mapping.documentNumber']),
    )
    const noNames = await validate(id, {
      documentType: 'Tipo de documento',
      documentNumber: 'Número de documento',
    })
    expect(noNames.statusCode).toBe(422)
    expect(noNames.json().errors[0].path).toBe('body.mapping.firstNames')
  })

  it('answers 409 while a job runs, unless it has been stuck for half an hour', async () => {
    const { id } = await uploadCsv([HEADER, 'CC,1000000003,A,B,,,,,,,,,'])
    await t.database.db.execute(sql`update person_imports set status = 'validating' where id = ${id}`)
    expect((await validate(id)).statusCode).toBe(409)
    expect((await commit(id, 'valid_only')).statusCode).toBe(409)
    await t.database.db.execute(
      sql`update person_imports set updated_at = now() - interval '31 minutes' where id = ${id}`,
    )
    expect((await validate(id)).statusCode).toBe(202)
    expect(await settled(t, admin, slug, id)).toMatchObject({ status: 'validated', errorRows: 0 })
  })

  it('refuses phone or salary mappings without people:read_sensitive (403)', async () => {
    const { id } = await uploadCsv([HEADER, 'CC,1000000002,A,B,,,,,,,,,'], 'p.csv', writer)
    const response = await validate(id, FULL_MAPPING, writer)
    expect(response.statusCode, response.body).toBe(403)
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.mapping.phone', 'body.mapping.salary'])
    const { phone: _p, salary: _s, ...plain } = FULL_MAPPING
    expect((await validate(id, plain, writer)).statusCode).toBe(202)
    await settled(t, writer, slug, id)
  })
})

describe('people import: validation, report and commit', () => {
  const future = `${new Date().getUTCFullYear() + 1}-01-01`
  const lines = [
    HEADER,
    'CC,71000001,Ana,Gómez,,1990-05-01,ana@example.test,+57 310 123 4567,05,05001,$ 1.500.000,15/01/2020,ahorro',
    'CC,12A,Beto,Ruiz,,,,,,,,,', // 3: invalid CC
    `NIT,${NIT}-${BAD_DV},,,Cooperativa X,,,,,,,,`, // 4: bad NIT DV
    'CC,71000002,Carla,Díaz,,2024-02-30,,,,,,,', // 5: impossible date
    `CC,71000003,Dora,Paz,,,,,,,,${future},`, // 6: future date
    'C.C.,71000001,Ana,Gómez,,,,,,,,,', // 7: duplicate of row 2
    'CC,71000004,,Soto,,,,,,,,,', // 8: missing first names
    'CC,71000005,Elsa,Mora,,,elsa@,,,,,,', // 9: bad email
    'CC,71000006,Fabio,Rey,,,,,77,,,,', // 10: bad department
    '',
    `NIT,${NIT}-${DV},,,Cooperativa Buena,,,,,,,,proveedor`, // 12: valid legal entity
    'cédula de ciudadanía,71000007,Gina,León,,01/02/1980,,3001234567,11,11001,2000000,2010-03-04,"a;b"', // 13
  ]
  let id: string

  it('reports each problem as (row, column, message) in the importer language', async () => {
    id = (await uploadCsv(lines)).id
    const body = await validated(id)
    expect(body).toMatchObject({
      status: 'validated',
      totalRows: 11,
      errorRows: 8,
      validRows: 3,
      toCreate: 3,
      toUpdate: 0,
    })
    const at = (row: number) => body.errors.filter((e) => e.row === row)
    expect(at(3)).toEqual([
      { row: 3, column: 'Número de documento', message: 'Un número de CC tiene de 3 a 10 dígitos' },
    ])
    expect(at(4)[0]).toMatchObject({
      column: 'Número de documento',
      message: expect.stringContaining('dígito de verificación'),
    })
    expect(at(5)[0]).toMatchObject({
      column: 'Fecha de nacimiento',
      message: expect.stringContaining('no es una fecha real'),
    })
    expect(at(6)[0]).toMatchObject({ column: 'Fecha de ingreso', message: expect.stringContaining('futuro') })
    expect(at(7)[0]).toMatchObject({
      column: 'Número de documento',
      message: expect.stringContaining('fila 2'),
    })
    expect(at(8)[0]).toMatchObject({ column: 'Nombres', message: expect.stringContaining('nombres') })
    expect(at(9)[0]).toMatchObject({ column: 'Correo electrónico' })
    expect(at(10)[0]).toMatchObject({ column: 'Departamento', message: expect.stringContaining('77') })
    expect(body.errors.map((e) => e.row)).toEqual([...body.errors.map((e) => e.row)].sort((a, b) => a - b))
  })

  it('pages the errors by row and gives them all as a CSV report', async () => {
    const first = await as(t.app, admin)({ method: 'GET', url: api(`/people/imports/${id}/errors?limit=3`) })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().items.map((e: { row: number }) => e.row)).toEqual([3, 4, 5])
    const second = await as(
      t.app,
      admin,
    )({
      method: 'GET',
      url: api(`/people/imports/${id}/errors?limit=10&cursor=${first.json().nextCursor}`),
    })
    expect(second.json().items.map((e: { row: number }) => e.row)).toEqual([6, 7, 8, 9, 10])
    expect(second.json().nextCursor).toBeNull()
    const report = await as(t.app, admin)({ method: 'GET', url: api(`/people/imports/${id}/report.csv`) })
    expect(report.statusCode).toBe(200)
    expect(report.headers['content-type']).toContain('text/csv')
    expect(report.headers['content-disposition']).toContain('attachment')
    expect(report.body.startsWith('\uFEFFfila,columna,mensaje\r\n')).toBe(true)
    expect(report.body).toContain('3,Número de documento,Un número de CC tiene de 3 a 10 dígitos')
    expect(report.body.trim().split('\r\n')).toHaveLength(9)
  })

  it('all or nothing with errors is refused (422) and writes nothing', async () => {
    const response = await commit(id, 'all_or_nothing')
    expect(response.statusCode, response.body).toBe(422)
    expect(await findByDocument('71000001')).toEqual([])
  })

  it('valid only writes the valid rows and counts the skipped ones', async () => {
    const body = await committed(id, 'valid_only')
    expect(body).toMatchObject({ status: 'committed', created: 3, updated: 0, unchanged: 0, skipped: 8 })
    const [ana] = await findByDocument('71000001')
    expect(ana?.displayName).toBe('Ana Gómez')
    const person = (await as(t.app, admin)({ method: 'GET', url: api(`/people/${ana!.id}`) })).json()
    expect(person).toMatchObject({
      status: 'activo',
      birthDate: '1990-05-01',
      joinedOn: '2020-01-15',
      emails: ['ana@example.test'],
      phones: ['+573101234567'],
      salary: 1_500_000,
      tags: ['ahorro'],
      address: { departmentCode: '05', municipalityCode: '05001' },
    })
    const [coop] = await findByDocument(NIT)
    expect(coop?.displayName).toBe('Cooperativa Buena')
    const history = (await as(t.app, admin)({ method: 'GET', url: api(`/people/${ana!.id}/history`) })).json()
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['person.imported'])
    expect(history.statusHistory).toHaveLength(1)
    expect((await commit(id, 'valid_only')).statusCode).toBe(409)
    expect((await validate(id)).statusCode).toBe(409)
  })

  it('re-importing the same rows changes nothing; changed values update and show in the history', async () => {
    const good = [lines[0]!, lines[1]!, lines[11]!, lines[12]!]
    const again = await uploadCsv(good)
    const checked = await validated(again.id)
    expect(checked).toMatchObject({ errorRows: 0, toCreate: 0, toUpdate: 0 })
    const same = await committed(again.id, 'all_or_nothing')
    expect(same).toMatchObject({ status: 'committed', created: 0, updated: 0, unchanged: 3 })

    const changed = [
      lines[0]!,
      lines[1]!.replace('ahorro', 'ahorro;vivienda').replace('$ 1.500.000', '1800000'),
      lines[11]!,
    ]
    const next = await uploadCsv(changed)
    await validated(next.id)
    const body = await committed(next.id, 'all_or_nothing')
    expect(body).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const [ana] = await findByDocument('71000001')
    const person = (await as(t.app, admin)({ method: 'GET', url: api(`/people/${ana!.id}`) })).json()
    expect(person).toMatchObject({
      tags: ['ahorro', 'vivienda'],
      salary: 1_800_000,
      firstNames: 'Ana',
      version: 2,
    })
    const history = (await as(t.app, admin)({ method: 'GET', url: api(`/people/${ana!.id}/history`) })).json()
    const last = history.items.at(-1)
    expect(last.action).toBe('person.imported')
    expect(last.changes).toMatchObject({
      tags: { from: ['ahorro'], to: ['ahorro', 'vivienda'] },
      salary: { from: '[protected]', to: '[protected, changed]' },
    })
    const audit = await as(t.app, admin)({ method: 'GET', url: api('/audit?action=people.imported') })
    expect(audit.statusCode, audit.body).toBe(200)
    expect(audit.json().items[0].changes).toMatchObject({ updated: { to: 1 }, unchanged: { to: 1 } })
  })

  it('a row changing part of a record must agree with the rest of it', async () => {
    const { id: importId } = await uploadCsv([
      'Tipo de documento,Número de documento,Nombres,Apellidos,Fecha de ingreso,Departamento',
      'CC,71000001,Ana,Gómez,1980-01-01,', // Ana was born in 1990
      'cédula,71000007,Gina,León,,05', // Gina lives in Bogotá (11001)
    ])
    const body = await validated(importId, {
      documentType: 'Tipo de documento',
      documentNumber: 'Número de documento',
      firstNames: 'Nombres',
      lastNames: 'Apellidos',
      joinedOn: 'Fecha de ingreso',
      departmentCode: 'Departamento',
    })
    expect(body).toMatchObject({ errorRows: 2, toUpdate: 0 })
    expect(body.errors).toEqual([
      { row: 2, column: 'Fecha de ingreso', message: 'La fecha de ingreso es anterior a la de nacimiento' },
      { row: 3, column: 'Departamento', message: expect.stringContaining('11001') },
    ])
  })

  it('assigns membership numbers from the counter when asked', async () => {
    const { id: importId } = await uploadCsv([
      HEADER,
      'CC,72000001,Hugo,Lara,,,,,,,,,',
      'CC,72000002,Iris,Lara,,,,,,,,,',
    ])
    const response = await validate(importId, FULL_MAPPING, admin, { assignMembershipNumbers: true })
    expect(response.statusCode).toBe(202)
    await settled(t, admin, slug, importId)
    await committed(importId, 'all_or_nothing')
    const [hugo] = await findByDocument('72000001')
    const [iris] = await findByDocument('72000002')
    expect(hugo?.membershipNumber).toBeGreaterThan(0)
    expect(iris?.membershipNumber).toBe((hugo?.membershipNumber ?? 0) + 1)
  })

  it('a large import refreshes the planner statistics of the search tables', async () => {
    const analyzedAt = async () => {
      const result = await t.database.db.execute<{ at: string | null }>(
        sql`select greatest(last_analyze, last_autoanalyze)::text as at from pg_stat_user_tables where relname = 'people'`,
      )
      return result.rows[0]?.at ?? null
    }
    const before = await analyzedAt()
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `CC,${74_500_000 + i},Socio ${i},Estadística,,,,,,,,,`,
    )
    const { id: importId } = await uploadCsv([HEADER, ...rows])
    expect((await validated(importId)).errorRows).toBe(0)
    expect((await committed(importId, 'all_or_nothing')).created).toBe(1000)
    await eventually(async () => (await analyzedAt()) !== before, 10_000)
  })

  it('the commit re-validates against the registry as it is then', async () => {
    const { id: importId } = await uploadCsv([
      HEADER,
      'CC,73000001,Juan,Mesa,,,,,,,,,',
      'CC,73000002,Kelly,Mesa,,,,,,,,,',
    ])
    expect(await validated(importId)).toMatchObject({ toCreate: 2, errorRows: 0 })
    const created = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api('/people'),
      payload: { documentType: 'CC', documentNumber: '73000002', firstNames: 'Kelly', lastNames: 'Mesa' },
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(await committed(importId, 'all_or_nothing')).toMatchObject({
      status: 'committed',
      created: 1,
      unchanged: 1,
    })
  })

  it('all or nothing rolls everything back when a row fails at commit time', async () => {
    const { id: importId } = await uploadCsv([
      HEADER,
      'CC,74000001,Luis,Vega,,,,,,,,,',
      'CC,71000001,Ana,Gómez,,,,,,,,,',
    ])
    expect(await validated(importId)).toMatchObject({ toCreate: 1, errorRows: 0 })
    // A record that became untouchable after the validation (anonymized, still matched).
    const [ana] = await findByDocument('71000001')
    await t.database.db.execute(sql`update people set anonymized_at = now() where id = ${ana!.id}`)
    const body = await committed(importId, 'all_or_nothing')
    expect(body).toMatchObject({ status: 'failed', errorRows: 1, created: null })
    expect(body.failureMessage).toContain('no se importó nada')
    expect(body.errors).toEqual([
      { row: 3, column: 'Número de documento', message: expect.stringContaining('anonimizada') },
    ])
    expect(await findByDocument('74000001')).toEqual([])
    await t.database.db.execute(sql`update people set anonymized_at = null where id = ${ana!.id}`)
  })

  it('English importers get English messages and report columns', async () => {
    const response = await uploadAs(
      t,
      admin,
      slug,
      'en.csv',
      csv([HEADER, 'XX,1,A,B,,,,,,,,,']),
      'text/csv',
      {
        'accept-language': 'en-US,en;q=0.9',
      },
    )
    const { id: importId } = response.json()
    const body = await validated(importId)
    expect(body.errors[0]).toMatchObject({
      row: 2,
      column: 'Tipo de documento',
      message: expect.stringContaining('Unknown document type'),
    })
    const report = await as(
      t.app,
      admin,
    )({ method: 'GET', url: api(`/people/imports/${importId}/report.csv`) })
    expect(report.body.startsWith('\uFEFFrow,column,message')).toBe(true)
  })
})

describe('people import: progress over realtime', () => {
  const sockets: Socket[] = []
  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  it('pushes progress and the final status to the importing user', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const socket = io(url, { transports: ['websocket'], auth: { token: admin.token }, reconnection: false })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve)
      socket.on('connect_error', reject)
    })
    const events: { importId: string; status: string; processed: number; total: number }[] = []
    socket.on('people.import.progress', (e) => events.push(e))
    const rows = Array.from({ length: 2500 }, (_, i) => `CC,${80000000 + i},Nombre${i},Apellido,,,,,,,,,`)
    const { id } = await uploadCsv([HEADER, ...rows])
    await validated(id)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const mine = events.filter((e) => e.importId === id)
    expect(mine.filter((e) => e.status === 'validating').map((e) => e.processed)).toEqual([1000, 2000])
    expect(mine.at(-1)).toEqual({ importId: id, status: 'validated', processed: 2500, total: 2500 })
  })
})
