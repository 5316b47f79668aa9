import type { FieldError, Problem } from '@minga/contracts'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { es as zodSpanish } from 'zod/locales'
import { AppError, type ErrorCode, errorStatus } from './app-error.ts'
import { type ApiLocale, localeOf, problemTitles } from './problem-text.ts'

const spanishIssueText = zodSpanish().localeError

/** Fastify's own error codes for malformed requests, mapped onto our closed list. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string | undefined,
  errors?: FieldError[],
) {
  const locale = localeOf(request.headers['accept-language'])
  const status = errorStatus[code]
  const problem: Problem = {
    type: `https://minga.coop/problems/${code.replaceAll('_', '-')}`,
    title: problemTitles[code][locale],
    status,
    ...(detail ? { detail } : {}),
    code,
    ...(errors?.length ? { errors } : {}),
    requestId: request.id,
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem)
}

function validationErrors(
  error: { validation: { instancePath: string; message?: string; keyword: string; params: object }[] },
  context: string | undefined,
  locale: ApiLocale,
): FieldError[] {
  return error.validation.flatMap((v) => {
    const segments = v.instancePath.split('/').filter(Boolean)
    // One entry per unknown field, pointing at the field itself.
    const unknownKeys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined
    if (unknownKeys?.length) {
      return unknownKeys.map((key) => ({
        path: [context, ...segments, key].filter(Boolean).join('.'),
        message: locale === 'es' ? 'Campo desconocido' : 'Unknown field',
      }))
    }
    const path = [context, ...segments].filter(Boolean).join('.')
    let message = v.message ?? 'Invalid value'
    if (locale === 'es') {
      const localized = spanishIssueText({ code: v.keyword, path: segments, ...v.params } as never)
      const text = typeof localized === 'string' ? localized : localized?.message
      if (text) message = text
    }
    return [{ path, message }]
  })
}

/** Every error leaves as problem+json; internals (stack, SQL, messages of unknown errors) never do. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request.headers['accept-language'])
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, error.message, error.errors)
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationErrors(error, error.validationContext, locale)
      const detail =
        locale === 'es' ? `${errors.length} campo(s) con errores` : `${errors.length} invalid field(s)`
      return sendProblem(request, reply, 'validation_failed', detail, errors)
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema')
      return sendProblem(request, reply, 'internal', undefined)
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined
    if (mapped) return sendProblem(request, reply, mapped, error.message)
    if (error.statusCode === 429) return sendProblem(request, reply, 'rate_limited', error.message)
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, 'bad_request', error.message)
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(request, reply, 'internal', undefined)
  })
}
