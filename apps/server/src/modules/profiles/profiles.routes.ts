import multipart from '@fastify/multipart'
import {
  AvatarLink,
  AvatarQuery,
  PROFILE_LIMITS,
  Problem,
  Profile,
  ProfilePage,
  ProfileParams,
  ProfileQuery,
  ProfileSkills,
  SaveProfile,
  UpdateProfile,
} from '@minga/contracts'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { FileRejectedError, readMultipartForm, requireUpload } from '../../platform/files/index.ts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { localeOf } from '../../platform/http/problem-text.ts'
import * as service from './profiles.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['profiles']
const MultipartBody = z.unknown().meta({ description: 'multipart/form-data with one part `file`' })
/** Reading your own profile or changing it needs only membership (org:read is every member's). */
const MEMBER = 'org:read'

const localeOfRequest = (request: FastifyRequest) => localeOf(request.headers['accept-language'])

/** The `file` part of a multipart body; an oversize part is the module's 422, other refusals localized. */
async function readAvatar(request: FastifyRequest) {
  const locale = localeOfRequest(request)
  const form = await readMultipartForm(request, {
    what: 'picture',
    tooLarge: () => service.avatarTooLarge(locale),
  })
  return requireUpload(form)
}

/** An If-Match that is optional (first save) but checked when sent. */
const optionalVersion = (request: FastifyRequest) =>
  request.headers['if-match'] === undefined ? undefined : expectedVersion(request)

export function registerProfileRoutes(app: AppInstance) {
  // Multipart only in this scope (like documents): other routes keep answering 415 to forms.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: PROFILE_LIMITS.avatarBytes, files: 1, fields: 5, parts: 6 },
    })
    orgRoute(scope as unknown as AppInstance, {
      method: 'PUT',
      url: '/profiles/me/avatar',
      permission: MEMBER,
      rateLimitPerMinute: 30,
      schema: {
        summary: 'Set my profile picture (multipart, part `file`: PNG, JPEG or WebP up to 2 MB)',
        tags,
        body: MultipartBody,
        response: { 200: Profile, 413: Problem, 415: Problem, 422: Problem, ...errors },
      },
      async handler(ctx, { request, reply }) {
        const upload = await readAvatar(request)
        const locale = localeOfRequest(request)
        try {
          const profile = await service.setMyAvatar(ctx, upload, locale)
          setETag(reply, profile.version)
          return profile
        } catch (err) {
          if (err instanceof FileRejectedError) throw err.localized(locale)
          throw err
        }
      },
    })
  })

  orgRoute(app, {
    method: 'GET',
    url: '/profiles',
    permission: 'profiles:read',
    schema: {
      summary: 'Member directory: search by name, headline or skill; filter by skills; skill counts',
      tags,
      querystring: ProfileQuery,
      response: { 200: ProfilePage, ...errors },
    },
    handler: (ctx, { query }) => service.listDirectory(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/profiles/skills',
    permission: 'profiles:read',
    schema: {
      summary: 'Every skill in the directory with how many members list it',
      tags,
      response: { 200: ProfileSkills, ...errors },
    },
    handler: (ctx) => service.listSkills(ctx),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/profiles/me',
    permission: MEMBER,
    schema: {
      summary: 'My profile (the defaults, version 0, until I save one)',
      tags,
      response: { 200: Profile, ...errors },
    },
    async handler(ctx, { reply }) {
      const profile = await service.getMyProfile(ctx)
      setETag(reply, profile.version)
      return profile
    },
  })

  orgRoute(app, {
    method: 'PUT',
    url: '/profiles/me',
    permission: MEMBER,
    schema: {
      summary: 'Save my profile (If-Match with its ETag once it exists)',
      tags,
      body: SaveProfile,
      response: { 200: Profile, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { body, request, reply }) {
      const profile = await service.saveMyProfile(
        ctx,
        body,
        optionalVersion(request),
        localeOfRequest(request),
      )
      setETag(reply, profile.version)
      return profile
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/profiles/me/avatar',
    permission: MEMBER,
    schema: {
      summary: 'Remove my profile picture',
      tags,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { reply }) {
      await service.removeMyAvatar(ctx)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/profiles/:userId',
    permission: 'profiles:read',
    schema: {
      summary: "A member's profile (404 for non-members, and hidden profiles unless you manage profiles)",
      tags,
      params: ProfileParams,
      response: { 200: Profile, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const profile = await service.getProfile(ctx, params.userId)
      setETag(reply, profile.version)
      return profile
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/profiles/:userId/avatar',
    permission: 'profiles:read',
    schema: {
      summary: "A member's profile picture: 302 to a short-lived signed link (`link=1`: the link as JSON)",
      tags,
      params: ProfileParams,
      querystring: AvatarQuery,
      response: { 200: AvatarLink, 302: z.null(), ...errors },
    },
    async handler(ctx, { params, query, reply }) {
      const link = await service.avatarLink(ctx, params.userId)
      if (query.link) return link
      // The link lives 5 minutes; browsers may reuse the redirect for one.
      reply.header('location', link.url).header('cache-control', 'private, max-age=60')
      reply.status(302)
      return null
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/profiles/:userId',
    permission: service.PROFILES_MANAGE,
    schema: {
      summary: "Edit or hide a member's profile (owners and admins; If-Match with its ETag)",
      tags,
      params: ProfileParams,
      body: UpdateProfile,
      response: { 200: Profile, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const profile = await service.updateProfile(
        ctx,
        params.userId,
        expectedVersion(request),
        body,
        localeOfRequest(request),
      )
      setETag(reply, profile.version)
      return profile
    },
  })
}
