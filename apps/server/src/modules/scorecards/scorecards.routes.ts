import { MyScorecard, OrgScorecard, Problem, ScorecardQuery } from '@minga/contracts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as service from './scorecards.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem }
const tags = ['scorecards']

export function registerScorecardRoutes(app: AppInstance) {
  orgRoute(app, {
    method: 'GET',
    url: '/scorecards/org',
    permission: 'scorecards:read',
    schema: {
      summary: "The org's participation KPIs over a date range (default: the last 12 months)",
      tags,
      querystring: ScorecardQuery,
      response: { 200: OrgScorecard, ...errors },
    },
    handler: (ctx, { query }) => service.orgScorecard(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/scorecards/me',
    permission: 'org:read',
    schema: {
      summary: "The caller's own participation (their units, invitations and cards)",
      tags,
      querystring: ScorecardQuery,
      response: { 200: MyScorecard, ...errors },
    },
    handler: (ctx, { query }) => service.myScorecard(ctx, query),
  })
}
