import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { users } from '../auth/auth.tables.ts'
import type { Db } from '../db/connection.ts'
import type { Tx } from '../db/with-org.ts'
import { memberships, orgs } from '../tenancy/tenancy.tables.ts'
import { apiKeys, invitations, roleAssignments, rolePermissions, roles } from './access.tables.ts'

type Queryable = Db | Tx
export type RoleRow = typeof roles.$inferSelect
export type AssignmentRow = typeof roleAssignments.$inferSelect
export type InvitationRow = typeof invitations.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect

/** What the access hook needs about an org and the caller's membership, in one query. */
export async function findOrgAccessBySlug(db: Queryable, slug: string, userId: string | null) {
  const [row] = await db
    .select({
      id: orgs.id,
      slug: orgs.slug,
      name: orgs.name,
      timezone: orgs.timezone,
      status: orgs.status,
      kind: orgs.kind,
      permissionsVersion: orgs.permissionsVersion,
      subscriptionStatus: orgs.subscriptionStatus,
      twoFactorRequiredFor: orgs.twoFactorRequiredFor,
      role: memberships.role,
    })
    .from(orgs)
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, orgs.id), userId ? eq(memberships.userId, userId) : sql`false`),
    )
    .where(eq(orgs.slug, slug))
  return row ?? null
}

/**
 * Scopes the open transaction to the org named by `slug` (runtime role + app.org_id) and returns the
 * org with the user's membership, in one statement: the access check costs no extra round trip.
 * Returns null (and scopes nothing) when no org has that slug.
 */
export async function scopeToOrgBySlug(tx: Tx, slug: string, userId: string) {
  // minga_scope_to_org (migration 0010): PL/pgSQL keeps its plan per connection.
  const result = await tx.execute<{
    id: string
    slug: string
    name: string
    timezone: string
    status: 'active' | 'suspended'
    kind: OrgRow['kind']
    permissions_version: number
    subscription_status: OrgRow['subscriptionStatus']
    two_factor_required_for: string[]
    role: MembershipRow['role'] | null
  }>(sql`select * from minga_scope_to_org(${slug}, ${userId})`)
  const row = result.rows[0]
  if (!row) return null
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    status: row.status,
    kind: row.kind,
    permissionsVersion: row.permissions_version,
    subscriptionStatus: row.subscription_status,
    twoFactorRequiredFor: row.two_factor_required_for,
    role: row.role,
  }
}

type OrgRow = typeof orgs.$inferSelect
type MembershipRow = typeof memberships.$inferSelect

/** Cached permissions are keyed by this version: any change to roles or memberships bumps it. */
export async function bumpPermissionsVersion(tx: Tx, orgId: string) {
  await tx
    .update(orgs)
    .set({ permissionsVersion: sql`${orgs.permissionsVersion} + 1` })
    .where(eq(orgs.id, orgId))
}

export async function markAccessSeeded(tx: Tx, orgId: string, now: Date) {
  await tx.update(orgs).set({ accessSeededAt: now }).where(eq(orgs.id, orgId))
}

export async function orgsWithoutAccessSeed(db: Db) {
  return db.select({ id: orgs.id, kind: orgs.kind }).from(orgs).where(isNull(orgs.accessSeededAt))
}

// Roles ---------------------------------------------------------------------------------------------

export async function listRoles(tx: Tx, orgId: string) {
  return tx.select().from(roles).where(eq(roles.orgId, orgId)).orderBy(roles.key)
}

export async function listRolePermissions(tx: Tx, orgId: string) {
  return tx
    .select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission })
    .from(rolePermissions)
    .where(eq(rolePermissions.orgId, orgId))
}

export async function findRole(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.id, id)))
  return row ?? null
}

export async function findRoleByKey(tx: Tx, orgId: string, key: string) {
  const [row] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), eq(roles.key, key)))
  return row ?? null
}

export async function insertRole(tx: Tx, values: typeof roles.$inferInsert) {
  const [row] = await tx.insert(roles).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateRoleIfVersion(
  tx: Tx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<Pick<RoleRow, 'name' | 'description' | 'inherits'>>,
) {
  const [row] = await tx
    .update(roles)
    .set({ ...patch, version: sql`${roles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(roles.orgId, orgId), eq(roles.id, id), eq(roles.version, version)))
    .returning()
  return row ?? null
}

export async function deleteRole(tx: Tx, orgId: string, id: string) {
  await tx
    .update(invitations)
    .set({ roleId: null, branchId: null })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.roleId, id)))
  await tx.delete(roles).where(and(eq(roles.orgId, orgId), eq(roles.id, id)))
}

export async function setRolePermissions(tx: Tx, orgId: string, roleId: string, permissions: string[]) {
  await tx
    .delete(rolePermissions)
    .where(and(eq(rolePermissions.orgId, orgId), eq(rolePermissions.roleId, roleId)))
  if (permissions.length) {
    await tx.insert(rolePermissions).values(permissions.map((permission) => ({ orgId, roleId, permission })))
  }
}

// Assignments ---------------------------------------------------------------------------------------

export async function listAssignmentsOfUser(tx: Tx, orgId: string, userId: string) {
  return tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.orgId, orgId), eq(roleAssignments.userId, userId)))
}

export async function listAssignments(tx: Tx, orgId: string, userId?: string) {
  return tx
    .select({ assignment: roleAssignments, roleKey: roles.key })
    .from(roleAssignments)
    .innerJoin(roles, and(eq(roles.orgId, roleAssignments.orgId), eq(roles.id, roleAssignments.roleId)))
    .where(and(eq(roleAssignments.orgId, orgId), userId ? eq(roleAssignments.userId, userId) : undefined))
    .orderBy(roleAssignments.id)
}

export async function insertAssignment(tx: Tx, values: typeof roleAssignments.$inferInsert) {
  const [row] = await tx.insert(roleAssignments).values(values).onConflictDoNothing().returning()
  return row ?? null
}

export async function findAssignment(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.orgId, orgId), eq(roleAssignments.id, id)))
  return row ?? null
}

export async function deleteAssignment(tx: Tx, orgId: string, id: string) {
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.orgId, orgId), eq(roleAssignments.id, id)))
}

export async function countRoleUse(tx: Tx, orgId: string, roleId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.orgId, orgId), eq(roleAssignments.roleId, roleId)))
  return row?.n ?? 0
}

// Invitations ---------------------------------------------------------------------------------------

export async function insertInvitation(tx: Tx, values: typeof invitations.$inferInsert) {
  const [row] = await tx.insert(invitations).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findInvitation(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
  return row ?? null
}

export async function findInvitationByHash(tx: Tx, orgId: string, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.tokenHash, tokenHash)))
  return row ?? null
}

export async function findPendingInvitationForEmail(tx: Tx, orgId: string, email: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.email, email), eq(invitations.status, 'pending')))
  return row ?? null
}

export async function updateInvitation(
  tx: Tx,
  orgId: string,
  id: string,
  patch: Partial<typeof invitations.$inferInsert>,
) {
  const [row] = await tx
    .update(invitations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .returning()
  if (!row) throw new Error('update returned no row')
  return row
}

export async function listInvitations(
  tx: Tx,
  orgId: string,
  page: { limit: number; after?: string; status?: InvitationRow['status'] },
) {
  return tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        page.status ? eq(invitations.status, page.status) : undefined,
        page.after ? lt(invitations.id, page.after) : undefined,
      ),
    )
    .orderBy(desc(invitations.id))
    .limit(page.limit + 1)
}

// API keys ------------------------------------------------------------------------------------------

export async function insertApiKey(tx: Tx, values: typeof apiKeys.$inferInsert) {
  const [row] = await tx.insert(apiKeys).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findApiKey(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
  return row ?? null
}

/** The key with this hash, with its creator's account and current membership role (null: removed). */
export async function findApiKeyByHash(tx: Tx, orgId: string, keyHash: string) {
  const [row] = await tx
    .select({
      key: apiKeys,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        emailVerified: users.emailVerified,
        twoFactorEnabled: users.twoFactorEnabled,
      },
      role: memberships.role,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, apiKeys.orgId), eq(memberships.userId, apiKeys.createdBy)),
    )
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.keyHash, keyHash)))
  return row ?? null
}

export async function touchApiKey(tx: Tx, orgId: string, id: string, now: Date) {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
}

export async function revokeApiKey(tx: Tx, orgId: string, id: string, now: Date) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning()
  return row ?? null
}

export async function listApiKeys(tx: Tx, orgId: string, page: { limit: number; after?: string }) {
  return tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), page.after ? lt(apiKeys.id, page.after) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(page.limit + 1)
}

export async function rolesByIds(tx: Tx, orgId: string, ids: string[]) {
  if (!ids.length) return []
  return tx
    .select()
    .from(roles)
    .where(and(eq(roles.orgId, orgId), inArray(roles.id, ids)))
}
