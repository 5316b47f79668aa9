import type { Plan, SubscriptionStatus } from '@minga/contracts'
import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import { users } from '../auth/auth.tables.ts'
import type { Db } from '../db/connection.ts'
import { type Tx, withOrg } from '../db/with-org.ts'
import { AppError, notFound } from '../http/app-error.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import type { ServiceContext } from '../service-context.ts'
import { branches, memberships, orgs } from '../tenancy/tenancy.tables.ts'
import { plans, platformAdmins } from './plans.tables.ts'

type Queryable = Db | Tx
type PlanRow = typeof plans.$inferSelect

export const toPlanDto = (row: PlanRow): Plan => ({
  key: row.key,
  name: row.name,
  modules: row.modules,
  maxUsers: row.maxUsers,
  maxBranches: row.maxBranches,
})

export async function listPlans(db: Queryable) {
  const rows = await db.select().from(plans).orderBy(plans.key)
  return { items: rows.map(toPlanDto) }
}

export async function findPlan(db: Queryable, key: string) {
  const [row] = await db.select().from(plans).where(eq(plans.key, key))
  return row ?? null
}

/** The plan of an org (falls back to no limits if its key was somehow removed). */
async function planOfOrg(db: Queryable, orgId: string) {
  const [row] = await db
    .select({ plan: plans, status: orgs.subscriptionStatus })
    .from(orgs)
    .leftJoin(plans, eq(plans.key, orgs.planKey))
    .where(eq(orgs.id, orgId))
  return row ?? null
}

export async function usageOf(db: Queryable, orgId: string) {
  const [u] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.orgId, orgId))
  const [b] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(branches)
    .where(eq(branches.orgId, orgId))
  return { users: u?.n ?? 0, branches: b?.n ?? 0 }
}

/** 422 on `path` when the org's plan has no room for one more member. */
export async function assertRoomForMember(db: Queryable, orgId: string, path: string) {
  const found = await planOfOrg(db, orgId)
  const max = found?.plan?.maxUsers
  if (max === null || max === undefined) return
  const { users: count } = await usageOf(db, orgId)
  if (count >= max) {
    throw new AppError('unprocessable', `The plan allows at most ${max} members`, [
      { path, message: `Plan limit reached: at most ${max} members` },
    ])
  }
}

/** 422 on `path` when the org's plan has no room for one more branch (call inside the org scope). */
export async function assertRoomForBranch(db: Queryable, orgId: string, path: string) {
  const found = await planOfOrg(db, orgId)
  const max = found?.plan?.maxBranches
  if (max === null || max === undefined) return
  const { branches: count } = await usageOf(db, orgId)
  if (count >= max) {
    throw new AppError('unprocessable', `The plan allows at most ${max} branches`, [
      { path, message: `Plan limit reached: at most ${max} branches` },
    ])
  }
}

/** Modules an org of a new plan may have: the plan's list, or every module when it has none. */
export function modulesAllowed(plan: { modules: string[] | null } | null, wanted: string[]) {
  if (!plan?.modules) return wanted
  return wanted.filter((m) => plan.modules?.includes(m))
}

export async function subscriptionOf(ctx: ServiceContext) {
  const found = await planOfOrg(ctx.db, ctx.orgId)
  if (!found) throw notFound('Organization')
  const plan = found.plan ?? {
    key: 'unknown',
    name: 'Unknown',
    modules: null,
    maxUsers: null,
    maxBranches: null,
  }
  return {
    plan: toPlanDto(plan as PlanRow),
    status: found.status,
    usage: await usageOf(ctx.db, ctx.orgId),
  }
}

// Platform admins -------------------------------------------------------------------------------------

/** Bootstrap list from `MINGA_PLATFORM_ADMINS` (comma-separated emails), lowercased. */
export function platformAdminEmails(value = process.env.MINGA_PLATFORM_ADMINS): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
}

export async function isPlatformAdmin(
  db: Queryable,
  user: { id: string; email: string; emailVerified: boolean },
  bootstrap: Set<string>,
  production: boolean,
) {
  // In production an env-listed email counts only once verified, so nobody can claim it by signing up.
  if (bootstrap.has(user.email.toLowerCase()) && (user.emailVerified || !production)) return true
  const rows = await db.select().from(platformAdmins).where(eq(platformAdmins.userId, user.id))
  return rows.length > 0
}

export async function upsertPlan(
  db: Db,
  key: string,
  input: { name: string; modules: string[] | null; maxUsers: number | null; maxBranches: number | null },
) {
  const [row] = await db
    .insert(plans)
    .values({ key, ...input })
    .onConflictDoUpdate({ target: plans.key, set: { ...input, updatedAt: new Date() } })
    .returning()
  if (!row) throw new Error('upsert returned no row')
  return toPlanDto(row)
}

const toAdminOrg = (row: typeof orgs.$inferSelect) => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind,
  planKey: row.planKey,
  subscriptionStatus: row.subscriptionStatus,
  createdAt: row.createdAt.toISOString(),
})

export async function listAllOrgs(db: Db, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor)
  const rows = await db
    .select()
    .from(orgs)
    .where(after ? lt(orgs.id, after) : undefined)
    .orderBy(desc(orgs.id))
    .limit(page.limit + 1)
  const result = toPage(rows, page.limit, (r) => r.id)
  return { items: result.items.map(toAdminOrg), nextCursor: result.nextCursor }
}

/** Changes an org's plan and/or subscription status; the audit row lands in that org's trail. */
export async function updateSubscription(
  db: Db,
  actor: { userId: string; requestId: string; ip: string | null },
  orgId: string,
  input: { planKey?: string | undefined; status?: SubscriptionStatus | undefined },
) {
  return withOrg(db, orgId, async (tx) => {
    const [before] = await tx.select().from(orgs).where(eq(orgs.id, orgId))
    if (!before) throw notFound('Organization')
    if (input.planKey !== undefined && !(await findPlan(tx, input.planKey))) {
      throw new AppError('unprocessable', 'No such plan', [{ path: 'body.planKey', message: 'No such plan' }])
    }
    const [after] = await tx
      .update(orgs)
      .set({
        ...(input.planKey !== undefined ? { planKey: input.planKey } : {}),
        ...(input.status !== undefined ? { subscriptionStatus: input.status } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(orgs.id, orgId)))
      .returning()
    if (!after) throw notFound('Organization')
    const ctx: ServiceContext = {
      db: tx,
      orgId,
      actor: { userId: actor.userId, role: 'system' },
      requestId: actor.requestId,
      now: new Date(),
      ip: actor.ip,
    }
    await recordAudit(ctx, {
      action: 'subscription.updated',
      entityType: 'org',
      entityId: orgId,
      before: { planKey: before.planKey, subscriptionStatus: before.subscriptionStatus },
      after: { planKey: after.planKey, subscriptionStatus: after.subscriptionStatus },
    })
    return toAdminOrg(after)
  })
}

export async function grantPlatformAdmin(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  if (!user) return false
  await db.insert(platformAdmins).values({ userId: user.id }).onConflictDoNothing()
  return true
}
