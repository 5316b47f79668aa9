import type { HolderRole, ImportRowError, ImportUnitsResult, UnitType } from '@minga/contracts'
import Papa from 'papaparse'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { AppError } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { coefficientsFromAreas, formatCoefficient, parseCoefficient } from '../assemblies/domain/index.ts'
import { addHolder } from './holders.service.ts'
import { areaHundredths, coefficientCheckOf, coefficientProblem, normalizeArea } from './units.fields.ts'
import * as repo from './units.repository.ts'
import { createUnit, updateUnit } from './units.service.ts'

export const MAX_IMPORT_ROWS = 5000

const TYPE_NAMES: Record<string, UnitType> = {
  apartment: 'apartment',
  apartamento: 'apartment',
  apto: 'apartment',
  house: 'house',
  casa: 'house',
  commercial: 'commercial',
  local: 'commercial',
  parking: 'parking',
  parqueadero: 'parking',
  storage: 'storage',
  deposito: 'storage',
  depósito: 'storage',
}
const ROLE_NAMES: Record<string, HolderRole> = {
  owner: 'owner',
  propietario: 'owner',
  propietaria: 'owner',
  tenant: 'tenant',
  arrendatario: 'tenant',
  arrendataria: 'tenant',
  representative: 'representative',
  representante: 'representative',
}
const CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type ParsedRow = {
  row: number
  code: string
  type: UnitType
  building: string | null
  area: string | null
  coefficient: string | null
  holder: { name: string; email: string | null; role: HolderRole } | null
}

export type ImportOptions = { dryRun: boolean; coefficientsFromAreas: boolean }

/** Reads the CSV into rows, collecting every problem as (row, column, message) instead of stopping. */
export function parseUnitsCsv(csv: string, options: Pick<ImportOptions, 'coefficientsFromAreas'>) {
  const errors: ImportRowError[] = []
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  })
  const columns = parsed.meta.fields ?? []
  const required = ['code', 'type', options.coefficientsFromAreas ? 'area' : 'coefficient']
  for (const column of required) {
    if (!columns.includes(column)) errors.push({ row: 0, column, message: `Missing column "${column}"` })
  }
  for (const e of parsed.errors) {
    // Papa's row index counts data rows from 0; our rows count from 1 (the header is row 0).
    errors.push({ row: (e.row ?? -1) + 1, column: null, message: e.message })
  }
  if (errors.length > 0) return { rows: [] as ParsedRow[], errors, total: parsed.data.length }
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    errors.push({ row: 0, column: null, message: `At most ${MAX_IMPORT_ROWS} rows per import` })
    return { rows: [] as ParsedRow[], errors, total: parsed.data.length }
  }

  const rows: ParsedRow[] = []
  const seen = new Map<string, number>()
  parsed.data.forEach((raw, index) => {
    const row = index + 1
    const cell = (name: string) => (raw[name] ?? '').trim()
    const fail = (column: string, message: string) => errors.push({ row, column, message })
    const before = errors.length

    const code = cell('code')
    if (code === '') fail('code', 'The code is required')
    else if (code.length > 20 || !CODE.test(code)) fail('code', 'Up to 20 letters, digits, spaces, . _ / -')
    else if (seen.has(code)) fail('code', `Code ${code} is repeated (row ${seen.get(code)})`)
    else seen.set(code, row)

    const type = TYPE_NAMES[cell('type').toLowerCase()]
    if (!type) fail('type', 'One of apartamento, casa, local, parqueadero, depósito')

    const building = cell('building') || null
    if (building !== null && building.length > 60) fail('building', 'At most 60 characters')

    const areaText = cell('area')
    const area = areaText === '' ? null : normalizeArea(areaText)
    if (areaText !== '' && (area === null || area === '0.00')) {
      fail('area', 'A positive area in m² with at most 2 decimals')
    } else if (options.coefficientsFromAreas && area === null) {
      fail('area', 'The area is required to derive coefficients from areas')
    }

    const coefficientText = cell('coefficient')
    let coefficient: string | null = null
    if (!options.coefficientsFromAreas && coefficientText !== '') {
      const problem = coefficientProblem(coefficientText)
      if (problem !== null) fail('coefficient', problem)
      else coefficient = coefficientText
    }

    let holder: ParsedRow['holder'] = null
    const holderName = cell('holder_name')
    const holderEmail = cell('holder_email')
    const holderRoleText = cell('holder_role')
    if (holderName === '' && (holderEmail !== '' || holderRoleText !== '')) {
      fail('holder_name', 'A holder needs a name')
    } else if (holderName !== '') {
      const role = holderRoleText === '' ? 'owner' : ROLE_NAMES[holderRoleText.toLowerCase()]
      if (holderName.length < 2 || holderName.length > 120) fail('holder_name', '2 to 120 characters')
      if (holderEmail !== '' && !EMAIL.test(holderEmail)) fail('holder_email', 'Not an email address')
      if (!role) fail('holder_role', 'One of propietario, arrendatario, representante')
      if (role) holder = { name: holderName, email: holderEmail || null, role }
    }

    if (errors.length === before) rows.push({ row, code, type: type!, building, area, coefficient, holder })
  })
  return { rows, errors, total: parsed.data.length }
}

/**
 * Imports units from CSV: a dry run reports every row error and the resulting coefficient check; a
 * commit writes all rows or none (any error → 422) and is idempotent by code (a re-import updates).
 */
export async function importUnits(
  ctx: ServiceContext,
  csv: string,
  options: ImportOptions,
): Promise<ImportUnitsResult> {
  const { rows, errors, total } = parseUnitsCsv(csv, options)
  if (options.coefficientsFromAreas && errors.length === 0 && rows.length > 0) {
    const derived = coefficientsFromAreas(
      rows.map((r) => ({ unitId: r.code, area: areaHundredths(r.area!) })),
    )
    rows.forEach((r, i) => {
      const value = derived[i]!.coefficient
      r.coefficient = formatCoefficient(value)
    })
  }

  const existing = await repo.listAllUnits(ctx)
  const byCode = new Map(existing.map((u) => [u.code, u]))
  const result = (
    committed: boolean,
    check: ImportUnitsResult['check'],
    created = 0,
    updated = 0,
    holders = 0,
  ) => ({
    dryRun: options.dryRun,
    committed,
    rows: total,
    created,
    updated,
    holdersAdded: holders,
    errors,
    check,
  })

  if (errors.length > 0) {
    if (options.dryRun) return result(false, null)
    throw new AppError(
      'unprocessable',
      `The file has ${errors.length} error(s); nothing was imported`,
      errors.map((e) => ({ path: `csv.row${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
    )
  }

  const fromFile = new Map(rows.map((r) => [r.code, r]))
  const after = [
    ...existing
      .filter((u) => !fromFile.has(u.code))
      .map((u) => ({ id: u.id, building: u.building, coefficient: u.coefficient })),
    ...rows.map((r) => ({
      id: byCode.get(r.code)?.id ?? `new:${r.code}`,
      building: r.building,
      coefficient: r.coefficient === null ? null : parseCoefficient(r.coefficient),
    })),
  ]
  if (options.dryRun) {
    const wouldCreate = rows.filter((r) => !byCode.has(r.code)).length
    return result(false, coefficientCheckOf(after), wouldCreate, rows.length - wouldCreate)
  }

  let created = 0
  let updated = 0
  let holdersAdded = 0
  const today = bogotaDate(ctx.now)
  for (const r of rows) {
    const input = {
      code: r.code,
      type: r.type,
      building: r.building,
      privateArea: r.area,
      coefficient: r.coefficient,
    }
    const current = byCode.get(r.code)
    let unitId: string
    if (current === undefined) {
      unitId = (await createUnit(ctx, input)).id
      created++
    } else {
      unitId = current.id
      if (!unchanged(current, input)) {
        await updateUnit(ctx, current.id, current.version, input)
        updated++
      }
    }
    if (r.holder !== null) {
      const inForce = await repo.holdersInForce(ctx, today, [unitId])
      const sameName = inForce.some((h) => h.name.toLowerCase() === r.holder!.name.toLowerCase())
      if (!sameName) {
        await addHolder(ctx, unitId, {
          name: r.holder.name,
          email: r.holder.email,
          role: r.holder.role,
          isVoter: !inForce.some((h) => h.isVoter),
        })
        holdersAdded++
      }
    }
  }
  await recordAudit(ctx, {
    action: 'units.imported',
    entityType: 'unit',
    entityId: null,
    after: {
      rows: total,
      created,
      updated,
      holdersAdded,
      coefficientsFromAreas: options.coefficientsFromAreas,
    },
  })
  return result(true, coefficientCheckOf(await repo.listAllUnits(ctx)), created, updated, holdersAdded)
}

function unchanged(
  row: repo.UnitRow,
  input: { type: UnitType; building: string | null; privateArea: string | null; coefficient: string | null },
) {
  return (
    row.type === input.type &&
    row.building === input.building &&
    row.privateArea === (input.privateArea === null ? null : normalizeArea(input.privateArea)) &&
    row.coefficient === (input.coefficient === null ? null : parseCoefficient(input.coefficient))
  )
}
