import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from './app-error.ts'

/** Entities carry an integer `version`; it is their ETag. */
export function setETag(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`)
}

/**
 * The version the client read, from If-Match. Updates require it: without it a client could
 * silently overwrite a change it never saw (lost update).
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match']
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read')
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim())
  if (!match) throw new AppError('precondition_failed', 'If-Match does not match the current version')
  return Number(match[1])
}

export function assertVersion(expected: number, actual: number) {
  if (expected !== actual) throw new AppError('precondition_failed', 'The resource changed since you read it')
}
