import {
  AssemblyParams,
  CastMotionBallot,
  CreateMotion,
  EmptyBody,
  Motion,
  MotionBallotReceipt,
  MotionList,
  MotionNamedBallotList,
  MotionParams,
  MotionReceiptList,
  MotionVoterRegister,
  Problem,
  UpdateMotion,
} from '@minga/contracts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as ballots from './ballots.service.ts'
import * as motions from './motions.service.ts'
import { TallyPusher } from './tally-push.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const writeErrors = { ...errors, 409: Problem, 422: Problem }
const tags = ['assemblies']

export function registerMotionRoutes(app: AppInstance) {
  const tallyPusher = new TallyPusher(app.platform.database.db, app.platform.realtime, app.log)

  orgRoute(app, {
    method: 'GET',
    url: '/assemblies/:id/motions',
    permission: 'assemblies:read',
    schema: {
      summary: 'Motions of an assembly',
      tags,
      params: AssemblyParams,
      response: { 200: MotionList, ...errors },
    },
    handler: (ctx, { params }) => motions.listMotions(ctx, params.id),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/assemblies/:id/motions',
    permission: 'assemblies:manage',
    idempotent: true,
    schema: {
      summary: 'Create a motion on an agenda item (draft)',
      tags,
      params: AssemblyParams,
      body: CreateMotion,
      response: { 201: Motion, ...writeErrors },
    },
    async handler(ctx, { params, body, reply }) {
      const motion = await motions.createMotion(ctx, params.id, body)
      setETag(reply, motion.version)
      reply.status(201)
      return motion
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/motions/:id',
    permission: 'assemblies:read',
    schema: {
      summary: 'One motion (totals only when results are visible)',
      tags,
      params: MotionParams,
      response: { 200: Motion, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const motion = await motions.getMotion(ctx, params.id)
      setETag(reply, motion.version)
      return motion
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/motions/:id',
    permission: 'assemblies:manage',
    schema: {
      summary: 'Edit a draft motion, or switch its results to hidden (send If-Match)',
      tags,
      params: MotionParams,
      body: UpdateMotion,
      response: { 200: Motion, 412: Problem, 428: Problem, ...writeErrors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const motion = await motions.updateMotion(ctx, params.id, expectedVersion(request), body)
      setETag(reply, motion.version)
      return motion
    },
  })

  for (const [action, run, summary] of [
    ['open', motions.openMotion, 'Open voting (quorum snapshot at open)'],
    ['close', motions.closeMotion, 'Close voting (quorum snapshot, result computed once)'],
    ['publish', motions.publishMotion, 'Publish the result'],
  ] as const) {
    orgRoute(app, {
      method: 'POST',
      url: `/motions/:id/${action}`,
      permission: 'assemblies:manage',
      schema: {
        summary,
        tags,
        params: MotionParams,
        body: EmptyBody,
        response: { 200: Motion, ...writeErrors },
      },
      async handler(ctx, { params, reply }) {
        const motion = await run(ctx, params.id)
        setETag(reply, motion.version)
        return motion
      },
    })
  }

  orgRoute(app, {
    method: 'POST',
    url: '/motions/:id/ballots',
    permission: 'assemblies:vote',
    schema: {
      summary: 'Cast a ballot for one unit (keep the returned nonce to check your receipt)',
      tags,
      params: MotionParams,
      body: CastMotionBallot,
      response: { 201: MotionBallotReceipt, ...writeErrors },
    },
    async handler(ctx, { params, body, reply, afterCommit }) {
      const receipt = await ballots.castBallot(ctx, params.id, body)
      afterCommit(async () => tallyPusher.schedule(ctx.orgId, params.id))
      reply.status(201)
      return receipt
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/motions/:id/receipts',
    permission: 'assemblies:read',
    schema: {
      summary: 'Published ballot receipts (after close)',
      tags,
      params: MotionParams,
      response: { 200: MotionReceiptList, 409: Problem, ...errors },
    },
    handler: (ctx, { params }) => ballots.listReceipts(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/motions/:id/voters',
    permission: 'assemblies:manage',
    schema: {
      summary: 'Who voted (units), never the choice',
      tags,
      params: MotionParams,
      response: { 200: MotionVoterRegister, ...errors },
    },
    handler: (ctx, { params }) => ballots.listVoterRegister(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/motions/:id/ballots',
    permission: 'assemblies:read',
    schema: {
      summary: 'Named ballots (named motions only)',
      tags,
      params: MotionParams,
      response: { 200: MotionNamedBallotList, ...errors },
    },
    handler: (ctx, { params }) => ballots.listNamedBallots(ctx, params.id),
  })
}
