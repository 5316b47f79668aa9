import { ActivityEntityParams, ActivityPage, ActivityQuery, PageQuery, Problem } from '@minga/contracts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as service from './activity.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['activity']

export function registerActivityRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/activity',
    permission: 'activity:read',
    schema: {
      summary: 'The org activity timeline, newest first (only entity types the caller may read)',
      tags,
      querystring: ActivityQuery,
      response: { 200: ActivityPage, ...errors },
    },
    handler: (ctx, { query }) => service.listActivity(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/activity/entities/:entityType/:entityId',
    permission: 'activity:read',
    schema: {
      summary: "One entity's timeline (an assembly's includes its motions), newest first",
      tags,
      params: ActivityEntityParams,
      querystring: PageQuery,
      response: { 200: ActivityPage, ...errors },
    },
    handler: (ctx, { params, query }) => service.entityActivity(ctx, params, query),
  })
}
