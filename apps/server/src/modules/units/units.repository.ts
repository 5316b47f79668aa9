import { and, asc, count, eq, gt, gte, ilike, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { unitHolders, units } from './units.tables.ts'

export type UnitRow = typeof units.$inferSelect
export type UnitHolderRow = typeof unitHolders.$inferSelect
export type UnitValues = Pick<UnitRow, 'code' | 'type' | 'building' | 'privateArea' | 'coefficient' | 'notes'>
export type HolderValues = Pick<
  UnitHolderRow,
  'name' | 'userId' | 'email' | 'phone' | 'role' | 'validFrom' | 'validTo' | 'isVoter'
>

/** Units ordered by code; `after` is the last code of the previous page. */
export async function listUnits(
  ctx: ServiceContext,
  filter: {
    limit: number
    after?: string | undefined
    building?: string | undefined
    type?: UnitRow['type'] | undefined
    q?: string | undefined
  },
) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined
  return ctx.db
    .select()
    .from(units)
    .where(
      and(
        eq(units.orgId, ctx.orgId),
        filter.after === undefined ? undefined : gt(units.code, filter.after),
        filter.building === undefined ? undefined : eq(units.building, filter.building),
        filter.type === undefined ? undefined : eq(units.type, filter.type),
        pattern ? ilike(units.code, pattern) : undefined,
      ),
    )
    .orderBy(asc(units.code))
    .limit(filter.limit + 1)
}

export async function listAllUnits(ctx: ServiceContext) {
  return ctx.db.select().from(units).where(eq(units.orgId, ctx.orgId)).orderBy(asc(units.code))
}

export async function findUnit(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, id)))
  return row ?? null
}

export async function findUnitByCode(ctx: ServiceContext, code: string) {
  const [row] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.code, code)))
  return row ?? null
}

export async function insertUnit(ctx: ServiceContext, values: UnitValues) {
  const [row] = await ctx.db
    .insert(units)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Updates only if the row still has `version`; null means someone changed it first. */
export async function updateUnitIfVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: Partial<UnitValues>,
) {
  const [row] = await ctx.db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, id), eq(units.version, version)))
    .returning()
  return row ?? null
}

export async function deleteUnit(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .delete(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, id)))
    .returning({ id: units.id })
  return rows.length > 0
}

export async function countHolders(ctx: ServiceContext, unitId: string) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(unitHolders)
    .where(and(eq(unitHolders.orgId, ctx.orgId), eq(unitHolders.unitId, unitId)))
  return row?.n ?? 0
}

const inForceOn = (today: string) =>
  and(lte(unitHolders.validFrom, today), or(isNull(unitHolders.validTo), gte(unitHolders.validTo, today)))

/** Holders in force today of the given units (all units when `unitIds` is undefined). */
export async function holdersInForce(ctx: ServiceContext, today: string, unitIds?: string[]) {
  if (unitIds !== undefined && unitIds.length === 0) return []
  return ctx.db
    .select()
    .from(unitHolders)
    .where(
      and(
        eq(unitHolders.orgId, ctx.orgId),
        unitIds === undefined ? undefined : inArray(unitHolders.unitId, unitIds),
        inForceOn(today),
      ),
    )
    .orderBy(asc(unitHolders.validFrom), asc(unitHolders.id))
}

export async function unitIdsVotedBy(ctx: ServiceContext, userId: string, today: string) {
  const rows = await ctx.db
    .selectDistinct({ unitId: unitHolders.unitId })
    .from(unitHolders)
    .where(
      and(
        eq(unitHolders.orgId, ctx.orgId),
        eq(unitHolders.userId, userId),
        eq(unitHolders.isVoter, true),
        inForceOn(today),
      ),
    )
  return rows.map((r) => r.unitId)
}

export async function listHolders(ctx: ServiceContext, unitId: string) {
  return ctx.db
    .select()
    .from(unitHolders)
    .where(and(eq(unitHolders.orgId, ctx.orgId), eq(unitHolders.unitId, unitId)))
    .orderBy(asc(unitHolders.validFrom), asc(unitHolders.id))
}

export async function findHolder(ctx: ServiceContext, unitId: string, holderId: string) {
  const [row] = await ctx.db
    .select()
    .from(unitHolders)
    .where(
      and(eq(unitHolders.orgId, ctx.orgId), eq(unitHolders.unitId, unitId), eq(unitHolders.id, holderId)),
    )
  return row ?? null
}

/** Another voter of the unit whose dates overlap [from, to] (to null: open-ended). */
export async function findOverlappingVoter(
  ctx: ServiceContext,
  unitId: string,
  range: { from: string; to: string | null },
  exceptHolderId?: string,
) {
  const [row] = await ctx.db
    .select()
    .from(unitHolders)
    .where(
      and(
        eq(unitHolders.orgId, ctx.orgId),
        eq(unitHolders.unitId, unitId),
        eq(unitHolders.isVoter, true),
        exceptHolderId ? ne(unitHolders.id, exceptHolderId) : undefined,
        or(isNull(unitHolders.validTo), gte(unitHolders.validTo, range.from)),
        range.to === null ? undefined : lte(unitHolders.validFrom, range.to),
      ),
    )
    .limit(1)
  return row ?? null
}

export async function insertHolder(ctx: ServiceContext, unitId: string, values: HolderValues) {
  const [row] = await ctx.db
    .insert(unitHolders)
    .values({ ...values, unitId, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateHolder(
  ctx: ServiceContext,
  unitId: string,
  holderId: string,
  patch: Partial<HolderValues>,
) {
  const [row] = await ctx.db
    .update(unitHolders)
    .set({ ...patch, version: sql`${unitHolders.version} + 1`, updatedAt: ctx.now })
    .where(
      and(eq(unitHolders.orgId, ctx.orgId), eq(unitHolders.unitId, unitId), eq(unitHolders.id, holderId)),
    )
    .returning()
  return row ?? null
}

export async function deleteHolder(ctx: ServiceContext, unitId: string, holderId: string) {
  const rows = await ctx.db
    .delete(unitHolders)
    .where(
      and(eq(unitHolders.orgId, ctx.orgId), eq(unitHolders.unitId, unitId), eq(unitHolders.id, holderId)),
    )
    .returning({ id: unitHolders.id })
  return rows.length > 0
}
