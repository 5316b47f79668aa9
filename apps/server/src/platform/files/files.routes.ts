import multipart from '@fastify/multipart'
import {
  CreateFileUploadLink,
  FileLink,
  FileLinkQuery,
  FileParams,
  FileUsageInfo,
  StoredFileInfo,
} from '@minga/contracts/files'
import { eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { withOrg } from '../db/with-org.ts'
import { AppError, notFound } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { orgRoute } from '../http/org-route.ts'
import { localeOf } from '../http/problem-text.ts'
import { type ServiceContext, systemContext } from '../service-context.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'
import { FileRejectedError } from './file-rejection.ts'
import {
  fileUsage,
  getFile,
  type StoredFile,
  signedDownloadUrl,
  signedUploadUrl,
  storeFile,
} from './files.service.ts'
import { configureFiles, filesRuntime } from './files-runtime.ts'
import { attachment } from './s3-driver.ts'
import { verifyToken } from './signed-token.ts'
import { blobKey } from './storage-driver.ts'

/** Signed links are public (the signature is the credential), so they get a tighter rate limit. */
const LINK_RATE_LIMIT = { max: 120, timeWindow: '1 minute' }
/** A wildcard, not `:token`: upload tokens carry the file name and outgrow the router's param limit. */
const Token = z.object({ '*': z.string().min(10).max(4000) })

const MultipartFileBody = z.unknown().meta({
  description: 'multipart/form-data with one part named `file` (its file name and type are checked)',
})

const toInfo = (file: StoredFile): StoredFileInfo => ({
  id: file.id,
  sha256: file.sha256,
  size: file.size,
  mimeType: file.mimeType,
  originalName: file.originalName,
  uploadedBy: file.uploadedBy,
  createdAt: file.createdAt.toISOString(),
})

/** Answers a refused upload in the caller's language (field path `file`). */
async function storeLocalized(
  ctx: ServiceContext,
  request: FastifyRequest,
  input: Parameters<typeof storeFile>[1],
): Promise<StoredFile> {
  try {
    return await storeFile(ctx, input)
  } catch (err) {
    if (err instanceof FileRejectedError) throw err.localized(localeOf(request.headers['accept-language']))
    throw err
  }
}

function tooLarge(request: FastifyRequest): never {
  throw new FileRejectedError('too_large').localized(localeOf(request.headers['accept-language']))
}

/**
 * File routes: authenticated upload and metadata under the org, and the public signed-link route
 * that serves (local driver) or receives (both drivers) bytes.
 */
export function registerFileRoutes(app: AppInstance) {
  configureFiles(app.platform.config)
  const maxBytes = app.platform.config.files.maxUploadBytes

  // Multipart only in this scope: other routes keep answering 415 to form uploads.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } })
    const api = scope as unknown as AppInstance

    orgRoute(api, {
      method: 'POST',
      url: '/files',
      permission: 'files:write',
      rateLimitPerMinute: 60,
      schema: {
        summary: 'Upload a file (multipart/form-data, field `file`)',
        tags: ['files'],
        // Documents the multipart body; the bytes are read from the stream, not validated here.
        body: MultipartFileBody,
        response: { 201: StoredFileInfo },
      },
      async handler(ctx, { request, reply }) {
        if (!request.isMultipart()) {
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data', [
            { path: 'file', message: 'Expected a multipart/form-data body with a `file` part' },
          ])
        }
        const part = await request.file()
        if (!part) {
          throw new AppError('validation_failed', 'No file was sent', [{ path: 'file', message: 'Required' }])
        }
        let bytes: Buffer
        try {
          bytes = await part.toBuffer()
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') tooLarge(request)
          throw err
        }
        const stored = await storeLocalized(ctx, request, {
          bytes,
          originalName: part.filename,
          declaredMimeType: part.mimetype,
        })
        reply.status(201)
        return toInfo(stored)
      },
    })
  })

  orgRoute(app, {
    method: 'GET',
    url: '/files/usage',
    permission: 'files:read',
    schema: {
      summary: "The org's file storage use and quota",
      tags: ['files'],
      response: { 200: FileUsageInfo },
    },
    handler: (ctx) => fileUsage(ctx),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/files/:id',
    permission: 'files:read',
    schema: {
      summary: "A file's metadata",
      tags: ['files'],
      params: FileParams,
      response: { 200: StoredFileInfo },
    },
    async handler(ctx, { params }) {
      const file = await getFile(ctx, params.id)
      if (!file) throw notFound('File')
      return toInfo(file)
    },
  })

  orgRoute(app, {
    method: 'GET',
    url: '/files/:id/download-url',
    permission: 'files:read',
    schema: {
      summary: 'A signed, expiring download link for a file',
      tags: ['files'],
      params: FileParams,
      querystring: FileLinkQuery,
      response: { 200: FileLink },
    },
    async handler(ctx, { params, query }) {
      const url = await signedDownloadUrl(ctx, params.id, query.ttlSeconds)
      return { url, expiresAt: new Date(ctx.now.getTime() + query.ttlSeconds * 1000).toISOString() }
    },
  })

  orgRoute(app, {
    method: 'POST',
    url: '/files/upload-url',
    permission: 'files:write',
    schema: {
      summary: 'A signed, expiring link to PUT one file to',
      tags: ['files'],
      body: CreateFileUploadLink,
      response: { 200: FileLink },
    },
    async handler(ctx, { body }) {
      const link = await signedUploadUrl(ctx, {
        originalName: body.originalName,
        ...(body.mimeType ? { declaredMimeType: body.mimeType } : {}),
        ttlSeconds: body.ttlSeconds,
      })
      return { url: link.url, expiresAt: link.expiresAt.toISOString() }
    },
  })

  const rejectLink = (request: FastifyRequest, reason: 'tampered' | 'expired'): never => {
    const es = localeOf(request.headers['accept-language']) === 'es'
    const text =
      reason === 'expired'
        ? es
          ? 'El enlace del archivo expiró'
          : 'The file link has expired'
        : es
          ? 'El enlace del archivo no es válido'
          : 'The file link is invalid'
    throw new AppError('forbidden', text)
  }

  app.get(
    '/api/files/*',
    {
      config: { access: 'public', rateLimit: LINK_RATE_LIMIT },
      schema: { hide: true, params: Token },
    },
    async (request, reply) => {
      const { secret, driver } = filesRuntime()
      const check = verifyToken(secret, request.params['*'], new Date())
      if (!check.ok) return rejectLink(request, check.reason)
      if (check.payload.a !== 'get') return rejectLink(request, 'tampered')
      const { o: orgId, f: fileId } = check.payload
      const file = await withOrg(app.platform.database.db, orgId, (tx) =>
        getFile(systemContext(tx, orgId, request.id, { ip: request.ip }), fileId),
      )
      if (!file) throw notFound('File')
      const stream = await driver.read(blobKey(file.orgId, file.sha256))
      reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachment(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
      return reply.send(stream)
    },
  )

  // The signed upload link: raw bytes in the body, any content type (checked by sniffing).
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
      done(null, body),
    )
    ;(scope as unknown as AppInstance).put(
      '/api/files/*',
      {
        config: { access: 'public', rateLimit: LINK_RATE_LIMIT },
        schema: { hide: true, params: Token },
      },
      async (request, reply) => {
        const { secret } = filesRuntime()
        const check = verifyToken(secret, request.params['*'], new Date())
        if (!check.ok) return rejectLink(request, check.reason)
        if (check.payload.a !== 'put') return rejectLink(request, 'tampered')
        const { o: orgId, u: userId, n: originalName, m: declared } = check.payload
        const body = request.body
        if (!Buffer.isBuffer(body)) {
          throw new AppError('validation_failed', 'No file was sent', [{ path: 'file', message: 'Required' }])
        }
        // A signed link does not bypass the org's state: a suspended or unpaid org takes no new files.
        const [org] = await app.platform.database.db
          .select({ status: orgs.status, subscription: orgs.subscriptionStatus })
          .from(orgs)
          .where(eq(orgs.id, orgId))
        if (!org) throw notFound('Organization')
        if (org.status !== 'active' || org.subscription === 'cancelled' || org.subscription === 'past_due') {
          throw new AppError('forbidden', 'This organization cannot receive files now')
        }
        const header = request.headers['content-type']
        const declaredMimeType = declared ?? (typeof header === 'string' ? header : undefined)
        const stored = await withOrg(app.platform.database.db, orgId, (tx) =>
          storeLocalized(systemContext(tx, orgId, request.id, { userId, ip: request.ip }), request, {
            bytes: body,
            originalName,
            ...(declaredMimeType ? { declaredMimeType } : {}),
          }),
        )
        app.platform.events.wake()
        return reply.status(201).send(toInfo(stored))
      },
    )
  })
}
