import { Problem, SecurityPolicy, UpdateSecurityPolicy } from '@minga/contracts'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/audit.ts'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { orgRoute } from '../http/org-route.ts'
import type { ServiceContext } from '../service-context.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'
import { listRoles } from './access.repository.ts'
import { assertTwoFactorPolicy } from './access-hook.ts'
import { accessOf } from './effective-permissions.ts'

const platformRoles = ['owner', 'admin', 'member']

async function readPolicy(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({ twoFactorRequiredFor: orgs.twoFactorRequiredFor })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId))
  return { twoFactorRequiredFor: row?.twoFactorRequiredFor ?? [] }
}

/**
 * Sets which roles must use two-factor authentication. Every key must name a platform role or one
 * of the org's roles, and the admin setting it must not lock themselves out.
 */
async function updatePolicy(
  ctx: ServiceContext,
  input: { twoFactorRequiredFor: string[] },
  actorEnrolled: boolean,
) {
  const keys = [...new Set(input.twoFactorRequiredFor)]
  const known = new Set([...platformRoles, ...(await listRoles(ctx.db, ctx.orgId)).map((r) => r.key)])
  const unknown = keys.flatMap((key, i) =>
    known.has(key) ? [] : [{ path: `body.twoFactorRequiredFor.${i}`, message: `Unknown role ${key}` }],
  )
  if (unknown.length) throw new AppError('validation_failed', 'Unknown roles in the policy', unknown)
  const access = accessOf(ctx)
  const held = access === 'system' ? [] : [access.role, ...access.roleKeys]
  try {
    assertTwoFactorPolicy(keys, held, actorEnrolled)
  } catch {
    throw new AppError(
      'unprocessable',
      'Enable two-factor authentication on your own account before requiring it for your role',
      [{ path: 'body.twoFactorRequiredFor', message: 'Your own role would be locked out' }],
    )
  }
  const before = await readPolicy(ctx)
  await ctx.db.update(orgs).set({ twoFactorRequiredFor: keys }).where(eq(orgs.id, ctx.orgId))
  await recordAudit(ctx, {
    action: 'security_policy.updated',
    entityType: 'org',
    entityId: ctx.orgId,
    before: { twoFactorRequiredFor: before.twoFactorRequiredFor.join(',') },
    after: { twoFactorRequiredFor: keys.join(',') },
  })
  return { twoFactorRequiredFor: keys }
}

export function registerSecurityPolicyRoutes(app: AppInstance) {
  const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
  orgRoute(app, {
    method: 'GET',
    url: '/security-policy',
    permission: 'org:read',
    schema: {
      summary: "The org's security policy (roles that must use 2FA)",
      tags: ['access'],
      response: { 200: SecurityPolicy, ...errors },
    },
    handler: (ctx) => readPolicy(ctx),
  })
  orgRoute(app, {
    method: 'PUT',
    url: '/security-policy',
    permission: 'org:update',
    schema: {
      summary: 'Require two-factor authentication for chosen roles',
      tags: ['access'],
      body: UpdateSecurityPolicy,
      response: { 200: SecurityPolicy, 422: Problem, ...errors },
    },
    handler: (ctx, { body, request }) => updatePolicy(ctx, body, Boolean(request.user?.twoFactorEnabled)),
  })
}
