import type { Branch, CreateOrg, Member, MembershipRole, Org, UpdateOrg } from '@minga/contracts'
import {
  bumpPermissionsVersion,
  listAssignmentsOfUser,
  listRolePermissions,
  listRoles,
} from '../access/access.repository.ts'
import {
  assertCanGrant,
  assignDefaultRole,
  isPlatformManager,
  seedOrgRoles,
} from '../access/access.service.ts'
import { closeRoles } from '../access/effective-permissions.ts'
import type { PermissionCatalog } from '../access/permissions.ts'
import { roleTemplates } from '../access/role-templates.ts'
import { recordAudit } from '../audit/audit.ts'
import { recordRoleChange } from '../auth/security-log.ts'
import type { Db } from '../db/connection.ts'
import { isUniqueViolation } from '../db/unique-violation.ts'
import { scopeToOrg } from '../db/with-org.ts'
import { AppError, notFound } from '../http/app-error.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import { assertRoomForBranch, assertRoomForMember, findPlan, modulesAllowed } from '../plans/plans.service.ts'
import type { ServiceContext } from '../service-context.ts'
import * as repo from './tenancy.repository.ts'

export function toOrgDto(row: repo.OrgRow, role: MembershipRole): Org {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    timezone: row.timezone,
    currency: row.currency,
    locale: row.locale,
    enabledModules: row.enabledModules,
    status: row.status,
    role,
    createdAt: row.createdAt.toISOString(),
  }
}

const slugTaken = () =>
  new AppError('conflict', 'This slug is already in use', [
    { path: 'body.slug', message: 'Slug already in use' },
  ])

/**
 * Creates an org with its creator as owner. Runs before any org scope exists, so it opens its own
 * transaction and switches it to the new org only for the audit row.
 */
export async function createOrg(
  db: Db,
  creator: { userId: string; requestId: string; ip: string | null },
  input: CreateOrg,
  enabledModules: string[],
  catalog: PermissionCatalog,
): Promise<{ org: Org; version: number }> {
  if (await repo.orgSlugExists(db, input.slug)) throw slugTaken()
  // New orgs start on the default plan (the column default), trialing; its modules bound the defaults.
  const plan = await findPlan(db, 'standard')
  try {
    return await db.transaction(async (tx) => {
      const row = await repo.insertOrg(tx, {
        name: input.name,
        slug: input.slug,
        kind: input.kind,
        enabledModules: modulesAllowed(plan, enabledModules),
        ...(input.timezone ? { timezone: input.timezone } : {}),
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
      })
      await repo.insertMembership(tx, row.id, creator.userId, 'owner')
      await scopeToOrg(tx, row.id)
      await seedOrgRoles(tx, row.id, row.kind, catalog)
      const ctx = systemlessContext(tx, row.id, creator)
      await recordAudit(ctx, {
        action: 'org.created',
        entityType: 'org',
        entityId: row.id,
        after: auditView(row),
      })
      return { org: toOrgDto(row, 'owner'), version: row.version }
    })
  } catch (err) {
    // Two creators racing for one slug: the unique index decides; report it like the pre-check.
    if (isUniqueViolation(err)) throw slugTaken()
    throw err
  }
}

function systemlessContext(
  tx: ServiceContext['db'],
  orgId: string,
  creator: { userId: string; requestId: string; ip: string | null },
): ServiceContext {
  return {
    db: tx,
    orgId,
    actor: { userId: creator.userId, role: 'owner' },
    requestId: creator.requestId,
    now: new Date(),
    ip: creator.ip,
  }
}

const auditView = (row: repo.OrgRow) => ({
  name: row.name,
  slug: row.slug,
  kind: row.kind,
  timezone: row.timezone,
  locale: row.locale,
  status: row.status,
})

export async function listMyOrgs(
  db: Db,
  userId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(page.cursor)
  const rows = await repo.listOrgsOfUser(db, userId, { limit: page.limit, ...(after ? { after } : {}) })
  const result = toPage(rows, page.limit, (r) => r.org.id)
  return { items: result.items.map((r) => toOrgDto(r.org, r.role)), nextCursor: result.nextCursor }
}

export async function getOrg(ctx: ServiceContext, role: MembershipRole) {
  const row = await repo.findOrgById(ctx.db, ctx.orgId)
  if (!row) throw notFound('Organization')
  return { org: toOrgDto(row, role), version: row.version }
}

/** The org's slug, for links in notifications and mail. */
export async function orgSlugOf(ctx: ServiceContext): Promise<string> {
  const row = await repo.findOrgById(ctx.db, ctx.orgId)
  if (!row) throw notFound('Organization')
  return row.slug
}

export async function updateOrg(
  ctx: ServiceContext,
  role: MembershipRole,
  version: number,
  patch: UpdateOrg,
) {
  const before = await repo.findOrgById(ctx.db, ctx.orgId)
  if (!before) throw notFound('Organization')
  if (before.version !== version) {
    throw new AppError('precondition_failed', 'The organization changed since you read it')
  }
  const after = await repo.updateOrgIfVersion(ctx.db, ctx.orgId, version, patch)
  if (!after) throw new AppError('precondition_failed', 'The organization changed since you read it')
  await recordAudit(ctx, {
    action: 'org.updated',
    entityType: 'org',
    entityId: ctx.orgId,
    before: auditView(before),
    after: auditView(after),
  })
  return { org: toOrgDto(after, role), version: after.version }
}

export async function listMembers(ctx: ServiceContext, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor)
  const rows = await repo.listMembers(ctx.db, ctx.orgId, { limit: page.limit, ...(after ? { after } : {}) })
  const result = toPage(rows, page.limit, (r) => r.userId)
  return {
    nextCursor: result.nextCursor,
    items: result.items.map((m): Member => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
  }
}

/** Every current member of the org by user id, for modules that address them all (audiences, reminders, KPIs). */
export async function memberDirectory(ctx: ServiceContext): Promise<Map<string, Member>> {
  const members = new Map<string, Member>()
  let cursor: string | undefined
  do {
    const page = await listMembers(ctx, { limit: 1000, ...(cursor ? { cursor } : {}) })
    for (const m of page.items) members.set(m.userId, m)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return members
}

/** Adds an existing user to the org (invitations by email come with the access module). */
export async function addMember(ctx: ServiceContext, input: { email: string; role: 'admin' | 'member' }) {
  if (input.role === 'admin' && !isPlatformManager(ctx)) {
    throw new AppError('forbidden', 'Only owners and admins can make someone an admin', [
      { path: 'body.role', message: 'Only owners and admins can grant admin' },
    ])
  }
  const user = await repo.findUserByEmail(ctx.db, input.email)
  if (!user) {
    throw new AppError('unprocessable', 'No user has this email', [
      { path: 'body.email', message: 'No user has this email' },
    ])
  }
  if (await repo.findMembership(ctx.db, ctx.orgId, user.id)) {
    throw new AppError('conflict', 'This user is already a member', [
      { path: 'body.email', message: 'Already a member' },
    ])
  }
  await assertRoomForMember(ctx.db, ctx.orgId, 'body.email')
  const org = await repo.findOrgById(ctx.db, ctx.orgId)
  if (!org) throw notFound('Organization')
  if (input.role === 'member') await assertDefaultRoleGrantable(ctx, org.kind)
  await repo.insertMembership(ctx.db, ctx.orgId, user.id, input.role)
  if (input.role === 'member') await assignDefaultRole(ctx.db, ctx.orgId, org.kind, user.id, ctx.actor.userId)
  await bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'member.added',
    entityType: 'membership',
    entityId: user.id,
    after: { email: user.email, role: input.role },
  })
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: input.role,
    joinedAt: ctx.now.toISOString(),
  }
}

const toBranchDto = (row: { id: string; name: string; code: string; address: string | null }): Branch => ({
  id: row.id,
  name: row.name,
  code: row.code,
  address: row.address,
})

export async function listBranches(
  ctx: ServiceContext,
  page: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(page.cursor)
  const rows = await repo.listBranches(ctx.db, ctx.orgId, { limit: page.limit, ...(after ? { after } : {}) })
  const result = toPage(rows, page.limit, (r) => r.id)
  return { items: result.items.map(toBranchDto), nextCursor: result.nextCursor }
}

export async function createBranch(
  ctx: ServiceContext,
  input: { name: string; code: string; address?: string },
) {
  await assertRoomForBranch(ctx.db, ctx.orgId, 'body.name')
  if (await repo.branchCodeExists(ctx.db, ctx.orgId, input.code)) {
    throw new AppError('conflict', 'A branch with this code exists', [
      { path: 'body.code', message: 'Code already in use' },
    ])
  }
  const row = await repo.insertBranch(ctx.db, {
    orgId: ctx.orgId,
    name: input.name,
    code: input.code,
    address: input.address ?? null,
  })
  await recordAudit(ctx, {
    action: 'branch.created',
    entityType: 'branch',
    entityId: row.id,
    after: { name: row.name, code: row.code, address: row.address },
  })
  return toBranchDto(row)
}

/** Whoever adds a plain member hands out the kind's default role: they must hold its permissions. */
async function assertDefaultRoleGrantable(ctx: ServiceContext, kind: repo.OrgRow['kind']) {
  const rows = await listRoles(ctx.db, ctx.orgId)
  const role = rows.find((r) => r.key === roleTemplates[kind].defaultRole)
  if (!role) return
  const closure = closeRoles(rows, await listRolePermissions(ctx.db, ctx.orgId))
  assertCanGrant(ctx, closure.get(role.id) ?? [], 'body.role')
}

/**
 * Changes a member's platform role. Only owners touch owners; only owners and admins grant or take
 * away admin (so nobody makes themselves admin); the last owner stays.
 */
export async function changeMemberRole(ctx: ServiceContext, userId: string, role: MembershipRole) {
  const membership = await repo.findMembership(ctx.db, ctx.orgId, userId)
  if (!membership) throw notFound('Member')
  assertMayManage(ctx, membership.role, role)
  if (membership.role === role) return memberDto(ctx, userId)
  if (membership.role === 'owner') await assertNotLastOwner(ctx)
  await repo.updateMembershipRole(ctx.db, ctx.orgId, userId, role)
  if (role === 'member' && (await listAssignmentsOfUser(ctx.db, ctx.orgId, userId)).length === 0) {
    const org = await repo.findOrgById(ctx.db, ctx.orgId)
    if (org) await assignDefaultRole(ctx.db, ctx.orgId, org.kind, userId, ctx.actor.userId)
  }
  await bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'member.role_changed',
    entityType: 'membership',
    entityId: userId,
    before: { role: membership.role },
    after: { role },
  })
  await recordRoleChange(ctx, userId, { from: membership.role, to: role })
  return memberDto(ctx, userId)
}

/** Removes a member (their role assignments go with the membership); effective on the next request. */
export async function removeMember(ctx: ServiceContext, userId: string) {
  const membership = await repo.findMembership(ctx.db, ctx.orgId, userId)
  if (!membership) throw notFound('Member')
  assertMayManage(ctx, membership.role, 'member')
  if (membership.role === 'owner') await assertNotLastOwner(ctx)
  await repo.deleteMembership(ctx.db, ctx.orgId, userId)
  await bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'member.removed',
    entityType: 'membership',
    entityId: userId,
    before: { role: membership.role },
  })
}

function assertMayManage(ctx: ServiceContext, current: MembershipRole, next: MembershipRole) {
  const touchesOwner = current === 'owner' || next === 'owner'
  const touchesAdmin = current === 'admin' || next === 'admin'
  if (touchesOwner && !(ctx.actor.role === 'owner' && isPlatformManager(ctx))) {
    throw new AppError('forbidden', 'Only owners can grant or change the owner role', [
      { path: 'body.role', message: 'Only owners can do this' },
    ])
  }
  if (touchesAdmin && !isPlatformManager(ctx)) {
    throw new AppError('forbidden', 'Only owners and admins can grant or change the admin role', [
      { path: 'body.role', message: 'Only owners and admins can do this' },
    ])
  }
}

async function assertNotLastOwner(ctx: ServiceContext) {
  if ((await repo.countOwners(ctx.db, ctx.orgId)) <= 1) {
    throw new AppError('conflict', 'An organization keeps at least one owner')
  }
}

async function memberDto(ctx: ServiceContext, userId: string): Promise<Member> {
  const row = await repo.findMemberView(ctx.db, ctx.orgId, userId)
  if (!row) throw notFound('Member')
  return { ...row, joinedAt: row.joinedAt.toISOString() }
}
