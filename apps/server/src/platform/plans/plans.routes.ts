import {
  AdminOrg,
  AdminOrgPage,
  AdminOrgParams,
  PageQuery,
  Plan,
  PlanKeyParams,
  PlanList,
  Problem,
  PutPlan,
  Subscription,
  UpdateSubscription,
} from '@minga/contracts'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { orgRoute } from '../http/org-route.ts'
import * as plans from './plans.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['platform admin']

export function registerPlanRoutes(app: AppInstance) {
  /** Runs after the access hook signed the caller in: only platform admins go further (before validation). */
  async function platformAdminOnly(request: FastifyRequest) {
    const user = request.user
    if (!user) throw new AppError('unauthenticated', 'Sign in to continue')
    const { database, platformAdminEmails, config } = app.platform
    const admin = await plans.isPlatformAdmin(
      database.db,
      user,
      platformAdminEmails,
      config.env === 'production',
    )
    if (!admin) throw new AppError('forbidden', 'Only platform admins can do this')
  }
  const adminConfig = { access: 'authenticated' as const }

  orgRoute(app, {
    method: 'GET',
    url: '/subscription',
    permission: 'org:read',
    schema: {
      summary: "The org's plan, subscription status and usage",
      tags: ['orgs'],
      response: { 200: Subscription, ...errors },
    },
    handler: (ctx) => plans.subscriptionOf(ctx),
  })

  app.get(
    '/api/v1/admin/status',
    {
      config: adminConfig,
      schema: {
        summary: 'Am I a platform admin? (for the web app to show the admin pages)',
        tags,
        response: { 200: z.object({ platformAdmin: z.boolean() }), 401: Problem },
      },
    },
    async (request) => {
      const { database, platformAdminEmails, config } = app.platform
      const user = request.user as NonNullable<typeof request.user>
      return {
        platformAdmin: await plans.isPlatformAdmin(
          database.db,
          user,
          platformAdminEmails,
          config.env === 'production',
        ),
      }
    },
  )

  app.get(
    '/api/v1/admin/plans',
    {
      config: adminConfig,
      preValidation: platformAdminOnly,
      schema: { summary: 'Plans (platform admins)', tags, response: { 200: PlanList, ...errors } },
    },
    async () => plans.listPlans(app.platform.database.db),
  )

  app.put(
    '/api/v1/admin/plans/:key',
    {
      config: adminConfig,
      preValidation: platformAdminOnly,
      schema: {
        summary: 'Create or replace a plan (platform admins)',
        tags,
        params: PlanKeyParams,
        body: PutPlan,
        response: { 200: Plan, ...errors },
      },
    },
    async (request) => plans.upsertPlan(app.platform.database.db, request.params.key, request.body),
  )

  app.get(
    '/api/v1/admin/orgs',
    {
      config: adminConfig,
      preValidation: platformAdminOnly,
      schema: {
        summary: 'Every organization with its plan and status (platform admins)',
        tags,
        querystring: PageQuery,
        response: { 200: AdminOrgPage, ...errors },
      },
    },
    async (request) => plans.listAllOrgs(app.platform.database.db, request.query),
  )

  app.patch(
    '/api/v1/admin/orgs/:orgId/subscription',
    {
      config: adminConfig,
      preValidation: platformAdminOnly,
      schema: {
        summary: "Change an org's plan or subscription status (platform admins)",
        tags,
        params: AdminOrgParams,
        body: UpdateSubscription,
        response: { 200: AdminOrg, 422: Problem, ...errors },
      },
    },
    async (request) =>
      plans.updateSubscription(
        app.platform.database.db,
        { userId: request.user!.id, requestId: request.id, ip: request.ip ?? null },
        request.params.orgId,
        request.body,
      ),
  )
}
