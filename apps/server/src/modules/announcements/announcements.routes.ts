import {
  Announcement,
  AnnouncementPage,
  AnnouncementParams,
  AnnouncementQuery,
  CreateAnnouncement,
  Problem,
  UpdateAnnouncement,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as service from './announcements.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['announcements']

export function registerAnnouncementRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/announcements',
    permission: 'announcements:read',
    schema: {
      summary: 'Announcements, newest first',
      tags,
      querystring: AnnouncementQuery,
      response: { 200: AnnouncementPage, ...errors },
    },
    handler: (ctx, { query }) => service.listAnnouncements(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/announcements/:id',
    permission: 'announcements:read',
    schema: {
      summary: 'One announcement',
      tags,
      params: AnnouncementParams,
      response: { 200: Announcement, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const announcement = await service.getAnnouncement(ctx, params.id)
      setETag(reply, announcement.version)
      return announcement
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/announcements',
    permission: 'announcements:write',
    idempotent: true,
    schema: {
      summary: 'Publish an announcement',
      tags,
      body: CreateAnnouncement,
      response: { 201: Announcement, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const announcement = await service.publishAnnouncement(ctx, body)
      setETag(reply, announcement.version)
      reply.status(201)
      return announcement
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/announcements/:id',
    permission: 'announcements:write',
    schema: {
      summary: 'Edit an announcement (send If-Match with its ETag)',
      tags,
      params: AnnouncementParams,
      body: UpdateAnnouncement,
      response: { 200: Announcement, 412: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const announcement = await service.updateAnnouncement(ctx, params.id, expectedVersion(request), body)
      setETag(reply, announcement.version)
      return announcement
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/announcements/:id',
    permission: 'announcements:write',
    schema: {
      summary: 'Delete an announcement',
      tags,
      params: AnnouncementParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await service.removeAnnouncement(ctx, params.id)
      reply.status(204)
      return null
    },
  })
}
