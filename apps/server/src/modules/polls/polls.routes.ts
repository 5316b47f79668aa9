import {
  CastStance,
  CreatePoll,
  MyStance,
  Poll,
  PollPage,
  PollParams,
  PollQuery,
  PollResults,
  PollTransition,
  Problem,
  UpdatePoll,
} from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as service from './polls.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['polls']

export function registerPollRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/polls',
    permission: 'polls:read',
    schema: {
      summary: 'Polls, newest first (drafts only for those who manage polls)',
      tags,
      querystring: PollQuery,
      response: { 200: PollPage, ...errors },
    },
    handler: (ctx, { query }) => service.listPolls(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/polls/:id',
    permission: 'polls:read',
    schema: { summary: 'One poll', tags, params: PollParams, response: { 200: Poll, ...errors } },
    async handler(ctx, { params, reply }) {
      const poll = await service.getPoll(ctx, params.id)
      setETag(reply, poll.version)
      return poll
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/polls',
    permission: 'polls:manage',
    idempotent: true,
    schema: {
      summary: 'Create a poll (open at once, or as a draft)',
      tags,
      body: CreatePoll,
      response: { 201: Poll, 422: Problem, ...errors },
    },
    async handler(ctx, { body, reply }) {
      const poll = await service.createPoll(ctx, body)
      setETag(reply, poll.version)
      reply.status(201)
      return poll
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/polls/:id',
    permission: 'polls:manage',
    schema: {
      summary: 'Edit a poll (send If-Match); switches only move towards hidden / anonymous once open',
      tags,
      params: PollParams,
      body: UpdatePoll,
      response: { 200: Poll, 409: Problem, 412: Problem, 422: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const poll = await service.updatePoll(ctx, params.id, expectedVersion(request), body)
      setETag(reply, poll.version)
      return poll
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/polls/:id',
    permission: 'polls:manage',
    schema: {
      summary: 'Delete a draft poll',
      tags,
      params: PollParams,
      response: { 204: z.null(), 409: Problem, ...errors },
    },
    async handler(ctx, { params, reply }) {
      await service.removeDraft(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/polls/:id/open',
    permission: 'polls:manage',
    schema: {
      summary: 'Open a draft poll: the invited set is fixed now',
      tags,
      params: PollParams,
      body: PollTransition,
      response: { 200: Poll, 409: Problem, 422: Problem, ...errors },
    },
    handler: (ctx, { params }) => service.openPoll(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/polls/:id/close',
    permission: 'polls:manage',
    schema: {
      summary: 'Close an open poll early; results are computed and stored (no reopening)',
      tags,
      params: PollParams,
      body: PollTransition,
      response: { 200: Poll, 409: Problem, ...errors },
    },
    handler: (ctx, { params }) => service.closePoll(ctx, params.id),
  })

  orgRoute(app, {
    method: 'PUT',
    url: '/polls/:id/stance',
    permission: 'polls:vote',
    schema: {
      summary: 'Cast or change my stance (the previous one is kept as history)',
      tags,
      params: PollParams,
      body: CastStance,
      response: { 200: MyStance, 409: Problem, 422: Problem, ...errors },
    },
    handler: (ctx, { params, body }) => service.castStance(ctx, params.id, body),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/polls/:id/stance',
    permission: 'polls:read',
    schema: {
      summary: 'My current stance and its history',
      tags,
      params: PollParams,
      response: { 200: MyStance, ...errors },
    },
    handler: (ctx, { params }) => service.myStance(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/polls/:id/results',
    permission: 'polls:read',
    schema: {
      summary: 'Results (403 while hidden until close); anonymous polls never list who chose what',
      tags,
      params: PollParams,
      response: { 200: PollResults, 409: Problem, ...errors },
    },
    handler: (ctx, { params }) => service.getResults(ctx, params.id),
  })
}
