import {
  ApiKey,
  ApiKeyCreated,
  ApiKeyPage,
  CreateApiKey,
  CreateInvitation,
  CreateRole,
  CreateRoleAssignment,
  IdParams,
  Invitation,
  InvitationAccepted,
  InvitationPage,
  InvitationQuery,
  InvitationSent,
  InvitationTokenParams,
  MyPermissions,
  PageQuery,
  PermissionCatalogResponse,
  Problem,
  ResendInvitation,
  RespondInvitation,
  Role,
  RoleAssignment,
  RoleAssignmentList,
  RoleAssignmentQuery,
  RoleList,
  UpdateRole,
} from '@minga/contracts'
import { z } from 'zod'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { expectedVersion, setETag } from '../http/etag.ts'
import { orgRoute } from '../http/org-route.ts'
import * as access from './access.service.ts'
import * as invitations from './invitations.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }

export function registerAccessRoutes(app: AppInstance) {
  const catalog = app.platform.permissions

  app.get(
    '/api/v1/permissions',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'The permission catalog, grouped by module (labels in es/en)',
        tags: ['access'],
        response: { 200: PermissionCatalogResponse, 401: Problem },
      },
    },
    async () => ({
      groups: catalog.groups.map((g) => ({
        module: g.module,
        label: g.label,
        permissions: g.permissions.map((p) => ({ key: p.key, label: p.label })),
      })),
    }),
  )

  orgRoute(app, {
    method: 'GET',
    url: '/me/permissions',
    permission: 'org:read',
    schema: {
      summary: 'What I may do in this org (org-wide and per branch)',
      tags: ['access'],
      response: { 200: MyPermissions, ...errors },
    },
    handler: async (ctx) => access.myPermissions(ctx, catalog),
  })

  // Roles -------------------------------------------------------------------------------------------

  orgRoute(app, {
    method: 'GET',
    url: '/roles',
    permission: 'roles:read',
    schema: { summary: 'Roles of the org', tags: ['access'], response: { 200: RoleList, ...errors } },
    handler: (ctx) => access.listRoles(ctx),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/roles/:id',
    permission: 'roles:read',
    schema: { summary: 'One role', tags: ['access'], params: IdParams, response: { 200: Role, ...errors } },
    async handler(ctx, { params, reply }) {
      const role = await access.getRole(ctx, params.id)
      setETag(reply, role.version)
      return role
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/roles',
    permission: 'roles:manage',
    idempotent: true,
    schema: {
      summary: 'Create a custom role (only with permissions you hold)',
      tags: ['access'],
      body: CreateRole,
      response: { 201: Role, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const role = await access.createRole(ctx, catalog, body)
      setETag(reply, role.version)
      reply.status(201)
      return role
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/roles/:id',
    permission: 'roles:manage',
    schema: {
      summary: 'Edit a role: name, permissions, inherited roles (send If-Match)',
      tags: ['access'],
      params: IdParams,
      body: UpdateRole,
      response: { 200: Role, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const role = await access.updateRole(ctx, catalog, params.id, expectedVersion(request), body)
      setETag(reply, role.version)
      return role
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/roles/:id',
    permission: 'roles:manage',
    schema: {
      summary: 'Delete a custom role (its assignments go with it)',
      tags: ['access'],
      params: IdParams,
      response: { 204: z.null(), 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply }) {
      await access.deleteRole(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  // Assignments -------------------------------------------------------------------------------------

  orgRoute(app, {
    method: 'GET',
    url: '/role-assignments',
    permission: 'roles:read',
    schema: {
      summary: 'Role assignments (filter by userId)',
      tags: ['access'],
      querystring: RoleAssignmentQuery,
      response: { 200: RoleAssignmentList, ...errors },
    },
    handler: (ctx, { query }) => access.listAssignments(ctx, query.userId),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/role-assignments',
    permission: 'roles:manage',
    idempotent: true,
    schema: {
      summary: 'Give a member a role, org-wide or in one branch',
      tags: ['access'],
      body: CreateRoleAssignment,
      response: { 201: RoleAssignment, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return access.createAssignment(ctx, body)
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/role-assignments/:id',
    permission: 'roles:manage',
    schema: {
      summary: 'Take a role away from a member',
      tags: ['access'],
      params: IdParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await access.deleteAssignment(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  // Invitations -------------------------------------------------------------------------------------

  const sendInvitation = (mail: invitations.InvitationMail) => async () => {
    const { message } = invitations.invitationEmail(mail, app.platform.config.baseUrl)
    await app.platform.mailer.send(message)
  }
  const sent = (result: Awaited<ReturnType<typeof invitations.createInvitation>>) => ({
    ...result.invitation,
    token: result.token,
    acceptUrl: invitations.invitationEmail(result.mail, app.platform.config.baseUrl).url,
  })

  orgRoute(app, {
    method: 'POST',
    url: '/invitations',
    permission: 'members:manage',
    idempotent: true,
    schema: {
      summary: 'Invite someone by email, with a role (and branch); the link expires (default 7 days)',
      tags: ['access'],
      body: CreateInvitation,
      response: { 201: InvitationSent, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply, afterCommit }) {
      const result = await invitations.createInvitation(ctx, body)
      afterCommit(sendInvitation(result.mail))
      reply.status(201)
      return sent(result)
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/invitations',
    permission: 'members:manage',
    schema: {
      summary: 'Invitations, newest first',
      tags: ['access'],
      querystring: InvitationQuery,
      response: { 200: InvitationPage, ...errors },
    },
    handler: (ctx, { query }) => invitations.listInvitations(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/invitations/:id/resend',
    permission: 'members:manage',
    schema: {
      summary: 'Send a pending invitation again, with a new link and expiry',
      tags: ['access'],
      params: IdParams,
      body: ResendInvitation,
      response: { 200: InvitationSent, 409: Problem, ...errors },
    },
    async handler(ctx, { params, body, afterCommit }) {
      const result = await invitations.resendInvitation(ctx, params.id, body.expiresInDays)
      afterCommit(sendInvitation(result.mail))
      return sent(result)
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/invitations/:id',
    permission: 'members:manage',
    schema: {
      summary: 'Revoke a pending invitation',
      tags: ['access'],
      params: IdParams,
      response: { 200: Invitation, 409: Problem, ...errors },
    },
    handler: (ctx, { params }) => invitations.revokeInvitation(ctx, params.id),
  })

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/invitations/:token/${answer}`,
      {
        config: { access: 'authenticated', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary:
            answer === 'accept'
              ? 'Accept an invitation (signed in with the invited email)'
              : 'Decline an invitation (signed in with the invited email)',
          tags: ['access'],
          params: InvitationTokenParams,
          body: RespondInvitation.nullish(),
          response: { 200: InvitationAccepted, 402: Problem, 409: Problem, 422: Problem, ...errors },
        },
      },
      async (request) => {
        if (!request.user) throw new AppError('unauthenticated', 'Sign in to continue')
        const result = await invitations.respondToInvitation(
          app.platform.database.db,
          request.user,
          { requestId: request.id, ip: request.ip ?? null },
          request.params.token,
          answer,
        )
        app.platform.events.wake()
        return result
      },
    )
  }

  // API keys ----------------------------------------------------------------------------------------

  orgRoute(app, {
    method: 'GET',
    url: '/api-keys',
    permission: 'api_keys:manage',
    schema: {
      summary: 'API keys of the org (never their secrets)',
      tags: ['access'],
      querystring: PageQuery,
      response: { 200: ApiKeyPage, ...errors },
    },
    handler: (ctx, { query }) => access.listApiKeys(ctx, query),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/api-keys',
    permission: 'api_keys:manage',
    schema: {
      summary: 'Create an API key with some of your permissions; the key is shown only in this answer',
      tags: ['access'],
      body: CreateApiKey,
      response: { 201: ApiKeyCreated, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      reply.status(201)
      return access.createApiKey(ctx, catalog, body)
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/api-keys/:id',
    permission: 'api_keys:manage',
    schema: {
      summary: 'Revoke an API key (fails from the next request on)',
      tags: ['access'],
      params: IdParams,
      response: { 200: ApiKey, 409: Problem, ...errors },
    },
    handler: (ctx, { params }) => access.revokeApiKey(ctx, params.id),
  })
}
