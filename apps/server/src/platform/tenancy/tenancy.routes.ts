import {
  AddMember,
  AuditPage,
  AuditQuery,
  Branch,
  BranchPage,
  CreateBranch,
  CreateOrg,
  Me,
  Member,
  MemberPage,
  MemberParams,
  ModuleCatalog,
  Org,
  OrgPage,
  PageQuery,
  Problem,
  UpdateMember,
  UpdateOrg,
} from '@minga/contracts'
import { z } from 'zod'
import { listAudit } from '../audit/audit.ts'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { expectedVersion, setETag } from '../http/etag.ts'
import { orgRoute } from '../http/org-route.ts'
import * as tenancy from './tenancy.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }

export function registerTenancyRoutes(app: AppInstance) {
  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: { summary: 'The signed-in user', tags: ['platform'], response: { 200: Me, 401: Problem } },
    },
    async (request) => {
      if (!request.user) throw new AppError('unauthenticated', 'Sign in to continue')
      return { user: request.user }
    },
  )

  app.get(
    '/api/v1/modules',
    {
      config: { access: 'public' },
      schema: { summary: 'Modules this server offers', tags: ['platform'], response: { 200: ModuleCatalog } },
    },
    async () => ({
      items: app.platform.modules.map((m) => ({ key: m.key, label: m.label, description: m.description })),
    }),
  )

  app.get(
    '/api/v1/orgs',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'Organizations I belong to',
        tags: ['orgs'],
        querystring: PageQuery,
        response: { 200: OrgPage, ...errors },
      },
    },
    async (request) => tenancy.listMyOrgs(app.platform.database.db, request.user!.id, request.query),
  )

  app.post(
    '/api/v1/orgs',
    {
      config: { access: 'authenticated', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Create an organization (you become its owner)',
        tags: ['orgs'],
        body: CreateOrg,
        response: { 201: Org, 409: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const enabled = app.platform.modules
        .filter((m) => m.defaultFor.includes(request.body.kind))
        .map((m) => m.key)
      const { org, version } = await tenancy.createOrg(
        app.platform.database.db,
        { userId: request.user!.id, requestId: request.id, ip: request.ip ?? null },
        request.body,
        enabled,
        app.platform.permissions,
      )
      setETag(reply, version)
      return reply.status(201).send(org)
    },
  )

  orgRoute(app, {
    method: 'GET',
    url: '/',
    permission: 'org:read',
    schema: { summary: 'An organization', tags: ['orgs'], response: { 200: Org, ...errors } },
    async handler(ctx, { request, reply }) {
      const { org, version } = await tenancy.getOrg(ctx, request.orgAccess!.role)
      setETag(reply, version)
      return org
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/',
    permission: 'org:update',
    schema: {
      summary: 'Update an organization (send If-Match with its ETag)',
      tags: ['orgs'],
      body: UpdateOrg,
      response: { 200: Org, 412: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { body, request, reply }) {
      const { org, version } = await tenancy.updateOrg(
        ctx,
        request.orgAccess!.role,
        expectedVersion(request),
        body,
      )
      setETag(reply, version)
      return org
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/members',
    permission: 'members:read',
    schema: {
      summary: 'Members of the org',
      tags: ['orgs'],
      querystring: PageQuery,
      response: { 200: MemberPage, ...errors },
    },
    handler: (ctx, { query }) => tenancy.listMembers(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/members',
    permission: 'members:manage',
    idempotent: true,
    schema: {
      summary: 'Add an existing user as a member',
      tags: ['orgs'],
      body: AddMember,
      response: { 201: Member, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return tenancy.addMember(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/members/:userId',
    permission: 'members:manage',
    schema: {
      summary: "Change a member's role (owner / admin / member)",
      tags: ['orgs'],
      params: MemberParams,
      body: UpdateMember,
      response: { 200: Member, 409: Problem, ...errors },
    },
    handler: (ctx, { params, body }) => tenancy.changeMemberRole(ctx, params.userId, body.role),
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/members/:userId',
    permission: 'members:manage',
    schema: {
      summary: 'Remove a member (effective from the next request)',
      tags: ['orgs'],
      params: MemberParams,
      response: { 204: z.null(), 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply }) {
      await tenancy.removeMember(ctx, params.userId)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/branches',
    permission: 'branches:read',
    schema: {
      summary: 'Branches of the org',
      tags: ['orgs'],
      querystring: PageQuery,
      response: { 200: BranchPage, ...errors },
    },
    handler: (ctx, { query }) => tenancy.listBranches(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/branches',
    permission: 'branches:manage',
    idempotent: true,
    schema: {
      summary: 'Create a branch',
      tags: ['orgs'],
      body: CreateBranch,
      response: { 201: Branch, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return tenancy.createBranch(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/audit',
    permission: 'audit:read',
    schema: {
      summary: 'Audit trail of the org, newest first',
      tags: ['audit'],
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errors },
    },
    handler: (ctx, { query }) => listAudit(ctx, query),
  })
}
