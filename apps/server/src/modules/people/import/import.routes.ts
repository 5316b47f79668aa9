import multipart from '@fastify/multipart'
import {
  CommitPersonImport,
  PersonExportQuery,
  PersonImport,
  PersonImportErrorPage,
  PersonImportErrorQuery,
  PersonImportListQuery,
  PersonImportPage,
  PersonImportParams,
  Problem,
  ValidatePersonImport,
} from '@minga/contracts'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { FileRejectedError, readMultipartForm, requireUpload } from '../../../platform/files/index.ts'
import { AppError } from '../../../platform/http/app-error.ts'
import type { AppInstance } from '../../../platform/http/app-instance.ts'
import { orgRoute } from '../../../platform/http/org-route.ts'
import { exportPeople } from './export.service.ts'
import { COMMIT_JOB, type ImportJobData, VALIDATE_JOB } from './import.process.ts'
import * as service from './import.service.ts'
import { type ImportLocale, importLocaleOf } from './messages.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['people']
const permission = 'people:write'
const MultipartBody = z
  .unknown()
  .meta({ description: 'multipart/form-data with one part `file` (.csv or .xlsx)' })

/** Reads the one `file` part of a multipart form. */
async function readUpload(request: FastifyRequest, locale: ImportLocale) {
  const form = await readMultipartForm(request, {
    what: 'file',
    tooLarge: () => new FileRejectedError('too_large').localized(locale),
  })
  return requireUpload(form)
}

const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

/** Bulk import (upload → map → validate job → commit job) and export of the people registry. */
export function registerPeopleImportRoutes(app: AppInstance) {
  const sendJob = (name: string, data: ImportJobData) => () =>
    app.platform.jobs.send(name, data).then(() => undefined)

  // Multipart only in this scope (like documents): other routes keep refusing forms.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: service.MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 },
    })
    orgRoute(scope as unknown as AppInstance, {
      method: 'POST',
      url: '/people/imports',
      permission,
      rateLimitPerMinute: 30,
      schema: {
        summary: 'Upload a CSV or XLSX of people: reads the headers and a preview, suggests a column mapping',
        tags,
        body: MultipartBody,
        response: { 201: PersonImport, 413: Problem, 415: Problem, 422: Problem, ...errors },
      },
      async handler(ctx, { request, reply }) {
        const locale = importLocaleOf(request.headers['accept-language'])
        const created = await service.uploadImport(ctx, await readUpload(request, locale), locale)
        reply.status(201)
        return created
      },
    })
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/imports',
    permission,
    schema: {
      summary: 'Import history, newest first',
      tags,
      querystring: PersonImportListQuery,
      response: { 200: PersonImportPage, ...errors },
    },
    handler: (ctx, { query }) => service.listImports(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/imports/:id',
    permission,
    schema: {
      summary: 'One import with its counts and first 50 errors',
      tags,
      params: PersonImportParams,
      response: { 200: PersonImport, ...errors },
    },
    handler: (ctx, { params }) => service.getImport(ctx, params.id),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/imports/:id/errors',
    permission,
    schema: {
      summary: "An import's errors by row (row, column, message)",
      tags,
      params: PersonImportParams,
      querystring: PersonImportErrorQuery,
      response: { 200: PersonImportErrorPage, ...errors },
    },
    handler: (ctx, { params, query }) => service.listImportErrors(ctx, params.id, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/imports/:id/report.csv',
    permission,
    schema: {
      summary: 'Every error as CSV (fila, columna, mensaje), for fixing the file in a spreadsheet',
      tags,
      params: PersonImportParams,
      response: { 200: z.any().meta({ description: 'text/csv' }), ...errors },
    },
    async handler(ctx, { params, reply }) {
      const report = await service.importReportCsv(ctx, params.id)
      const base = report.fileName.replace(/\.[^.]+$/, '')
      reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`errores-${base}.csv`))
      return report.csv
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/people/imports/:id/validate',
    permission,
    schema: {
      summary: 'Validate with a column mapping (dry run, in the background): 202',
      description:
        'Mapping phone or salary needs people:read_sensitive (403). Allowed from uploaded, validated or failed.',
      tags,
      params: PersonImportParams,
      body: ValidatePersonImport,
      response: { 202: PersonImport, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, reply, afterCommit }) {
      const result = await service.requestValidation(ctx, params.id, body)
      afterCommit(sendJob(VALIDATE_JOB, jobData(ctx, params.id)))
      reply.status(202)
      return result
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/people/imports/:id/commit',
    permission,
    schema: {
      summary: 'Commit a validated import (in the background): all or nothing, or only the valid rows; 202',
      tags,
      params: PersonImportParams,
      body: CommitPersonImport,
      response: { 202: PersonImport, 409: Problem, 422: Problem, ...errors },
    },
    async handler(ctx, { params, body, reply, afterCommit }) {
      const result = await service.requestCommit(ctx, params.id, body)
      afterCommit(sendJob(COMMIT_JOB, jobData(ctx, params.id)))
      reply.status(202)
      return result
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/people/export',
    permission: 'people:read',
    schema: {
      summary: 'Export the filtered people list as CSV or XLSX (sensitive columns masked without permission)',
      tags,
      querystring: PersonExportQuery,
      response: { 200: z.any().meta({ description: 'text/csv or XLSX' }), ...errors },
    },
    async handler(ctx, { query, reply }) {
      const file = await exportPeople(ctx, query)
      reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-row-count', String(file.rowCount))
      return file.body
    },
  })
}

function jobData(ctx: { orgId: string; actor: { userId: string | null } }, importId: string): ImportJobData {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'Imports are started by a signed-in member')
  return { orgId: ctx.orgId, importId, userId: ctx.actor.userId }
}
