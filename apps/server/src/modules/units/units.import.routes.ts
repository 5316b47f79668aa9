import { ImportUnitsJson, ImportUnitsOptions, ImportUnitsResult, Problem } from '@minga/contracts'
import { z } from 'zod'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { importUnits } from './units.import.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }

/** POST /units/import with a text/csv body (options in the query) or JSON {csv, dryRun, coefficientsFromAreas}. */
export function registerUnitImportRoute(app: AppInstance) {
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body))
  }
  orgRoute(app, {
    method: 'POST',
    url: '/units/import',
    permission: 'units:manage',
    schema: {
      summary: 'Import units from CSV (dry run or all-or-nothing commit, idempotent by code)',
      description:
        'Columns: code,type,building,area,coefficient[,holder_name,holder_email,holder_role]. ' +
        'Send text/csv with ?dryRun=true&coefficientsFromAreas=true, or JSON {csv, dryRun, coefficientsFromAreas}.',
      tags: ['units'],
      querystring: ImportUnitsOptions,
      body: z.union([z.string().min(1).max(1_000_000), ImportUnitsJson]),
      response: { 200: ImportUnitsResult, 422: Problem, ...errors },
    },
    handler(ctx, { query, body }) {
      const json = typeof body === 'string' ? undefined : body
      return importUnits(ctx, typeof body === 'string' ? body : body.csv, {
        dryRun: json?.dryRun ?? query.dryRun ?? false,
        coefficientsFromAreas: json?.coefficientsFromAreas ?? query.coefficientsFromAreas ?? false,
      })
    },
  })
}
