import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { users } from '../auth/auth.tables.ts'
import type { Db } from '../db/connection.ts'
import type { Tx } from '../db/with-org.ts'
import type { OrgAccess } from '../http/app-instance.ts'
import { branches, memberships, orgCounters, orgs } from './tenancy.tables.ts'

export type OrgRow = typeof orgs.$inferSelect
export type Role = (typeof memberships.$inferSelect)['role']
type Queryable = Db | Tx

export async function findMembershipBySlug(
  db: Queryable,
  slug: string,
  userId: string,
): Promise<OrgAccess | null> {
  const [row] = await db
    .select({
      id: orgs.id,
      slug: orgs.slug,
      name: orgs.name,
      timezone: orgs.timezone,
      status: orgs.status,
      role: memberships.role,
    })
    .from(orgs)
    .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.userId, userId)))
    .where(eq(orgs.slug, slug))
  if (!row) return null
  const { role, ...org } = row
  return { org, role }
}

export async function orgSlugExists(db: Queryable, slug: string) {
  const rows = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, slug))
  return rows.length > 0
}

export async function insertOrg(tx: Tx, values: typeof orgs.$inferInsert) {
  const [row] = await tx.insert(orgs).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function insertMembership(tx: Queryable, orgId: string, userId: string, role: Role) {
  await tx.insert(memberships).values({ orgId, userId, role })
}

export async function findOrgById(db: Queryable, orgId: string) {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId))
  return row ?? null
}

export async function listOrgsOfUser(db: Queryable, userId: string, page: { limit: number; after?: string }) {
  return db
    .select({ org: orgs, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), page.after ? lt(orgs.id, page.after) : undefined))
    .orderBy(desc(orgs.id))
    .limit(page.limit + 1)
}

/** Updates when the version still matches; returns null when someone else changed it first. */
export async function updateOrgIfVersion(
  tx: Tx,
  orgId: string,
  version: number,
  patch: Partial<Pick<OrgRow, 'name' | 'timezone' | 'locale'>>,
) {
  const [row] = await tx
    .update(orgs)
    .set({ ...patch, version: sql`${orgs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgs.id, orgId), eq(orgs.version, version)))
    .returning()
  return row ?? null
}

/** A member as the API shows it: the user and their membership. */
const memberView = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  joinedAt: memberships.createdAt,
}

export async function listMembers(db: Queryable, orgId: string, page: { limit: number; after?: string }) {
  return db
    .select(memberView)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), page.after ? lt(users.id, page.after) : undefined))
    .orderBy(desc(users.id))
    .limit(page.limit + 1)
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row ?? null
}

export async function findMembership(db: Queryable, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  return row ?? null
}

export async function listBranches(tx: Tx, orgId: string, page: { limit: number; after?: string }) {
  return tx
    .select()
    .from(branches)
    .where(and(eq(branches.orgId, orgId), page.after ? lt(branches.id, page.after) : undefined))
    .orderBy(desc(branches.id))
    .limit(page.limit + 1)
}

export async function branchCodeExists(tx: Tx, orgId: string, code: string) {
  const rows = await tx
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), eq(branches.code, code)))
  return rows.length > 0
}

export async function insertBranch(tx: Tx, values: typeof branches.$inferInsert) {
  const [row] = await tx.insert(branches).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Next value of a per-org counter (membership numbers, codes); row-locked, so never duplicated. */
export async function nextCounterValue(tx: Tx, orgId: string, name: string): Promise<bigint> {
  const [row] = await tx
    .insert(orgCounters)
    .values({ orgId, name, value: 1n })
    .onConflictDoUpdate({
      target: [orgCounters.orgId, orgCounters.name],
      set: { value: sql`${orgCounters.value} + 1` },
    })
    .returning({ value: orgCounters.value })
  if (!row) throw new Error('counter upsert returned no row')
  return row.value
}

/**
 * Reserves `count` consecutive values of a counter in one statement (bulk imports): returns the
 * first; the caller uses first … first + count - 1. Same row lock as `nextCounterValue`.
 */
export async function reserveCounterRange(
  tx: Tx,
  orgId: string,
  name: string,
  count: number,
): Promise<bigint> {
  if (!Number.isInteger(count) || count < 1) throw new Error('reserveCounterRange needs a positive count')
  const [row] = await tx
    .insert(orgCounters)
    .values({ orgId, name, value: BigInt(count) })
    .onConflictDoUpdate({
      target: [orgCounters.orgId, orgCounters.name],
      set: { value: sql`${orgCounters.value} + ${count}` },
    })
    .returning({ value: orgCounters.value })
  if (!row) throw new Error('counter upsert returned no row')
  return row.value - BigInt(count) + 1n
}

export async function updateMembershipRole(tx: Queryable, orgId: string, userId: string, role: Role) {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
}

export async function deleteMembership(tx: Queryable, orgId: string, userId: string) {
  await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
}

export async function countOwners(tx: Queryable, orgId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')))
  return row?.n ?? 0
}

export async function findMemberView(tx: Queryable, orgId: string, userId: string) {
  const [row] = await tx
    .select(memberView)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  return row ?? null
}
