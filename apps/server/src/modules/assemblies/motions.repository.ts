import { and, asc, eq, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { motionBallots, motionReceipts, motions, motionTotals, motionVoters } from './assemblies.tables.ts'

export type MotionRow = typeof motions.$inferSelect
export type TotalsRow = typeof motionTotals.$inferSelect

const own = (ctx: ServiceContext, id: string) => and(eq(motions.orgId, ctx.orgId), eq(motions.id, id))

export async function listMotions(ctx: ServiceContext, assemblyId: string) {
  return ctx.db
    .select()
    .from(motions)
    .where(and(eq(motions.orgId, ctx.orgId), eq(motions.assemblyId, assemblyId)))
    .orderBy(asc(motions.id))
}

export async function findMotion(ctx: ServiceContext, id: string, lock?: 'update' | 'share') {
  const query = ctx.db.select().from(motions).where(own(ctx, id))
  const [row] = lock ? await query.for(lock) : await query
  return row ?? null
}

export async function insertMotion(ctx: ServiceContext, values: Omit<typeof motions.$inferInsert, 'orgId'>) {
  const [row] = await ctx.db
    .insert(motions)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateMotion(
  ctx: ServiceContext,
  id: string,
  patch: Partial<typeof motions.$inferInsert>,
  expectedVersion?: number,
) {
  const [row] = await ctx.db
    .update(motions)
    .set({ ...patch, version: sql`${motions.version} + 1`, updatedAt: ctx.now })
    .where(
      and(own(ctx, id), expectedVersion === undefined ? undefined : eq(motions.version, expectedVersion)),
    )
    .returning()
  return row ?? null
}

// Totals -------------------------------------------------------------------------------------------

export async function createTotals(ctx: ServiceContext, motionId: string, optionKeys: string[]) {
  await ctx.db
    .insert(motionTotals)
    .values(optionKeys.map((optionKey) => ({ orgId: ctx.orgId, motionId, optionKey })))
    .onConflictDoNothing()
}

export async function listTotals(ctx: ServiceContext, motionId: string) {
  return ctx.db
    .select()
    .from(motionTotals)
    .where(and(eq(motionTotals.orgId, ctx.orgId), eq(motionTotals.motionId, motionId)))
    .orderBy(asc(motionTotals.optionKey))
}

/** `total = total + weight` on one option row: the row lock serializes concurrent ballots. */
/** Adds one ballot's weight and head to each of `optionKeys` (distinct) in one statement. */
export async function addToTotals(
  ctx: ServiceContext,
  motionId: string,
  optionKeys: string[],
  weight: number,
) {
  await ctx.db
    .insert(motionTotals)
    .values(optionKeys.map((optionKey) => ({ orgId: ctx.orgId, motionId, optionKey, weight, heads: 1 })))
    .onConflictDoUpdate({
      target: [motionTotals.orgId, motionTotals.motionId, motionTotals.optionKey],
      set: {
        weight: sql`${motionTotals.weight} + excluded.weight`,
        heads: sql`${motionTotals.heads} + 1`,
      },
    })
}

// Register, ballots, receipts -----------------------------------------------------------------------

/** The exactly-once guard: a second row for the same (motion, unit) violates the unique index. */
export async function insertVoter(
  ctx: ServiceContext,
  values: { motionId: string; unitId: string; voterUserId: string; via: 'holder' | 'proxy' },
) {
  await ctx.db.insert(motionVoters).values({ ...values, orgId: ctx.orgId })
}

export async function listVoters(ctx: ServiceContext, motionId: string) {
  return ctx.db
    .select({ unitId: motionVoters.unitId, voterUserId: motionVoters.voterUserId, via: motionVoters.via })
    .from(motionVoters)
    .where(and(eq(motionVoters.orgId, ctx.orgId), eq(motionVoters.motionId, motionId)))
}

/** Every register row of the given motions (for my-seats and the scorecard). */
export async function listVotersOfMotions(ctx: ServiceContext, motionIds: string[]) {
  if (motionIds.length === 0) return []
  return ctx.db
    .select({
      motionId: motionVoters.motionId,
      unitId: motionVoters.unitId,
      voterUserId: motionVoters.voterUserId,
    })
    .from(motionVoters)
    .where(
      and(
        eq(motionVoters.orgId, ctx.orgId),
        sql`${motionVoters.motionId} in (${sql.join(
          motionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    )
}

export async function insertNamedBallot(
  ctx: ServiceContext,
  values: {
    motionId: string
    unitId: string
    voterUserId: string
    via: 'holder' | 'proxy'
    choice: string[]
    weight: number
  },
) {
  await ctx.db.insert(motionBallots).values({ ...values, orgId: ctx.orgId, castAt: ctx.now })
}

export async function listNamedBallots(ctx: ServiceContext, motionId: string) {
  return ctx.db
    .select()
    .from(motionBallots)
    .where(and(eq(motionBallots.orgId, ctx.orgId), eq(motionBallots.motionId, motionId)))
}

export async function insertReceipt(ctx: ServiceContext, motionId: string, receipt: string) {
  await ctx.db.insert(motionReceipts).values({ orgId: ctx.orgId, motionId, receipt })
}

export async function listReceipts(ctx: ServiceContext, motionId: string) {
  const rows = await ctx.db
    .select({ receipt: motionReceipts.receipt })
    .from(motionReceipts)
    .where(and(eq(motionReceipts.orgId, ctx.orgId), eq(motionReceipts.motionId, motionId)))
  return rows.map((r) => r.receipt)
}
