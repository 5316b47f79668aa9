import type { CreateUnit, Unit, UpdateUnit } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { isUniqueViolation } from '../../platform/db/unique-violation.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  coefficientCheckOf,
  coefficientField,
  formatNullableCoefficient,
  normalizeArea,
} from './units.fields.ts'
import * as repo from './units.repository.ts'

export type ElectorateSeat = {
  unitId: string
  code: string
  building: string | null
  /** Integer millionths of a percent. */
  coefficient: number
  /** The unit's voting representative in force (a holder flagged as voter), or null. */
  voter: { holderId: string; userId: string | null; name: string; email: string | null } | null
}

type Voter = NonNullable<Unit['voter']>

export function toUnitDto(row: repo.UnitRow, voter: Voter | null, holdersInForce: number): Unit {
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    building: row.building,
    privateArea: row.privateArea,
    coefficient: formatNullableCoefficient(row.coefficient),
    notes: row.notes,
    voter,
    holdersInForce,
    version: row.version,
  }
}

const auditView = (row: repo.UnitRow) => ({
  code: row.code,
  type: row.type,
  building: row.building,
  privateArea: row.privateArea,
  coefficient: formatNullableCoefficient(row.coefficient),
  notes: row.notes,
})

/** Voter and count of holders in force for each of `rows`, read in one query. */
async function withHolders(ctx: ServiceContext, rows: repo.UnitRow[]): Promise<Unit[]> {
  const holders = await repo.holdersInForce(
    ctx,
    bogotaDate(ctx.now),
    rows.map((r) => r.id),
  )
  return rows.map((row) => {
    const mine = holders.filter((h) => h.unitId === row.id)
    const voter = mine.find((h) => h.isVoter)
    return toUnitDto(
      row,
      voter ? { holderId: voter.id, userId: voter.userId, name: voter.name } : null,
      mine.length,
    )
  })
}

const encodeCodeCursor = (code: string) => Buffer.from(code, 'utf8').toString('base64url')
function decodeCodeCursor(cursor: string | undefined) {
  if (cursor === undefined) return undefined
  const code = Buffer.from(cursor, 'base64url').toString('utf8')
  if (code.length === 0 || code.length > 20) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  return code
}

export async function listUnits(
  ctx: ServiceContext,
  query: {
    limit: number
    cursor?: string | undefined
    building?: string | undefined
    type?: Unit['type'] | undefined
    q?: string | undefined
  },
) {
  const rows = await repo.listUnits(ctx, {
    limit: query.limit,
    after: decodeCodeCursor(query.cursor),
    building: query.building,
    type: query.type,
    q: query.q,
  })
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  return {
    items: await withHolders(ctx, items),
    nextCursor: rows.length > query.limit && last ? encodeCodeCursor(last.code) : null,
  }
}

export async function getUnit(ctx: ServiceContext, id: string) {
  const row = await repo.findUnit(ctx, id)
  if (!row) throw notFound('Unit')
  const [unit] = await withHolders(ctx, [row])
  return unit!
}

/** Input fields → column values, with 422s naming `body.<field>` (or `<prefix>.<field>`). */
export function unitValues(input: UpdateUnit, prefix = 'body'): Partial<repo.UnitValues> {
  const values: Partial<repo.UnitValues> = {}
  if (input.code !== undefined) values.code = input.code.trim()
  if (input.type !== undefined) values.type = input.type
  if (input.building !== undefined) values.building = input.building?.trim() || null
  if (input.notes !== undefined) values.notes = input.notes?.trim() || null
  if (input.privateArea !== undefined) {
    if (input.privateArea === null) values.privateArea = null
    else {
      const area = normalizeArea(input.privateArea)
      if (area === null || area === '0.00') {
        const message = 'A positive area in m² with at most 2 decimals'
        throw new AppError('unprocessable', message, [{ path: `${prefix}.privateArea`, message }])
      }
      values.privateArea = area
    }
  }
  if (input.coefficient !== undefined) {
    values.coefficient =
      input.coefficient === null ? null : coefficientField(input.coefficient, `${prefix}.coefficient`)
  }
  return values
}

const codeTaken = (code: string) => {
  const message = `Another unit already has the code ${code}`
  return new AppError('unprocessable', message, [{ path: 'body.code', message }])
}

async function assertCodeFree(ctx: ServiceContext, code: string, exceptId?: string) {
  const existing = await repo.findUnitByCode(ctx, code)
  if (existing && existing.id !== exceptId) throw codeTaken(code)
}

/** A concurrent writer can take the code between the check and the write: the index answers then. */
async function orCodeTaken<T>(code: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (code !== undefined && isUniqueViolation(err, 'units_org_code')) throw codeTaken(code)
    throw err
  }
}

/** Creates a unit. The org's coefficients may not sum to 100 % while editing: see docs/modules/units.md. */
export async function createUnit(ctx: ServiceContext, input: CreateUnit): Promise<Unit> {
  const values = unitValues(input)
  await assertCodeFree(ctx, values.code!)
  const row = await orCodeTaken(values.code, () =>
    repo.insertUnit(ctx, {
      code: values.code!,
      type: values.type!,
      building: values.building ?? null,
      privateArea: values.privateArea ?? null,
      coefficient: values.coefficient ?? null,
      notes: values.notes ?? null,
    }),
  )
  await recordAudit(ctx, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: row.id,
    after: auditView(row),
  })
  return toUnitDto(row, null, 0)
}

export async function updateUnit(ctx: ServiceContext, id: string, version: number, patch: UpdateUnit) {
  const before = await repo.findUnit(ctx, id)
  if (!before) throw notFound('Unit')
  const values = unitValues(patch)
  if (values.code !== undefined) await assertCodeFree(ctx, values.code, id)
  const after = await orCodeTaken(values.code, () => repo.updateUnitIfVersion(ctx, id, version, values))
  if (!after) throw new AppError('precondition_failed', 'The unit changed since you read it')
  await recordAudit(ctx, {
    action: 'unit.updated',
    entityType: 'unit',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  const [unit] = await withHolders(ctx, [after])
  return unit!
}

/** Refused (409) while the unit has holders, past or present: their history goes first. */
export async function removeUnit(ctx: ServiceContext, id: string) {
  const before = await repo.findUnit(ctx, id)
  if (!before) throw notFound('Unit')
  if ((await repo.countHolders(ctx, id)) > 0) {
    throw new AppError('conflict', 'Remove the holders of this unit before deleting it')
  }
  await repo.deleteUnit(ctx, id)
  await recordAudit(ctx, {
    action: 'unit.deleted',
    entityType: 'unit',
    entityId: id,
    before: auditView(before),
  })
}

export async function coefficientCheck(ctx: ServiceContext) {
  return coefficientCheckOf(await repo.listAllUnits(ctx))
}

/** Every unit of the org able to vote (all units with a coefficient), sorted by code. */
export async function listElectorate(ctx: ServiceContext): Promise<ElectorateSeat[]> {
  const rows = (await repo.listAllUnits(ctx)).filter((r) => r.coefficient !== null)
  const voters = (await repo.holdersInForce(ctx, bogotaDate(ctx.now))).filter((h) => h.isVoter)
  const voterOf = new Map(voters.map((v) => [v.unitId, v]))
  return rows.map((row) => {
    const voter = voterOf.get(row.id)
    return {
      unitId: row.id,
      code: row.code,
      building: row.building,
      coefficient: row.coefficient!,
      voter: voter
        ? { holderId: voter.id, userId: voter.userId, name: voter.name, email: voter.email }
        : null,
    }
  })
}

/** Ids of the units whose voting representative in force is this user. */
export async function unitsRepresentedBy(ctx: ServiceContext, userId: string): Promise<string[]> {
  return repo.unitIdsVotedBy(ctx, userId, bogotaDate(ctx.now))
}
