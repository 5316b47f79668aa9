import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  assemblies,
  assemblyAgendaItems,
  assemblyAttendance,
  assemblyElectorate,
  assemblyProxies,
} from './assemblies.tables.ts'

export type AssemblyRow = typeof assemblies.$inferSelect
export type AgendaItemRow = typeof assemblyAgendaItems.$inferSelect
export type ElectorateRow = typeof assemblyElectorate.$inferSelect
export type AttendanceRow = typeof assemblyAttendance.$inferSelect
export type ProxyRow = typeof assemblyProxies.$inferSelect

const own = (ctx: ServiceContext, id: string) => and(eq(assemblies.orgId, ctx.orgId), eq(assemblies.id, id))

export async function listAssemblies(
  ctx: ServiceContext,
  filter: { limit: number; after?: string | undefined; status?: AssemblyRow['status'] | undefined },
) {
  return ctx.db
    .select()
    .from(assemblies)
    .where(
      and(
        eq(assemblies.orgId, ctx.orgId),
        filter.after ? lt(assemblies.id, filter.after) : undefined,
        filter.status ? eq(assemblies.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(assemblies.id))
    .limit(filter.limit + 1)
}

export async function findAssembly(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(assemblies).where(own(ctx, id))
  return row ?? null
}

/** Locks the assembly row until the transaction ends: attendance seq and log appends serialize on it. */
export async function lockAssembly(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(assemblies).where(own(ctx, id)).for('update')
  return row ?? null
}

export async function insertAssembly(
  ctx: ServiceContext,
  values: Omit<typeof assemblies.$inferInsert, 'orgId'>,
) {
  const [row] = await ctx.db
    .insert(assemblies)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateAssembly(
  ctx: ServiceContext,
  id: string,
  patch: Partial<typeof assemblies.$inferInsert>,
  expectedVersion?: number,
) {
  const [row] = await ctx.db
    .update(assemblies)
    .set({ ...patch, version: sql`${assemblies.version} + 1`, updatedAt: ctx.now })
    .where(
      and(own(ctx, id), expectedVersion === undefined ? undefined : eq(assemblies.version, expectedVersion)),
    )
    .returning()
  return row ?? null
}

// Agenda -------------------------------------------------------------------------------------------

export async function listAgenda(ctx: ServiceContext, assemblyId: string) {
  return ctx.db
    .select()
    .from(assemblyAgendaItems)
    .where(and(eq(assemblyAgendaItems.orgId, ctx.orgId), eq(assemblyAgendaItems.assemblyId, assemblyId)))
    .orderBy(asc(assemblyAgendaItems.position), asc(assemblyAgendaItems.id))
}

export async function insertAgendaItems(
  ctx: ServiceContext,
  assemblyId: string,
  items: { position: number; title: string; description: string | null }[],
) {
  if (items.length === 0) return []
  return ctx.db
    .insert(assemblyAgendaItems)
    .values(items.map((i) => ({ ...i, orgId: ctx.orgId, assemblyId })))
    .returning()
}

export async function setAgendaPosition(ctx: ServiceContext, id: string, position: number) {
  await ctx.db
    .update(assemblyAgendaItems)
    .set({ position })
    .where(and(eq(assemblyAgendaItems.orgId, ctx.orgId), eq(assemblyAgendaItems.id, id)))
}

export async function deleteAgendaItem(ctx: ServiceContext, assemblyId: string, id: string) {
  const rows = await ctx.db
    .delete(assemblyAgendaItems)
    .where(
      and(
        eq(assemblyAgendaItems.orgId, ctx.orgId),
        eq(assemblyAgendaItems.assemblyId, assemblyId),
        eq(assemblyAgendaItems.id, id),
      ),
    )
    .returning({ id: assemblyAgendaItems.id })
  return rows.length > 0
}

// Electorate ---------------------------------------------------------------------------------------

export async function insertElectorate(
  ctx: ServiceContext,
  assemblyId: string,
  seats: { unitId: string; code: string; building: string | null; coefficient: number }[],
) {
  if (seats.length === 0) return
  await ctx.db.insert(assemblyElectorate).values(seats.map((s) => ({ ...s, orgId: ctx.orgId, assemblyId })))
}

export async function listElectorateSnapshot(ctx: ServiceContext, assemblyId: string) {
  return ctx.db
    .select()
    .from(assemblyElectorate)
    .where(and(eq(assemblyElectorate.orgId, ctx.orgId), eq(assemblyElectorate.assemblyId, assemblyId)))
    .orderBy(asc(assemblyElectorate.code))
}

// Attendance ---------------------------------------------------------------------------------------

export async function listAttendance(ctx: ServiceContext, assemblyId: string) {
  return ctx.db
    .select()
    .from(assemblyAttendance)
    .where(and(eq(assemblyAttendance.orgId, ctx.orgId), eq(assemblyAttendance.assemblyId, assemblyId)))
    .orderBy(asc(assemblyAttendance.seq))
}

export async function insertAttendance(
  ctx: ServiceContext,
  values: Omit<typeof assemblyAttendance.$inferInsert, 'orgId'>,
) {
  const [row] = await ctx.db
    .insert(assemblyAttendance)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

// Proxies ------------------------------------------------------------------------------------------

export async function listProxies(ctx: ServiceContext, assemblyId: string) {
  return ctx.db
    .select()
    .from(assemblyProxies)
    .where(and(eq(assemblyProxies.orgId, ctx.orgId), eq(assemblyProxies.assemblyId, assemblyId)))
    .orderBy(asc(assemblyProxies.id))
}

export async function findProxy(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(assemblyProxies)
    .where(and(eq(assemblyProxies.orgId, ctx.orgId), eq(assemblyProxies.id, id)))
  return row ?? null
}

export async function insertProxy(
  ctx: ServiceContext,
  values: Omit<typeof assemblyProxies.$inferInsert, 'orgId'>,
) {
  const [row] = await ctx.db
    .insert(assemblyProxies)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function revokeProxy(ctx: ServiceContext, id: string, reason: string | null) {
  const [row] = await ctx.db
    .update(assemblyProxies)
    .set({ revokedAt: ctx.now, revokedBy: ctx.actor.userId, revokedReason: reason })
    .where(
      and(
        eq(assemblyProxies.orgId, ctx.orgId),
        eq(assemblyProxies.id, id),
        sql`${assemblyProxies.revokedAt} is null`,
      ),
    )
    .returning()
  return row ?? null
}

export async function findElectorateSeat(ctx: ServiceContext, assemblyId: string, unitId: string) {
  const [row] = await ctx.db
    .select()
    .from(assemblyElectorate)
    .where(
      and(
        eq(assemblyElectorate.orgId, ctx.orgId),
        eq(assemblyElectorate.assemblyId, assemblyId),
        eq(assemblyElectorate.unitId, unitId),
      ),
    )
  return row ?? null
}

/** The unit's register rows only (a ballot needs one unit's presence, not the whole register). */
export async function listAttendanceOfUnit(ctx: ServiceContext, assemblyId: string, unitId: string) {
  return ctx.db
    .select()
    .from(assemblyAttendance)
    .where(
      and(
        eq(assemblyAttendance.orgId, ctx.orgId),
        eq(assemblyAttendance.assemblyId, assemblyId),
        eq(assemblyAttendance.unitId, unitId),
      ),
    )
    .orderBy(asc(assemblyAttendance.seq))
}
