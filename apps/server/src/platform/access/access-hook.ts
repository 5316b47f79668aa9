import { OrgSlug } from '@minga/contracts'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import type { SessionUser } from '../auth/auth.ts'
import { type Tx, withOrg } from '../db/with-org.ts'
import { AppError, forbidden, notFound } from '../http/app-error.ts'
import type { Access, OrgAccess } from '../http/app-instance.ts'
import { localeOf } from '../http/problem-text.ts'
import type { Platform } from '../platform.ts'
import { findApiKeyByHash, findOrgAccessBySlug, scopeToOrgBySlug, touchApiKey } from './access.repository.ts'
import { API_KEY_PREFIX, parseOrgToken, sha256 } from './access.service.ts'
import {
  computeEffectiveAccess,
  type EffectiveAccess,
  fullAccess,
  holds,
  holdsAnywhere,
  setRequestAccess,
} from './effective-permissions.ts'

/**
 * Routes added by plugins that are public by design: the API reference page, and the web app's
 * static files (any GET outside /api and the operations endpoints).
 */
const pluginPublicRoutes = [/^\/api\/docs(\/|$)/, /^\/(?!api\/|api$|health|ready|metrics|socket\.io)/]

export type RouteRecord = { method: string; url: string; access: Access; hasSchema: boolean }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** How often an API key's `last_used_at` is written (at most). */
const LAST_USED_RESOLUTION_MS = 60_000

/** `Authorization: Bearer mk_…`: an API key, not a session token. */
export function apiKeyCredential(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer\s+(mk_\S+)$/i.exec(header.trim())
  return match ? (match[1] as string) : null
}

type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrgAccessBySlug>>>

/** Past-due orgs are read-only; cancelled ones are closed (both 402 so clients know why). */
function assertSubscription(request: FastifyRequest, org: OrgRow) {
  const es = localeOf(request.headers['accept-language']) === 'es'
  if (org.subscriptionStatus === 'cancelled') {
    throw new AppError(
      'payment_required',
      es
        ? 'La suscripción de esta organización está cancelada: no se puede usar hasta reactivarla.'
        : "This organization's subscription is cancelled: it cannot be used until it is reactivated.",
    )
  }
  if (org.subscriptionStatus === 'past_due' && request.method !== 'GET' && request.method !== 'HEAD') {
    throw new AppError(
      'payment_required',
      es
        ? 'La suscripción de esta organización tiene pagos pendientes: solo se permite consultar.'
        : "This organization's subscription is past due: it is read-only until payment is received.",
    )
  }
}

/** The org's policy: holders of the listed roles must have enrolled two-factor authentication. */
export function assertTwoFactorPolicy(
  requiredFor: readonly string[],
  held: readonly string[],
  enrolled: boolean,
) {
  if (enrolled || requiredFor.length === 0) return
  if (held.some((key) => requiredFor.includes(key))) {
    throw new AppError(
      'two_factor_required',
      'Enable two-factor authentication in your account to keep working in this organization',
    )
  }
}

/** Effective permissions of a member, from the cache when the org's version still matches. */
async function effectiveFor(
  platform: Platform,
  tx: Tx,
  org: OrgRow,
  userId: string,
  role: EffectiveAccess['role'],
) {
  // Owners and admins hold everything: nothing to compute or cache.
  if (role === 'owner' || role === 'admin') return fullAccess(role)
  const cached = await platform.accessCache.get(org.id, userId, org.permissionsVersion)
  if (cached) return cached
  const computed = await computeEffectiveAccess(tx, org.id, userId, role)
  await platform.accessCache.set(org.id, userId, org.permissionsVersion, computed)
  return computed
}

function assertPermission(request: FastifyRequest, access: EffectiveAccess, permission: string) {
  // Routes about one branch (`:branchId`) need the permission org-wide or in that branch; other
  // routes need it anywhere, and their services narrow by branch (requireBranchPermission).
  const branchId = (request.params as { branchId?: string }).branchId
  const allowed =
    branchId && UUID.test(branchId) ? holds(access, permission, branchId) : holdsAnywhere(access, permission)
  if (!allowed) throw forbidden()
}

/**
 * Authorizes a signed-in member for an org route inside the request's transaction, which it scopes
 * to the org in the same statement that reads the membership. Non-members get 404 (an org's
 * existence is not disclosed), missing permissions 403, a 2FA policy 403, an unpaid org 402.
 */
export async function authorizeMember(
  platform: Platform,
  tx: Tx,
  request: FastifyRequest,
  user: SessionUser,
  permission: string,
): Promise<OrgAccess> {
  const slug = (request.params as { org?: string }).org ?? ''
  // A malformed slug is a validation error (400); an unknown or foreign org is a 404, whatever the body.
  if (!OrgSlug.safeParse(slug).success && request.validationError) throw request.validationError
  const org = await scopeToOrgBySlug(tx, slug, user.id)
  if (!org?.role) throw notFound('Organization')
  const effective = await effectiveFor(platform, tx, org, user.id, org.role)
  assertPermission(request, effective, permission)
  assertSubscription(request, org)
  assertTwoFactorPolicy(org.twoFactorRequiredFor, [org.role, ...effective.roleKeys], user.twoFactorEnabled)
  const access: OrgAccess = {
    org: { id: org.id, slug: org.slug, name: org.name, timezone: org.timezone, status: org.status },
    role: org.role,
  }
  request.orgAccess = access
  setRequestAccess(request, effective)
  return access
}

/**
 * Enforces each route's declared access before its handler runs, and refuses at registration any
 * route that declares none or names a permission nobody declared.
 */
export function installAccessControl(app: FastifyInstance, routes: RouteRecord[]) {
  app.decorateRequest('user', null)
  app.decorateRequest('orgAccess', null)

  app.addHook('onRoute', (route: RouteOptions) => {
    route.config ??= {}
    const config = route.config as { access?: Access }
    const methods = [route.method].flat()
    const readOnly = methods.every((m) => m === 'GET' || m === 'HEAD')
    if (!config.access && readOnly && pluginPublicRoutes.some((re) => re.test(route.url)))
      config.access = 'public'
    const access = config.access
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`)
    if (typeof access === 'object' && !(config as { orgScoped?: boolean }).orgScoped) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} needs a permission: declare it with orgRoute`,
      )
    }
    if (typeof access === 'object' && !app.platform.permissions.has(access.permission)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} uses undeclared permission ${access.permission}`,
      )
    }
    for (const method of methods) {
      if (method === 'HEAD') continue
      routes.push({ method, url: route.url, access, hasSchema: Boolean(route.schema?.response) })
    }
  })

  async function authenticateApiKey(request: FastifyRequest, credential: string, permission: string) {
    const { database } = app.platform
    const slug = (request.params as { org?: string }).org
    if (!slug || !OrgSlug.safeParse(slug).success) return
    const parsed = parseOrgToken(credential, API_KEY_PREFIX)
    if (!parsed) throw new AppError('unauthenticated', 'Invalid API key')
    const org = await findOrgAccessBySlug(database.db, slug, null)
    // A key works only in its own org; any other org is as unknown to it as to an outsider.
    if (!org || org.id !== parsed.orgId) throw notFound('Organization')
    const now = new Date()
    const found = await withOrg(database.db, org.id, async (tx) => {
      const row = await findApiKeyByHash(tx, org.id, sha256(credential))
      if (!row || row.key.revokedAt || (row.key.expiresAt && row.key.expiresAt <= now) || !row.role)
        return null
      if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await touchApiKey(tx, org.id, row.key.id, now)
      }
      // The key's own permissions, never more than its creator still holds org-wide.
      return {
        ...row,
        role: row.role,
        creator: await effectiveFor(app.platform, tx, org, row.user.id, row.role),
      }
    })
    if (!found) throw new AppError('unauthenticated', 'This API key is revoked, expired or unknown')
    const creator = found.creator
    const granted = found.key.permissions.filter((p) => holds(creator, p))
    const access: EffectiveAccess = {
      role: 'member',
      all: false,
      orgWide: new Set(granted),
      branches: new Map(),
      roleKeys: [],
      apiKeyId: found.key.id,
    }
    request.user = found.user
    assertPermission(request, access, permission)
    assertSubscription(request, org)
    request.orgAccess = {
      org: { id: org.id, slug: org.slug, name: org.name, timezone: org.timezone, status: org.status },
      role: 'member',
    }
    setRequestAccess(request, access)
  }

  // Before validation: callers who may not use a route learn nothing about its input (401/404/403 first).
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access
    if (!access || access === 'public') return
    const apiKey = apiKeyCredential(request)
    if (apiKey) {
      if (access === 'authenticated') {
        throw new AppError('unauthenticated', 'API keys work only on organization routes; sign in instead')
      }
      return authenticateApiKey(request, apiKey, access.permission)
    }
    const { auth, sessions } = app.platform
    const user = await sessions.resolve(auth, request.headers)
    if (!user) throw new AppError('unauthenticated', 'Sign in to continue')
    request.user = user
    // Org routes check membership and permission in their own transaction (orgRoute → authorizeMember).
  })
}
