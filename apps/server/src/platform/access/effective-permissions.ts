import type { MembershipRole } from '@minga/contracts'
import type { FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import type { Tx } from '../db/with-org.ts'
import { forbidden } from '../http/app-error.ts'
import type { ServiceContext } from '../service-context.ts'
import { listAssignmentsOfUser, listRolePermissions, listRoles } from './access.repository.ts'

/**
 * What one caller may do in one org. Owners and admins hold everything (`all`); anyone else holds the
 * union of their role assignments (with inherited roles), org-wide or per branch. An API key holds
 * its own permissions intersected with its creator's org-wide ones.
 */
export type EffectiveAccess = {
  role: MembershipRole
  all: boolean
  orgWide: ReadonlySet<string>
  branches: ReadonlyMap<string, ReadonlySet<string>>
  /** Keys of the roles assigned to the member (the org's 2FA policy names roles by key). */
  roleKeys: readonly string[]
  apiKeyId?: string
}

type Serialized = {
  role: MembershipRole
  all: boolean
  orgWide: string[]
  branches: [string, string[]][]
  roleKeys?: string[]
}

const serialize = (a: EffectiveAccess): Serialized => ({
  role: a.role,
  all: a.all,
  orgWide: [...a.orgWide],
  branches: [...a.branches].map(([id, set]) => [id, [...set]]),
  roleKeys: [...a.roleKeys],
})
const deserialize = (s: Serialized): EffectiveAccess => ({
  role: s.role,
  all: s.all,
  orgWide: new Set(s.orgWide),
  branches: new Map(s.branches.map(([id, list]) => [id, new Set(list)])),
  roleKeys: s.roleKeys ?? [],
})

export const fullAccess = (role: 'owner' | 'admin'): EffectiveAccess => ({
  role,
  all: true,
  orgWide: new Set(),
  branches: new Map(),
  roleKeys: [],
})

/** Does `access` hold `permission` org-wide, or in `branchId` when given? */
export function holds(access: EffectiveAccess, permission: string, branchId?: string): boolean {
  if (access.all || access.orgWide.has(permission)) return true
  if (branchId === undefined) return false
  return access.branches.get(branchId)?.has(permission) ?? false
}

/** Anywhere at all (org-wide or in some branch): enough to reach a route; services narrow by branch. */
export function holdsAnywhere(access: EffectiveAccess, permission: string): boolean {
  if (holds(access, permission)) return true
  for (const set of access.branches.values()) if (set.has(permission)) return true
  return false
}

/** Every permission `access` holds org-wide (`all` expands to the given catalog keys). */
export function orgWidePermissions(access: EffectiveAccess, catalogKeys: string[]): string[] {
  return access.all ? [...catalogKeys].sort() : [...access.orgWide].sort()
}

/** Role id → every permission it grants, following `inherits` (cycles, if any slipped in, are cut). */
export function closeRoles(
  roleRows: { id: string; inherits: string[] }[],
  permissionRows: { roleId: string; permission: string }[],
): Map<string, Set<string>> {
  const direct = new Map<string, string[]>()
  for (const p of permissionRows) direct.set(p.roleId, [...(direct.get(p.roleId) ?? []), p.permission])
  const inherits = new Map(roleRows.map((r) => [r.id, r.inherits]))
  const result = new Map<string, Set<string>>()
  for (const role of roleRows) {
    const seen = new Set<string>()
    const perms = new Set<string>()
    const stack = [role.id]
    while (stack.length) {
      const id = stack.pop() as string
      if (seen.has(id)) continue
      seen.add(id)
      for (const p of direct.get(id) ?? []) perms.add(p)
      stack.push(...(inherits.get(id) ?? []))
    }
    result.set(role.id, perms)
  }
  return result
}

/** Reads a member's assignments and the org's roles (in an org-scoped transaction) and combines them. */
export async function computeEffectiveAccess(
  tx: Tx,
  orgId: string,
  userId: string,
  role: MembershipRole,
): Promise<EffectiveAccess> {
  if (role === 'owner' || role === 'admin') return fullAccess(role)
  const assignments = await listAssignmentsOfUser(tx, orgId, userId)
  const orgWide = new Set<string>()
  const branches = new Map<string, Set<string>>()
  const roleKeys = new Set<string>()
  if (assignments.length) {
    const roles = await listRoles(tx, orgId)
    const keyOf = new Map(roles.map((r) => [r.id, r.key]))
    for (const a of assignments) {
      const key = keyOf.get(a.roleId)
      if (key) roleKeys.add(key)
    }
    const closure = closeRoles(roles, await listRolePermissions(tx, orgId))
    for (const a of assignments) {
      const perms = closure.get(a.roleId) ?? new Set<string>()
      const target = a.branchId ? (branches.get(a.branchId) ?? new Set<string>()) : orgWide
      for (const p of perms) target.add(p)
      if (a.branchId) branches.set(a.branchId, target)
    }
  }
  return { role, all: false, orgWide, branches, roleKeys: [...roleKeys] }
}

/**
 * Effective permissions per (org, user), valid for one `permissions_version` of the org. Entries
 * never go stale: the version is read with the membership on every request, and any change to
 * roles, assignments or memberships bumps it in the same transaction. In-process always; in Redis
 * too when one is configured, so instances share the computation.
 */
export class PermissionCache {
  private readonly local = new Map<string, { version: number; access: Serialized }>()
  private readonly redis: Redis | undefined
  private readonly ttlSeconds: number
  private readonly maxEntries: number
  hits = 0
  misses = 0

  constructor(options: { redis?: Redis | undefined; ttlSeconds?: number; maxEntries?: number } = {}) {
    this.redis = options.redis
    this.ttlSeconds = options.ttlSeconds ?? 600
    this.maxEntries = options.maxEntries ?? 10_000
  }

  static redisKey(orgId: string, userId: string) {
    return `minga:perms:${orgId}:${userId}`
  }

  async get(orgId: string, userId: string, version: number): Promise<EffectiveAccess | null> {
    const key = `${orgId}:${userId}`
    const hit = this.local.get(key)
    if (hit && hit.version === version) {
      this.hits += 1
      return deserialize(hit.access)
    }
    if (this.redis) {
      try {
        const raw = await this.redis.get(PermissionCache.redisKey(orgId, userId))
        if (raw) {
          const parsed = JSON.parse(raw) as { version: number; access: Serialized }
          if (parsed.version === version) {
            this.remember(key, parsed)
            this.hits += 1
            return deserialize(parsed.access)
          }
        }
      } catch {
        // Redis down: compute from the database instead.
      }
    }
    this.misses += 1
    return null
  }

  async set(orgId: string, userId: string, version: number, access: EffectiveAccess) {
    const entry = { version, access: serialize(access) }
    this.remember(`${orgId}:${userId}`, entry)
    if (this.redis) {
      try {
        await this.redis.set(
          PermissionCache.redisKey(orgId, userId),
          JSON.stringify(entry),
          'EX',
          this.ttlSeconds,
        )
      } catch {
        // Not fatal: the local entry still serves this instance.
      }
    }
  }

  private remember(key: string, entry: { version: number; access: Serialized }) {
    if (!this.local.has(key) && this.local.size >= this.maxEntries) {
      this.local.delete(this.local.keys().next().value as string)
    }
    this.local.set(key, entry)
  }
}

// Request and service-context bindings ---------------------------------------------------------------

const requestAccess = new WeakMap<FastifyRequest, EffectiveAccess>()
const contextAccess = new WeakMap<ServiceContext, EffectiveAccess>()

export function setRequestAccess(request: FastifyRequest, access: EffectiveAccess) {
  requestAccess.set(request, access)
}
export function getRequestAccess(request: FastifyRequest): EffectiveAccess | undefined {
  return requestAccess.get(request)
}
/** Called by orgRoute: services find the caller's permissions from their `ctx`. */
export function bindContextAccess(ctx: ServiceContext, access: EffectiveAccess | undefined) {
  if (access) contextAccess.set(ctx, access)
}
export function contextAccessOf(ctx: ServiceContext): EffectiveAccess | undefined {
  return contextAccess.get(ctx)
}

/** The caller's access; contexts built outside a request (seeds, jobs, event handlers) are the system. */
export function accessOf(ctx: ServiceContext): EffectiveAccess | 'system' {
  const access = contextAccess.get(ctx)
  if (access) return access
  if (ctx.actor.role === 'member')
    return { role: 'member', all: false, orgWide: new Set(), branches: new Map(), roleKeys: [] }
  return 'system'
}

/**
 * For services handling a branch's records: the caller must hold `permission` org-wide or in that
 * branch (a cashier of one branch only). Throws 403 otherwise.
 */
export function requireBranchPermission(ctx: ServiceContext, permission: string, branchId: string) {
  const access = accessOf(ctx)
  if (access === 'system') return
  if (!holds(access, permission, branchId)) throw forbidden()
}

/** For list queries: `'all'` when the caller holds `permission` org-wide, else the branches where they do. */
export function branchesWith(ctx: ServiceContext, permission: string): 'all' | string[] {
  const access = accessOf(ctx)
  if (access === 'system' || holds(access, permission)) return 'all'
  return [...access.branches].filter(([, set]) => set.has(permission)).map(([id]) => id)
}

/** Does the caller hold `permission` org-wide? (no throw) */
export function can(ctx: ServiceContext, permission: string, branchId?: string): boolean {
  const access = accessOf(ctx)
  return access === 'system' || holds(access, permission, branchId)
}
