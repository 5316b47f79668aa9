import { and, eq, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { profiles } from './profiles.tables.ts'

export type ProfileRow = typeof profiles.$inferSelect
export type ProfileValues = Omit<
  typeof profiles.$inferInsert,
  'orgId' | 'id' | 'userId' | 'version' | 'createdAt' | 'updatedAt'
>

/** Every profile of the org (the directory merges them with the member list). */
export async function listProfiles(ctx: ServiceContext) {
  return ctx.db.select().from(profiles).where(eq(profiles.orgId, ctx.orgId))
}

export async function findProfile(ctx: ServiceContext, userId: string) {
  const [row] = await ctx.db
    .select()
    .from(profiles)
    .where(and(eq(profiles.orgId, ctx.orgId), eq(profiles.userId, userId)))
  return row ?? null
}

/** Creates the member's profile; null when one appeared meanwhile (a concurrent first save). */
export async function insertProfile(ctx: ServiceContext, userId: string, values: ProfileValues) {
  const [row] = await ctx.db
    .insert(profiles)
    .values({ ...values, orgId: ctx.orgId, userId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing({ target: [profiles.orgId, profiles.userId] })
    .returning()
  return row ?? null
}

/** Updates only if the row still has `version`; null means someone changed it first. */
export async function updateProfileIfVersion(
  ctx: ServiceContext,
  userId: string,
  version: number,
  values: Partial<ProfileValues>,
) {
  const [row] = await ctx.db
    .update(profiles)
    .set({ ...values, version: sql`${profiles.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(profiles.orgId, ctx.orgId), eq(profiles.userId, userId), eq(profiles.version, version)))
    .returning()
  return row ?? null
}
