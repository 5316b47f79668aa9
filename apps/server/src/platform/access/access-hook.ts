import { OrgSlug } from '@minga/contracts'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { AppError, forbidden, notFound } from '../http/app-error.ts'
import type { Access } from '../http/app-instance.ts'
import { findMembershipBySlug } from '../tenancy/tenancy.repository.ts'

/**
 * Routes added by plugins that are public by design: the API reference page, and the web app's
 * static files (any GET outside /api and the operations endpoints).
 */
const pluginPublicRoutes = [/^\/api\/docs(\/|$)/, /^\/(?!api\/|api$|health|ready|metrics|socket\.io)/]

export type RouteRecord = { method: string; url: string; access: Access; hasSchema: boolean }

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

  // Before validation: callers who may not use a route learn nothing about its input (401/404/403 first).
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access
    if (!access || access === 'public') return
    const { auth, database, permissions, sessions } = app.platform
    const user = await sessions.resolve(auth, request.headers)
    if (!user) throw new AppError('unauthenticated', 'Sign in to continue')
    request.user = user
    if (access === 'authenticated') return
    const slug = (request.params as { org?: string }).org
    // A malformed slug is left to validation (400); params are not parsed yet at this point.
    if (!slug || !OrgSlug.safeParse(slug).success) return
    const membership = await findMembershipBySlug(database.db, slug, user.id)
    // Non-members get 404, not 403: an org's existence is not disclosed to outsiders.
    if (!membership) throw notFound('Organization')
    if (!permissions.allows(membership.role, access.permission)) throw forbidden()
    request.orgAccess = membership
  })
}
