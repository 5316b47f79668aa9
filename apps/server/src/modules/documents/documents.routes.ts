import multipart from '@fastify/multipart'
import {
  CreateDocumentFields,
  DocumentLink,
  DocumentPage,
  DocumentParams,
  DocumentQuery,
  DocumentWithVersions,
  Problem,
  UpdateDocument,
} from '@minga/contracts'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { FileRejectedError, readMultipartForm, requireUpload } from '../../platform/files/index.ts'
import { AppError } from '../../platform/http/app-error.ts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { expectedVersion, setETag } from '../../platform/http/etag.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import { localeOf } from '../../platform/http/problem-text.ts'
import * as service from './documents.service.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['documents']
const MultipartBody = z.unknown().meta({
  description: 'multipart/form-data: part `file` plus the text fields of the form',
})
const DownloadQuery = z.object({ versionId: z.uuid().optional() })

/** Reads a multipart form: one file part (`file`) and text fields. File refusals speak the caller's language. */
function readForm(request: FastifyRequest) {
  const locale = localeOf(request.headers['accept-language'])
  return readMultipartForm(request, {
    what: 'document',
    tooLarge: () => new FileRejectedError('too_large').localized(locale),
  })
}

function parseCreateFields(fields: Record<string, string>) {
  const roles = fields.visibleToRoles
  const parsed = CreateDocumentFields.safeParse({
    ...fields,
    ...(roles !== undefined
      ? {
          visibleToRoles: roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        }
      : {}),
    ...(fields.description === '' ? { description: undefined } : {}),
  })
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'The document fields are invalid',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })),
    )
  }
  return parsed.data
}

/** Runs a service that stores a file, answering file refusals (422, path `file`) in the caller's language. */
async function localized<T>(request: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof FileRejectedError) throw err.localized(localeOf(request.headers['accept-language']))
    throw err
  }
}

export function registerDocumentRoutes(app: AppInstance) {
  const maxBytes = app.platform.config.files.maxUploadBytes

  // Multipart only in this scope, like platform/files: other routes keep answering 415 to forms.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } })
    const api = scope as unknown as AppInstance

    orgRoute(api, {
      method: 'POST',
      url: '/documents',
      permission: 'documents:write',
      rateLimitPerMinute: 60,
      schema: {
        summary: 'Upload a document (multipart: `file` + entityType, entityId, documentType, title, …)',
        tags,
        body: MultipartBody,
        response: { 201: DocumentWithVersions, 413: Problem, 415: Problem, 422: Problem, ...errors },
      },
      async handler(ctx, { request, reply }) {
        const form = await readForm(request)
        const fields = parseCreateFields(form.fields)
        const upload = requireUpload(form)
        const document = await localized(request, () => service.createDocument(ctx, fields, upload))
        setETag(reply, document.version)
        reply.status(201)
        return document
      },
    })

    orgRoute(api, {
      method: 'POST',
      url: '/documents/:id/versions',
      permission: 'documents:write',
      rateLimitPerMinute: 60,
      schema: {
        summary: 'Upload a new version of a document (multipart, part `file`)',
        tags,
        params: DocumentParams,
        body: MultipartBody,
        response: { 201: DocumentWithVersions, 413: Problem, 415: Problem, 422: Problem, ...errors },
      },
      async handler(ctx, { params, request, reply }) {
        // The document first: an unknown or hidden id is 404 whatever the body.
        await service.getDocument(ctx, params.id)
        const upload = requireUpload(await readForm(request))
        const document = await localized(request, () => service.addVersion(ctx, params.id, upload))
        setETag(reply, document.version)
        reply.status(201)
        return document
      },
    })
  })

  orgRoute(app, {
    method: 'GET',
    url: '/documents',
    permission: 'documents:read',
    schema: {
      summary: 'Documents visible to the caller, by entity and/or Spanish full-text search (`q`)',
      tags,
      querystring: DocumentQuery,
      response: { 200: DocumentPage, ...errors },
    },
    handler: (ctx, { query }) => service.listDocuments(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/documents/:id',
    permission: 'documents:read',
    schema: {
      summary: 'One document with its versions',
      tags,
      params: DocumentParams,
      response: { 200: DocumentWithVersions, ...errors },
    },
    async handler(ctx, { params, reply }) {
      const document = await service.getDocument(ctx, params.id)
      setETag(reply, document.version)
      return document
    },
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/documents/:id',
    permission: 'documents:write',
    schema: {
      summary: "Change a document's metadata or visibility (send If-Match with its ETag)",
      tags,
      params: DocumentParams,
      body: UpdateDocument,
      response: { 200: DocumentWithVersions, 412: Problem, 428: Problem, ...errors },
    },
    async handler(ctx, { params, body, request, reply }) {
      const document = await service.updateDocument(ctx, params.id, expectedVersion(request), body)
      setETag(reply, document.version)
      return document
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/documents/:id',
    permission: 'documents:write',
    schema: {
      summary: 'Delete a document (soft, audited)',
      tags,
      params: DocumentParams,
      response: { 204: z.null(), ...errors },
    },
    async handler(ctx, { params, reply }) {
      await service.removeDocument(ctx, params.id)
      reply.status(204)
      return null
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/documents/:id/download-url',
    permission: 'documents:read',
    schema: {
      summary: "A signed, two-minute link to a document's latest (or named) version",
      tags,
      params: DocumentParams,
      querystring: DownloadQuery,
      response: { 200: DocumentLink, ...errors },
    },
    handler: (ctx, { params, query }) => service.documentDownloadUrl(ctx, params.id, query.versionId),
  })
}
