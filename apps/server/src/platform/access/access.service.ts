import { createHash, randomBytes } from 'node:crypto'
import type {
  ApiKey,
  CreateApiKey,
  CreateRole,
  CreateRoleAssignment,
  MyPermissions,
  OrgKind,
  Role,
  RoleAssignment,
  UpdateRole,
} from '@minga/contracts'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import { recordRoleChange } from '../auth/security-log.ts'
import type { Tx } from '../db/with-org.ts'
import { AppError, notFound } from '../http/app-error.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import type { ServiceContext } from '../service-context.ts'
import { findMembership } from '../tenancy/tenancy.repository.ts'
import { branches } from '../tenancy/tenancy.tables.ts'
import * as repo from './access.repository.ts'
import { accessOf, closeRoles, type EffectiveAccess, fullAccess, holds } from './effective-permissions.ts'
import type { PermissionCatalog } from './permissions.ts'
import { roleTemplates } from './role-templates.ts'

// Seeding --------------------------------------------------------------------------------------------

/** Creates the org kind's built-in roles (in an org-scoped transaction). Idempotent per role key. */
export async function seedOrgRoles(tx: Tx, orgId: string, kind: OrgKind, catalog: PermissionCatalog) {
  const templates = roleTemplates[kind]
  const ids = new Map<string, string>()
  for (const template of templates.roles) {
    const existing = await repo.findRoleByKey(tx, orgId, template.key)
    if (existing) {
      ids.set(template.key, existing.id)
      continue
    }
    const row = await repo.insertRole(tx, {
      orgId,
      key: template.key,
      name: template.name.es,
      description: template.description.es,
      builtIn: true,
    })
    ids.set(template.key, row.id)
    await repo.setRolePermissions(tx, orgId, row.id, catalog.expand(template.permissions))
  }
  for (const template of templates.roles) {
    const inherits = (template.inherits ?? []).map((key) => ids.get(key)).filter((id): id is string => !!id)
    if (inherits.length) {
      const id = ids.get(template.key) as string
      const role = await repo.findRole(tx, orgId, id)
      if (role && role.inherits.length === 0)
        await repo.updateRoleIfVersion(tx, orgId, id, role.version, { inherits })
    }
  }
  await repo.markAccessSeeded(tx, orgId, new Date())
}

/** Gives a plain member the org kind's default role (org-wide). */
export async function assignDefaultRole(
  tx: Tx,
  orgId: string,
  kind: OrgKind,
  userId: string,
  by: string | null,
) {
  const role = await repo.findRoleByKey(tx, orgId, roleTemplates[kind].defaultRole)
  if (!role) return
  await repo.insertAssignment(tx, { orgId, userId, roleId: role.id, branchId: null, createdBy: by })
}

// Privilege rules -------------------------------------------------------------------------------------

/** The caller's access; system contexts (seeds, jobs) hold everything. */
function callerAccess(ctx: ServiceContext): EffectiveAccess {
  const access = accessOf(ctx)
  return access === 'system' ? fullAccess('owner') : access
}

/** Nobody grants (or takes away) a permission they do not hold themselves, in that scope. */
export function assertCanGrant(
  ctx: ServiceContext,
  permissions: Iterable<string>,
  path: string,
  branchId?: string,
) {
  const access = callerAccess(ctx)
  const missing = [...permissions].filter((p) => !holds(access, p, branchId)).sort()
  if (missing.length) {
    throw new AppError('forbidden', `You cannot grant permissions you do not hold: ${missing.join(', ')}`, [
      { path, message: `Not held by you: ${missing.join(', ')}` },
    ])
  }
}

export function isPlatformManager(ctx: ServiceContext) {
  const access = callerAccess(ctx)
  return access.all && !access.apiKeyId
}

// Roles -----------------------------------------------------------------------------------------------

async function loadRoles(ctx: ServiceContext) {
  const rows = await repo.listRoles(ctx.db, ctx.orgId)
  const perms = await repo.listRolePermissions(ctx.db, ctx.orgId)
  return { rows, perms, closure: closeRoles(rows, perms) }
}

function toRoleDto(
  row: repo.RoleRow,
  perms: { roleId: string; permission: string }[],
  closure: Map<string, Set<string>>,
): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    builtIn: row.builtIn,
    inherits: row.inherits,
    permissions: perms
      .filter((p) => p.roleId === row.id)
      .map((p) => p.permission)
      .sort(),
    effectivePermissions: [...(closure.get(row.id) ?? [])].sort(),
    version: row.version,
  }
}

export async function listRoles(ctx: ServiceContext) {
  const { rows, perms, closure } = await loadRoles(ctx)
  return { items: rows.map((r) => toRoleDto(r, perms, closure)) }
}

export async function getRole(ctx: ServiceContext, id: string) {
  const { rows, perms, closure } = await loadRoles(ctx)
  const row = rows.find((r) => r.id === id)
  if (!row) throw notFound('Role')
  return toRoleDto(row, perms, closure)
}

function assertKnownPermissions(catalog: PermissionCatalog, permissions: string[], path: string) {
  const unknown = permissions.map((p, i) => ({ p, i })).filter(({ p }) => !catalog.has(p))
  if (unknown.length) {
    throw new AppError(
      'unprocessable',
      'Unknown permissions',
      unknown.map(({ p, i }) => ({ path: `${path}.${i}`, message: `Unknown permission ${p}` })),
    )
  }
}

function assertKnownRoles(rows: repo.RoleRow[], inherits: string[], path: string) {
  const known = new Set(rows.map((r) => r.id))
  const unknown = inherits.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id))
  if (unknown.length) {
    throw new AppError(
      'unprocessable',
      'Unknown roles in inherits',
      unknown.map(({ i }) => ({ path: `${path}.${i}`, message: 'No such role in this organization' })),
    )
  }
}

const roleAudit = (row: repo.RoleRow, permissions: string[]) => ({
  key: row.key,
  name: row.name,
  description: row.description,
  inherits: row.inherits,
  permissions: [...permissions].sort(),
})

export async function createRole(ctx: ServiceContext, catalog: PermissionCatalog, input: CreateRole) {
  const permissions = [...new Set(input.permissions)]
  const inherits = [...new Set(input.inherits)]
  assertKnownPermissions(catalog, permissions, 'body.permissions')
  const { rows, perms } = await loadRoles(ctx)
  assertKnownRoles(rows, inherits, 'body.inherits')
  if (rows.some((r) => r.key === input.key)) {
    throw new AppError('conflict', 'A role with this key exists', [
      { path: 'body.key', message: 'Key already in use' },
    ])
  }
  // What the new role would grant, inherited roles included.
  const candidate = closeRoles(
    [...rows, { id: 'new', inherits } as repo.RoleRow],
    [...perms, ...permissions.map((permission) => ({ roleId: 'new', permission }))],
  )
  assertCanGrant(ctx, candidate.get('new') ?? [], 'body.permissions')
  const row = await repo.insertRole(ctx.db, {
    orgId: ctx.orgId,
    key: input.key,
    name: input.name,
    description: input.description,
    inherits,
  })
  await repo.setRolePermissions(ctx.db, ctx.orgId, row.id, permissions)
  await repo.bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'role.created',
    entityType: 'role',
    entityId: row.id,
    after: roleAudit(row, permissions),
  })
  return getRole(ctx, row.id)
}

export async function updateRole(
  ctx: ServiceContext,
  catalog: PermissionCatalog,
  id: string,
  version: number,
  patch: UpdateRole,
) {
  const { rows, perms, closure } = await loadRoles(ctx)
  const before = rows.find((r) => r.id === id)
  if (!before) throw notFound('Role')
  if (before.version !== version)
    throw new AppError('precondition_failed', 'The role changed since you read it')
  const beforePermissions = perms.filter((p) => p.roleId === id).map((p) => p.permission)
  const permissions = patch.permissions ? [...new Set(patch.permissions)] : beforePermissions
  const inherits = patch.inherits ? [...new Set(patch.inherits)] : before.inherits
  if (patch.permissions) assertKnownPermissions(catalog, permissions, 'body.permissions')
  if (patch.inherits) {
    assertKnownRoles(rows, inherits, 'body.inherits')
    if (createsCycle(rows, id, inherits)) {
      throw new AppError('unprocessable', 'A role cannot inherit from itself, directly or indirectly', [
        { path: 'body.inherits', message: 'Inheritance cycle' },
      ])
    }
  }
  const nextRows = rows.map((r) => (r.id === id ? { ...r, inherits } : r))
  const nextPerms = [
    ...perms.filter((p) => p.roleId !== id),
    ...permissions.map((permission) => ({ roleId: id, permission })),
  ]
  const next = closeRoles(nextRows, nextPerms)
  const old = closure.get(id) ?? new Set<string>()
  const now = next.get(id) ?? new Set<string>()
  const changed = [...now].filter((p) => !old.has(p)).concat([...old].filter((p) => !now.has(p)))
  assertCanGrant(ctx, changed, 'body.permissions')
  const after = await repo.updateRoleIfVersion(ctx.db, ctx.orgId, id, version, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    inherits,
  })
  if (!after) throw new AppError('precondition_failed', 'The role changed since you read it')
  if (patch.permissions) await repo.setRolePermissions(ctx.db, ctx.orgId, id, permissions)
  await repo.bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'role.updated',
    entityType: 'role',
    entityId: id,
    before: roleAudit(before, beforePermissions),
    after: roleAudit(after, permissions),
  })
  return getRole(ctx, id)
}

function createsCycle(rows: { id: string; inherits: string[] }[], id: string, inherits: string[]) {
  const graph = new Map(rows.map((r) => [r.id, r.id === id ? inherits : r.inherits]))
  const stack = [...inherits]
  const seen = new Set<string>()
  while (stack.length) {
    const next = stack.pop() as string
    if (next === id) return true
    if (seen.has(next)) continue
    seen.add(next)
    stack.push(...(graph.get(next) ?? []))
  }
  return false
}

export async function deleteRole(ctx: ServiceContext, id: string) {
  const { rows, perms, closure } = await loadRoles(ctx)
  const row = rows.find((r) => r.id === id)
  if (!row) throw notFound('Role')
  if (row.builtIn) throw new AppError('conflict', 'Built-in roles cannot be deleted (edit them instead)')
  const heirs = rows.filter((r) => r.inherits.includes(id))
  if (heirs.length) {
    throw new AppError('conflict', `Roles ${heirs.map((r) => r.key).join(', ')} inherit from this role`)
  }
  assertCanGrant(ctx, closure.get(id) ?? [], 'params.id')
  await repo.deleteRole(ctx.db, ctx.orgId, id)
  await repo.bumpPermissionsVersion(ctx.db, ctx.orgId)
  const permissions = perms.filter((p) => p.roleId === id).map((p) => p.permission)
  await recordAudit(ctx, {
    action: 'role.deleted',
    entityType: 'role',
    entityId: id,
    before: roleAudit(row, permissions),
  })
}

// Assignments -----------------------------------------------------------------------------------------

const toAssignmentDto = (a: repo.AssignmentRow, roleKey: string): RoleAssignment => ({
  id: a.id,
  userId: a.userId,
  roleId: a.roleId,
  roleKey,
  branchId: a.branchId,
  createdAt: a.createdAt.toISOString(),
})

export async function listAssignments(ctx: ServiceContext, userId?: string) {
  const rows = await repo.listAssignments(ctx.db, ctx.orgId, userId)
  return { items: rows.map((r) => toAssignmentDto(r.assignment, r.roleKey)) }
}

async function branchExists(tx: Tx, orgId: string, id: string) {
  const rows = await tx
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.orgId, orgId), eq(branches.id, id)))
  return rows.length > 0
}

export async function createAssignment(ctx: ServiceContext, input: CreateRoleAssignment) {
  if (!(await findMembership(ctx.db, ctx.orgId, input.userId))) {
    throw new AppError('unprocessable', 'This user is not a member', [
      { path: 'body.userId', message: 'Not a member' },
    ])
  }
  const { rows, closure } = await loadRoles(ctx)
  const role = rows.find((r) => r.id === input.roleId)
  if (!role)
    throw new AppError('unprocessable', 'No such role', [{ path: 'body.roleId', message: 'No such role' }])
  if (input.branchId && !(await branchExists(ctx.db, ctx.orgId, input.branchId))) {
    throw new AppError('unprocessable', 'No such branch', [
      { path: 'body.branchId', message: 'No such branch' },
    ])
  }
  assertCanGrant(ctx, closure.get(role.id) ?? [], 'body.roleId', input.branchId)
  const row = await repo.insertAssignment(ctx.db, {
    orgId: ctx.orgId,
    userId: input.userId,
    roleId: role.id,
    branchId: input.branchId ?? null,
    createdBy: ctx.actor.userId,
  })
  if (!row) {
    throw new AppError('conflict', 'The member already has this role here', [
      { path: 'body.roleId', message: 'Already assigned' },
    ])
  }
  await repo.bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'role.assigned',
    entityType: 'role_assignment',
    entityId: row.id,
    after: { userId: row.userId, role: role.key, branchId: row.branchId },
  })
  await recordRoleChange(ctx, row.userId, { assigned: role.key, branchId: row.branchId })
  return toAssignmentDto(row, role.key)
}

export async function deleteAssignment(ctx: ServiceContext, id: string) {
  const row = await repo.findAssignment(ctx.db, ctx.orgId, id)
  if (!row) throw notFound('Role assignment')
  const { rows, closure } = await loadRoles(ctx)
  const role = rows.find((r) => r.id === row.roleId)
  assertCanGrant(ctx, closure.get(row.roleId) ?? [], 'params.id', row.branchId ?? undefined)
  await repo.deleteAssignment(ctx.db, ctx.orgId, id)
  await repo.bumpPermissionsVersion(ctx.db, ctx.orgId)
  await recordAudit(ctx, {
    action: 'role.unassigned',
    entityType: 'role_assignment',
    entityId: id,
    before: { userId: row.userId, role: role?.key ?? row.roleId, branchId: row.branchId },
  })
  await recordRoleChange(ctx, row.userId, { unassigned: role?.key ?? row.roleId, branchId: row.branchId })
}

export function myPermissions(ctx: ServiceContext, catalog: PermissionCatalog): MyPermissions {
  const access = callerAccess(ctx)
  return {
    role: access.role,
    all: access.all,
    permissions: access.all ? catalog.keys().sort() : [...access.orgWide].sort(),
    branches: [...access.branches].map(([branchId, set]) => ({ branchId, permissions: [...set].sort() })),
  }
}

// API keys --------------------------------------------------------------------------------------------

export const API_KEY_PREFIX = 'mk_'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** `mk_<org id, 32 hex>_<256-bit secret, base64url>`: the org part routes the lookup to its org's rows. */
export function newApiKeySecret(orgId: string) {
  return `${API_KEY_PREFIX}${orgId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`
}

export function parseOrgToken(token: string, prefix: string): { orgId: string } | null {
  if (!token.startsWith(prefix)) return null
  const match = /^([0-9a-f]{32})[_.]([A-Za-z0-9_-]{40,})$/.exec(token.slice(prefix.length))
  if (!match) return null
  const hex = match[1] as string
  const orgId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { orgId }
}

const toApiKeyDto = (row: repo.ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  hint: row.hint,
  permissions: [...row.permissions].sort(),
  createdBy: row.createdBy,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
})

export async function createApiKey(ctx: ServiceContext, catalog: PermissionCatalog, input: CreateApiKey) {
  const access = callerAccess(ctx)
  if (access.apiKeyId) throw new AppError('forbidden', 'API keys cannot create API keys')
  const permissions = [...new Set(input.permissions)].sort()
  assertKnownPermissions(catalog, permissions, 'body.permissions')
  assertCanGrant(ctx, permissions, 'body.permissions')
  const key = newApiKeySecret(ctx.orgId)
  const row = await repo.insertApiKey(ctx.db, {
    orgId: ctx.orgId,
    name: input.name,
    hint: `${API_KEY_PREFIX}…${key.slice(-4)}`,
    keyHash: sha256(key),
    permissions,
    createdBy: ctx.actor.userId as string,
    expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null,
  })
  await recordAudit(ctx, {
    action: 'api_key.created',
    entityType: 'api_key',
    entityId: row.id,
    after: { name: row.name, permissions, expiresAt: row.expiresAt },
  })
  return { ...toApiKeyDto(row), key }
}

export async function listApiKeys(ctx: ServiceContext, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor)
  const rows = await repo.listApiKeys(ctx.db, ctx.orgId, { limit: page.limit, ...(after ? { after } : {}) })
  const result = toPage(rows, page.limit, (r) => r.id)
  return { items: result.items.map(toApiKeyDto), nextCursor: result.nextCursor }
}

export async function revokeApiKey(ctx: ServiceContext, id: string) {
  const existing = await repo.findApiKey(ctx.db, ctx.orgId, id)
  if (!existing) throw notFound('API key')
  if (existing.revokedAt) throw new AppError('conflict', 'This API key is already revoked')
  const row = await repo.revokeApiKey(ctx.db, ctx.orgId, id, ctx.now)
  if (!row) throw new AppError('conflict', 'This API key is already revoked')
  await recordAudit(ctx, {
    action: 'api_key.revoked',
    entityType: 'api_key',
    entityId: id,
    before: { revokedAt: null },
    after: { revokedAt: row.revokedAt },
  })
  return toApiKeyDto(row)
}
