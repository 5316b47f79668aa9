import type { CreateUnitHolder, UnitHolder, UpdateUnitHolder } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { isUniqueViolation } from '../../platform/db/unique-violation.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findMembership } from '../../platform/tenancy/tenancy.repository.ts'
import * as repo from './units.repository.ts'

export function toHolderDto(row: repo.UnitHolderRow, today: string): UnitHolder {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    userId: row.userId,
    email: row.email,
    phone: row.phone,
    role: row.role,
    validFrom: row.validFrom,
    validTo: row.validTo,
    isVoter: row.isVoter,
    inForce: row.validFrom <= today && (row.validTo === null || row.validTo >= today),
    version: row.version,
  }
}

const auditView = (row: repo.UnitHolderRow) => ({
  unitId: row.unitId,
  name: row.name,
  userId: row.userId,
  role: row.role,
  validFrom: row.validFrom,
  validTo: row.validTo,
  isVoter: row.isVoter,
})

/** Two writers marking open-ended voters at once: the partial unique index decides, answered as the check would. */
async function orVoterTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (!isUniqueViolation(err, 'unit_holders_one_open_voter')) throw err
    const message =
      'Another holder already votes for this unit; end that holder or unmark them as voter first'
    throw new AppError('conflict', message, [{ path: 'body.isVoter', message }])
  }
}

async function unitOrNotFound(ctx: ServiceContext, unitId: string) {
  const unit = await repo.findUnit(ctx, unitId)
  if (!unit) throw notFound('Unit')
  return unit
}

/** The rules a holder's final values must meet: member user, dates in order, one voter at a time. */
async function assertHolderValid(
  ctx: ServiceContext,
  unitId: string,
  values: repo.HolderValues,
  exceptHolderId?: string,
) {
  if (values.userId !== null && !(await findMembership(ctx.db, ctx.orgId, values.userId))) {
    const message = 'This user is not a member of the organization'
    throw new AppError('unprocessable', message, [{ path: 'body.userId', message }])
  }
  if (values.validTo !== null && values.validTo < values.validFrom) {
    const message = 'The end date cannot be before the start date'
    throw new AppError('unprocessable', message, [{ path: 'body.validTo', message }])
  }
  if (values.isVoter) {
    const other = await repo.findOverlappingVoter(
      ctx,
      unitId,
      { from: values.validFrom, to: values.validTo },
      exceptHolderId,
    )
    if (other) {
      const message = `${other.name} already votes for this unit over these dates; end that holder or unmark them as voter first`
      throw new AppError('conflict', message, [{ path: 'body.isVoter', message }])
    }
  }
}

export async function listUnitHolders(ctx: ServiceContext, unitId: string) {
  await unitOrNotFound(ctx, unitId)
  const today = bogotaDate(ctx.now)
  return { items: (await repo.listHolders(ctx, unitId)).map((h) => toHolderDto(h, today)) }
}

export async function addHolder(
  ctx: ServiceContext,
  unitId: string,
  input: CreateUnitHolder,
): Promise<UnitHolder> {
  await unitOrNotFound(ctx, unitId)
  const today = bogotaDate(ctx.now)
  const values: repo.HolderValues = {
    name: input.name.trim(),
    userId: input.userId ?? null,
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    role: input.role,
    validFrom: input.validFrom ?? today,
    validTo: input.validTo ?? null,
    isVoter: input.isVoter ?? false,
  }
  await assertHolderValid(ctx, unitId, values)
  const row = await orVoterTaken(() => repo.insertHolder(ctx, unitId, values))
  await recordAudit(ctx, {
    action: 'unit.holder_added',
    entityType: 'unit_holder',
    entityId: row.id,
    after: auditView(row),
  })
  return toHolderDto(row, today)
}

/** Edits a holder; ending one is `validTo: <date>`, marking the voter is `isVoter: true`. */
export async function updateHolder(
  ctx: ServiceContext,
  unitId: string,
  holderId: string,
  patch: UpdateUnitHolder,
): Promise<UnitHolder> {
  const before = await repo.findHolder(ctx, unitId, holderId)
  if (!before) throw notFound('Holder')
  const changes: Partial<repo.HolderValues> = {}
  if (patch.name !== undefined) changes.name = patch.name.trim()
  if (patch.userId !== undefined) changes.userId = patch.userId
  if (patch.email !== undefined) changes.email = patch.email?.toLowerCase() ?? null
  if (patch.phone !== undefined) changes.phone = patch.phone
  if (patch.role !== undefined) changes.role = patch.role
  if (patch.validFrom !== undefined) changes.validFrom = patch.validFrom
  if (patch.validTo !== undefined) changes.validTo = patch.validTo
  if (patch.isVoter !== undefined) changes.isVoter = patch.isVoter
  const merged: repo.HolderValues = {
    name: before.name,
    userId: before.userId,
    email: before.email,
    phone: before.phone,
    role: before.role,
    validFrom: before.validFrom,
    validTo: before.validTo,
    isVoter: before.isVoter,
    ...changes,
  }
  // Membership is re-checked only when the user changes: a former member stays on record.
  await assertHolderValid(
    ctx,
    unitId,
    { ...merged, userId: changes.userId !== undefined ? merged.userId : null },
    holderId,
  )
  const after = await orVoterTaken(() => repo.updateHolder(ctx, unitId, holderId, changes))
  if (!after) throw notFound('Holder')
  await recordAudit(ctx, {
    action: 'unit.holder_updated',
    entityType: 'unit_holder',
    entityId: holderId,
    before: auditView(before),
    after: auditView(after),
  })
  return toHolderDto(after, bogotaDate(ctx.now))
}

/** Deletes a holder entered by mistake; ending a holding is an update of `validTo`. */
export async function removeHolder(ctx: ServiceContext, unitId: string, holderId: string) {
  const before = await repo.findHolder(ctx, unitId, holderId)
  if (!before || !(await repo.deleteHolder(ctx, unitId, holderId))) throw notFound('Holder')
  await recordAudit(ctx, {
    action: 'unit.holder_removed',
    entityType: 'unit_holder',
    entityId: holderId,
    before: auditView(before),
  })
}
